"""How a payment reaches the court: the pluggable backend.

Today a clerk confirms a payment by hand (`ManualConfirmation`): the party pays at the
court's bank or counter and the clerk records the amount, the date and the receipt
reference. A payment gateway (an online cashier of the court's bank) comes later as
another backend with the same interface:

- ``start(fee)`` returns what the party is shown to pay (a link or a code), or None where
  the backend takes no payment itself (manual confirmation);
- the gateway's confirmation (its callback, once checked) calls
  ``payments.actions.record_payment`` with the amount, the day and the gateway's
  reference as the receipt, exactly as a clerk does: one action, one timeline event.

`settings.PAYMENT_BACKEND` (a dotted path) will name it; until then `backend()` gives the
manual one.
"""

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class PaymentBackend(Protocol):
    name: str

    def start(self, fee) -> str | None: ...


class ManualConfirmation:
    """Payment outside the platform, confirmed by a clerk of the filing division."""

    name = "manual"

    def start(self, fee) -> str | None:
        return None


def backend() -> PaymentBackend:
    path = getattr(settings, "PAYMENT_BACKEND", "")
    return import_string(path)() if path else ManualConfirmation()
