"""Reads for time limits: overdue and long-pending cases (the requests to decide are in
`deadlines.permissions`)."""

import datetime
from collections import Counter

from django.db.models import Count

from tianping.cases.permissions import cases_visible_to

LONG_PENDING_MONTHS = (12, 18, 36)
# What the lists do not show: long texts and the time limit's explanation.
DEFERRED = ("claims", "triage_reasons", "closure_note", "time_limit__steps")


def overdue_cases(user, today: datetime.date):
    """Pending cases past their time limit (not suspended), the most overdue first.

    Read through the running limits (`CaseTimeLimit.runs_until`: the expiry of a limit
    that runs, NULL once suspended or closed) in expiry order, so a page reads about as
    many rows as it shows, not every pending case nor every limit that ever expired."""
    return (
        cases_visible_to(user)
        .pending()
        .filter(time_limit__runs_until__lt=today)
        .select_related("court", "division", "judge", "time_limit")
        .defer(*DEFERRED)
        .order_by("time_limit__runs_until", "pk")
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
        .defer(*DEFERRED)
        .order_by("filed_on", "pk")
    )


def counts_by_judge_and_division(cases) -> tuple[list[dict], list[dict]]:
    """How many of CASES each judge and each division has, the most first: one query."""
    rows = cases.order_by().values("judge__full_name", "division__name").annotate(n=Count("pk"))
    judges, divisions = Counter(), Counter()
    for row in rows:
        judges[row["judge__full_name"]] += row["n"]
        divisions[row["division__name"]] += row["n"]
    return (
        [{"judge__full_name": name, "n": n} for name, n in judges.most_common()],
        [{"division__name": name, "n": n} for name, n in divisions.most_common()],
    )
