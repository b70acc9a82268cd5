"""Period arithmetic (期间计算), every result with the steps that led to it.

Rules (domain-reference §3.1): the start day is not counted (CPL art 85 ¶2; 民诉解释
art 125); a month period ends on the corresponding day of the closing month, or on its
last day where it has none; day periods count calendar days, rest days inside the period
included; a last day that is a rest day moves to the next working day (CPL art 85 ¶3),
except for criminal periods while the person is in custody (CrimPL art 105 ¶4).
Pure: no ORM, no `now()`.
"""

import calendar as _calendar
import datetime
from dataclasses import dataclass

from tianping.law.calendar import RestDayCalendar
from tianping.law.steps import Step


@dataclass(frozen=True)
class PeriodResult:
    expires_on: datetime.date
    steps: tuple[Step, ...]


def add_months(start: datetime.date, months: int) -> datetime.date:
    """The corresponding day `months` later, or that month's last day where there is none."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = _calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(start.day, last))


def add_days(start: datetime.date, days: int) -> datetime.date:
    """Day periods: day 1 is the day after START, so the last day is START + days."""
    return start + datetime.timedelta(days=days)


def next_working_day(day: datetime.date, calendar: RestDayCalendar) -> datetime.date:
    while calendar.is_rest_day(day):
        day += datetime.timedelta(days=1)
    return day


def roll_forward(
    last_day: datetime.date, calendar: RestDayCalendar, *, in_custody: bool = False
) -> tuple[datetime.date, list[Step]]:
    """Move a last day that is a rest day to the next working day, and say why."""
    steps = []
    if calendar.is_guessed(last_day):
        steps.append(Step("holiday-data-missing", params=(("year", last_day.year),)))
    if in_custody:
        steps.append(Step("in-custody", last_day))
        return last_day, steps
    moved = next_working_day(last_day, calendar)
    if moved != last_day:
        name = calendar.holiday_name(last_day) or ""
        steps.append(
            Step("rest-day-moved", moved, (("day", last_day), ("moved", moved), ("name", name)))
        )
    return moved, steps


def compute_period(
    start: datetime.date,
    calendar: RestDayCalendar,
    *,
    months: int = 0,
    days: int = 0,
    in_custody: bool = False,
) -> PeriodResult:
    """The last day of a period of MONTHS and DAYS that starts on START (not counted)."""
    if months < 0 or days < 0 or not (months or days):
        raise ValueError("A period needs a positive number of months or days.")
    steps = [Step("start", start, (("day", start),))]
    end = start
    if months:
        end = add_months(end, months)
        steps.append(Step("months", end, (("n", months), ("day", end))))
    if days:
        end = add_days(end, days)
        steps.append(Step("days", end, (("n", days), ("day", end))))
    end, moved = roll_forward(end, calendar, in_custody=in_custody)
    return PeriodResult(end, tuple(steps + moved))
