"""The deadline sweep: raise each time-limit warning once and only once.

Safe to run from several workers at once and on SQLite or PostgreSQL: warnings and
notifications are inserted with unique keys (ON CONFLICT DO NOTHING), so whichever
worker inserts a row first wins and the others skip it.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from tianping.accounts.models import User
from tianping.cases.choices import PENDING_STATES
from tianping.courts.choices import Role
from tianping.courts.models import Membership
from tianping.deadlines.models import CaseTimeLimit, TimeLimitWarning
from tianping.notifications.actions import notify_once

BATCH = 2000


def thresholds() -> list[int]:
    return sorted(settings.TIME_LIMIT_WARNING_DAYS, reverse=True)


def sweep(today: datetime.date) -> int:
    """Raise the warnings due on TODAY; returns how many limits were looked at."""
    horizon = today + datetime.timedelta(days=max(thresholds()))
    limits = (
        CaseTimeLimit.objects.filter(
            case__state__in=PENDING_STATES, suspended_since__isnull=True, expires_on__lte=horizon
        )
        .select_related("case")
        .order_by("pk")
    )
    seen = 0
    last_pk = 0
    while True:
        batch = list(limits.filter(pk__gt=last_pk)[:BATCH])
        if not batch:
            return seen
        _raise(batch, today)
        seen += len(batch)
        last_pk = batch[-1].pk


def _raise(batch: list[CaseTimeLimit], today: datetime.date) -> None:
    raised = set(
        TimeLimitWarning.objects.filter(case_id__in=[x.case_id for x in batch]).values_list(
            "case_id", "threshold", "expires_on"
        )
    )
    wanted = [
        TimeLimitWarning(case_id=limit.case_id, threshold=t, expires_on=limit.expires_on)
        for limit in batch
        for t in thresholds()
        if (limit.expires_on - today).days <= t
        and (limit.case_id, t, limit.expires_on) not in raised
    ]
    if not wanted:
        return
    by_case = {limit.case_id: limit for limit in batch}
    heads = _division_heads({limit.case.division_id for limit in batch})
    rows = [
        _message(user_id, by_case[w.case_id], w.threshold, today)
        for w in wanted
        for user_id in _recipients(by_case[w.case_id].case, heads)
    ]
    # Warnings and their messages commit together. A worker racing this one waits on the
    # unique keys and then skips what this one inserted: each is raised once.
    with transaction.atomic():
        TimeLimitWarning.objects.bulk_create(wanted, ignore_conflicts=True)
        notify_once(rows)


def _division_heads(division_ids: set) -> dict:
    heads: dict = {}
    memberships = Membership.objects.current().filter(
        role=Role.DIVISION_HEAD, division_id__in=division_ids
    )
    for division_id, user_id in memberships.values_list("division_id", "user_id"):
        heads.setdefault(division_id, []).append(user_id)
    return heads


def _recipients(case, heads: dict) -> list[int]:
    people = [case.judge_id] if case.judge_id else []
    return people + [h for h in heads.get(case.division_id, []) if h not in people]


def _message(user_id, limit: CaseTimeLimit, threshold: int, today: datetime.date):
    left = (limit.expires_on - today).days
    text = (
        _("%(number)s: the time limit expires on %(day)s (%(left)d days left).")
        if left >= 0
        else _("%(number)s: the time limit expired on %(day)s (%(left)d days overdue).")
    )
    text = text % {"number": limit.case.number, "day": limit.expires_on, "left": abs(left)}
    key = f"time-limit:{limit.case_id}:{limit.expires_on}:{threshold}"
    return (User(pk=user_id), key, text, _case_link(limit.case))


def _case_link(case) -> str:
    try:
        return reverse("cases:detail", args=[case.code])
    except NoReverseMatch:
        return ""
