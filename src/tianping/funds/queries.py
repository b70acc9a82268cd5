"""Reads of the case funds: a case's summary (balance, movements, payouts, clock), the
lists of finance's desk and the approvers' queue, the party's view, and the figures the
indicators read:

- `payouts_in_time(court, start, end)`: payouts paid in the period and those paid within
  the limit (案款发放及时率 = on_time / paid);
- `received_per_case(court, start, end)`: money that reached each case in the period
  (received for it or claimed to it);
- `unclaimed_at(court, day)`: money in the master account not claimed by the end of DAY
  (a month's end), with its total.
"""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, Sum

from tianping.cases.models import Case
from tianping.funds import clock
from tianping.funds.actions import ZERO, pending
from tianping.funds.choices import (
    INTO_CASE,
    OUT_OF_CASE,
    DeferralStatus,
    EntryKind,
    PayoutStatus,
)
from tianping.funds.conf import claim_days, payout_days, resume_days
from tianping.funds.models import Deferral, Entry, Payout


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


IN_FORCE = (DeferralStatus.APPROVED, DeferralStatus.ENDED)


def _deferral_periods(case):
    return [(d.starts_on, d.ended_on) for d in case.funds_deferrals.filter(
        status__in=IN_FORCE, starts_on__isnull=False)]


def _run_clock(entries, deferrals):
    """The clock over ENTRIES (objects with pk, kind, on, amount) and DEFERRALS."""
    inflows = [(e.on, e.amount) for e in entries if e.kind in INTO_CASE]
    outflows = [(e.on, e.amount, e.pk) for e in sorted(entries, key=lambda e: (e.on, e.pk))
                if e.kind in OUT_OF_CASE]
    return clock.run(inflows, outflows, deferrals, payout_days(), resume_days())


def case_clock(case, entries=None):
    """(sums still held with their due dates, {entry pk: paid on time?})."""
    if entries is None:
        entries = [Entry(pk=pk, kind=kind, on=on, amount=amount) for pk, kind, on, amount in
                   Entry.objects.filter(case=case).values_list("pk", "kind", "on", "amount")]
    return _run_clock(entries, _deferral_periods(case))


def verdicts(case_ids) -> dict[int, bool]:
    """{entry pk: paid out on time?} for every movement out of the cases CASE_IDS, in two
    queries however many cases (their movements, their deferrals): the clock of each case
    as its funds page runs it."""
    moves, pauses = defaultdict(list), defaultdict(list)
    for pk, case_id, kind, on, amount in Entry.objects.filter(case_id__in=case_ids).values_list(
            "pk", "case_id", "kind", "on", "amount"):
        moves[case_id].append(Entry(pk=pk, kind=kind, on=on, amount=amount))
    for case_id, start, end in Deferral.objects.filter(
            case_id__in=case_ids, status__in=IN_FORCE, starts_on__isnull=False).values_list(
            "case_id", "starts_on", "ended_on"):
        pauses[case_id].append((start, end))
    found = {}
    for case_id in set(case_ids):
        found.update(_run_clock(moves[case_id], pauses[case_id])[1])
    return found


@dataclass
class CaseFunds:
    case: Case
    balance: Decimal
    pending: Decimal
    available: Decimal
    entries: list
    payouts: list
    deferrals: list
    held: list  # clock.Due of money not yet paid out
    on_time: dict = field(default_factory=dict)
    next_due: datetime.date | None = None
    deferred: bool = False


def case_funds(case, movements: bool = True) -> CaseFunds:
    """The case's funds; without MOVEMENTS (the case page's panel) the entries are read as
    plain values for the balance and the clock only."""
    if movements:
        entries = list(Entry.objects.filter(case=case).select_related("actor")
                       .order_by("on", "id"))
    else:
        entries = [Entry(pk=pk, kind=kind, on=on, amount=amount) for pk, kind, on, amount in
                   Entry.objects.filter(case=case).values_list("pk", "kind", "on", "amount")]
    held, on_time = case_clock(case, entries)
    bal = sum((e.amount for e in entries if e.kind in INTO_CASE), ZERO) - sum(
        (e.amount for e in entries if e.kind in OUT_OF_CASE), ZERO)
    pend = pending(case)
    deferrals = list(case.funds_deferrals.select_related("requested_by", "decided_by"))
    dues = [d.due for d in held if d.due is not None]
    payouts = list(case.funds_payouts.select_related("requested_by", "decided_by", "paid_by")
                   ) if movements else []
    return CaseFunds(
        case=case, balance=bal.quantize(Decimal("0.01")), pending=pend,
        available=(bal - pend).quantize(Decimal("0.01")),
        entries=entries if movements else [], payouts=payouts, deferrals=deferrals,
        held=held, on_time=on_time, next_due=min(dues) if dues else None,
        deferred=any(d.status == DeferralStatus.APPROVED for d in deferrals))


