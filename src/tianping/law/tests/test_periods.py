"""Period arithmetic against the examples of domain-reference §3.1."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tianping.law.calendar import HolidayDataMissing, RestDayCalendar
from tianping.law.periods import add_months, compute_period

D = datetime.date
CAL = RestDayCalendar()


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2014, 5, 28), 3, D(2014, 8, 28)),  # the SPC's own example
        (D(2023, 8, 31), 3, D(2023, 11, 30)),  # no 31 November
        (D(2024, 2, 29), 6, D(2024, 8, 29)),
        (D(2023, 2, 28), 12, D(2024, 2, 28)),  # not the 29th
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
    ],
)
def test_month_periods_end_on_the_corresponding_day(start, months, expected):
    assert add_months(start, months) == expected


def test_a_last_day_on_national_day_moves_to_the_next_working_day():
    # 2024-09-24 + 7 days = 2024-10-01, National Day (holiday until 10-07)
    result = compute_period(D(2024, 9, 24), CAL, days=7)
    assert result.expires_on == D(2024, 10, 8)
    assert [s.code for s in result.steps] == ["start", "days", "rest-day-moved"]


def test_in_custody_the_last_day_does_not_move():
    result = compute_period(D(2024, 9, 24), CAL, days=7, in_custody=True)
    assert result.expires_on == D(2024, 10, 1)


def test_a_make_up_working_saturday_is_a_working_day():
    # 2024-10-12 was a Saturday worked in lieu of the National Day holiday
    assert compute_period(D(2024, 10, 5), CAL, days=7).expires_on == D(2024, 10, 12)


def test_rest_days_inside_a_period_are_not_deducted():
    # 2024-09-30 + 15 days runs through National Day and ends 2024-10-15, a Tuesday
    assert compute_period(D(2024, 9, 30), CAL, days=15).expires_on == D(2024, 10, 15)


def test_a_year_without_holiday_data_is_an_error_when_strict():
    with pytest.raises(HolidayDataMissing, match="2099"):
        compute_period(D(2099, 1, 1), CAL, days=7)


def test_a_court_table_covers_a_year_the_library_does_not_know():
    calendar = RestDayCalendar(extra={D(2099, 1, 8): True}, covered_years=frozenset({2099}))
    # 2099-01-08 is a Thursday the court marked as a holiday
    assert compute_period(D(2099, 1, 1), calendar, days=7).expires_on == D(2099, 1, 9)


def test_lenient_calendar_says_when_it_guessed():
    result = compute_period(D(2099, 1, 1), RestDayCalendar(strict=False), days=7)
    assert "holiday-data-missing" in [s.code for s in result.steps]


dates = st.dates(D(2005, 1, 1), D(2025, 6, 1))


@given(dates, dates, st.integers(0, 6), st.integers(0, 40))
def test_a_later_start_never_gives_an_earlier_expiry(a, b, months, days):
    if not (months or days):
        days = 1
    first, second = sorted([a, b])
    assert (
        compute_period(first, CAL, months=months, days=days).expires_on
        <= compute_period(second, CAL, months=months, days=days).expires_on
    )
