"""The supervision forms: they parse and check input; the actions decide."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tianping.deadlines.queries import LONG_PENDING_MONTHS
from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput
from tianping.supervision.actions import TEXT_MAX
from tianping.supervision.choices import MAX_CASES, Reason


def _list_choices():
    return [("", _("Cases I name")), ("overdue", _("Cases past their time limit"))] + [
        (f"long_pending:{m}", _("Cases pending over %(n)d months") % {"n": m})
        for m in LONG_PENDING_MONTHS]


class IssueForm(CleanTextForm):
    reason = forms.ChoiceField(label=_("Reason for supervision"), choices=Reason.choices)
    instructions = forms.CharField(
        label=_("Instructions to the judges"), required=False, max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the judges are to report or do; required for the reason \"other\"."))
    reply_due_on = forms.DateField(label=_("Reply due on"), widget=DateInput())
    source = forms.ChoiceField(label=_("Which cases"), choices=_list_choices, required=False)
    whole_list = forms.BooleanField(
        label=_("Every case of this list"), required=False,
        help_text=_("At most %(n)d cases on one order.") % {"n": MAX_CASES})
    picked = forms.MultipleChoiceField(label=_("Cases of the list"), required=False,
                                       widget=forms.CheckboxSelectMultiple)
    cases = forms.CharField(
        label=_("Case numbers"), required=False, max_length=MAX_CASES * 41,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line, or separated by commas."))

    def __init__(self, *args, picks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["picked"].choices = list(picks)
        if not picks:
            del self.fields["picked"]
        self.fields["reply_due_on"].initial = timezone.localdate() + datetime.timedelta(days=7)

    def clean(self):
        data = super().clean()
        if not (data.get("whole_list") or data.get("picked") or (data.get("cases") or "").strip()):
            raise forms.ValidationError(_("Name the cases, tick them, or take the whole list."))
        if data.get("whole_list") and not data.get("source"):
            self.add_error("whole_list", _("Choose the list first."))
        return data


class ReplyForm(CleanTextForm):
    reply = forms.CharField(label=_("Reply"), max_length=TEXT_MAX,
                            widget=forms.Textarea(attrs={"rows": 4}))
    attachment = forms.FileField(label=_("Attachment (PDF, JPEG, PNG or OFD; optional)"),
                                 required=False)


class CloseForm(CleanTextForm):
    note = forms.CharField(label=_("Note on closing"), required=False, max_length=TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": 2}))
