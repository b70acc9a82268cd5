"""Forms of a mediation's outcome: drafting, signing online and on paper, performance,
rating, and the judge's decision on a confirmation. They parse and bound the input; the
actions and flows check again and decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tianping.lib.money import YuanField
from tianping.lib.text import CleanTextForm
from tianping.mediation import actions_outcomes as limits
from tianping.mediation.agreement_templates import TEMPLATES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DraftForm(CleanTextForm):
    template = forms.ChoiceField(label=_("Template"), choices=list(TEMPLATES.items()))
    text = forms.CharField(label=_("Terms of the agreement"), max_length=limits.AGREEMENT_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 14}))
    amount = YuanField(label=_("Amount agreed (yuan, optional)"), required=False)
    pay_by = forms.DateField(label=_("To be paid by (optional)"), required=False,
                             widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


def _party_choices(parties):
    return [(str(p.pk), f"{p.name}（{p.get_role_display()}）") for p in parties]


class SignForm(CleanTextForm):
    party = forms.ChoiceField(label=_("Signing for"))
    version = forms.IntegerField(widget=forms.HiddenInput)
    read = forms.BooleanField(
        label=_("I have read the agreement above and agree to it; my signature is recorded "
                "with the time."))
    joins_confirmation = forms.BooleanField(
        label=_("I also apply, jointly with the other parties, for judicial confirmation"),
        required=False)

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["party"].choices = _party_choices(parties)
        if len(parties) == 1:
            self.fields["party"].widget = forms.HiddenInput()
            self.fields["party"].initial = str(parties[0].pk)


class PaperForm(CleanTextForm):
    parties = forms.MultipleChoiceField(label=_("Parties who signed the printed agreement"),
                                        widget=forms.CheckboxSelectMultiple)
    joins_confirmation = forms.MultipleChoiceField(
        label=_("Parties who also signed the joint application for judicial confirmation"),
        widget=forms.CheckboxSelectMultiple, required=False)
    scan = forms.FileField(label=_("Scan of the signed agreement (PDF, JPEG or PNG)"))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["parties"].choices = _party_choices(parties)
        self.fields["joins_confirmation"].choices = _party_choices(parties)


class PerformanceForm(CleanTextForm):
    performed = forms.ChoiceField(
        label=_("Was the agreement performed?"), widget=forms.RadioSelect,
        choices=[("yes", _("Yes, performed in full")), ("no", _("No, not (fully) performed"))])
    note = forms.CharField(label=_("Note (optional)"), required=False,
                           max_length=limits.COMMENT_LENGTH)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


class RatingForm(CleanTextForm):
    party = forms.ChoiceField(label=_("Rating as"))
    stars = forms.TypedChoiceField(
        label=_("Rating"), coerce=int, widget=forms.RadioSelect,
        choices=[(5, "★★★★★"), (4, "★★★★"), (3, "★★★"), (2, "★★"), (1, "★")])
    comment = forms.CharField(label=_("Comment (optional)"), required=False,
                              max_length=limits.COMMENT_LENGTH)

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["party"].choices = _party_choices(parties)
        if len(parties) == 1:
            self.fields["party"].widget = forms.HiddenInput()
            self.fields["party"].initial = str(parties[0].pk)


class RulingForm(CleanTextForm):
    decision = forms.ChoiceField(
        label=_("Ruling"), widget=forms.RadioSelect,
        choices=[("granted", _("The agreement is valid (confirmed)")),
                 ("dismissed", _("The application is dismissed"))])
    reasons = forms.CharField(label=_("Reasons (required to dismiss)"), required=False,
                              max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def clean(self):
        data = super().clean()
        if data.get("decision") == "dismissed" and not (data.get("reasons") or "").strip():
            self.add_error("reasons", _("Give the reasons for dismissing the application."))
        return data
