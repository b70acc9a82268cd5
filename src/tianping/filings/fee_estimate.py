"""The case acceptance fee (案件受理费) a filing is estimated to owe, from its kind and the
amount claimed, through the project's one fee computation (`catalog.fees`). Pure: no
database; the wizard shows it as an estimate, the court's notice of payment fixes the fee.

A property claim (a civil complaint, an enforcement objection suit or a third-party
revocation suit with an amount) pays on the amount (《诉讼费用交纳办法》 art. 13 (1)); an
administrative complaint pays per case (art. 13 (5)); a criminal private prosecution pays
nothing, and an application for enforcement pays after enforcement (art. 20), so neither
has an estimate here. A civil claim without an amount is not estimated either: its fee
depends on what kind of non-property case the court finds it to be.

An application for a payment order pays one third of the property fee on the amount
(art. 14(3)), never halved. A special-procedure application pays nothing (art. 8(1): 依照
民事诉讼法规定的特别程序审理的案件 不交纳案件受理费); the realisation of a security interest,
a special procedure added in 2012 after the fee rules, is left without a fee here: the
sources at hand set none (UNSURE, docs/architecture.md).
"""

from decimal import Decimal

from tianping.catalog.choices import FeeKind
from tianping.catalog.fees import FeeError, FeeResult, compute_fee

from .choices import FilingKind

PROPERTY_KINDS = frozenset(
    {
        FilingKind.CIVIL,
        FilingKind.ENFORCEMENT_OBJECTION_SUIT,
        FilingKind.THIRD_PARTY_REVOCATION,
    }
)


def estimate(kind: str, amount: Decimal | None, *, summary: bool = False) -> FeeResult | None:
    """The estimated acceptance fee with its steps, or None where nothing can be estimated.
    ``summary`` halves it (art. 16), for a case already in the summary procedure."""
    try:
        if kind in PROPERTY_KINDS and amount:
            result = compute_fee(FeeKind.PROPERTY, amount, summary=summary)
        elif kind == FilingKind.PAYMENT_ORDER and amount:
            result = compute_fee(FeeKind.PAYMENT_ORDER, amount)
        elif kind == FilingKind.ADMINISTRATIVE:
            result = compute_fee(FeeKind.ADMINISTRATIVE, None, summary=summary)
        else:
            return None
    except FeeError:
        return None
    return result if isinstance(result, FeeResult) else None


def acceptance_fee(kind: str, amount: Decimal | None, *, summary: bool) -> FeeResult | None:
    """The fee of the notice of acceptance (受理案件通知书) and of the fee the case owes
    (`payments`): the estimate's rule, halved in the summary procedures."""
    return estimate(kind, amount, summary=summary)
