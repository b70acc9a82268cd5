"""Received, closed and pending cases per court and division, and the two ratios.

结收比 = closed / received; 结案率 = closed / (pending at the start + received)
(domain-reference §2.3). Computed live from the cases in one grouped query.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils.translation import get_language


@dataclass(frozen=True)
class Row:
    court: str
    division: str
    received: int
    closed: int
    pending_at_start: int
    pending: int

    @property
    def clearance(self) -> Decimal | None:  # 结收比
        return _percent(self.closed, self.received)

    @property
    def closure_rate(self) -> Decimal | None:  # 结案率
        return _percent(self.closed, self.pending_at_start + self.received)


def _percent(numerator: int, denominator: int) -> Decimal | None:
    if not denominator:
        return None
    value = Decimal(numerator) * 100 / Decimal(denominator)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def summary(cases, start: datetime.date, end: datetime.date) -> list[Row]:
    """One row per court and division for the period START..END (both included), court
    and division named in the active language (their English names where the data has
    them)."""
    open_at_start = Q(filed_on__lt=start) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start))
    open_at_end = Q(filed_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gt=end))
    rows = (
        cases.values(
            "court__name", "court__name_en", "court__code", "division__name", "division__name_en"
        )
        .annotate(
            received=Count("pk", filter=Q(filed_on__range=(start, end))),
            closed=Count("pk", filter=Q(closed_on__range=(start, end))),
            pending_at_start=Count("pk", filter=open_at_start),
            pending=Count("pk", filter=open_at_end),
        )
        .order_by("court__code", "division__name")
    )
    english = (get_language() or "").startswith("en")

    def name(row, field):
        return (english and row[f"{field}__name_en"]) or row[f"{field}__name"] or ""

    return [
        Row(
            name(r, "court"),
            name(r, "division"),
            r["received"],
            r["closed"],
            r["pending_at_start"],
            r["pending"],
        )
        for r in rows
    ]


def totals(rows: list[Row]) -> Row:
    return Row(
        "",
        "",
        *(
            sum(getattr(r, f) for r in rows)
            for f in ("received", "closed", "pending_at_start", "pending")
        ),
    )
