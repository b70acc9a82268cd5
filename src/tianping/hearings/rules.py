"""The rules of hearings, pure: no ORM, the dates as arguments.

- The defence period (民事诉讼法 art. 128): the copy of the complaint is sent to the
  defendant within 5 days of filing, who answers within 15 days of receiving it; the
  summons (art. 139) reaches the parties at least 3 days before the hearing. Until service
  of documents is recorded, the copy is taken as served on the fifth day after filing (the
  latest the law allows), so the earliest hearing day is filing + 5 + 15 + 3 days; given
  the real day of service, that day counts instead.
- Summary procedure (art. 162) and small claims: the parties may waive the defence period;
  a hearing before it ends then needs the reason (the waiver) recorded.
- Postponements (延期开庭, art. 149; 2019 SPC rules on extending time limits and postponing
  hearings, arts. 3 and 5): at most twice under the ordinary procedure and once under the
  summary procedure and small claims (the limits are a setting,
  HEARING_POSTPONEMENT_LIMITS); the next session within one month of the one postponed,
  unless by force majeure or with the parties' consent.
- Holiday and evening sessions: a session on a rest day of the court's calendar, or
  outside its working hours (HEARING_WORKING_HOURS), is flagged.
"""

import calendar
import datetime
from collections.abc import Callable

COPY_SENT_WITHIN = 5  # days after filing (art. 128)
DEFENCE_DAYS = 15  # days after receiving the copy (art. 128)
SUMMONS_DAYS = 3  # days before the hearing at least (art. 139)
WAIVABLE = frozenset({"summary", "small_claims"})  # art. 162; small claims (art. 165 ff.)


def defence_ends(filed_on: datetime.date, served_on: datetime.date | None = None):
    """The last day of the defendant's defence period."""
    served = served_on or filed_on + datetime.timedelta(days=COPY_SENT_WITHIN)
    return served + datetime.timedelta(days=DEFENCE_DAYS)


def earliest_hearing_day(filed_on: datetime.date,
                         served_on: datetime.date | None = None) -> datetime.date:
    """The first day a hearing may be held: the defence period over, the summons served
    three days before."""
    return defence_ends(filed_on, served_on) + datetime.timedelta(days=SUMMONS_DAYS)


def may_waive_defence(procedure: str) -> bool:
    return procedure in WAIVABLE


def add_one_month(day: datetime.date) -> datetime.date:
    """The same day a month later (the month's last day when it has none)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def postponement_problem(*, procedure: str, postponed_before: int, limits: dict[str, int],
                         held_on: datetime.date, new_day: datetime.date,
                         exception: str = "") -> str | None:
    """Why a postponement is not allowed, as a code ("limit", "interval"), or None.
    A procedure without a limit in LIMITS has none."""
    limit = limits.get(procedure)
    if limit is not None and postponed_before >= limit:
        return "limit"
    if new_day > add_one_month(held_on) and exception not in ("force_majeure", "consent"):
        return "interval"
    return None


def working_hours(text: str) -> tuple[datetime.time, datetime.time]:
    """"08:00-18:00" as two times; ValueError when it is not that."""
    start, end = (datetime.time.fromisoformat(part.strip()) for part in text.split("-"))
    if end <= start:
        raise ValueError(f"working hours {text!r} end before they start")
    return start, end


def session_flags(starts_at: datetime.datetime, ends_at: datetime.datetime, *,
                  hours: tuple[datetime.time, datetime.time],
                  is_rest_day: Callable[[datetime.date], bool]) -> dict[str, bool]:
    """{"holiday": on a rest day, "evening": outside the working hours}, for a session
    given in the court's local time."""
    start, end = hours
    days = {starts_at.date(), ends_at.date()}
    return {
        "holiday": any(is_rest_day(day) for day in days),
        "evening": (starts_at.date() != ends_at.date() or starts_at.time() < start
                    or ends_at.time() > end),
    }
