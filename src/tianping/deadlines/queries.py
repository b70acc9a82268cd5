"""Reads for time limits: overdue and long-pending cases, extension requests to decide."""

import datetime

from django.db.models import Q

from tianping.cases.queries import cases_visible_to
from tianping.deadlines.models import ExtensionRequest, ExtensionStatus

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


def extension_requests_to_decide(user):
    """Open extension requests of cases the user can see and may decide."""
    from tianping.deadlines.actions import may_decide

    requests = (
        ExtensionRequest.objects.filter(status=ExtensionStatus.REQUESTED)
        .filter(Q(case__in=cases_visible_to(user)) | Q(approver="higher_court"))
        .select_related("case__court__parent", "case__judge", "requested_by", "case__time_limit")
    )
    return [r for r in requests if may_decide(user, r)]
