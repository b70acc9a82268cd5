"""The API of a case's fee: read it with its applications for relief, record a payment and
the day the notice was received, apply for relief (缓、减、免交) and decide it: the same
actions as the pages. The proof of hardship is given on the page or at the court's window."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import effective_user
from tianping.law.fee_relief import GROUNDS
from tianping.lib.api_errors import ErrorOut
from tianping.lib.money import ApiAmount
from tianping.payments import actions, queries
from tianping.payments.permissions import can_apply_for_relief

router = Router(tags=["fees"])


class ReliefOut(Schema):
    code: str
    kind: str = Field(description="defer, reduce or waive (缓交、减交、免交).")
    ground: str = Field(description="The ground's code (arts. 45–47).")
    ground_text: str
    applicant: str
    percent: int | None = Field(description="The reduction asked, in per cent.")
    status: str = Field(description="pending, granted or refused.")
    submitted_at: datetime.datetime
    decided_on: datetime.date | None
    granted_percent: int | None
    deferred_until: datetime.date | None
    reasons: str


class FeeDueOut(Schema):
    amount: str
    payable: str = Field(description="What is to be paid now (after a reduction; 0 if waived).")
    notified_on: datetime.date
    received_on: datetime.date | None
    due_on: datetime.date
    deferred_until: datetime.date | None
    status: str
    overdue: bool
    paid_amount: str | None
    paid_on: datetime.date | None
    receipt: str
    reliefs: list[ReliefOut]


class NoticeReceivedIn(Schema):
    received_on: datetime.date


_GROUND_CODES = "、".join(g.code for g in GROUNDS)


class ReliefIn(Schema):
    ground: str = Field(
        max_length=32,
        description=f"The ground (arts. 45–47), which decides the aid asked for: {_GROUND_CODES}.",
    )
    statement: str = Field(min_length=1, max_length=2000)
    percent: int | None = Field(None, ge=30, le=99, description="For a reduction.")
    applicant: str | None = Field(
        None,
        max_length=200,
        description="The applying party's name; by default the caller's own party.",
    )


class ReliefDecisionIn(Schema):
    grant: bool
    reasons: str = Field("", max_length=2000)
    percent: int | None = Field(None, ge=30, le=99)
    deferred_until: datetime.date | None = None


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


def _relief(relief) -> dict:
    return {
        "code": relief.code,
        "kind": relief.kind,
        "ground": relief.ground,
        "ground_text": relief.ground_label,
        "applicant": relief.applicant_name,
        "percent": relief.percent,
        "status": relief.status,
        "submitted_at": relief.submitted_at,
        "decided_on": relief.decided_on,
        "granted_percent": relief.granted_percent,
        "deferred_until": relief.deferred_until,
        "reasons": relief.reasons,
    }


def _out(fee) -> dict:
    return {
        "amount": f"{fee.amount:.2f}",
        "payable": f"{fee.payable:.2f}",
        "notified_on": fee.notified_on,
        "received_on": fee.received_on,
        "due_on": fee.due_on,
        "deferred_until": fee.deferred_until,
        "reliefs": [_relief(r) for r in queries.reliefs_of(fee)],
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


def _by(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


@router.post(
    "/cases/{code}/notice-received",
    response={200: FeeDueOut, 404: ErrorOut},
    summary="Record the day the party received the notice of payment",
)
def notice_received(request, code: str, payload: NoticeReceivedIn):
    _case, fee = _fee(request, code)
    fee = actions.record_notice_received(
        fee, **_by(request), received_on=payload.received_on, today=timezone.localdate()
    )
    return _out(fee)


@router.post(
    "/cases/{code}/reliefs",
    response={201: ReliefOut, 404: ErrorOut},
    summary="Apply for fee relief (缓交、减交、免交)",
)
def apply_for_relief(request, code: str, payload: ReliefIn):
    case, fee = _fee(request, code)
    user = effective_user(request)
    if not can_apply_for_relief(user, case):
        raise PermissionDenied(_("Only a party to the case or the filing division applies."))
    parties = list(case.parties.order_by("pk"))
    if payload.applicant:
        chosen = [p for p in parties if p.name == payload.applicant.strip()]
    else:
        chosen = [p for p in parties if p.user_id == user.pk]
    if len(chosen) != 1:
        raise ValidationError(_("Choose the party who applies."))
    relief = actions.apply_for_relief(
        fee,
        **_by(request),
        ground=payload.ground,
        statement=payload.statement,
        applicant=chosen[0],
        percent=payload.percent,
    )
    return 201, _relief(relief)


@router.post(
    "/cases/{code}/reliefs/{relief_code}/decision",
    response={200: ReliefOut, 404: ErrorOut},
    summary="Decide an application for fee relief",
)
def decide_relief(request, code: str, relief_code: str, payload: ReliefDecisionIn):
    _case, fee = _fee(request, code)
    relief = fee.reliefs.filter(code=relief_code).first()
    if relief is None:
        raise Http404("No such application.")
    relief = actions.decide_relief(
        relief,
        **_by(request),
        grant=payload.grant,
        reasons=payload.reasons,
        percent=payload.percent,
        deferred_until=payload.deferred_until,
        today=timezone.localdate(),
    )
    return _relief(relief)
