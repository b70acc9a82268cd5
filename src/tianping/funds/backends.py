"""How finance pays a payout out of the funds account. A backend is a small class with
`pay(payout, reference) -> str` returning the bank's reference of the transfer; the
setting FUNDS_PAYMENT_BACKEND names it. The default is manual: finance makes the transfer
in the bank's own system and enters its reference here. A backend that calls a bank must
be idempotent on `payout.pk` (the bank's own request id), so a retry never pays twice."""

from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from tianping.funds.conf import payment_backend_path


class ManualBackend:
    needs_reference = True

    def pay(self, payout, reference: str) -> str:
        reference = (reference or "").strip()
        if not reference:
            raise ValidationError({"reference": _("Enter the bank's reference of the transfer.")})
        if len(reference) > 64:
            raise ValidationError({"reference": _("At most %(n)d characters.") % {"n": 64}})
        return reference


def backend():
    return import_string(payment_backend_path())()
