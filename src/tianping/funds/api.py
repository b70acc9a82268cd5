"""Case funds in the REST API (/api/v1/funds): a case's funds, finance's arrivals,
payments, fees and statements, the officer's claims, payout and deferral requests, the
approvers' decisions. The same permissions, queries and actions as the pages: 404 for what
one may not see, 403 for an act one may not take, 422 for bad input. Every command that
moves money takes an idempotency key (the `Idempotency-Key` header or the body's `key`)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Header, Path, Query, Router, Status
from ninja.files import UploadedFile

from tianping.audit.actions import record_view
from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.courts.permissions import effective_user, require_staff
from tianping.funds import actions, queries, reconcile
from tianping.funds import permissions as perms
from tianping.funds.api_schemas import (
    ApprovalsOut,
    ArrivalIn,
    CaseFundsOut,
    ClaimIn,
    DeferralIn,
    DeferralOut,
    EntryPageOut,
    FundsDecisionIn,
    FundsEntryOut,
    OutflowIn,
    PayIn,
    PayoutIn,
    PayoutOut,
    PayoutPageOut,
    ReconciliationOut,
    StatementIn,
)
from tianping.funds.models import Deferral, Entry, Payout
from tianping.lib.api_pages import PageIn
from tianping.lib.text import clean_text

router = Router(tags=["funds"])
CODE = Path(..., min_length=1, max_length=12)
IDEMPOTENCY = Header(None, alias="Idempotency-Key", max_length=80)


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _staff(request):
    return require_staff(effective_user(request))


def _key(header, body) -> str:
    return clean_text(header or body or "")


def _name(user) -> str | None:
    return (user.full_name or user.username) if user else None


def _entry(e) -> dict:
    return {"id": e.pk, "kind": e.kind, "amount": e.amount, "on": e.on,
            "counterparty": e.counterparty, "reference": e.reference, "purpose": e.purpose,
            "case_number": e.case.number if e.case_id else (e.case_number_given or None)}


def _payout(p) -> dict:
    return {"id": p.pk, "case_number": p.case.number, "payee": p.payee_name,
            "party_id": p.party_id, "amount": p.amount, "bank": p.bank,
            "account": p.masked_account, "status": p.status, "tier": p.tier.split(","),
            "requested_by": _name(p.requested_by), "decided_by": _name(p.decided_by),
            "paid_on": p.paid_on, "bank_reference": p.bank_reference}


def _deferral(d) -> dict:
    return {"id": d.pk, "case_number": d.case.number, "reason": d.reason, "note": d.note,
            "status": d.status, "starts_on": d.starts_on, "ended_on": d.ended_on}


def _case_out(case) -> dict:
    f = queries.case_funds(case)
    return {"case": case.code, "case_number": case.number, "balance": f.balance,
            "pending": f.pending, "available": f.available, "due_on": f.next_due,
            "deferred": f.deferred, "entries": [_entry(e) for e in f.entries],
            "payouts": [_payout(p) for p in f.payouts],
            "deferrals": [_deferral(d) for d in f.deferrals]}


def _finance_court(user) -> Court:
    courts = perms.finance_courts(user)
    if not courts:
        raise PermissionDenied
    return Court.objects.get(pk=min(courts))


def _page(rows, paging: PageIn, out):
    """Keyset page by descending id."""
    if paging.after:
        if not paging.after.isdigit():
            raise ValidationError(_("Not a page token."))
        rows = rows.filter(pk__lt=int(paging.after))
    items = list(rows.order_by("-pk")[:paging.limit + 1])
    more = len(items) > paging.limit
    items = items[:paging.limit]
    return {"items": [out(i) for i in items], "next": str(items[-1].pk) if more else None}


def _case(request, code):
    user = _staff(request)
    return user, perms.case_for(user, code)


@router.get("/cases/{code}", response=CaseFundsOut,
            summary="A case's funds: balance, movements, payouts, deferrals (read recorded)")
def case_funds(request, code: str = CODE):
    _user, case = _case(request, code)
    record_view(request, case, "funds_viewed")
    return _case_out(case)


@router.post("/arrivals", response={201: FundsEntryOut},
             summary="Finance records money arrived, for a case or in the master account")
def record_arrival(request, payload: ArrivalIn, idempotency_key: str | None = IDEMPOTENCY):
    user = _staff(request)
    court = _finance_court(user)
    case = None
    if payload.case_number:
        case = Case.objects.filter(court=court, number=payload.case_number).first()
        if case is None:
            raise ValidationError({"case_number": _("No case of this court has this number.")})
    entry = actions.record_arrival(
        court, **_acting(request), amount=payload.amount, on=payload.on, payer=payload.payer,
        reference=payload.reference, purpose=payload.purpose, case=case,
        key=_key(idempotency_key, payload.key))
    return Status(201, _entry(entry))


@router.get("/unclaimed", response=EntryPageOut,
            summary="Money in the master account not yet claimed (finance, officers)")
def unclaimed(request, paging: Query[PageIn]):
    user = _staff(request)
    courts = perms.finance_courts(user) | perms.officer_courts(user)
    if not courts:
        raise PermissionDenied
    return _page(queries.unclaimed(courts), paging, _entry)


@router.post("/cases/{code}/claims", response={201: FundsEntryOut},
             summary="The officer claims money of the master account to the case (认领)")
def claim(request, payload: ClaimIn, code: str = CODE):
    user, case = _case(request, code)
    perms.require_officer(user, case)
    arrival = Entry.objects.filter(pk=payload.arrival, kind="arrived",
                                   court_id=case.court_id).first()
    if arrival is None:
        raise ValidationError({"arrival": _("No such money in the master account.")})
    return Status(201, _entry(actions.claim(arrival, case, **_acting(request))))


@router.post("/cases/{code}/payouts", response={201: PayoutOut},
             summary="The officer requests a payout to a party of the case")
def request_payout(request, payload: PayoutIn, code: str = CODE,
                   idempotency_key: str | None = IDEMPOTENCY):
    user, case = _case(request, code)
    perms.require_officer(user, case)
    payout = actions.request_payout(
        case, **_acting(request), party=str(payload.party_id),
        representative=payload.representative_id, amount=payload.amount,
        bank=payload.bank, account_name=payload.account_name,
        account_number=payload.account_number, note=payload.note,
        key=_key(idempotency_key, payload.key))
    return Status(201, _payout(payout))


def _visible_payout(user, pk) -> Payout:
    payout = get_object_or_404(Payout.objects.select_related("case", "case__court"), pk=pk)
    if not perms.can_read(user, payout.case):
        raise Http404
    return payout


@router.post("/payouts/{pk}/decision", response=PayoutOut,
             summary="Approve or refuse a payout (its amount's tier; never one's own)")
def decide_payout(request, pk: int, payload: FundsDecisionIn):
    user = _staff(request)
    payout = _visible_payout(user, pk)
    perms.require_approve_payout(user, payout)
    return _payout(actions.decide_payout(payout, **_acting(request), approve=payload.approve,
                                         note=payload.note))


@router.post("/payouts/{pk}/pay", response=PayoutOut,
             summary="Finance pays an approved payout; the same key again pays nothing more")
def pay(request, pk: int, payload: PayIn, idempotency_key: str | None = IDEMPOTENCY):
    user = _staff(request)
    payout = _visible_payout(user, pk)
    perms.require_finance(user, payout.case.court)
    return _payout(actions.pay(payout, **_acting(request), reference=payload.reference,
                               key=_key(idempotency_key, payload.key)))


@router.get("/payouts/to-pay", response=PayoutPageOut,
            summary="Approved payouts finance is to pay")
def to_pay(request, paging: Query[PageIn]):
    user = _staff(request)
    court = _finance_court(user)
    return _page(queries.payouts_to_pay([court.pk]), paging, _payout)


@router.get("/approvals", response=ApprovalsOut,
            summary="Payouts and deferrals awaiting the caller's approval")
def approvals(request):
    user = _staff(request)
    if not perms.is_approver(user):
        raise PermissionDenied
    payouts, deferrals = queries.approvals_for(user, perms.approver_scope(user))
    return {"payouts": [_payout(p) for p in payouts[:200]],
            "deferrals": [_deferral(d) for d in deferrals[:200]]}


@router.post("/cases/{code}/deferrals", response={201: DeferralOut},
             summary="The officer requests a deferral of payout with a typed reason")
def request_deferral(request, payload: DeferralIn, code: str = CODE):
    user, case = _case(request, code)
    perms.require_officer(user, case)
    deferral = actions.request_deferral(case, **_acting(request), reason=payload.reason,
                                        note=payload.note)
    return Status(201, _deferral(deferral))


def _visible_deferral(user, pk) -> Deferral:
    deferral = get_object_or_404(Deferral.objects.select_related("case"), pk=pk)
    if not perms.can_read(user, deferral.case):
        raise Http404
    return deferral


@router.post("/deferrals/{pk}/decision", response=DeferralOut,
             summary="Approve or refuse a deferral (division head or president; not one's own)")
def decide_deferral(request, pk: int, payload: FundsDecisionIn):
    user = _staff(request)
    deferral = _visible_deferral(user, pk)
    perms.require_approve_deferral(user, deferral)
    return _deferral(actions.decide_deferral(deferral, **_acting(request),
                                             approve=payload.approve))


@router.post("/deferrals/{pk}/end", response=DeferralOut,
             summary="The reason for a deferral has ended: the payout clock runs again")
def end_deferral(request, pk: int):
    user = _staff(request)
    return _deferral(actions.end_deferral(_visible_deferral(user, pk), **_acting(request)))


@router.post("/cases/{code}/outflows", response={201: FundsEntryOut},
             summary="Finance books the enforcement fee, a refund or a deposit (提存)")
def outflow(request, payload: OutflowIn, code: str = CODE,
            idempotency_key: str | None = IDEMPOTENCY):
    user, case = _case(request, code)
    perms.require_finance(user, case.court)
    entry = actions.record_outflow(
        case, payload.kind, **_acting(request), amount=payload.amount,
        reference=payload.reference, counterparty=payload.counterparty,
        purpose=payload.purpose, key=_key(idempotency_key, payload.key))
    return Status(201, _entry(entry))


def _month(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(f"{value}-01")
    except ValueError:
        raise ValidationError({"month": _("Enter the month as YYYY-MM.")}) from None


def _reconciliation(court, month) -> dict:
    statement = reconcile.Statement.objects.filter(court=court, month=month).first()
    diffs = reconcile.differences(court, month, statement) if statement else []
    _rows, total = queries.unclaimed_at(court, queries.month_bounds(month)[1])
    return {"month": f"{month:%Y-%m}", "statement_imported": statement is not None,
            "differences": [d.__dict__ for d in diffs], "unclaimed_at_month_end": total}


@router.post("/statements", response={201: ReconciliationOut},
             summary="Finance imports the month's bank statement (CSV, multipart), whole or "
                     "not at all; answers the month's differences")
def import_statement(request, payload: Form[StatementIn], file: File[UploadedFile]):
    user = _staff(request)
    court = _finance_court(user)
    month = _month(payload.month)
    reconcile.import_statement(court, file, actor=request.user, month=month)
    return Status(201, _reconciliation(court, month))


@router.get("/reconciliation", response=ReconciliationOut,
            summary="The month's differences between ledger and statement (month=YYYY-MM)")
def reconciliation(request, month: str | None = Query(
        None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM; this month if none")):
    user = _staff(request)
    court = _finance_court(user)
    return _reconciliation(court, _month(month) if month else
                           timezone.localdate().replace(day=1))
