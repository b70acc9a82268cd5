"""The funds forms: they parse input; the actions check and decide. Every form that moves
money carries an idempotency key (hidden, made when the form is shown): a double click or
a retry sends the same key, and the action does the thing once."""

import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from tianping.funds.choices import DeferralReason, EntryKind
from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput


def new_key() -> str:
    return secrets.token_urlsafe(18)


class KeyedForm(CleanTextForm):
    key = forms.CharField(widget=forms.HiddenInput, max_length=80)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["key"].initial = new_key()


def _amount():
    return forms.DecimalField(label=_("Amount (yuan)"), max_digits=16, decimal_places=2,
                              min_value=0.01)


class ArrivalForm(KeyedForm):
    case_number = forms.CharField(
        label=_("Case number"), required=False, max_length=40,
        help_text=_("Leave empty when the money arrived in the master account without a "
                    "case (to be claimed)."))
    amount = _amount()
    on = forms.DateField(label=_("Date of arrival"), widget=DateInput())
    payer = forms.CharField(label=_("Payer"), max_length=200)
    reference = forms.CharField(label=_("Bank reference"), max_length=64)
    purpose = forms.CharField(label=_("Purpose given by the payer"), max_length=200,
                              required=False)


class ClaimForm(forms.Form):
    arrival = forms.TypedChoiceField(label=_("Money in the master account"), coerce=int)

    def __init__(self, *args, arrivals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["arrival"].choices = list(arrivals)


class PayoutForm(KeyedForm):
    party = forms.TypedChoiceField(label=_("Payee (a party of the case)"), coerce=int)
    representative = forms.TypedChoiceField(
        label=_("Pay to the party's agent instead (optional)"), coerce=int, required=False,
        empty_value=None)
    amount = _amount()
    bank = forms.CharField(label=_("Bank"), max_length=100)
    account_name = forms.CharField(label=_("Account name"), max_length=200)
    account_number = forms.CharField(label=_("Account number"), max_length=40)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, parties=(), agents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = list(parties)
        if agents:
            self.fields["representative"].choices = [("", "—"), *agents]
        else:
            del self.fields["representative"]


class DeferralForm(CleanTextForm):
    reason = forms.ChoiceField(label=_("Reason for deferral"), choices=DeferralReason.choices)
    note = forms.CharField(label=_("Explanation"), max_length=500,
                           widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(CleanTextForm):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("refuse", _("Refuse"))])
    note = forms.CharField(label=_("Note (required to refuse)"), max_length=500,
                           required=False)


class PayForm(KeyedForm):
    reference = forms.CharField(label=_("Bank reference of the transfer"), max_length=64)


OUTFLOWS = [(EntryKind.FEE, EntryKind.FEE.label), (EntryKind.REFUNDED, EntryKind.REFUNDED.label),
            (EntryKind.DEPOSITED, EntryKind.DEPOSITED.label)]


class OutflowForm(KeyedForm):
    kind = forms.ChoiceField(label=_("Movement"), choices=OUTFLOWS)
    amount = _amount()
    counterparty = forms.CharField(label=_("To whom"), max_length=200, required=False)
    reference = forms.CharField(label=_("Bank reference"), max_length=64, required=False)
    purpose = forms.CharField(label=_("Purpose"), max_length=200, required=False)


class StatementForm(forms.Form):
    month = forms.RegexField(label=_("Month (YYYY-MM)"), regex=r"^\d{4}-(0[1-9]|1[0-2])$")
    file = forms.FileField(label=_("Bank statement (CSV, UTF-8 or GB18030)"))
