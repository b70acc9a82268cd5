"""What pages and the API read of a case's fee."""

import datetime

from tianping.payments.models import FeeDue, FeeStatus


def fee_of(case) -> FeeDue | None:
    return FeeDue.objects.filter(case=case).first()


def is_overdue(fee: FeeDue | None, today: datetime.date) -> bool:
    """Unpaid past its due date, with no deferral: the case may be treated as withdrawn."""
    return fee is not None and fee.status == FeeStatus.DUE and fee.due_on < today


def overdue_case_ids(case_ids, today: datetime.date) -> set[int]:
    """Of CASE_IDS (a list page's rows), the cases whose fee is unpaid past its due date:
    one query for the page."""
    rows = FeeDue.objects.filter(case_id__in=list(case_ids), status=FeeStatus.DUE, due_on__lt=today)
    return set(rows.values_list("case_id", flat=True))
