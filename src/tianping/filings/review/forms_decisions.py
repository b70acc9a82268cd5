"""The forms of the filing division's decisions on a filing: correction notice, filing the
case, refusal proposal and a judge's decision on it, transfer, papers attached. Forms only
parse and check input; the actions decide (filings.actions)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.courts.models import Court
from tianping.filings.choices import (
    AttachmentKind,
    RefusalBasis,
)
from tianping.filings.limits import (
    ITEM_LENGTH,
    MAX_CORRECTION_ITEMS,
    REASONS_LENGTH,
    check_respond_by,
)
from tianping.filings.limits import default_respond_by as respond_by_from
from tianping.filings.review.forms import DATE_INPUT, LabelledForm
from tianping.lib.text import clean_text, too_long


class CorrectionForm(LabelledForm):
    """One notice listing everything to correct (一次性告知), and the date to correct by:
    from tomorrow to FILING_CORRECTION_MAX_DAYS days ahead (`filings.limits`)."""

    respond_by = forms.DateField(label=gettext_lazy("Correct by"), widget=DATE_INPUT)

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("initial", {"respond_by": default_respond_by()})
        super().__init__(data, **kwargs)
        items = [clean_text(i).strip() for i in (data.getlist("item") if data else [])]
        self.items = [i for i in items if i]
        self.lines = [*self.items, ""] if data else ["", "", ""]  # what the form shows

    def clean_respond_by(self):
        return check_respond_by(self.cleaned_data["respond_by"], timezone.localdate())

    def clean(self):
        if not self.items:
            raise forms.ValidationError(_("List at least one thing to correct."))
        if len(self.items) > MAX_CORRECTION_ITEMS:
            raise forms.ValidationError(
                _("A notice lists at most %(max)d things to correct.")
                % {"max": MAX_CORRECTION_ITEMS}
            )
        for n, item in enumerate(self.items, start=1):
            if message := too_long(item, ITEM_LENGTH):
                self.add_error(None, _("Item %(n)d: %(error)s") % {"n": n, "error": message})
        return super().clean()


def default_respond_by() -> datetime.date:
    return respond_by_from(timezone.localdate())


class AcceptForm(LabelledForm):
    """Filing the case cannot be undone: the clerk ticks that the filing meets the
    conditions first (a confirmation that needs no JavaScript)."""

    confirm = forms.BooleanField(
        label=gettext_lazy(
            "I have checked the filing: it meets the conditions for filing. "
            "This cannot be undone."
        ),
        error_messages={"required": gettext_lazy("Tick the box to confirm filing the case.")},
    )


class RefusalForm(LabelledForm):
    """A proposal to refuse (不予受理), decided by a judge: the statutory basis and the
    reasons of the ruling (登记立案规定 art. 9)."""

    basis = forms.ChoiceField(
        label=gettext_lazy("Statutory basis"),
        choices=[("", "—"), *RefusalBasis.choices],
    )
    reasons = forms.CharField(
        label=gettext_lazy("Reasons of the ruling"),
        min_length=10,
        max_length=REASONS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "The facts and the legal grounds, in full (at least 10 characters)."
        ),
    )


class RefusalDecisionForm(LabelledForm):
    """A judge's decision on a proposal to refuse. Issuing the ruling cannot be undone: the
    box must be ticked (no JavaScript needed); not approving needs a note saying why."""

    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        widget=forms.RadioSelect,
        choices=[
            ("refuse", gettext_lazy("Refuse: issue the ruling in my name")),
            ("decline", gettext_lazy("Do not refuse: send it back to review")),
        ],
    )
    note = forms.CharField(
        label=gettext_lazy("Note to the filing division"),
        required=False,
        max_length=REASONS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when you do not approve the refusal."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "I have read the filing and the proposal. A ruling, once issued, cannot be undone."
        ),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refuse" and not data.get("confirm"):
            self.add_error("confirm", _("Tick the box to confirm issuing the ruling."))
        if data.get("decision") == "decline" and len((data.get("note") or "").strip()) < 2:
            self.add_error("note", _("Say why the refusal is not approved."))
        return data


class TransferForm(LabelledForm):
    to_court = forms.ModelChoiceField(
        label=gettext_lazy("Transfer to"), queryset=Court.objects.none(), to_field_name="code"
    )
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=ITEM_LENGTH)

    def __init__(self, *args, filing, **kwargs):
        super().__init__(*args, **kwargs)
        courts = Court.objects.filter(is_active=True).exclude(pk=filing.court_id)
        self.fields["to_court"].queryset = courts


class AttachForm(LabelledForm):
    """The kind of the papers uploaded with it (the files come as `files`, several at once)."""

    upload_kind = forms.ChoiceField(
        label=gettext_lazy("Kind of paper"), choices=AttachmentKind.choices, required=False
    )
