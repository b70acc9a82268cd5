"""Litigation fees under 《诉讼费用交纳办法》 (State Council Order No. 481, 2007).

Pure functions: no database, no clock. Money is Decimal in yuan; the parts of each step
are exact and only the final fee is rounded to the cent (half up). Every result carries
the steps that explain it, and its fee is the sum of their parts.

    >>> compute_fee("property", "1000000").fee
    Decimal('13800.00')

``compute_fee`` is the single entry point for the command line and the API; the
functions it dispatches to are public too.
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from ..choices import FeeKind, HalvingReason
from .adjust import HALVABLE_KINDS, apply_halving
from .applications import (
    bankruptcy_fee,
    enforcement_fee,
    payment_order_fee,
    per_case_fee,
    preservation_fee,
)
from .litigation import ip_fee, non_property_fee, property_fee
from .types import MAX_AMOUNT, FeeError, FeeRange, FeeResult, Step, parse_amount, plain

__all__ = [
    "HALVABLE_KINDS",
    "MAX_AMOUNT",
    "FeeError",
    "FeeRange",
    "FeeResult",
    "Step",
    "apply_halving",
    "bankruptcy_fee",
    "compute_fee",
    "enforcement_fee",
    "fee_as_dict",
    "ip_fee",
    "non_property_fee",
    "parse_amount",
    "payment_order_fee",
    "per_case_fee",
    "preservation_fee",
    "property_fee",
]

REQUIRED, OPTIONAL, NONE = "required", "optional", "none"


def _per_case(kind: str) -> Callable:
    return lambda amount: per_case_fee(kind)


def _non_property(kind: str) -> Callable:
    return lambda amount: non_property_fee(kind, amount)


# kind -> (function of the amount, whether the kind takes an amount)
KINDS: dict[str, tuple[Callable, str]] = {
    FeeKind.PROPERTY: (property_fee, REQUIRED),
    FeeKind.DIVORCE: (_non_property(FeeKind.DIVORCE), OPTIONAL),
    FeeKind.PERSONALITY_RIGHTS: (_non_property(FeeKind.PERSONALITY_RIGHTS), OPTIONAL),
    FeeKind.IP: (ip_fee, OPTIONAL),
    FeeKind.ENFORCEMENT: (enforcement_fee, OPTIONAL),
    FeeKind.PRESERVATION: (preservation_fee, OPTIONAL),
    FeeKind.PAYMENT_ORDER: (payment_order_fee, REQUIRED),
    FeeKind.BANKRUPTCY: (bankruptcy_fee, REQUIRED),
    **{
        kind: (_non_property(kind), NONE)
        for kind in (
            FeeKind.OTHER_NON_PROPERTY,
            FeeKind.LABOUR,
            FeeKind.ADMINISTRATIVE,
            FeeKind.ADMINISTRATIVE_SPECIAL,
            FeeKind.JURISDICTION_OBJECTION,
        )
    },
    **{
        kind: (_per_case(kind), NONE)
        for kind in (
            FeeKind.PUBLIC_SUMMONS,
            FeeKind.ARBITRATION,
            FeeKind.MARITIME_LIMITATION_FUND,
            FeeKind.MARITIME_INJUNCTION,
            FeeKind.SHIP_LIEN_SUMMONS,
            FeeKind.MARITIME_CLAIM_REGISTRATION,
            FeeKind.GENERAL_AVERAGE,
        )
    },
}


def compute_fee(
    kind: str, amount=None, *, summary: bool = False, reason: str | None = None
) -> FeeResult | FeeRange:
    """The fee of ``kind`` on ``amount`` (yuan; None where the kind has no amount).

    ``summary`` halves for the summary procedure (art. 16); ``reason`` is a further
    HalvingReason (arts 15, 18). A fee is halved once, whatever the number of grounds.
    """
    function, takes = _lookup(kind)
    if amount is None and takes == REQUIRED:
        raise FeeError(_("%(kind)s: this fee needs an amount.") % {"kind": FeeKind(kind).label})
    if amount is not None and takes == NONE:
        raise FeeError(_("%(kind)s: this fee takes no amount.") % {"kind": FeeKind(kind).label})
    reasons = ([HalvingReason.SUMMARY] if summary else []) + ([reason] if reason else [])
    result = function(amount)
    for each in reasons:
        result = apply_halving(result, each)
    return result


def _lookup(kind: str) -> tuple[Callable, str]:
    if kind not in KINDS:
        raise FeeError(
            _("Unknown fee kind %(kind)r; expected one of: %(choices)s.")
            % {"kind": kind, "choices": ", ".join(FeeKind.values)}
        )
    return KINDS[kind]


def fee_as_dict(result: FeeResult | FeeRange) -> dict:
    """The result for JSON: numbers as strings; ``fee`` is null for a range."""
    if isinstance(result, FeeRange):
        fee, low, high = None, result.min, result.max
    else:
        fee = low = high = result.fee
    return {
        "kind": result.kind,
        "fee": plain(fee),
        "fee_min": plain(low),
        "fee_max": plain(high),
        "steps": [_step_as_dict(step) for step in result.steps],
    }


def _step_as_dict(step: Step) -> dict:
    numbers = ("part", "part_max", "lower", "upper", "rate", "base")
    return {
        "code": step.code,
        "article": step.article,
        "description": step.description,
        **{name: plain(getattr(step, name)) for name in numbers},
    }
