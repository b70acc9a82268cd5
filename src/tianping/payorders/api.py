"""Payment orders and the special procedure in the REST API (/api/v1/procedures): the state
of a 民督 or 民特 case with its dates computed step by step, and each act of the page. The
same permissions, reads and actions as the pages: 404 for a case one may not see, 403 for
an act one may not take, 422 for bad or refused input."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema
from pydantic import Field

from tianping.courts.permissions import effective_user
from tianping.flows import payment_orders as flow
from tianping.lib.text import ApiText
from tianping.payorders import actions, queries, special
from tianping.payorders.actions import TEXT_LENGTH
from tianping.payorders.permissions import case_for, require_may

router = Router(tags=["procedures"])
CODE = Path(..., min_length=1, max_length=12)


class DebtorOut(Schema):
    party_id: int
    name: str
    served_on: datetime.date | None
    objection_due: datetime.date | None = Field(description="The last day to pay or object.")
    steps: list[str] = Field(description="How the last day is computed.")
    late: bool


class CreditorWindowOut(Schema):
    ruling_served_on: datetime.date | None
    no_suit_due: datetime.date | None
    steps: list[str]


class OrderOut(Schema):
    status: str
    status_label: str
    amount: Decimal
    issued_on: datetime.date | None
    order_document_id: int | None
    debtors: list[DebtorOut]
    effective_on: datetime.date | None = Field(
        description="Without an objection: the day after the last debtor's last day.")
    objection_on: datetime.date | None
    objection_text: str
    terminated_on: datetime.date | None
    creditor: CreditorWindowOut
    litigation_filing: str | None = Field(description="Receipt number of the suit.")
    can: dict[str, bool]


class SpecialNoticeOut(Schema):
    published_on: datetime.date
    where: str
    ends_on: datetime.date
    steps: list[str]


class SpecialOut(Schema):
    subject: str
    subject_label: str
    detail: str
    election_on: datetime.date | None
    needs_notice: bool
    notice: SpecialNoticeOut | None
    can_record_notice: bool


class ProcedureOut(Schema):
    case: str
    number: str
    final_at_first_instance: bool
    payment_order: OrderOut | None
    special: SpecialOut | None


class DismissIn(Schema):
    reasons: ApiText(TEXT_LENGTH)


class ObjectionIn(Schema):
    party_id: int
    text: ApiText(TEXT_LENGTH)
    received_on: datetime.date | None = Field(
        None, description="At the window: the day it was handed in (the court's staff only).")
    at_window: bool = Field(False, description="Entered by the court from a paper objection.")


class CreditorAnswerIn(Schema):
    want_suit: bool


class NoticeIn(Schema):
    published_on: datetime.date
    where: ApiText(200)


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _case(request, code, act: str | None = None):
    user = effective_user(request)
    case = case_for(user, code)
    if not queries.is_procedure_case(case):
        raise Http404("Not a special-procedure or payment-order case.")
    if act:
        require_may(act, user, case)
    return case


def _out(request, case) -> dict:
    view = queries.procedure_view(case, effective_user(request), timezone.localdate())
    out = {"case": case.code, "number": case.number, "final_at_first_instance": view["final"],
           "payment_order": None, "special": None}
    if (order := view["order"]) is not None:
        o = order["order"]
        out["payment_order"] = {
            "status": o.status, "status_label": o.get_status_display(), "amount": o.amount,
            "issued_on": o.issued_on, "order_document_id": o.order_document_id,
            "debtors": [{"party_id": r["party"].pk, "name": r["party"].name,
                         "served_on": r["served_on"], "objection_due": r["due"],
                         "steps": r["steps"], "late": r["late"]} for r in order["debtors"]],
            "effective_on": order["effective_on"], "objection_on": o.objection_on,
            "objection_text": o.objection_text, "terminated_on": o.terminated_on,
            "creditor": {"ruling_served_on": order["creditor"]["served_on"],
                         "no_suit_due": order["creditor"]["due"],
                         "steps": order["creditor"]["steps"]},
            "litigation_filing": o.litigation_filing.code if o.litigation_filing_id else None,
            "can": order["can"],
        }
    if (sp := view["special"]) is not None:
        notice = sp["notice"]
        out["special"] = {
            "subject": sp["subject"], "subject_label": str(sp["subject_label"]),
            "detail": sp["detail"], "election_on": sp["election_on"],
            "needs_notice": sp["needs_notice"], "can_record_notice": sp["can_record_notice"],
            "notice": {"published_on": notice.published_on, "where": notice.where,
                       "ends_on": notice.ends_on, "steps": sp["notice_steps"]}
            if notice else None,
        }
    return out


@router.get("/cases/{code}", response=ProcedureOut,
            summary="A payment-order or special-procedure case: its state, dates and acts")
def procedure(request, code: str = CODE):
    return _out(request, _case(request, code))


@router.post("/cases/{code}/payment-order/issue", response=ProcedureOut,
             summary="Issue the payment order (the case's judge)")
def issue(request, code: str = CODE):
    case = _case(request, code, "issue")
    actions.issue(case, **_acting(request))
    return _out(request, case)


@router.post("/cases/{code}/payment-order/dismiss", response=ProcedureOut,
             summary="Dismiss the application by ruling (the case's judge)")
def dismiss(request, payload: DismissIn, code: str = CODE):
    case = _case(request, code, "dismiss")
    flow.dismiss(case, reasons=payload.reasons, **_acting(request))
    return _out(request, case)


@router.post("/cases/{code}/payment-order/objection", response=ProcedureOut,
             summary="Object to the payment order (the debtor; or entered at the window)")
def objection(request, payload: ObjectionIn, code: str = CODE):
    case = _case(request, code, "window" if payload.at_window else "object")
    party = case.parties.filter(pk=payload.party_id).first()
    if party is None:
        raise ValidationError(_("Choose the debtor."))
    actions.object_to(case, party=party, text=payload.text, received_on=payload.received_on,
                      channel="window" if payload.at_window else "online", **_acting(request))
    return _out(request, case)


@router.post("/cases/{code}/payment-order/terminate", response=ProcedureOut,
             summary="Rule to terminate the procedure on an objection (the case's judge)")
def terminate(request, code: str = CODE):
    case = _case(request, code, "terminate")
    flow.terminate(case, **_acting(request))
    return _out(request, case)


@router.post("/cases/{code}/payment-order/answer", response=ProcedureOut,
             summary="The creditor's answer to the termination: a suit now, or none")
def answer(request, payload: CreditorAnswerIn, code: str = CODE):
    case = _case(request, code, "answer")
    flow.creditor_answer(case, want_suit=payload.want_suit, **_acting(request))
    return _out(request, case)


@router.post("/cases/{code}/payment-order/suit", response=ProcedureOut,
             summary="Hand the suit in once the creditor's seven days have passed")
def suit(request, code: str = CODE):
    case = _case(request, code, "suit")
    flow.hand_in_suit(case, **_acting(request))
    return _out(request, case)


@router.post("/cases/{code}/payment-order/effective", response=ProcedureOut,
             summary="Record the order in effect after the objection period (the judge)")
def effective(request, code: str = CODE):
    case = _case(request, code, "effect")
    flow.take_effect(case, **_acting(request))
    return _out(request, case)


@router.post("/cases/{code}/special/notice", response=ProcedureOut,
             summary="Record the public notice of a special-procedure case (the judge)")
def notice(request, payload: NoticeIn, code: str = CODE):
    case = _case(request, code, "notice")
    special.record_notice(case, published_on=payload.published_on, where=payload.where,
                          **_acting(request))
    return _out(request, case)
