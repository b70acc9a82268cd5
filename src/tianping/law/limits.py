"""Time limits with excluded periods and extensions, explained step by step.

Order (issue 5; domain-reference §3.2 "derived rule"): month extensions add to the month
count from the start date; then the base days, day extensions and excluded days are
added; the rest-day move comes last. An excluded interval START..END covers both days and
pushes the expiry by that many calendar days. Pure: no ORM, no clock.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.law.calendar import HolidayDataMissing, RestDayCalendar
from tianping.law.periods import PeriodResult, add_days, add_months, roll_forward
from tianping.law.rules import Rule
from tianping.law.steps import Step


class ExclusionKind(models.TextChoices):
    """Periods not counted in the time limit (扣除审限), domain-reference §3.2."""

    PUBLIC_NOTICE = "public_notice", gettext_lazy("Public notice (公告)")
    APPRAISAL = "appraisal", gettext_lazy("Expert appraisal (鉴定)")
    SETTLEMENT = "settlement", gettext_lazy("Settlement talks (和解)")
    JURISDICTION_OBJECTION = (
        "jurisdiction_objection",
        gettext_lazy("Objection to jurisdiction (管辖异议)"),
    )
    JURISDICTION_DISPUTE = (
        "jurisdiction_dispute",
        gettext_lazy("Jurisdiction dispute between courts (管辖争议)"),
    )
    SUSPENSION = "suspension", gettext_lazy("Suspension until resumption (中止)")
    AUDIT = "audit", gettext_lazy("Audit, valuation or asset clearance (审计/评估)")
    MEDIATION_EXTENDED = (
        "mediation_extended",
        gettext_lazy("Mediation beyond its period (延长调解)"),
    )
    MEDIATION = "mediation", gettext_lazy("Mediation period, administrative case (调解期间)")
    AUCTION = "auction", gettext_lazy("Auction or sale in enforcement (拍卖、变卖)")
    OTHER = "other", gettext_lazy("Other lawful exclusion")


class LimitError(ValueError):
    """Bad input to a time-limit computation; the message names the rule broken."""


# The years a date of a computation may fall in: the people's courts date from 1949, and
# 2100 is a structural bound (as for case numbers) far past any case filed today. Outside
# them a date is a typo or an attack, and the arithmetic would leave the calendar.
MIN_YEAR, MAX_YEAR = 1949, 2100


@dataclass(frozen=True)
class Exclusion:
    kind: str
    start: datetime.date
    end: datetime.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Grant:
    """An approved extension (延长审限)."""

    months: int = 0
    days: int = 0


def check_years(start: datetime.date, exclusions) -> None:
    """Every date given lies in MIN_YEAR..MAX_YEAR."""
    for day in (start, *(d for e in exclusions for d in (e.start, e.end))):
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise LimitError(
                _("The date %(day)s is outside the years %(min)d to %(max)d.")
                % {"day": day, "min": MIN_YEAR, "max": MAX_YEAR}
            )


def _steps_text(rule: Rule) -> str:
    lengths = [
        " + ".join(
            str(text)
            for text in (
                _("%(n)d month(s)") % {"n": step.months} if step.months else "",
                _("%(n)d day(s)") % {"n": step.days} if step.days else "",
            )
            if text
        )
        for step in rule.extensions
    ]
    return _(", then ").join(lengths)


def check_grants(rule: Rule, grants: tuple[Grant, ...]) -> None:
    """Extensions as a calculator is given them: each a positive length, and together no
    more than RULE allows (as many steps, as many months and days in all)."""
    for grant in grants:
        if grant.months < 0 or grant.days < 0 or not (grant.months or grant.days):
            raise LimitError(_("An extension is a positive number of months or days."))
    if not grants:
        return
    if not rule.extensions:
        raise LimitError(_("The rule %(rule)s allows no extension.") % {"rule": rule.code})
    if (
        len(grants) > len(rule.extensions)
        or sum(g.months for g in grants) > sum(e.months for e in rule.extensions)
        or sum(g.days for g in grants) > sum(e.days for e in rule.extensions)
    ):
        raise LimitError(
            _("The rule %(rule)s allows at most these extensions: %(steps)s.")
            % {"rule": rule.code, "steps": _steps_text(rule)}
        )


def check_exclusions(exclusions: list[Exclusion]) -> None:
    ordered = sorted(exclusions, key=lambda e: e.start)
    for item in ordered:
        if item.end < item.start:
            raise LimitError(
                _("An excluded period cannot end (%(end)s) before it starts (%(start)s).")
                % {"end": item.end, "start": item.start}
            )
    for first, second in zip(ordered, ordered[1:], strict=False):
        if second.start <= first.end:
            raise LimitError(
                _("Excluded periods may not overlap: %(a)s–%(b)s and %(c)s–%(d)s.")
                % {"a": first.start, "b": first.end, "c": second.start, "d": second.end}
            )


def compute_limit(
    rule: Rule,
    start: datetime.date,
    calendar: RestDayCalendar,
    *,
    exclusions: tuple[Exclusion, ...] = (),
    grants: tuple[Grant, ...] = (),
    in_custody: bool = False,
) -> PeriodResult:
    """The expiry of RULE's period started on START, with every step explained."""
    if in_custody and not rule.criminal:
        raise LimitError(
            _("The in-custody exception applies only to criminal periods; %(rule)s is not one.")
            % {"rule": rule.code}
        )
    check_years(start, exclusions)
    check_exclusions(list(exclusions))
    if any(g.months < 0 or g.days < 0 for g in grants):
        raise LimitError(_("An extension is a positive number of months or days."))
    try:
        return _compute(rule, start, calendar, exclusions, grants, in_custody)
    except HolidayDataMissing:
        raise
    except (OverflowError, ValueError):  # a date past the year 9999: too long a period
        raise LimitError(
            _("The time limit would end after the year 9999: check the extensions.")
        ) from None


def _compute(rule, start, calendar, exclusions, grants, in_custody) -> PeriodResult:
    steps = [Step("rule", params=(("rule", rule.code),)), Step("start", start, (("day", start),))]
    months = rule.months + sum(g.months for g in grants)
    end = add_months(start, months) if months else start
    if months:
        steps.append(Step("months", end, (("n", months), ("day", end))))
    if rule.days:
        end = add_days(end, rule.days)
        steps.append(Step("days", end, (("n", rule.days), ("day", end))))
    for grant in (g for g in grants if g.days):
        end = add_days(end, grant.days)
        steps.append(Step("extension", end, (("n", grant.days), ("day", end))))
    for item in sorted(exclusions, key=lambda e: e.start):
        end = add_days(end, item.days)
        steps.append(
            Step(
                "excluded",
                end,
                (
                    ("kind", item.kind),
                    ("start", item.start),
                    ("end", item.end),
                    ("n", item.days),
                    ("day", end),
                ),
            )
        )
    end, moved = roll_forward(end, calendar, in_custody=in_custody)
    return PeriodResult(end, tuple(steps + moved))
