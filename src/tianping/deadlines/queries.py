"""Reads for time limits: overdue and long-pending cases (the requests to decide are in
`deadlines.permissions`)."""

import datetime
from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext as _

from tianping.cases.permissions import cases_visible_to
from tianping.lib.names import local_name

LONG_PENDING_MONTHS = (12, 18, 36)


def overdue_cases(user, today: datetime.date):
    """Pending cases past their time limit (not suspended), the most overdue first.

    Read through the running limits (`CaseTimeLimit.runs_until`: the expiry of a limit
    that runs, NULL once suspended or closed) in expiry order, so a page reads about as
    many rows as it shows, not every pending case nor every limit that ever expired."""
    return (
        cases_visible_to(user)
        .pending()
        .filter(time_limit__runs_until__lt=today)
        .order_by("time_limit__runs_until", "id")
    )


def long_pending_cases(user, today: datetime.date, months: int):
    """Pending cases filed more than MONTHS months ago (长期未结)."""
    from tianping.law.periods import add_months

    cutoff = add_months(today, -months)
    return (
        cases_visible_to(user)
        .pending()
        .filter(filed_on__lt=cutoff)
        .order_by("filed_on", "id")
    )


def counts_by_judge_and_division(cases) -> tuple[list[dict], list[dict]]:
    """How many of CASES each judge and each division has, the most first: one query over
    the cases' judge and division ids, then their names (a query each)."""
    from django.contrib.auth import get_user_model

    from tianping.courts.models import Division

    rows = list(cases.order_by().values_list("judge_id", "division_id").annotate(n=Count("pk")))
    judges, divisions = Counter(), Counter()
    for judge, division, n in rows:
        judges[judge] += n
        divisions[division] += n
    judge_names = dict(
        get_user_model().objects.filter(pk__in=set(judges) - {None}).values_list("pk", "full_name")
    )
    # the same division name is found in every court: each with its court, in the
    # reader's language (lib.names)
    division_names = {
        division.pk: _("%(division)s (%(court)s)")
        % {"division": local_name(division), "court": local_name(division.court)}
        for division in Division.objects.filter(pk__in=set(divisions) - {None})
        .select_related("court")
        .only("name", "name_en", "court__name", "court__name_en")
    }
    return (
        [{"name": judge_names.get(pk), "n": n} for pk, n in judges.most_common()],
        [{"name": division_names.get(pk), "n": n} for pk, n in divisions.most_common()],
    )
