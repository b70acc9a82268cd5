"""The fee actions: each one transaction, with its case timeline event (and so its audit
entry), checked again whatever page or endpoint calls it."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.cases.choices import Procedure
from tianping.cases.events import case_event
from tianping.cases.models import Case
from tianping.courts.holidays import court_calendar
from tianping.filings.fee_estimate import acceptance_fee
from tianping.law.periods import add_days, roll_forward
from tianping.lib.money import check_amount
from tianping.payments.models import FeeDue, FeeStatus
from tianping.payments.permissions import require_recorder

PAY_WITHIN_DAYS = 7  # 《诉讼费用交纳办法》 art. 22: 自接到预交通知次日起七日内


def due_date(case: Case, notified_on: datetime.date) -> datetime.date:
    """Seven days counted from the day after the notice; a last day that is a rest day of
    the court moves to the next working day."""
    calendar = court_calendar(court=case.court)
    last, _steps = roll_forward(add_days(notified_on, PAY_WITHIN_DAYS), calendar)
    return last


def open_fee(case: Case, *, actor, acted_for=None, today: datetime.date) -> FeeDue | None:
    """The fee of the notice of acceptance, due from TODAY (the notice's day); None where
    the case has no acceptance fee to compute (a non-property claim, a private
    prosecution, an application for enforcement)."""
    summary = case.procedure in (Procedure.SUMMARY, Procedure.SMALL_CLAIMS)
    result = acceptance_fee(case.filing.kind, case.amount, summary=summary)
    if result is None:
        return None
    with transaction.atomic():
        fee = FeeDue.objects.create(
            case=case,
            amount=result.fee.quantize(Decimal("0.01")),
            notified_on=today,
            due_on=due_date(case, today),
        )
        case_event(
            case, "fee_due", actor=actor, acted_for=acted_for, amount=fee.amount, due_on=fee.due_on
        )
    return fee


def record_payment(
    fee: FeeDue, *, actor, acted_for=None, amount: Decimal, paid_on: datetime.date, receipt: str
) -> FeeDue:
    """A payment confirmed (by a clerk today; by a gateway backend later, see `backends`)."""
    require_recorder(acted_for or actor, fee.case)
    check_amount(amount)
    receipt = (receipt or "").strip()
    if not receipt:
        raise ValidationError(_("Give the receipt reference."))
    with transaction.atomic():
        fee = FeeDue.objects.select_for_update().get(pk=fee.pk)
        if fee.status in (FeeStatus.PAID, FeeStatus.WAIVED):
            raise ValidationError(_("This fee is already settled."))
        if paid_on < fee.notified_on:
            raise ValidationError(_("The payment cannot be dated before the notice of payment."))
        fee.status = FeeStatus.PAID
        fee.paid_amount, fee.paid_on, fee.receipt = amount, paid_on, receipt[:64]
        fee.recorded_by = actor
        fee.save()
        case = Case.objects.select_for_update().get(pk=fee.case_id)
        case_event(
            case, "fee_paid", actor=actor, acted_for=acted_for, amount=amount, paid_on=paid_on
        )
    return fee
