from django import forms
from django.utils.translation import gettext_lazy

from tianping.lib.money import YuanField
from tianping.lib.widgets import DateInput


class PaymentForm(forms.Form):
    """A payment the clerk confirms by hand: the amount, the day, the receipt reference."""

    amount = YuanField(label=gettext_lazy("Amount paid (yuan)"))
    paid_on = forms.DateField(
        label=gettext_lazy("Paid on"), widget=DateInput()
    )
    receipt = forms.CharField(label=gettext_lazy("Receipt reference"), max_length=64)
