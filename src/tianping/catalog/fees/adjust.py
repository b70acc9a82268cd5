"""Steps that adjust a running fee (halving, one third, rounding) and ``apply_halving``.

Rounding happens once, at the end: the parts are exact decimals, and only the final fee
is rounded to the cent, half up (ROUND_HALF_UP, 四舍五入), the way a cashier rounds.
Halving a finished result first removes its rounding step, so ``apply_halving`` on a
result gives the same figure as asking for the halved fee in the first place.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from ..choices import FeeKind, HalvingReason
from .types import CENT, ZERO, FeeError, FeeRange, FeeResult, Step, yuan

# Halving concerns the case acceptance fee (案件受理费) only, never an application fee.
HALVABLE_KINDS = frozenset(
    {
        FeeKind.PROPERTY,
        FeeKind.DIVORCE,
        FeeKind.PERSONALITY_RIGHTS,
        FeeKind.OTHER_NON_PROPERTY,
        FeeKind.IP,
        FeeKind.LABOUR,
        FeeKind.ADMINISTRATIVE,
        FeeKind.ADMINISTRATIVE_SPECIAL,
    }
)

HALVING_ARTICLES = {
    HalvingReason.SUMMARY: "16",
    HalvingReason.MEDIATION: "15",
    HalvingReason.WITHDRAWAL: "15",
    HalvingReason.COUNTERCLAIM: "18",
    HalvingReason.THIRD_PARTY_CLAIM: "18",
}


def totals(steps: list[Step] | tuple[Step, ...]) -> tuple[Decimal, Decimal]:
    """The running fee as (low, high); the two differ only for a range."""
    return sum((s.part for s in steps), ZERO), sum((s.high for s in steps), ZERO)


def finish(steps: list[Step], kind: str) -> FeeResult:
    """Round the sum of the steps to the cent and return it as a fixed fee."""
    steps = steps + _round_steps(steps)
    return FeeResult(fee=totals(steps)[0], steps=tuple(steps), kind=str(kind))


def finish_range(steps: list[Step], kind: str) -> FeeRange:
    """Round both ends of the range to the cent and return the range."""
    steps = steps + _round_steps(steps)
    low, high = totals(steps)
    return FeeRange(min=low, max=high, steps=tuple(steps), kind=str(kind))


def _round_steps(steps: list[Step]) -> list[Step]:
    low, high = totals(steps)
    low_r, high_r = _round(low), _round(high)
    if (low_r, high_r) == (low, high):
        return []
    text = _("Rounded to the cent, half up: %(before)s becomes %(after)s")
    description = text % {"before": _span(low, high), "after": _span(low_r, high_r)}
    part_max = None if low == high else high_r - high
    return [
        Step(code="round", article="", description=description, part=low_r - low, part_max=part_max)
    ]


def _round(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _span(low: Decimal, high: Decimal) -> str:
    return yuan(low) if low == high else f"{yuan(low)}–{yuan(high)}"


def scale_step(steps: list[Step], divisor: int, code: str, article: str, text: str) -> Step:
    """A step dividing the running fee by ``divisor``; ``text`` names the fee and result.

    Dividing (rather than multiplying by a rounded 1/3) keeps the result exact or correctly
    rounded, so the final rounding to the cent is never off.
    """
    low, high = totals(steps)
    new_low, new_high = low / divisor, high / divisor
    description = text % {
        "before": _span(low, high),
        "after": _span(new_low, new_high),
        "article": article,
    }
    part_max = None if low == high else new_high - high
    return Step(
        code=code, article=article, description=description, part=new_low - low, part_max=part_max
    )


def halve_step(steps: list[Step], article: str) -> Step:
    text = _("Half of %(before)s: %(after)s (art. %(article)s)")
    return scale_step(steps, 2, "halve", article, text)


def apply_halving(result: FeeResult | FeeRange, reason: str) -> FeeResult | FeeRange:
    """Halve a case acceptance fee on one of the grounds of arts 15, 16 and 18.

    The fee is halved once even where several grounds apply (e.g. summary procedure
    closed by mediation): the 办法 grants "减半" on each ground, not a quarter fee.
    """
    article = _halving_article(reason)
    if result.kind not in HALVABLE_KINDS:
        raise FeeError(
            _("%(kind)s: halving applies to case acceptance fees (案件受理费) only.")
            % {"kind": FeeKind(result.kind).label if result.kind in FeeKind.values else result.kind}
        )
    steps = [s for s in result.steps if s.code != "round"]
    if any(s.code == "halve" for s in steps):
        steps.append(_already_halved_note(article))
    else:
        steps.append(halve_step(steps, article))
    return (finish_range if isinstance(result, FeeRange) else finish)(steps, result.kind)


def _halving_article(reason: str) -> str:
    if reason not in HALVING_ARTICLES:
        raise FeeError(
            _("Unknown halving reason %(reason)r; expected one of: %(choices)s.")
            % {"reason": reason, "choices": ", ".join(HalvingReason.values)}
        )
    return HALVING_ARTICLES[HalvingReason(reason)]


def _already_halved_note(article: str) -> Step:
    description = _("Art. %(article)s also applies, but the fee is halved only once") % {
        "article": article
    }
    return Step(code="note", article=article, description=description, part=ZERO)
