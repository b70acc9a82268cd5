"""Rest days (法定休假日) for period computation: chinese_calendar plus the court's own table.

A rest day is a weekend day or a public holiday; a make-up working day (调休补班) on a
weekend is a working day. chinese_calendar covers the years the State Council has
published when the package was released; for later years the court adds the published
schedule to its own table (`extra`), which also wins over the package where both speak.
Pure: no ORM, no clock.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import chinese_calendar


class HolidayDataMissing(ValueError):
    """The year of a date is covered neither by chinese_calendar nor by the court's table."""

    def __init__(self, day: datetime.date):
        self.day = day
        super().__init__(f"No holiday data for {day.year}; add the State Council schedule.")


@lru_cache(maxsize=20000)
def library_rest_day(day: datetime.date) -> bool | None:
    """chinese_calendar's answer for DAY, or None when its data does not cover the year."""
    try:
        return chinese_calendar.is_holiday(day)
    except NotImplementedError:
        return None


@dataclass(frozen=True)
class RestDayCalendar:
    """Answers whether a day is a rest day.

    `extra` maps dates to True (rest day) or False (working day); `covered_years` are the
    years the court has entered completely. With `strict`, a date in a year nobody covers
    raises HolidayDataMissing; otherwise only weekends count as rest days that year, and
    `is_guessed` tells the caller so it can say so.
    """

    extra: Mapping[datetime.date, bool] = field(default_factory=dict)
    covered_years: frozenset[int] = frozenset()
    strict: bool = True

    def is_covered(self, day: datetime.date) -> bool:
        return day.year in self.covered_years or library_rest_day(day) is not None

    def is_guessed(self, day: datetime.date) -> bool:
        return day not in self.extra and not self.is_covered(day)

    def is_rest_day(self, day: datetime.date) -> bool:
        if day in self.extra:
            return self.extra[day]
        if day.year not in self.covered_years:
            answer = library_rest_day(day)
            if answer is not None:
                return answer
            if self.strict:
                raise HolidayDataMissing(day)
        return day.weekday() >= 5

    def holiday_name(self, day: datetime.date) -> str | None:
        try:
            _on_holiday, name = chinese_calendar.get_holiday_detail(day)
        except NotImplementedError:
            return None
        return name
