"""What the indicator pages share: the slice form read from the address, and each result
made ready to show (value with its unit word, range, 达标 / 未达标, formula, the UNSURE
note in the reader's language, the links to the cases behind)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from tianping.courts.permissions import effective_user, require_staff
from tianping.indicators import compute, registry
from tianping.indicators.forms import SliceForm, quick_periods
from tianping.indicators.formulas import formula

UNIT_WORDS = {registry.PERCENT: "%", registry.DAYS: gettext_lazy("days"),
              registry.CASES: pgettext_lazy("unit", "cases"), registry.RATIO: "",
              registry.YUAN: pgettext_lazy("unit", "yuan")}
STATUS_LABELS = {compute.MET: gettext_lazy("Met"), compute.NOT_MET: gettext_lazy("Not met"),
                 compute.NO_RANGE: gettext_lazy("No reference range set"),
                 compute.NO_VALUE: gettext_lazy("Nothing to divide")}
SET_LABELS = {registry.TRADITIONAL: gettext_lazy("Traditional indicators"),
              registry.SPC_2024: gettext_lazy("SPC 2024 indicators"),
              registry.INTERNATIONAL: gettext_lazy("International indicators")}
SET_ORDER = (registry.TRADITIONAL, registry.SPC_2024, registry.INTERNATIONAL)
# The trends drawn on the pages.
TREND_CODES = ("received", "closed", "clearance_rate", "closure_rate", "within_limit_rate",
               "avg_days")


def slice_form(request, own=False) -> tuple[object, SliceForm]:
    """(the reader, the slice form read from the address); 403 for who may open none.
    OWN: a reader who oversees nothing may ask for their own figures only (the address
    names them as the judge)."""
    user = require_staff(effective_user(request))
    own = own and (request.GET.get("judge") == str(user.pk) or (
        user.full_name and request.GET.get("judge_name") == user.full_name))
    form = SliceForm(request.GET, user=user, today=timezone.localdate(), own=own)
    if not form.courts:
        raise PermissionDenied
    return user, form


def show(value, unit: str) -> str:
    if value is None:
        return "—"
    word = str(UNIT_WORDS.get(unit, ""))
    text = f"{value:,}" if unit in (registry.CASES, registry.YUAN) else str(value)
    if unit == registry.CASES:
        text = text.split(".")[0]
    return f"{text}{word}" if unit == registry.PERCENT else f"{text} {word}".strip()


def figure(value):
    """A numerator or denominator as shown: a count as it is, a sum of money with its
    thousands and two places (1,234.50)."""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return value


def change(value, unit: str) -> str:
    """A 同比 / 环比 change: signed, in percentage points for a rate."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    if unit == registry.PERCENT:
        return _("%(sign)s%(value)s pp") % {"sign": sign, "value": value}
    return f"{sign}{show(value, unit)}"


def range_text(bounds, unit: str) -> str:
    if bounds is None:
        return _("No reference range set")
    low, high = bounds
    if low is not None and high is not None:
        return f"{show(low, unit)} – {show(high, unit)}"
    if low is not None:
        return _("at least %(value)s") % {"value": show(low, unit)}
    return _("at most %(value)s") % {"value": show(high, unit)}


@dataclass
class Row:
    """One indicator as a page shows it."""

    code: str
    name: str
    value: str
    numerator: int | str  # a sum of money as written: 1,234.50
    denominator: int | str | None
    numerator_url: str
    denominator_url: str
    range: str
    status: str
    status_label: str
    formula: str
    note: str
    yoy: str = "—"
    mom: str = "—"
    sets: tuple = ()


def row(result, query, compared=None) -> Row:
    """RESULT ready to show; QUERY(**more) the slice's query string (for the links)."""
    indicator = registry.BY_CODE[result.code]
    base = reverse("indicators:cases")

    def link(part):
        names = registry.parts(indicator, part)
        if any(registry.COUNTS[n].records in registry.NOT_CASES for n in names):
            return ""  # no cases behind: the funds and petition pages list them
        return f"{base}?{query(code=result.code, part=part)}"

    return Row(
        code=result.code, name=result.name, value=show(result.value, result.unit),
        numerator=figure(result.numerator), denominator=figure(result.denominator),
        numerator_url=link("numerator"),
        denominator_url=link("denominator") if result.denominator is not None else "",
        range=range_text(result.range, result.unit), status=result.status,
        status_label=str(STATUS_LABELS[result.status]), formula=formula(indicator),
        note=_(indicator.unsure) if indicator.unsure else "",
        yoy=change(compared.yoy, result.unit) if compared else "—",
        mom=change(compared.mom, result.unit) if compared else "—",
        sets=indicator.sets)


def grouped(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """ROWS by set (an indicator in two sets shows in both), in SET_ORDER."""
    return [(str(SET_LABELS[name]), [r for r in rows if name in r.sets]) for name in SET_ORDER]


def trend_data(months) -> dict:
    """The monthly trend for the charts (read by static/indicators/charts.js)."""
    series = []
    for code in TREND_CODES:
        indicator = registry.BY_CODE[code]
        series.append({
            "code": code, "name": months[0].results[code].name if months else code,
            "unit": str(UNIT_WORDS[indicator.unit]),
            "values": [None if m.results[code].value is None else float(m.results[code].value)
                       for m in months]})
    return {"months": [m.label for m in months], "series": series,
            "labels": {"counts": _("Cases"), "rates": _("Rates (%)"), "days": _("Days")}}


def periods(form, today: datetime.date) -> list[tuple[str, str]]:
    """The quick period choices as (label, address) keeping the rest of the slice."""
    kept = {k: v for k, v in form.data.items() if k not in ("start", "end", "from", "to")}
    from django.http import QueryDict

    links = []
    for label, start, end in quick_periods(today):
        q = QueryDict(mutable=True)
        q.update(kept)
        q["from"], q["to"] = start.isoformat(), end.isoformat()
        links.append((str(label), "?" + q.urlencode()))
    return links
