"""`GET /api/v1/cases/dashboard` answered by the indicator engine (issue 13, part 7): the
received, closed and pending cases and 结收比 / 结案率, the registry's `clearance_rate`
and `closure_rate` (`indicators.compute`), like every other indicator.

A row per court asked for (a higher court with the courts below it when all one oversees
are asked for together), or for a division head per division they head; the total sums
the rows' counts and computes the ratios from the sums, with the registry's formulas."""

from tianping.courts.models import Division
from tianping.indicators import compute, permissions, registry
from tianping.indicators.formulas import formula

CODES = ("received", "closed", "pending_start", "pending_end", "clearance_rate",
         "closure_rate")
FIELDS = {"received": "received", "closed": "closed", "pending_start": "pending_at_start",
          "pending_end": "pending"}


def _tops(courts) -> list:
    """COURTS without those below another of them (their figures include the lower ones)."""
    ids = {c.pk for c in courts}
    return [c for c in courts if not any(a in ids for a in _ancestors(c))]


def _ancestors(court):
    while court.parent_id:
        yield court.parent_id
        court = court.parent


def _row(court, division, results) -> dict:
    by = {r.code: r for r in results}
    row = {"court": court, "division": division}
    row.update({field: by[code].numerator for code, field in FIELDS.items()})
    row["clearance"], row["closure_rate"] = (
        None if by[c].value is None else float(by[c].value)
        for c in ("clearance_rate", "closure_rate"))
    return row


def _ratio(code: str, counts: dict):
    indicator = registry.BY_CODE[code]
    def total(part):
        return sum(counts[FIELDS[n]] for n in registry.parts(indicator, part))
    value = compute.value_of(total("numerator"), total("denominator"), indicator.factor)
    return None if value is None else float(value)


def dashboard_answer(user, courts, start, end) -> dict:
    rows = []
    for court in _tops(courts):
        if permissions.sees_whole_court(user, court):
            s = compute.make_slice(court, start, end, include_lower=len(courts) > 1)
            rows.append(_row(court.code, "", compute.compute(s, CODES)))
            continue
        for division_id in sorted(permissions.headed_division_ids(user, court)):
            division = Division.objects.get(pk=division_id)
            s = compute.make_slice(court, start, end, division=division)
            rows.append(_row(court.code, division.name, compute.compute(s, CODES)))
    counts = {field: sum(r[field] for r in rows) for field in FIELDS.values()}
    total = {"court": "", "division": "", **counts,
             "clearance": _ratio("clearance_rate", counts),
             "closure_rate": _ratio("closure_rate", counts)}
    formulas = [f"{registry.BY_CODE[c].name_zh} = {formula(registry.BY_CODE[c])}"
                for c in ("clearance_rate", "closure_rate")]
    return {"start": start, "end": end, "courts": [c.code for c in courts], "rows": rows,
            "total": total, "formulas": formulas}
