"""`GET /api/v1/indicators/compute`: the indicators of a court (and the courts below it),
a division or a judge for a period, the same answer as `tianping indicators compute
--json` (see `compute.as_json`). 403 for who may not see them (`permissions`), 422 with
the reason in the reader's language for a bad period or an unknown court, division or
judge."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from tianping.courts.models import Court
from tianping.courts.permissions import effective_user, require_staff
from tianping.indicators import compute, permissions
from tianping.lib.api_errors import ErrorOut

router = Router(tags=["indicators"])


class IndicatorsIn(Schema):
    court: str = Field("", description="The court's code (法院代字). Required.")
    start: datetime.date | None = Field(None, alias="from",
                                        description="First day of the period. Required.")
    end: datetime.date | None = Field(None, alias="to",
                                      description="Last day of the period. Required.")
    include_lower: bool = Field(False, description="Count the courts below it too.")
    division: str = Field("", description="A division's name in the court(s).")
    judge: str = Field("", description="A judge's full name.")


class IndicatorOut(Schema):
    code: str
    name: str
    value: str | None = Field(description="Decimal, two places, rounded half up; null when "
                                          "the denominator is 0.")
    numerator: int | str = Field(description="A count, or a sum of money as a decimal "
                                             "string in yuan (unit yuan, or 执行到位率).")
    denominator: int | str | None = Field(description="null for a count.")
    unit: str = Field(description="%, days, cases, ratio or yuan.")
    range: list[str | None] | None = Field(description="[low, high] or null: no range set.")
    status: str = Field(description="met (达标), not_met (未达标), no_range, no_value.")


class IndicatorsOut(Schema):
    court: str
    start: str = Field(alias="from")
    end: str = Field(alias="to")
    indicators: list[IndicatorOut]


@router.get("/compute", response={200: IndicatorsOut, 403: ErrorOut, 422: ErrorOut},
            by_alias=True, summary="Trial performance indicators of a court, division or judge")
def compute_indicators(request, query: Query[IndicatorsIn]):
    user = require_staff(effective_user(request))
    if not query.court:
        if not permissions.oversees_any_court(user):
            raise PermissionDenied
        raise ValidationError(_("Give the court's code."))
    court = Court.objects.filter(code=query.court.strip()).first()
    if court is not None and not permissions.may_ask(user, court):
        raise PermissionDenied  # before the slice is checked: no names are told
    s = compute.make_slice(court or query.court, query.start, query.end,
                           include_lower=query.include_lower, division=query.division or None,
                           judge=query.judge or None)
    if not permissions.can_view_slice(user, s):
        raise PermissionDenied
    return compute.as_json(s, compute.compute(s))
