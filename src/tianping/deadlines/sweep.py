"""The deadline sweep: raise each time-limit warning once and only once.

A warning is due when a pending case that is not suspended has a time limit expiring
within a threshold (TIME_LIMIT_WARNING_DAYS) and no warning yet for that case, threshold
and expiry date. One query selects exactly those rows (an anti-join against the warnings
already raised), so a sweep that finds nothing new costs that one query. A case whose
expiry moved is due again for the new date.

The new warnings are inserted in batches with ON CONFLICT DO NOTHING ... RETURNING, and
messages are written only for the rows this sweep inserted, in the same transaction.
Several workers may sweep at once, on SQLite or PostgreSQL: a worker racing this one
waits on the unique key (case, threshold, expiry date) and then skips what this one
inserted, so each warning and its messages go out once. Every worker inserts in the same
order (case, threshold), so they never deadlock. (RETURNING needs SQLite 3.35 or later.)
"""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from tianping.cases.choices import PENDING_STATES
from tianping.cases.models import Case
from tianping.courts.choices import Role
from tianping.courts.models import Membership
from tianping.deadlines.models import CaseTimeLimit, TimeLimitWarning
from tianping.notifications.actions import notify_many

BATCH = 1000


class Due(NamedTuple):
    """A warning due and not yet raised, with what its messages need."""

    case_id: int
    threshold: int
    expires_on: datetime.date
    number: str
    code: str
    judge_id: int | None
    division_id: int | None


def thresholds() -> list[int]:
    return sorted(set(settings.TIME_LIMIT_WARNING_DAYS), reverse=True)


def sweep(today: datetime.date) -> int:
    """Raise the warnings due on TODAY that were never raised; returns how many."""
    due = due_warnings(today)
    if not due:
        return 0
    heads = _division_heads({d.division_id for d in due if d.division_id is not None})
    raised = 0
    for start in range(0, len(due), BATCH):
        batch = due[start : start + BATCH]
        with transaction.atomic():  # warnings and their messages commit together
            inserted = _insert_warnings(batch)
            notify_many(
                [
                    message
                    for d in batch
                    if (d.case_id, d.threshold, d.expires_on) in inserted
                    for message in _messages(d, heads, today)
                ]
            )
        raised += len(inserted)
    return raised


def due_warnings(today: datetime.date) -> list[Due]:
    """The warnings due on TODAY and not raised yet (one query), by case and threshold."""
    sql, params = due_warnings_sql(today)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [Due(r[0], r[1], _date(r[2]), *r[3:]) for r in rows]


def due_warnings_sql(today: datetime.date) -> tuple[str, list]:
    """The query of `due_warnings` and its parameters.

    The thresholds are a VALUES list of (threshold, last expiry date it covers). With
    the partial index on time limits (case, expiry date; not suspended, migration 0005)
    and the warnings' unique key, PostgreSQL answers a sweep with nothing new by merging
    two index-only scans; the case is only read for the rows that survive.
    """
    q = connection.ops.quote_name
    limits, cases, warnings = (
        q(model._meta.db_table) for model in (CaseTimeLimit, Case, TimeLimitWarning)
    )
    params: list = []
    for t in thresholds():
        params += [t, connection.ops.adapt_datefield_value(today + datetime.timedelta(days=t))]
    states = [str(s) for s in PENDING_STATES]
    params += states
    sql = (
        f"WITH t (threshold, last_day) AS (VALUES {', '.join(['(%s, %s)'] * len(thresholds()))})"
        " SELECT l.case_id, t.threshold, l.expires_on, c.number, c.code, c.judge_id,"
        " c.division_id"
        f" FROM {limits} l"
        " INNER JOIN t ON l.expires_on <= t.last_day"
        f" INNER JOIN {cases} c ON c.id = l.case_id"
        " WHERE l.suspended_since IS NULL"
        f" AND c.state IN ({', '.join(['%s'] * len(states))})"
        f" AND NOT EXISTS (SELECT 1 FROM {warnings} w WHERE w.case_id = l.case_id"
        " AND w.threshold = t.threshold AND w.expires_on = l.expires_on)"
        " ORDER BY l.case_id, t.threshold"
    )
    return sql, params


def _insert_warnings(batch: list[Due]) -> set[tuple]:
    """Insert BATCH's warnings, skipping any already there; returns the keys inserted."""
    if not batch:
        return set()
    q = connection.ops.quote_name
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = []
    for d in batch:
        params += [d.case_id, d.threshold, connection.ops.adapt_datefield_value(d.expires_on), now]
    sql = (
        f"INSERT INTO {q(TimeLimitWarning._meta.db_table)}"
        " (case_id, threshold, expires_on, raised_at)"
        f" VALUES {', '.join(['(%s, %s, %s, %s)'] * len(batch))}"
        " ON CONFLICT (case_id, threshold, expires_on) DO NOTHING"
        " RETURNING case_id, threshold, expires_on"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(r[0], r[1], _date(r[2])) for r in cursor.fetchall()}


def _date(value) -> datetime.date:
    """A date column as read back through a raw cursor (SQLite gives text)."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _division_heads(division_ids: set) -> dict:
    heads: dict = {}
    memberships = Membership.objects.current().filter(
        role=Role.DIVISION_HEAD, division_id__in=division_ids
    )
    for division_id, user_id in memberships.values_list("division_id", "user_id"):
        heads.setdefault(division_id, []).append(user_id)
    return heads


def _recipients(d: Due, heads: dict) -> list[int]:
    people = [d.judge_id] if d.judge_id else []
    return people + [h for h in heads.get(d.division_id, []) if h not in people]


def _messages(d: Due, heads: dict, today: datetime.date) -> list:
    """(user id, key, kind, params) for each person D's warning goes to: worded when read,
    in the reader's language (`deadlines.messages`)."""
    params = {
        "number": d.number,
        "code": d.code,
        "day": d.expires_on.isoformat(),
        "left": (d.expires_on - today).days,
    }
    key = f"time-limit:{d.case_id}:{d.expires_on}:{d.threshold}"
    return [(user_id, key, "time_limit.warning", params) for user_id in _recipients(d, heads)]
