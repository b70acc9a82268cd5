"""The rest-day calendar: chinese_calendar plus the court system's own holiday table."""

from tianping.courts.models import CalendarDay, Court, CoveredYear
from tianping.law.calendar import RestDayCalendar


def court_calendar(*, court: Court | None = None, strict: bool = False) -> RestDayCalendar:
    """chinese_calendar plus the national holiday table, and COURT's own days over it when
    a court is given. By default a year with no data falls back to weekends and the
    explanation says so (`holiday-data-missing`)."""
    days = CalendarDay.objects.filter(court__isnull=True)
    extra = dict(days.values_list("day", "is_rest_day"))
    if court is not None:
        extra.update(CalendarDay.objects.filter(court=court).values_list("day", "is_rest_day"))
    years = frozenset(CoveredYear.objects.values_list("year", flat=True))
    return RestDayCalendar(extra=extra, covered_years=years, strict=strict)
