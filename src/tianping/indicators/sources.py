"""The counts the engine takes from other apps' records (issue 14, part 6): enforcement
records, case funds and petitions. Each function gets the slice's period and courts and
the queryset of the slice's cases (`compute.sliced_cases`, before any type scope), and
answers the counts of `registry.COUNTS` whose `source` is its app, in one aggregate query
each (the payout clock of the funds is computed per case that paid in the period: it is
first in, first out over each sum's own arrival date, `funds.queries.verdicts`).

Money sums are exact `Decimal` yuan; counts are integers. Funds and petitions belong to a
court, not to a division or a judge: a narrower slice gives 0 for those counts, as for
the pre-filing mediations (the pages say so in the indicator's note).
"""

from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from tianping.enforcement.choices import RECOVERING, ClosingMode
from tianping.enforcement.models import EnforcementRecord, Milestone
from tianping.funds.choices import EntryKind
from tianping.funds.models import Entry
from tianping.funds.queries import unclaimed, verdicts
from tianping.mediation.choices import MediationKind, MediationStatus
from tianping.mediation.models import Mediation
from tianping.petitions.choices import Status
from tianping.petitions.models import Petition

ZERO = Decimal("0.00")
ENFORCEMENT_NAMES = ("enf_closed", "enf_completed", "enf_terminated", "enf_terminated_ok",
                     "enf_applied", "enf_recovered")
FUNDS_NAMES = ("payouts_paid", "payouts_on_time", "unclaimed_end")
PETITION_NAMES = ("petitions", "petitions_replied", "petitions_replied_on_time")


def counts(s, cases, enforcement_cases, names=None) -> dict:
    """The source counts NAMES asks for (all when None): CASES the slice's cases,
    ENFORCEMENT_CASES those of them in the enforcement scope."""
    wanted = set(ENFORCEMENT_NAMES + FUNDS_NAMES + PETITION_NAMES)
    wanted &= wanted if names is None else set(names)
    result = {}
    if wanted & set(ENFORCEMENT_NAMES):
        result.update(enforcement_counts(s, enforcement_cases))
    if wanted & set(FUNDS_NAMES):
        result.update(funds_counts(s, cases))
    if wanted & set(PETITION_NAMES):
        result.update(petition_counts(s))
    return result


def records_behind(names, s, cases):
    """The enforcement records behind the count NAMES (one name, or a sum)."""
    records = closed_records(s, cases)
    if names == ("enf_completed",):
        return records.filter(closing_mode=ClosingMode.COMPLETED)
    if names in (("enf_terminated",), ("enf_terminated_ok",)):
        records = records.filter(closing_mode=ClosingMode.TERMINATED_CURRENT)
        if names == ("enf_terminated_ok",):
            records = records.filter(met_preconditions=True)
    return records


def mediation_counts(s) -> dict[str, int]:
    """Pre-filing mediations ended in the period (the definition of `mediation.figures`:
    ended = ended_on in the period, whatever the ending; settled = those settled). Per
    court only: none for a division or judge slice."""
    if not s.whole_court:
        return {"prefiling_ended": 0, "prefiling_settled": 0}
    result = prefiling_mediations(s).aggregate(
        prefiling_ended=Count("pk"),
        prefiling_settled=Count("pk", filter=Q(status=MediationStatus.SETTLED)))
    return result


def prefiling_mediations(s):
    if not s.whole_court:
        return Mediation.objects.none()
    return Mediation.objects.filter(court_id__in=s.court_ids, kind=MediationKind.PRE_FILING,
                                    ended_on__range=(s.start, s.end))


def closed_records(s, cases):
    """The enforcement records of the slice's cases closed in the period with a closing
    mode of enforcement (执行完毕, 终本, 终结执行 ...)."""
    return EnforcementRecord.objects.filter(
        case__in=cases.values("pk"), closed_on__range=(s.start, s.end)).exclude(
        closing_mode="")


def enforcement_counts(s, cases) -> dict:
    records = closed_records(s, cases)
    terminated = Q(closing_mode=ClosingMode.TERMINATED_CURRENT)
    found = records.aggregate(
        enf_closed=Count("pk"),
        enf_completed=Count("pk", filter=Q(closing_mode=ClosingMode.COMPLETED)),
        enf_terminated=Count("pk", filter=terminated),
        enf_terminated_ok=Count("pk", filter=terminated & Q(met_preconditions=True)),
        enf_applied=Sum("amount_applied"))
    recovered = Milestone.objects.filter(record__in=records.values("pk"),
                                         kind__in=RECOVERING).aggregate(s=Sum("amount"))["s"]
    found["enf_applied"] = _yuan(found["enf_applied"])
    found["enf_recovered"] = _yuan(recovered)
    return found


def paid_entries(s, cases):
    """The payments (disbursements to a payee) of the slice's cases in the period."""
    return Entry.objects.filter(kind=EntryKind.DISBURSED, on__range=(s.start, s.end),
                                case__in=cases.values("pk"))


def funds_counts(s, cases) -> dict:
    """Payouts paid in the period and those within the limit (the payout clock of
    `funds.queries.verdicts`, the same as the case's funds page, in two queries more)."""
    paid = list(paid_entries(s, cases).values_list("pk", "case_id"))
    on_time_of = verdicts({case_id for _pk, case_id in paid})
    on_time = sum(bool(on_time_of.get(pk, True)) for pk, _case_id in paid)
    held = ZERO
    if s.whole_court:
        held = _yuan(unclaimed(s.court_ids, on=s.end).aggregate(t=Sum("amount"))["t"])
    return {"payouts_paid": len(paid), "payouts_on_time": on_time, "unclaimed_end": held}


def petitions_received(s):
    if not s.whole_court:
        return Petition.objects.none()
    return Petition.objects.filter(court_id__in=s.court_ids).exclude(status=Status.ROUTED)


def petition_counts(s) -> dict:
    rows = petitions_received(s)
    replied = Q(replied_on__range=(s.start, s.end))
    return rows.aggregate(
        petitions=Count("pk", filter=Q(received_on__range=(s.start, s.end))),
        petitions_replied=Count("pk", filter=replied),
        petitions_replied_on_time=Count(
            "pk", filter=replied & Q(reply_due_on__isnull=False,
                                     replied_on__lte=F("reply_due_on"))))


def _yuan(value) -> Decimal:
    return ZERO if value is None else Decimal(value).quantize(ZERO)
