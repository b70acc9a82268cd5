"""The words of a report, in the reader's language: each indicator's formula, scope (口径),
direction, source and UNSURE note (the notes sheet and the PDF's notes), and the value
columns (unit, status, changes). The formula is `formulas.formula`; unit and status labels
and number wording are the indicator pages' own (`views_common`), so a report reads like
the pages."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.indicators import registry
from tianping.indicators.formulas import formula
from tianping.indicators.views_common import STATUS_LABELS, UNIT_WORDS, change, range_text, show

SCOPES = {
    id(registry.TRIAL): gettext_lazy(
        "trial cases: every case type but enforcement (执…), preservation (…保) and "
        "pre-filing mediation (…诉前调)"),
    id(registry.FIRST_INSTANCE): gettext_lazy("first-instance trial cases (type codes ending "
                                              "in 初)"),
    id(registry.APPEAL): gettext_lazy("second-instance trial cases (type codes ending in 终)"),
    id(registry.CIVIL_FIRST_INSTANCE): gettext_lazy("civil first-instance cases (民…初)"),
    id(registry.ENFORCEMENT): gettext_lazy("enforcement cases (执, 执恢)"),
}
RECORD_WORDS = {
    "payouts": gettext_lazy("case-fund payouts of the slice's cases, paid in the period"),
    "petitions": gettext_lazy("petitions to the court (litigation matters routed to their "
                              "procedure not counted)"),
    "master": gettext_lazy("the court's master account: money not yet claimed to a case"),
}
DIRECTIONS = {registry.HIGHER: gettext_lazy("higher is better"),
              registry.LOWER: gettext_lazy("lower is better"),
              registry.NEITHER: gettext_lazy("neither higher nor lower is better")}


@dataclass(frozen=True)
class Note:
    name_zh: str
    name_en: str
    formula: str
    unit: str
    scope: str
    direction: str
    source: str
    unsure: str


def scope_text(indicator) -> str:
    """Over which records the indicator counts (its counts' scopes, each once)."""
    texts = []
    for part in ("numerator", "denominator"):
        for name in registry.parts(indicator, part):
            count = registry.COUNTS[name]
            scope = count.scope
            if count.records in RECORD_WORDS:
                text = str(RECORD_WORDS[count.records])
            else:
                text = (str(_("pre-filing mediations (not cases), ended in the period"))
                        if scope is None else str(SCOPES.get(id(scope), "")))
            if text and text not in texts:
                texts.append(text)
    return "; ".join(texts)


def notes(indicators) -> list[Note]:
    return [Note(i.name_zh, i.name_en, formula(i), unit_word(i.unit), scope_text(i),
                 str(DIRECTIONS[i.direction]), i.source, _(i.unsure) if i.unsure else "")
            for i in indicators]


def general_notes() -> list[str]:
    return [
        _("Every figure is computed from the case records and their links (原审案号), never "
          "from totals entered by hand."),
        _("Values are rounded half up to two places; a rate is a percentage (the unit "
          "column says %). A rate with nothing to divide is left empty."),
        _("同比 compares with the same period a year before, 环比 with the period just "
          "before; a change of a rate is in percentage points."),
        _("A period counts both its first and its last day."),
    ]


def unit_word(unit: str) -> str:
    return str(UNIT_WORDS.get(unit, ""))


def status_word(status: str) -> str:
    return str(STATUS_LABELS[status])


__all__ = ["Note", "change", "general_notes", "notes", "range_text", "scope_text", "show",
           "status_word", "unit_word"]
