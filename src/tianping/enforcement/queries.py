"""What the enforcement pages, API and indicators read: a case's record, checklist and
sums; the officer's queue; the bureau head's pool, overview and 终本 review list; and the
figures of a court for a period (`court_figures`)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from tianping.cases.choices import PENDING_STATES, CaseState
from tianping.enforcement import rules
from tianping.enforcement.choices import (
    RECOVERING,
    ClosingMode,
    ClueStatus,
    MilestoneKind,
    Precondition,
)
from tianping.enforcement.models import Clue, EnforcementRecord, Milestone

ZERO = Decimal("0.00")


def fen(value) -> Decimal:
    """A sum as an amount of yuan with its two decimals (SQLite sums lose them)."""
    return Decimal(value or 0).quantize(ZERO)


def record_of(case) -> EnforcementRecord | None:
    if case is None:
        return None
    return (EnforcementRecord.objects.select_related("origin_case", "case", "restored_from")
            .filter(case=case).first())


def recovered(row) -> Decimal:
    """Money recovered for the applicant: deductions, auction proceeds, direct payments."""
    total = row.milestones.filter(kind__in=RECOVERING).aggregate(s=Sum("amount"))["s"]
    return fen(total)


def first_dates(row) -> dict:
    done = {}
    for kind, day in row.milestones.order_by("done_on", "id").values_list("kind", "done_on"):
        done.setdefault(kind, day)
    return done


@dataclass
class ChecklistRow:
    code: str
    label: str
    due_on: datetime.date | None
    done_on: datetime.date | None
    state: str  # done / due / overdue / waiting


def checklist(row, today) -> list[ChecklistRow]:
    case = row.case
    steps = rules.checklist(filed_on=case.filed_on, assigned_on=row.assigned_on,
                            done=first_dates(row))
    labels = dict(MilestoneKind.choices) | {"assigned": _("Officer assigned")}
    return [ChecklistRow(s.code, str(labels[s.code]), s.due_on, s.done_on, s.state(today))
            for s in steps]


def missing_preconditions(row, today) -> list[str]:
    kinds = set(row.milestones.values_list("kind", flat=True))
    codes = rules.missing_preconditions(filed_on=row.case.filed_on, kinds=kinds, today=today)
    return [str(Precondition(c).label) for c in codes]


def preconditions(row, today) -> list[tuple[str, bool]]:
    kinds = set(row.milestones.values_list("kind", flat=True))
    missing = set(rules.missing_preconditions(filed_on=row.case.filed_on, kinds=kinds,
                                              today=today))
    return [(str(label), code not in missing) for code, label in Precondition.choices]


def days_left(case, today) -> int | None:
    limit = getattr(case, "time_limit", None)
    return (limit.expires_on - today).days if limit is not None else None


def _court_records(court):
    return EnforcementRecord.objects.filter(case__court=court).select_related(
        "case", "case__judge", "case__time_limit")


@dataclass
class QueueRow:
    record: EnforcementRecord
    days_left: int | None
    due: list = field(default_factory=list)  # ChecklistRow due or overdue


def officer_queue(user, today) -> list[QueueRow]:
    rows = (EnforcementRecord.objects.filter(case__judge=user, case__state__in=PENDING_STATES)
            .select_related("case", "case__time_limit").order_by("case__filed_on", "id"))
    return [QueueRow(r, days_left(r.case, today),
                     [c for c in checklist(r, today) if c.state in ("due", "overdue")])
            for r in rows[:200]]


def open_clues(*, officer=None, court=None):
    clues = Clue.objects.filter(status=ClueStatus.OPEN, record__case__isnull=False)
    if officer is not None:
        clues = clues.filter(record__case__judge=officer)
    if court is not None:
        clues = clues.filter(record__case__court=court)
    return clues.select_related("record__case", "record__case__judge").order_by("due_on", "id")


def pool(court):
    """Cases waiting for their officer: major ones first."""
    return (_court_records(court).filter(case__state=CaseState.FILED)
            .order_by("-is_major", "case__filed_on", "id"))


def review_list(court):
    """终本 cases with their next periodic property check."""
    return (_court_records(court).filter(closing_mode=ClosingMode.TERMINATED_CURRENT,
                                         next_check_on__isnull=False)
            .order_by("next_check_on", "id"))


def overview(court, today) -> dict:
    pending = _court_records(court).filter(case__state__in=PENDING_STATES)
    return {
        "pending": pending.count(),
        "unassigned": pending.filter(case__state=CaseState.FILED).count(),
        "major": pending.filter(is_major=True).count(),
        "overdue_clues": open_clues(court=court).filter(due_on__lt=today).count(),
        "checks_due": review_list(court).filter(next_check_on__lte=today).count(),
    }


@dataclass
class Figures:
    closed_by_mode: dict
    terminated_current: int
    terminated_current_qualified: int  # 终本合格: every precondition met at closing
    sum_applied: Decimal
    sum_recovered: Decimal
    average_days: Decimal | None  # filing to closing, closed cases


def court_figures(court, start: datetime.date, end: datetime.date) -> Figures:
    """Enforcement cases of COURT closed from START to END (inclusive)."""
    closed = EnforcementRecord.objects.filter(
        case__court=court, closed_on__gte=start, closed_on__lte=end).exclude(closing_mode="")
    by_mode = {mode: 0 for mode in ClosingMode.values}
    days = []
    for mode, closed_on, filed_on in closed.values_list("closing_mode", "closed_on",
                                                        "case__filed_on"):
        by_mode[mode] += 1
        days.append((closed_on - filed_on).days)
    applied = fen(closed.aggregate(s=Sum("amount_applied"))["s"])
    got = fen(Milestone.objects.filter(record__in=closed, kind__in=RECOVERING)
              .aggregate(s=Sum("amount"))["s"])
    ending = closed.filter(closing_mode=ClosingMode.TERMINATED_CURRENT)
    average = (Decimal(sum(days)) / len(days)).quantize(Decimal("0.1")) if days else None
    return Figures(by_mode, ending.count(), ending.filter(met_preconditions=True).count(),
                   applied, got, average)


def milestones_for_party(row):
    """What the parties see of the progress: the milestones but periodic checks, no notes."""
    return row.milestones.exclude(kind=MilestoneKind.PERIODIC_CHECK).order_by("done_on", "id")


def clues_of(row, user=None):
    clues = row.clues.select_related("replied_by")
    return clues.filter(reported_by=user) if user is not None else clues




def officer_queue_records(user):
    return EnforcementRecord.objects.filter(case__judge=user, case__state__in=PENDING_STATES)