def has_funds(case) -> bool:
    return (Entry.objects.filter(case=case).exists()
            or Payout.objects.filter(case=case).exists())


def unclaimed(court_ids, *, on: datetime.date | None = None):
    """Master-account arrivals not claimed (by the end of ON, if given), oldest first."""
    claimed = Entry.objects.filter(kind=EntryKind.CLAIMED, source=OuterRef("pk"))
    if on is not None:
        claimed = claimed.filter(on__lte=on)
    rows = Entry.objects.filter(kind=EntryKind.ARRIVED, court_id__in=court_ids).filter(
        ~Exists(claimed))
    if on is not None:
        rows = rows.filter(on__lte=on)
    return rows.select_related("court", "actor").order_by("on", "id")


def overdue_unclaimed(court_ids, today: datetime.date):
    """Arrivals not claimed within FUNDS_CLAIM_DAYS."""
    return unclaimed(court_ids).filter(on__lt=today - datetime.timedelta(days=claim_days()))


def unclaimed_at(court, day: datetime.date) -> tuple[list, Decimal]:
    rows = list(unclaimed([court.pk], on=day))
    return rows, sum((r.amount for r in rows), ZERO)


def payouts_to_pay(court_ids):
    return Payout.objects.filter(status=PayoutStatus.APPROVED, case__court_id__in=court_ids
                                 ).select_related("case", "requested_by", "decided_by")


def approvals_for(user, scope: Q):
    from tianping.funds.permissions import can_approve_deferral, can_approve_payout

    cases = Case.objects.filter(scope).values("pk")
    payouts = [p for p in Payout.objects.filter(status=PayoutStatus.REQUESTED, case__in=cases)
               .select_related("case", "case__court", "requested_by")
               if can_approve_payout(user, p)]
    deferrals = [d for d in Deferral.objects.filter(status=DeferralStatus.REQUESTED,
                                                    case__in=cases)
                 .select_related("case", "case__court", "requested_by")
                 if can_approve_deferral(user, d)]
    return payouts, deferrals


def party_movements(case, parties):
    """What was received for the case and paid to PARTIES: no other payee's details."""
    ids = [p.pk for p in parties]
    entries = Entry.objects.filter(case=case).filter(
        Q(kind__in=INTO_CASE) | Q(kind=EntryKind.FEE) | Q(party_id__in=ids)).order_by("on", "id")
    payouts = Payout.objects.filter(case=case, party_id__in=ids)
    return list(entries), list(payouts)


def payouts_in_time(court, start: datetime.date, end: datetime.date) -> dict:
    """Payouts paid between START and END (inclusive) and those within the limit."""
    paid = list(Entry.objects.filter(court=court, kind=EntryKind.DISBURSED,
                                     on__range=(start, end)).values_list("pk", "case_id"))
    on_time_of = verdicts({case_id for _pk, case_id in paid})
    total = len(paid)
    on_time = sum(bool(on_time_of.get(pk, True)) for pk, _case_id in paid)
    return {"paid": total, "on_time": on_time,
            "rate": (Decimal(on_time) / total * 100).quantize(Decimal("0.1")) if total else None}


def received_per_case(court, start: datetime.date, end: datetime.date) -> dict:
    """{case number: amount} that reached each case in the period."""
    rows = (Entry.objects.filter(court=court, kind__in=INTO_CASE, on__range=(start, end))
            .values("case__number").annotate(total=Sum("amount")).order_by("case__number"))
    return {r["case__number"]: r["total"].quantize(Decimal("0.01")) for r in rows}
