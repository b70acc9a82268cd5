"""Forms of the procedure page: they parse and check input; the actions decide."""

from django import forms
from django.utils.translation import gettext_lazy

from tianping.lib.text import CleanTextForm
from tianping.payorders.actions import TEXT_LENGTH


class ConfirmForm(CleanTextForm):
    """An irreversible act, confirmed by a ticked box (no JavaScript needed)."""

    confirm = forms.BooleanField(label=gettext_lazy("I confirm"), required=True)


class ReasonsForm(ConfirmForm):
    reasons = forms.CharField(
        label=gettext_lazy("Reasons for dismissing the application"), max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}))
    field_order = ["reasons", "confirm"]  # the reasons first, the confirmation last


class ObjectionForm(CleanTextForm):
    """The debtor's own written objection."""

    text = forms.CharField(
        label=gettext_lazy("Your written objection"), max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Say why you dispute the debt. Saying only that you cannot pay "
                               "now does not stop the order."))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"] = forms.TypedChoiceField(
            label=gettext_lazy("Objecting as"), coerce=int,
            choices=[(p.pk, p.name) for p in parties])


class WindowObjectionForm(ObjectionForm):
    """A paper objection handed in at the court, entered by the filing division."""

    received_on = forms.DateField(
        label=gettext_lazy("Handed in on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = gettext_lazy("The objection as written")
        self.fields["party"].label = gettext_lazy("Debtor")


class AnswerForm(CleanTextForm):
    """The creditor's answer: their own, or handed in on paper and entered by the court."""

    want_suit = forms.TypedChoiceField(
        label=gettext_lazy("After the termination"), coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        choices=[("yes", gettext_lazy("I agree that the dispute goes to litigation now")),
                 ("no", gettext_lazy("I do not want a suit"))])

    def __init__(self, *args, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        if staff:
            self.fields["want_suit"].choices = [
                ("yes", gettext_lazy("The creditor agrees that the dispute goes to litigation "
                                     "now")),
                ("no", gettext_lazy("The creditor does not want a suit"))]


class NoticeForm(CleanTextForm):
    published_on = forms.DateField(
        label=gettext_lazy("Published on"), widget=forms.DateInput(attrs={"type": "date"}))
    where = forms.CharField(label=gettext_lazy("Where published"), max_length=200)
