"""The clocks of mediation: working days skip rest days and holidays; the mediation
period runs like any period from the mediator's acceptance."""

import datetime

from django.utils import translation

from tianping.law.calendar import RestDayCalendar
from tianping.law.mediation import add_working_days, clock_due, referred_clock
from tianping.law.steps import render

CAL = RestDayCalendar()
D = datetime.date


def test_three_working_days_from_a_thursday_end_on_the_next_tuesday():
    # 2026-03-05 is a Thursday: Friday 6th, (weekend), Monday 9th, Tuesday 10th
    assert add_working_days(D(2026, 3, 5), 3, CAL).expires_on == D(2026, 3, 10)


def test_working_days_skip_the_national_day_holiday_and_count_a_make_up_saturday():
    # 2026-09-30 (Wed); 10-01..10-07 are the National Day holiday; 10-08 (Thu) and 10-09
    # (Fri) are working days, and so is Saturday 10-10, a make-up day (shared holiday table)
    result = add_working_days(D(2026, 9, 30), 3, CAL)
    assert result.expires_on == D(2026, 10, 10)
    assert dict(result.steps[-1].params)["skipped"] == 7


def test_pre_filing_mediation_runs_thirty_days_from_acceptance():
    result = clock_due("pre_filing", D(2026, 3, 2), CAL)
    assert result.expires_on == D(2026, 4, 1)  # a Wednesday
    with translation.override("en"):
        texts = [render(s.code, dict(s.params)) for s in result.steps]
    assert texts[0].startswith("Pre-filing mediation: 30 day(s)")
    assert "特邀调解规定第27条" in texts[0]


def test_agreed_days_are_added_to_a_day_clock():
    assert clock_due("pre_filing", D(2026, 3, 2), CAL, extra_days=10).expires_on == D(
        2026, 4, 13)  # 2026-04-11 is a Saturday: moved to Monday


def test_the_summary_procedure_gets_seven_days():
    assert referred_clock("summary") == "referred_summary"
    assert referred_clock("small_claims") == "referred_summary"
    assert referred_clock("ordinary") == "referred_ordinary"
    assert clock_due("referred_summary", D(2026, 3, 2), CAL).expires_on == D(2026, 3, 9)


def test_the_working_day_step_reads_in_chinese():
    result = clock_due("acceptance", D(2026, 3, 5), CAL)
    with translation.override("zh-hans"):
        text = " ".join(render(s.code, dict(s.params)) for s in result.steps)
    assert "2026-03-10" in text
