"""Judicial aid in litigation costs (司法救助): deferring, reducing or waiving the fee
(缓交、减交、免交), as 《诉讼费用交纳办法》 (国务院令第481号, 2007) chapter 6 states it.

- art. 44: a party who truly cannot afford the fee may apply; waiver (免交) is for natural
  persons only;
- art. 45: the grounds on which the court shall waive; art. 46: the grounds on which it
  shall reduce, by no less than 30 per cent; art. 47: the grounds on which it shall defer;
  each list ends with "other cases where it is truly needed";
- art. 48: the application is made in writing when suing or appealing, with proof of the
  hardship; a refusal is explained to the party in writing;
- art. 49: a deferral is decided before the case is filed;
- art. 50: when the other side loses, it bears the costs; when it wins, the aided party's
  reduction or waiver is decided by their means;
- art. 51: a reduction or waiver is stated in the judgment or ruling.

Pure: the grounds as data and the arithmetic of a reduction, with its steps. No ORM.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from tianping.law.steps import Step

DEFER, REDUCE, WAIVE = "defer", "reduce", "waive"
KINDS = (DEFER, REDUCE, WAIVE)
KIND_LABELS = {
    DEFER: _("Deferral (缓交)"),
    REDUCE: _("Reduction (减交)"),
    WAIVE: _("Waiver (免交)"),
}
KIND_ARTICLE = {WAIVE: 45, REDUCE: 46, DEFER: 47}
MIN_REDUCTION_PERCENT = 30  # art. 46 ¶2: 减交比例不得低于30%
FEN = Decimal("0.01")


@dataclass(frozen=True)
class Ground:
    code: str
    kind: str
    article: int
    item: int
    label: str


GROUNDS = (
    Ground(
        "disabled_no_income", WAIVE, 45, 1, _("A disabled person with no fixed means of living")
    ),
    Ground(
        "maintenance",
        WAIVE,
        45,
        2,
        _("Claiming support, maintenance, child support or a survivor's pension"),
    ),
    Ground(
        "subsistence",
        WAIVE,
        45,
        3,
        _(
            "Receiving the minimum living allowance, rural relief or unemployment insurance, "
            "with no other income"
        ),
    ),
    Ground(
        "good_samaritan",
        WAIVE,
        45,
        4,
        _("Harmed acting bravely for others or for the public interest (or a close relative)"),
    ),
    Ground("other_waive", WAIVE, 45, 5, _("Another case where a waiver is truly needed")),
    Ground(
        "disaster",
        REDUCE,
        46,
        1,
        _(
            "Hardship from a natural disaster or other force majeure, receiving public "
            "relief, or a family business that cannot go on"
        ),
    ),
    Ground(
        "entitled_care",
        REDUCE,
        46,
        2,
        _("Entitled by the state to special care or resettlement (优抚、安置对象)"),
    ),
    Ground(
        "welfare_body", REDUCE, 46, 3, _("A social welfare institution or a relief station")
    ),
    Ground("other_reduce", REDUCE, 46, 4, _("Another case where a reduction is truly needed")),
    Ground(
        "social_insurance",
        DEFER,
        47,
        1,
        _("Claiming social insurance benefits or economic compensation"),
    ),
    Ground(
        "injury_victim",
        DEFER,
        47,
        2,
        _(
            "The victim of a maritime, traffic, medical, work or product accident, or another "
            "personal injury, claiming compensation"
        ),
    ),
    Ground("legal_aid", DEFER, 47, 3, _("Receiving legal aid from the authorities")),
    Ground("other_defer", DEFER, 47, 4, _("Another case where a deferral is truly needed")),
)
GROUNDS_BY_CODE = {g.code: g for g in GROUNDS}


def grounds_for(kind: str) -> tuple[Ground, ...]:
    return tuple(g for g in GROUNDS if g.kind == kind)


def ground_text(code: str) -> str:
    """'《诉讼费用交纳办法》第45条第1项：...' in the active language."""
    ground = GROUNDS_BY_CODE.get(code)
    if ground is None:
        return code
    return str(
        _("Measures on the Payment of Litigation Costs, art. %(article)d item %(item)d: %(label)s")
        % {"article": ground.article, "item": ground.item, "label": ground.label}
    )


def check_application(kind: str, ground: str, *, natural_person: bool) -> list[str]:
    """What makes an application inadmissible as made (empty: it may be decided)."""
    problems = []
    if kind not in KINDS:
        problems.append(str(_("Choose deferral, reduction or waiver.")))
        return problems
    found = GROUNDS_BY_CODE.get(ground)
    if found is None or found.kind != kind:
        problems.append(str(_("Choose a ground that the Measures give for this kind of aid.")))
    if kind == WAIVE and not natural_person:
        problems.append(
            str(_("Only a natural person can be exempted from the fee (art. 44); a legal "
                  "person or organisation may apply for a reduction or a deferral."))
        )
    return problems


def percent_problem(kind: str, percent: int | None) -> str:
    """What is wrong with the reduction asked (PERCENT per cent) for an application of KIND:
    a reduction must say how much, at least 30 per cent and less than 100 (art. 46); the
    other kinds ask none (empty: nothing wrong)."""
    if kind != REDUCE:
        return ""
    if percent is None:
        return str(
            _("A reduction must say how much is asked: give the reduction in per cent, at "
              "least %(min)d (art. 46).") % {"min": MIN_REDUCTION_PERCENT}
        )
    if not MIN_REDUCTION_PERCENT <= percent < 100:
        return str(
            _("A reduction is at least %(min)d per cent and less than 100 (art. 46).")
            % {"min": MIN_REDUCTION_PERCENT}
        )
    return ""


@dataclass(frozen=True)
class Reduction:
    amount_before: Decimal
    percent: int
    reduced_by: Decimal
    amount_after: Decimal
    steps: tuple[Step, ...]


def reduce_fee(amount: Decimal, percent: int) -> Reduction:
    """The fee after a reduction of PERCENT per cent (at least 30, less than 100: a fee
    reduced to nothing is a waiver), to the fen, half up."""
    if not MIN_REDUCTION_PERCENT <= percent < 100:
        raise ValueError(
            _("A reduction is at least %(min)d per cent and less than 100 (art. 46).")
            % {"min": MIN_REDUCTION_PERCENT}
        )
    reduced_by = (amount * Decimal(percent) / 100).quantize(FEN, rounding=ROUND_HALF_UP)
    after = amount - reduced_by
    params = (
        ("before", f"{amount:.2f}"),
        ("percent", percent),
        ("reduced_by", f"{reduced_by:.2f}"),
        ("after", f"{after:.2f}"),
    )
    steps = (Step("fee-reduced", None, params),)
    return Reduction(amount, percent, reduced_by, after, steps)
