"""The mediation figures in the REST API: `GET /api/v1/mediation/figures?from=&to=`, the
same three groupings as the page (per court, partner organisation and mediator) for the
same readers (`permissions.figures_scope`: leaders of the courts they oversee, a partner's
coordinator for their own partner's mediators; 403 for anyone else), the period checked
by the page's form (422 with the reason in the reader's language). Ratios are
percentages with one decimal (37.5 for 37.5%), null when there is nothing to divide by;
the formulas are in `mediation.figures` and in the answer's `formulas`."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from tianping.courts.permissions import effective_user
from tianping.lib.api_errors import ErrorOut
from tianping.mediation import figures as mediation_figures
from tianping.mediation.forms_figures import FiguresForm, row_labels
from tianping.mediation.permissions import figures_scope

router = Router(tags=["mediation"])

FORMULAS = (
    "success_rate = settled ÷ ended × 100",
    "average_days = Σ (ended_on − accepted_on) ÷ ended mediations that had been accepted "
    "(calendar days)",
    "online_share = ended with a session held online ÷ ended × 100",
    "confirmed: ended mediations whose timeline has confirmation_granted; documents: "
    "document_issued",
    "rating = Σ stars ÷ number of ratings",
    "pre_filing_success_rate (诉前调解成功率) = pre-filing settled ÷ pre-filing ended × 100",
    "settled_before_filing = pre-filing settled ÷ (pre-filing settled + 民初 cases filed) × 100",
    "pre_filing_rate (诉前调解适用率) = pre-filing applications ÷ (pre-filing applications + "
    "民初 cases filed without a pre-filing mediation) × 100",
)
PERCENT = "Percent with one decimal (settled ÷ ended × 100 ...); null when nothing to divide."


class MediationFiguresRowOut(Schema):
    key: str = Field(description="The court's code, the partner's or mediator's id, "
                                 "'none' (no partner), 'unassigned' (no mediator) or 'total'.")
    name: str
    court: str = Field(description="The court's code (court and mediator rows).")
    partner: str = Field(description="The mediator's partner organisation (mediator rows).")
    applications: int = Field(description="Registered in the period (pre-filing + referred).")
    pre_filing_applications: int
    referred: int
    ended: int = Field(description="Ended in the period (settled, failed, withdrawn).")
    settled: int
    success_rate: float | None = Field(description=PERCENT)
    average_days: float | None
    online_share: float | None = Field(description=PERCENT)
    confirmed: int
    documents: int = Field(description="Mediation documents (调解书) issued.")
    performed: int
    broken: int
    ratings: int
    rating: float | None = Field(description="Average stars, 1 to 5, one decimal.")


class MediationCourtFiguresOut(MediationFiguresRowOut):
    pre_filing_ended: int
    pre_filing_settled: int
    cases_filed: int | None = Field(
        description="Civil first-instance cases (民初) filed in the period; null for a "
                    "coordinator.")
    pre_filing_success_rate: float | None = Field(description="诉前调解成功率. " + PERCENT)
    settled_before_filing: float | None = Field(description=PERCENT)
    pre_filing_rate: float | None = Field(description="诉前调解适用率. " + PERCENT)


class MediationFiguresOut(Schema):
    start: datetime.date = Field(alias="from")
    end: datetime.date = Field(alias="to")
    courts: list[str]
    coordinator: bool = Field(description="Counted for a coordinator: their partner's only.")
    by_court: list[MediationCourtFiguresOut]
    by_partner: list[MediationFiguresRowOut]
    by_mediator: list[MediationFiguresRowOut]
    total: MediationCourtFiguresOut
    formulas: list[str]


def _percent(value: Decimal | None) -> float | None:
    """A share (0.375, already rounded to 0.001) as a percentage: 37.5."""
    return None if value is None else float(value * 100)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _row(row, key=None) -> dict:
    return {
        "key": str(key if key is not None else row.key), "name": row.name, "court": row.court,
        "partner": row.partner, "applications": row.applications,
        "pre_filing_applications": row.pre_filing_applications, "referred": row.referred,
        "ended": row.ended, "settled": row.settled, "success_rate": _percent(row.success_rate),
        "average_days": _number(row.average_days), "online_share": _percent(row.online_share),
        "confirmed": row.confirmed, "documents": row.documents, "performed": row.performed,
        "broken": row.broken, "ratings": row.ratings, "rating": _number(row.rating),
    }


def _court_row(row, key=None) -> dict:
    return {
        **_row(row, key), "pre_filing_ended": row.pre_filing_ended,
        "pre_filing_settled": row.pre_filing_settled, "cases_filed": row.cases_filed,
        "pre_filing_success_rate": _percent(row.pre_filing_success_rate),
        "settled_before_filing": _percent(row.settled_before_filing),
        "pre_filing_rate": _percent(row.pre_filing_rate),
    }


@router.get("/figures", response={200: MediationFiguresOut, 403: ErrorOut, 422: ErrorOut},
            by_alias=True,
            summary="Mediation figures per court, partner organisation and mediator")
def figures(request, start: str = Query("", alias="from", max_length=10),
            end: str = Query("", alias="to", max_length=10)):
    user = effective_user(request)
    courts, partners = figures_scope(user)
    form = FiguresForm({"from": start, "to": end}, today=timezone.localdate())
    if not form.is_valid():
        raise ValidationError([f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v)
                               for k, v in form.errors.items()])
    first, last = form.period
    found = mediation_figures.figures(courts, first, last, partner_ids=partners,
                                      labels=row_labels())
    return {
        "from": found.start, "to": found.end, "courts": [c.code for c in found.courts],
        "coordinator": partners is not None,
        "by_court": [_court_row(r, r.court) for r in found.by_court],
        "by_partner": [_row(r) for r in found.by_partner],
        "by_mediator": [_row(r) for r in found.by_mediator],
        "total": _court_row(found.total),
        "formulas": list(FORMULAS),
    }
