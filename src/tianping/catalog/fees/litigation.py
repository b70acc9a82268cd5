"""Case acceptance fees (案件受理费), art. 13 of 《诉讼费用交纳办法》.

Where the law gives a range (art. 13(2), (3) and (6)), the province fixes the figure
inside it; these functions return the range as a FeeRange. An appeal in a property case
pays on the amount appealed against (art. 17): pass that amount to ``property_fee``.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from ..choices import FeeKind
from .adjust import finish, finish_range
from .schedules import (
    DIVORCE_PROPERTY,
    PERSONALITY_DAMAGES,
    PROPERTY,
    Bracket,
    bracket_steps,
    schedule_steps,
)
from .types import ZERO, FeeError, FeeRange, FeeResult, Step, parse_amount, yuan

D = Decimal


def property_fee(amount) -> FeeResult:
    """Fee of a property case on the amount claimed, by cumulative brackets (art. 13(1))."""
    amount = parse_amount(amount)
    return finish(schedule_steps(amount, PROPERTY), FeeKind.PROPERTY)


def ip_fee(amount=None) -> FeeResult | FeeRange:
    """IP civil case: 500-1,000 yuan without an amount in dispute, else as property (13(3))."""
    if amount is None:
        return finish_range([range_step(D(500), D(1000), "13(3)")], FeeKind.IP)
    amount = parse_amount(amount)
    return finish(schedule_steps(amount, PROPERTY), FeeKind.IP)


def non_property_fee(kind: str, amount=None) -> FeeResult | FeeRange:
    """Fee of a non-property, labour, administrative case or a failed jurisdiction objection.

    ``amount`` is the property to divide in a divorce, or the damages claimed in a
    personality-rights case; other kinds take no amount.
    """
    if kind == FeeKind.DIVORCE:
        return _with_surcharge(kind, amount, (D(50), D(300)), DIVORCE_PROPERTY, "13(2)1")
    if kind == FeeKind.PERSONALITY_RIGHTS:
        return _with_surcharge(kind, amount, (D(100), D(500)), PERSONALITY_DAMAGES, "13(2)2")
    if kind not in _WITHOUT_AMOUNT:
        raise FeeError(_("%(kind)r is not a non-property fee kind.") % {"kind": kind})
    if amount is not None:
        raise FeeError(_("%(kind)s: this fee takes no amount.") % {"kind": FeeKind(kind).label})
    low, high, article = _WITHOUT_AMOUNT[kind]
    if low == high:
        return finish([fixed_step(low, article)], kind)
    return finish_range([range_step(low, high, article)], kind)


_WITHOUT_AMOUNT = {
    FeeKind.OTHER_NON_PROPERTY: (D(50), D(100), "13(2)3"),
    FeeKind.LABOUR: (D(10), D(10), "13(4)"),
    FeeKind.ADMINISTRATIVE_SPECIAL: (D(100), D(100), "13(5)1"),
    FeeKind.ADMINISTRATIVE: (D(50), D(50), "13(5)2"),
    FeeKind.JURISDICTION_OBJECTION: (D(50), D(100), "13(6)"),
}


def _with_surcharge(kind, amount, per_case, brackets: tuple[Bracket, ...], article) -> FeeRange:
    steps = [range_step(*per_case, article)]
    if amount is not None:
        amount = parse_amount(amount)
        steps += bracket_steps(amount, brackets, article) or [
            _no_surcharge_note(amount, brackets[0].lower, article)
        ]
    return finish_range(steps, kind)


def _no_surcharge_note(amount: Decimal, threshold: Decimal, article: str) -> Step:
    description = _(
        "%(amount)s yuan does not exceed %(threshold)s yuan: nothing more to pay (art. %(article)s)"
    ) % {"amount": yuan(amount), "threshold": yuan(threshold), "article": article}
    return Step(
        code="note",
        article=article,
        description=description,
        part=ZERO,
        base=amount,
        upper=threshold,
    )


def range_step(low: Decimal, high: Decimal, article: str) -> Step:
    """A fee per case the law gives as a range."""
    description = _(
        "%(low)s to %(high)s yuan per case; the province sets the figure (art. %(article)s)"
    ) % {"low": yuan(low), "high": yuan(high), "article": article}
    return Step(code="range", article=article, description=description, part=low, part_max=high)


def fixed_step(fee: Decimal, article: str) -> Step:
    """A fixed fee per case."""
    description = _("%(fee)s yuan per case (art. %(article)s)") % {
        "fee": yuan(fee),
        "article": article,
    }
    return Step(code="flat", article=article, description=description, part=fee)
