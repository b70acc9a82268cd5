"""The big screen (电子展示屏, issue 13 part 5): its tokens and what it shows.

A token is a random secret in the screen's address (`/indicators/display/<token>/`). Only
its SHA-256 is stored, with its first characters to tell tokens apart on the management
page; the token is shown once, when it is made. A token opens its court's screen and
nothing else: the screen's views read it from the address, never sign anyone in, and no
other page or API looks at it. A token works while it is not revoked and while the one who
made it still keeps the court's screens (their sight is the screen's: the overdue list is
theirs, `deadlines.queries.overdue_cases`, cut to the court).

What a screen shows is safe for a public hall: indicator figures, and for the overdue
list only the case number, the division and how many days over the limit; no party, no
judge, no cause of action. Its data is read at most once a minute per court (the cache),
however many screens show it.
"""

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from tianping.audit.actions import record
from tianping.indicators import compute, permissions, reads

PREFIX_LENGTH = 8
CACHE_SECONDS = 60
OVERDUE_SHOWN = 15
SCREEN_CODES = ("received", "closed", "clearance_rate", "closure_rate", "within_limit_rate",
                "avg_days", "pending_over_12m", "case_dispute_ratio")
TREND_CODES = ("received", "closed", "clearance_rate")


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_token(*, court, label: str, actor, include_lower: bool = False):
    """A new token for COURT's screen LABEL: returns (the record, the token itself; shown
    once). Audited."""
    from tianping.indicators.models import DisplayToken

    token = secrets.token_urlsafe(32)
    row = DisplayToken.objects.create(court=court, label=label.strip(),
                                      prefix=token[:PREFIX_LENGTH], digest=digest_of(token),
                                      include_lower=include_lower, created_by=actor)
    record("indicators.display_token_created", row, actor=actor, changes={
        "court": court.code, "label": row.label, "prefix": row.prefix,
        "include_lower": include_lower})
    return row, token


@transaction.atomic
def revoke_token(row, *, actor):
    """Revoke ROW (a DisplayToken): its screen answers 404 from now on. Audited."""
    from tianping.indicators.models import DisplayToken

    row = DisplayToken.objects.select_for_update().get(pk=row.pk)
    if row.revoked_at is None:
        row.revoked_at = timezone.now()
        row.save(update_fields=["revoked_at"])
        record("indicators.display_token_revoked", row, actor=actor, changes={
            "court": row.court.code, "label": row.label, "prefix": row.prefix})
    return row


def find_token(token: str):
    """The live DisplayToken for TOKEN, or None (unknown, revoked, or its maker no longer
    keeps the court's screens). The digest is compared in constant time."""
    from tianping.indicators.models import DisplayToken

    if not token or len(token) > 100:
        return None
    wanted = digest_of(token)
    found = None
    for row in (DisplayToken.objects.filter(prefix=token[:PREFIX_LENGTH])
                .select_related("court", "created_by")):
        if hmac.compare_digest(row.digest, wanted):
            found = row
    if found is None or found.revoked_at is not None:
        return None
    if not found.created_by.is_active or not permissions.can_manage_display_tokens(
            found.created_by, found.court):
        return None
    return found


def mark_seen(row) -> None:
    """Note when a screen last asked (at most once a minute, not a write per poll)."""
    now = timezone.now()
    if row.last_seen_at is None or now - row.last_seen_at > datetime.timedelta(minutes=1):
        type(row).objects.filter(pk=row.pk).update(last_seen_at=now)


@dataclass(frozen=True)
class OverdueRow:
    number: str
    division: str
    days_over: int


def screen_data(row, today: datetime.date | None = None) -> dict:
    """What ROW's screen shows, read at most once a minute per court and language."""
    today = today or timezone.localdate()
    key = (f"tianping:indicators:display:{row.court_id}:{int(row.include_lower)}:"
           f"{row.created_by_id}:{today.isoformat()}:{get_language()}")
    data = cache.get(key)
    if data is None:
        data = _read(row, today)
        cache.set(key, data, CACHE_SECONDS)
    return data


def _read(row, today: datetime.date) -> dict:
    s = compute.make_slice(row.court, today.replace(month=1, day=1), today,
                           include_lower=row.include_lower)
    results = compute.compute(s, SCREEN_CODES)
    trend = reads.monthly_trend(s, 12, TREND_CODES)
    overdue, total = overdue_rows(row, s, today)
    return {
        "indicators": results,
        "trend": {
            "months": [m.label for m in trend],
            "series": {code: [_number(m.results[code].value) for m in trend]
                       for code in TREND_CODES},
            "names": {r.code: r.name for r in trend[-1].results.values()},
        },
        "overdue": overdue,
        "overdue_total": total,
        "start": s.start,
        "end": s.end,
    }


def _number(value):
    return None if value is None else float(value)


def overdue_rows(row, s, today: datetime.date) -> tuple[list[OverdueRow], int]:
    """The court's overdue cases as the token's maker sees them (the overdue list's own
    query), the most overdue first: number, division and days over the limit only."""
    from tianping.deadlines.queries import overdue_cases
    from tianping.lib.names import local_name

    cases = overdue_cases(row.created_by, today).filter(court_id__in=s.court_ids)
    total = cases.count()
    rows = []
    for case in (cases.select_related("division", "time_limit")
                 .only("number", "division__name", "division__name_en",
                       "time_limit__runs_until")[:OVERDUE_SHOWN]):
        days = (today - case.time_limit.runs_until).days
        rows.append(OverdueRow(case.number, local_name(case.division), days))
    return rows, total
