"""Application fees (申请费), art. 14 of 《诉讼费用交纳办法》.

Enforcement covers judgments, rulings and mediation statements of the courts, arbitral
awards and mediation statements, notarised debt instruments given enforceability, and the
recognition and enforcement of foreign judgments and awards (art. 14(1)).
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from ..choices import FeeKind
from .adjust import finish, finish_range, halve_step, scale_step
from .litigation import fixed_step, range_step
from .schedules import ENFORCEMENT, PRESERVATION, PROPERTY, cap_steps, schedule_steps
from .types import FeeError, FeeRange, FeeResult, parse_amount

D = Decimal

BANKRUPTCY_CAP = D(300_000)


def enforcement_fee(amount=None) -> FeeResult | FeeRange:
    """Enforcement: 50-500 yuan without an amount (14(1)1), else cumulative brackets (14(1)2)."""
    if amount is None:
        return finish_range([range_step(D(50), D(500), "14(1)1")], FeeKind.ENFORCEMENT)
    amount = parse_amount(amount)
    return finish(schedule_steps(amount, ENFORCEMENT), FeeKind.ENFORCEMENT)


def preservation_fee(amount=None) -> FeeResult:
    """Preservation, on the property actually preserved; at most 5,000 yuan (art. 14(2)).

    Without a property amount the fee is 30 yuan, like an amount up to 1,000 yuan.
    """
    if amount is None:
        return finish([fixed_step(D(30), "14(2)")], FeeKind.PRESERVATION)
    amount = parse_amount(amount)
    return finish(schedule_steps(amount, PRESERVATION), FeeKind.PRESERVATION)


def payment_order_fee(amount) -> FeeResult:
    """Payment order: one third of the property-case fee on the amount (art. 14(3))."""
    steps = schedule_steps(parse_amount(amount), PROPERTY)
    text = _("One third of the property-case fee %(before)s: %(after)s (art. %(article)s)")
    steps.append(scale_step(steps, 3, "third", "14(3)", text))
    return finish(steps, FeeKind.PAYMENT_ORDER)


def bankruptcy_fee(amount) -> FeeResult:
    """Bankruptcy: half the property-case fee on the bankruptcy estate, at most 300,000 yuan.

    Art. 14(6): 依据破产财产总额计算，按照财产案件受理费标准减半交纳，最高不超过30万元.
    """
    steps = schedule_steps(parse_amount(amount), PROPERTY)
    steps.append(halve_step(steps, "14(6)"))
    steps += cap_steps(steps, BANKRUPTCY_CAP, "14(6)")
    return finish(steps, FeeKind.BANKRUPTCY)


# Applications with a fee per case, fixed or as a range: (low, high, article).
PER_CASE = {
    FeeKind.PUBLIC_SUMMONS: (D(100), D(100), "14(4)"),
    FeeKind.ARBITRATION: (D(400), D(400), "14(5)"),
    FeeKind.MARITIME_LIMITATION_FUND: (D(1_000), D(10_000), "14(7)1"),
    FeeKind.MARITIME_INJUNCTION: (D(1_000), D(5_000), "14(7)2"),
    FeeKind.SHIP_LIEN_SUMMONS: (D(1_000), D(5_000), "14(7)3"),
    FeeKind.MARITIME_CLAIM_REGISTRATION: (D(1_000), D(1_000), "14(7)4"),
    FeeKind.GENERAL_AVERAGE: (D(1_000), D(1_000), "14(7)5"),
}


def per_case_fee(kind: str) -> FeeResult | FeeRange:
    """Public summons, arbitration, and the maritime applications (art. 14(4), (5), (7))."""
    if kind not in PER_CASE:
        raise FeeError(_("%(kind)r is not a per-case application fee.") % {"kind": kind})
    low, high, article = PER_CASE[kind]
    if low == high:
        return finish([fixed_step(low, article)], kind)
    return finish_range([range_step(low, high, article)], kind)
