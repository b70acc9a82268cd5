"""How much one filing may hold, and when corrections are due: one set of bounds for the
pages (their forms), the API (its schemas) and the actions (which check again).

The bounds keep each request cheap (a receipt or ruling lists every party and is laid out
page by page) and what the court prints readable; none is near what a real complaint
needs. The number of files is a setting (`FILING_MAX_FILES`), and so is the longest
period a correction notice may give (`FILING_CORRECTION_MAX_DAYS`).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tianping.parties.models import PartyDetails

MAX_PARTIES = 50
MAX_REPRESENTATIVES = 50
MAX_EVIDENCE_ROWS = 50
MAX_CORRECTION_ITEMS = 30

CLAIMS_LENGTH = 5_000
FACTS_LENGTH = 20_000
REASONS_LENGTH = 10_000  # the reasons of a ruling refusing a filing
ANSWER_LENGTH = 5_000  # the filer's answer to a correction notice
ITEM_LENGTH = 500  # one thing to correct; the reason of a transfer
NAME_LENGTH = 200  # names of evidence, courts, service points; codes
KEY_LENGTH = 100  # an idempotency key as sent (it is stored hashed)

CORRECTION_DAYS = 15  # the period a correction notice gives unless the clerk says otherwise


def party_length(name: str) -> int:
    """The most characters the party detail NAME holds (its column's length)."""
    return PartyDetails._meta.get_field(name).max_length


def max_files() -> int:
    return settings.FILING_MAX_FILES


def check_count(count: int, limit: int, message: str) -> None:
    """Refuse COUNT things over LIMIT, with MESSAGE (which may name %(max)d)."""
    if count > limit:
        raise ValidationError(message % {"max": limit})


def correction_window(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day a correction notice issued TODAY may set (补正期限): at least
    one day, at most FILING_CORRECTION_MAX_DAYS (登记立案规定 art. 7: the court sets it)."""
    days = settings.FILING_CORRECTION_MAX_DAYS
    return today + datetime.timedelta(days=1), today + datetime.timedelta(days=days)


def default_respond_by(today: datetime.date) -> datetime.date:
    first, last = correction_window(today)
    return min(today + datetime.timedelta(days=CORRECTION_DAYS), last)


def check_respond_by(day: datetime.date, today: datetime.date) -> datetime.date:
    """DAY if a notice issued TODAY may give it; else a ValidationError naming the window."""
    first, last = correction_window(today)
    if not first <= day <= last:
        raise ValidationError(
            _("The date to correct by must be between %(first)s and %(last)s.")
            % {"first": first.isoformat(), "last": last.isoformat()}
        )
    return day
