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

from tianping.law.calendar import RestDayCalendar
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
    AUCTION = "auction", gettext_lazy("Auction or sale in enforcement (拍卖、变卖)")
    OTHER = "other", gettext_lazy("Other lawful exclusion")


class LimitError(ValueError):
    """Bad input to a time-limit computation; the message names the rule broken."""


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
    check_exclusions(list(exclusions))
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
