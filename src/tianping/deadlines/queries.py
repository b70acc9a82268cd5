"""Reads for time limits: overdue and long-pending cases (the requests to decide are in
`deadlines.permissions`)."""

import datetime

from tianping.cases.permissions import cases_visible_to

LONG_PENDING_MONTHS = (12, 18, 36)


def overdue_cases(user, today: datetime.date):
    """Pending cases past their time limit (not suspended), the most overdue first."""
    return (
        cases_visible_to(user)
        .pending()
        .filter(time_limit__expires_on__lt=today, time_limit__suspended_since__isnull=True)
        .select_related("court", "division", "judge", "time_limit")
        .order_by("time_limit__expires_on", "pk")
    )


def long_pending_cases(user, today: datetime.date, months: int):
    """Pending cases filed more than MONTHS months ago (长期未结)."""
    from tianping.law.periods import add_months

    cutoff = add_months(today, -months)
    return (
        cases_visible_to(user)
        .pending()
        .filter(filed_on__lt=cutoff)
        .select_related("court", "division", "judge", "time_limit")
        .order_by("filed_on", "pk")
    )
