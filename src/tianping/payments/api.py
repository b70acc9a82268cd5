"""The API of a case's fee: read it, record a payment (the same action as the page)."""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import effective_user
from tianping.lib.api_errors import ErrorOut
from tianping.lib.money import ApiAmount
from tianping.payments import actions, queries

router = Router(tags=["fees"])


class FeeDueOut(Schema):
    amount: str
    notified_on: datetime.date
    due_on: datetime.date
    status: str
    overdue: bool
    paid_amount: str | None
    paid_on: datetime.date | None
    receipt: str


class PaymentIn(Schema):
    amount: ApiAmount
    paid_on: datetime.date
    receipt: str = Field(max_length=64)


def _fee(request, code):
    case = get_case_for_user(effective_user(request), code)
    fee = queries.fee_of(case)
    if fee is None:
        raise Http404("This case has no acceptance fee.")
    return case, fee


def _out(fee) -> dict:
    return {
        "amount": f"{fee.amount:.2f}",
        "notified_on": fee.notified_on,
        "due_on": fee.due_on,
        "status": fee.status,
        "overdue": queries.is_overdue(fee, timezone.localdate()),
        "paid_amount": None if fee.paid_amount is None else f"{fee.paid_amount:.2f}",
        "paid_on": fee.paid_on,
        "receipt": fee.receipt,
    }


@router.get("/cases/{code}", response={200: FeeDueOut, 404: ErrorOut}, summary="A case's fee")
def case_fee(request, code: str):
    case, fee = _fee(request, code)
    record_view(request, case, "fee_viewed")
    return _out(fee)


@router.post(
    "/cases/{code}/payments",
    response={200: FeeDueOut, 404: ErrorOut},
    summary="Record a payment of a case's fee (manual confirmation)",
)
def record_payment(request, code: str, payload: PaymentIn):
    _case, fee = _fee(request, code)
    if payload.amount is None:
        raise ValidationError(_("Give the amount paid."))
    fee = actions.record_payment(
        fee,
        actor=request.user,
        acted_for=getattr(request, "acting_for", None),
        amount=payload.amount,
        paid_on=payload.paid_on,
        receipt=payload.receipt,
    )
    return _out(fee)
