"""The rest-day calendar: chinese_calendar plus the court system's own holiday table."""

from tianping.courts.models import CalendarDay, CoveredYear
from tianping.law.calendar import RestDayCalendar


def court_calendar(*, strict: bool = False) -> RestDayCalendar:
    """chinese_calendar plus the holiday table. By default a year with no data falls back to
    weekends and the explanation says so (`holiday-data-missing`)."""
    extra = dict(CalendarDay.objects.values_list("day", "is_rest_day"))
    years = frozenset(CoveredYear.objects.values_list("year", flat=True))
    return RestDayCalendar(extra=extra, covered_years=years, strict=strict)
