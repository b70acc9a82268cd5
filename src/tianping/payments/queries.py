"""What pages and the API read of a case's fee."""

import datetime

from tianping.payments.models import FeeDue, FeeStatus


def fee_of(case) -> FeeDue | None:
    return FeeDue.objects.filter(case=case).first()


def is_overdue(fee: FeeDue | None, today: datetime.date) -> bool:
    """Unpaid past its due date, with no deferral: the case may be treated as withdrawn."""
    return fee is not None and fee.status == FeeStatus.DUE and fee.due_on < today
