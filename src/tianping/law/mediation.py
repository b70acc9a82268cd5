"""The clocks of mediation (调解期限), pure: dates in, dates and their steps out.

domain-reference §3.2 (the mediation rows) and the sources below:

- The court appoints a mediator within 3 working days of receiving the application
  (在线调解规则 art. 10 ¶3).
- The parties who both agreed to mediate choose a mediator together within 2 working days
  of agreeing; otherwise the court appoints one (在线调解规则 art. 10 ¶2).
- The mediator confirms acceptance within 3 working days of the court's appointment or
  the party's application; a mediator who declines or lets the days pass is replaced
  (在线调解规则 art. 12).
- Pre-filing mediation (委派调解) lasts 30 days; court-referred mediation after filing
  (委托调解) 15 days under the ordinary procedure and 7 under the summary procedure; each
  longer only if every party agrees; the days added after filing are not counted in the
  time limit of the case (特邀调解规定 art. 27; 在线调解规则 art. 24 ¶1).
- The mediation period runs from the day the mediator confirms acceptance (特邀调解规定
  art. 27 ¶3; 在线调解规则 art. 24 ¶2). Time for a pre-filing appraisal is not counted
  (在线调解规则 art. 26).

"Within N working days" is read as: the Nth working day after the day the clock starts
(that day not counted), rest days and public holidays of the court's calendar skipped.
The 30/15/7 days are calendar days counted like every other period (the first day not
counted; a last day that is a rest day moves to the next working day, CPL art. 85): the
sources give no rule of their own, so the general one is applied (docs/architecture.md).
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tianping.law.calendar import RestDayCalendar
from tianping.law.periods import PeriodResult, compute_period
from tianping.law.steps import Step


@dataclass(frozen=True)
class Clock:
    code: str
    name: str
    source: str
    working_days: int = 0
    days: int = 0


CLOCKS = {
    clock.code: clock
    for clock in (
        Clock("appointment", _("Appointing a mediator"), "在线调解规则第10条第3款", working_days=3),
        Clock("choice", _("The parties' choice of a mediator"), "在线调解规则第10条第2款",
              working_days=2),
        Clock("acceptance", _("The mediator's acceptance"), "在线调解规则第12条", working_days=3),
        Clock("pre_filing", _("Pre-filing mediation"), "特邀调解规定第27条；在线调解规则第24条",
              days=30),
        Clock("referred_ordinary", _("Court-referred mediation, ordinary procedure"),
              "特邀调解规定第27条；在线调解规则第24条", days=15),
        Clock("referred_summary", _("Court-referred mediation, summary procedure"),
              "特邀调解规定第27条；在线调解规则第24条", days=7),
    )
}


def add_working_days(
    start: datetime.date, n: int, calendar: RestDayCalendar
) -> PeriodResult:
    """The Nth working day after START (START not counted), with the steps."""
    if n < 1:
        raise ValueError("A working-day period needs at least one day.")
    steps = [Step("start", start, (("day", start),))]
    day, counted, skipped = start, 0, 0
    while counted < n:
        day += datetime.timedelta(days=1)
        if calendar.is_rest_day(day):
            skipped += 1
        else:
            counted += 1
    guessed = sorted({d.year for d in _days(start, day) if calendar.is_guessed(d)})
    steps += [Step("holiday-data-missing", params=(("year", year),)) for year in guessed]
    steps.append(Step("working-days", day, (("n", n), ("skipped", skipped), ("day", day))))
    return PeriodResult(day, tuple(steps))


def _days(start: datetime.date, end: datetime.date):
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        yield day


def clock_due(code: str, start: datetime.date, calendar: RestDayCalendar,
              *, extra_days: int = 0) -> PeriodResult:
    """When the clock CODE that starts on START runs out; EXTRA_DAYS are days the parties
    agreed to add (or days not counted, such as an appraisal), added to a day clock."""
    clock = CLOCKS[code]
    rule = Step("mediation-clock", None, (("clock", code),))
    if clock.working_days:
        result = add_working_days(start, clock.working_days, calendar)
    else:
        result = compute_period(start, calendar, days=clock.days + extra_days)
    return PeriodResult(result.expires_on, (rule, *result.steps))


def referred_clock(procedure: str) -> str:
    """The clock of a court-referred mediation: 7 days under the summary procedure (and
    the small-claims procedure, which is a summary procedure), 15 otherwise."""
    return "referred_summary" if procedure in ("summary", "small_claims") else "referred_ordinary"
