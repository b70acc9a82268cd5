"""The rest-day calendar with the court's own table loaded from the database."""

from tianping.deadlines.calendar import RestDayCalendar
from tianping.deadlines.models import CalendarDay, CoveredYear


def court_calendar(*, strict: bool = False) -> RestDayCalendar:
    """chinese_calendar plus the court's table. Workflows use strict=False: a year with no
    data falls back to weekends and the explanation says so."""
    extra = dict(CalendarDay.objects.values_list("day", "is_rest_day"))
    years = frozenset(CoveredYear.objects.values_list("year", flat=True))
    return RestDayCalendar(extra=extra, covered_years=years, strict=strict)
