"""What pages and the API read of a case's fee and its applications for relief."""

import datetime

from django.db.models import Exists, OuterRef, Q

from tianping.payments.models import FeeDue, FeeRelief, FeeStatus, ReliefStatus


def fee_of(case) -> FeeDue | None:
    return FeeDue.objects.filter(case=case).first()


def reliefs_of(fee: FeeDue | None) -> list[FeeRelief]:
    if fee is None:
        return []
    return list(fee.reliefs.select_related("decided_by").order_by("-submitted_at", "-id"))


def pending_relief(fee: FeeDue | None) -> FeeRelief | None:
    if fee is None:
        return None
    return fee.reliefs.filter(status=ReliefStatus.PENDING).first()


def _overdue(today: datetime.date) -> Q:
    """Unpaid past its due date (or past the end of its deferral), with no application for
    relief awaiting the court: the case may be treated as withdrawn."""
    pending = FeeRelief.objects.filter(fee=OuterRef("pk"), status=ReliefStatus.PENDING)
    late = Q(status__in=(FeeStatus.DUE, FeeStatus.REDUCED), due_on__lt=today) | Q(
        status=FeeStatus.DEFERRED, deferred_until__lt=today
    )
    return late & ~Q(Exists(pending))


def is_overdue(fee: FeeDue | None, today: datetime.date) -> bool:
    if fee is None:
        return False
    if fee.status in (FeeStatus.DUE, FeeStatus.REDUCED):
        late = fee.due_on < today
    elif fee.status == FeeStatus.DEFERRED:
        late = fee.deferred_until is not None and fee.deferred_until < today
    else:
        return False
    return late and pending_relief(fee) is None


def overdue_case_ids(case_ids, today: datetime.date) -> set[int]:
    """Of CASE_IDS (a list page's rows), the cases whose fee is unpaid past its due date:
    one query for the page."""
    rows = FeeDue.objects.filter(_overdue(today), case_id__in=list(case_ids))
    return set(rows.values_list("case_id", flat=True))


def pending_reliefs(court_ids) -> list[FeeRelief]:
    """Applications awaiting a decision in these courts, oldest first (a decider's list)."""
    rows = FeeRelief.objects.filter(
        status=ReliefStatus.PENDING, fee__case__court_id__in=list(court_ids)
    )
    return list(rows.select_related("fee__case").order_by("submitted_at", "id")[:200])
