"""Cumulative fee schedules (分段累计) of 《诉讼费用交纳办法》 and the steps they produce.

A schedule charges a flat fee per case up to a first threshold, then a rate on each part
of the amount that falls inside a bracket. Figures are in yuan, rates as fractions.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .types import ZERO, Step, percent, yuan

D = Decimal


@dataclass(frozen=True)
class Bracket:
    """The part of the amount above ``lower`` and up to ``upper`` (None: no end) pays ``rate``."""

    lower: Decimal
    upper: Decimal | None
    rate: Decimal


@dataclass(frozen=True)
class Schedule:
    """A flat fee up to ``flat_upto``, then the brackets, then at most ``cap`` (if any)."""

    article: str
    flat_upto: Decimal
    flat_fee: Decimal
    brackets: tuple[Bracket, ...]
    cap: Decimal | None = None


def _brackets(*rows: tuple[str, str | None, str]) -> tuple[Bracket, ...]:
    return tuple(Bracket(D(lo), None if hi is None else D(hi), D(rate)) for lo, hi, rate in rows)


# Art. 13(1): case acceptance fee of property cases (财产案件受理费).
PROPERTY = Schedule(
    article="13(1)",
    flat_upto=D(10_000),
    flat_fee=D(50),
    brackets=_brackets(
        ("10000", "100000", "0.025"),
        ("100000", "200000", "0.02"),
        ("200000", "500000", "0.015"),
        ("500000", "1000000", "0.01"),
        ("1000000", "2000000", "0.009"),
        ("2000000", "5000000", "0.008"),
        ("5000000", "10000000", "0.007"),
        ("10000000", "20000000", "0.006"),
        ("20000000", None, "0.005"),
    ),
)

# Art. 14(1)2: application for enforcement with an amount (申请执行).
ENFORCEMENT = Schedule(
    article="14(1)2",
    flat_upto=D(10_000),
    flat_fee=D(50),
    brackets=_brackets(
        ("10000", "500000", "0.015"),
        ("500000", "5000000", "0.01"),
        ("5000000", "10000000", "0.005"),
        ("10000000", None, "0.001"),
    ),
)

# Art. 14(2): application for preservation, on the property actually preserved (申请保全).
PRESERVATION = Schedule(
    article="14(2)",
    flat_upto=D(1_000),
    flat_fee=D(30),
    brackets=_brackets(("1000", "100000", "0.01"), ("100000", None, "0.005")),
    cap=D(5_000),
)

# Art. 13(2)1: divorce, on the part of the property to divide above 200,000 yuan.
DIVORCE_PROPERTY = _brackets(("200000", None, "0.005"))

# Art. 13(2)2: personality rights, on the damages claimed above 50,000 yuan.
PERSONALITY_DAMAGES = _brackets(("50000", "100000", "0.01"), ("100000", None, "0.005"))


def schedule_steps(amount: Decimal, schedule: Schedule) -> list[Step]:
    """The flat fee, one step per bracket the amount reaches, and the cap if it bites."""
    steps = [flat_step(amount, schedule)]
    steps += bracket_steps(amount, schedule.brackets, schedule.article)
    if schedule.cap is not None:
        steps += cap_steps(steps, schedule.cap, schedule.article)
    return steps


def flat_step(amount: Decimal, schedule: Schedule) -> Step:
    description = _("Up to %(upper)s yuan: %(fee)s yuan per case (art. %(article)s)") % {
        "upper": yuan(schedule.flat_upto),
        "fee": yuan(schedule.flat_fee),
        "article": schedule.article,
    }
    return Step(
        code="flat",
        article=schedule.article,
        description=description,
        part=schedule.flat_fee,
        lower=ZERO,
        upper=schedule.flat_upto,
        base=min(amount, schedule.flat_upto),
    )


def bracket_steps(amount: Decimal, brackets: tuple[Bracket, ...], article: str) -> list[Step]:
    """One step for each bracket that the amount goes beyond the lower end of."""
    return [_bracket_step(amount, b, article) for b in brackets if amount > b.lower]


def _bracket_step(amount: Decimal, bracket: Bracket, article: str) -> Step:
    top = amount if bracket.upper is None else min(amount, bracket.upper)
    base = top - bracket.lower
    part = base * bracket.rate
    numbers = {
        "lower": yuan(bracket.lower),
        "base": yuan(base),
        "rate": percent(bracket.rate),
        "part": yuan(part),
        "article": article,
    }
    if bracket.upper is None:
        text = _("Part above %(lower)s yuan: %(base)s × %(rate)s = %(part)s (art. %(article)s)")
    else:
        numbers["upper"] = yuan(bracket.upper)
        text = _(
            "Part above %(lower)s up to %(upper)s yuan: %(base)s × %(rate)s = %(part)s "
            "(art. %(article)s)"
        )
    return Step(
        code="bracket",
        article=article,
        description=text % numbers,
        part=part,
        lower=bracket.lower,
        upper=bracket.upper,
        rate=bracket.rate,
        base=base,
    )


def cap_steps(steps: list[Step], cap: Decimal, article: str) -> list[Step]:
    """A step bringing the running total down to ``cap``, or none if it is not above it."""
    total = sum((s.part for s in steps), ZERO)
    if total <= cap:
        return []
    description = _(
        "%(total)s is above the maximum of %(cap)s yuan: reduced to %(cap)s (art. %(article)s)"
    ) % {"total": yuan(total), "cap": yuan(cap), "article": article}
    return [Step(code="cap", article=article, description=description, part=cap - total)]
