"""The values a fee computation returns, and the checking of amounts.

Every result carries its steps. Each step adds ``part`` to the fee (a reduction has a
negative part), so the fee is always the sum of the parts of its steps: a clerk can check
the figure by hand, line by line.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
ZERO = Decimal("0")

# The largest claim accepted: ten trillion yuan (10^13), about a tenth of China's annual
# GDP. Anything larger is a typing error, and the cap keeps every computation well inside
# the 28 significant digits of the default decimal context.
MAX_AMOUNT = Decimal(10) ** 13


class FeeError(ValueError):
    """Bad input for a fee computation; the message says what is wrong."""


@dataclass(frozen=True)
class Step:
    """One line of the explanation of a fee.

    ``code`` says what the step does: ``flat`` (a fee per case), ``bracket`` (a rate on
    the part of the amount inside ``lower``..``upper``), ``range`` (a fee the law gives as
    ``part``..``part_max``), ``halve``, ``third``, ``cap``, ``round`` or ``note``.
    """

    code: str
    article: str
    description: str
    part: Decimal
    part_max: Decimal | None = None
    lower: Decimal | None = None
    upper: Decimal | None = None
    rate: Decimal | None = None
    base: Decimal | None = None

    @property
    def high(self) -> Decimal:
        """What the step adds to the upper end of a range."""
        return self.part if self.part_max is None else self.part_max


@dataclass(frozen=True)
class FeeResult:
    """A fee fixed by law, rounded to the cent, with the steps that lead to it."""

    fee: Decimal
    steps: tuple[Step, ...]
    kind: str


@dataclass(frozen=True)
class FeeRange:
    """A fee the law gives as a range; the province fixes the figure inside it (art. 13)."""

    min: Decimal
    max: Decimal
    steps: tuple[Step, ...]
    kind: str


def parse_amount(value) -> Decimal:
    """Return ``value`` as a Decimal in yuan, or raise FeeError saying why it is unusable.

    Accepts Decimal, int and numeric strings. Floats are refused: binary fractions cannot
    hold amounts of money exactly.
    """
    amount = _to_decimal(value)
    if amount.is_nan() or amount.is_infinite():
        raise FeeError(_("The amount must be a finite number, not %(value)s.") % {"value": value})
    if amount < 0:
        raise FeeError(_("The amount must not be negative (got %(value)s).") % {"value": value})
    if amount > MAX_AMOUNT:
        raise FeeError(
            _("The amount %(value)s is larger than the maximum of %(max)s yuan.")
            % {"value": value, "max": yuan(MAX_AMOUNT)}
        )
    if amount != amount.quantize(CENT):
        raise FeeError(
            _("The amount %(value)s has more than two decimal places (cents).") % {"value": value}
        )
    return amount.quantize(CENT) + ZERO  # "+ ZERO" turns -0 into 0


def _to_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            raise FeeError(_("The amount %(value)r is not a number.") % {"value": value}) from None
    raise FeeError(
        _("The amount must be a Decimal, an integer or a numeric string, not %(type)s.")
        % {"type": type(value).__name__}
    )


def yuan(amount: Decimal) -> str:
    """Format an amount for a description: 1,234.50, keeping any digits beyond cents."""
    if amount == amount.quantize(CENT):
        return f"{amount:,.2f}"
    return f"{amount.normalize():,f}"


def percent(rate: Decimal) -> str:
    """Format a rate for a description: Decimal("0.025") -> "2.5%"."""
    return f"{(rate * 100).normalize():f}%"


def plain(amount: Decimal | None) -> str | None:
    """Format a number for JSON: at least two decimals, more only where the step has them."""
    if amount is None:
        return None
    if amount == amount.quantize(CENT):
        return f"{amount.quantize(CENT):f}"
    return f"{amount.normalize():f}"
