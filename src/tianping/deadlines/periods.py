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

from django.utils.translation import gettext as _

from tianping.deadlines.calendar import RestDayCalendar


@dataclass(frozen=True)
class Step:
    """One step of a computation: a code for machines, a sentence for people."""

    code: str
    text: str
    on: datetime.date | None = None

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "text": self.text,
            "date": self.on.isoformat() if self.on else None,
        }


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
        steps.append(
            Step(
                "holiday-data-missing",
                _(
                    "No holiday schedule for %(year)s is on file: only weekends were treated as "
                    "rest days. Add the State Council's schedule for that year."
                )
                % {"year": last_day.year},
            )
        )
    if in_custody:
        steps.append(
            Step(
                "in-custody",
                _(
                    "In custody: the period ends on its last day even if that is a rest day "
                    "(Criminal Procedure Law art. 105)."
                ),
                last_day,
            )
        )
        return last_day, steps
    moved = next_working_day(last_day, calendar)
    if moved != last_day:
        steps.append(
            Step(
                "rest-day-moved",
                _(
                    "%(day)s is a rest day%(name)s; the period ends on the next working day, "
                    "%(moved)s (Civil Procedure Law art. 85)."
                )
                % {
                    "day": last_day.isoformat(),
                    "moved": moved.isoformat(),
                    "name": _rest_day_label(last_day, calendar),
                },
                moved,
            )
        )
    return moved, steps


def _rest_day_label(day: datetime.date, calendar: RestDayCalendar) -> str:
    name = calendar.holiday_name(day)
    return f" ({name})" if name else ""


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
    steps = [
        Step(
            "start",
            _("The period starts on %(day)s; that day is not counted.")
            % {"day": start.isoformat()},
            start,
        )
    ]
    end = start
    if months:
        end = add_months(end, months)
        steps.append(
            Step(
                "months",
                _(
                    "%(n)d month(s) later, on the corresponding day (or the month's last day): "
                    "%(day)s."
                )
                % {"n": months, "day": end.isoformat()},
                end,
            )
        )
    if days:
        end = add_days(end, days)
        steps.append(
            Step(
                "days",
                _("%(n)d day(s), counted from the next day: %(day)s.")
                % {"n": days, "day": end.isoformat()},
                end,
            )
        )
    end, moved = roll_forward(end, calendar, in_custody=in_custody)
    return PeriodResult(end, tuple(steps + moved))
