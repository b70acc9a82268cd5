"""Time-limit API: the rules, the computation, and acting on a case's limit."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.holidays import court_calendar
from tianping.courts.permissions import effective_user
from tianping.deadlines import actions, permissions
from tianping.deadlines.checks import check_calculation
from tianping.flows.cases import change_procedure
from tianping.law.limits import Exclusion, Grant, LimitError, compute_limit
from tianping.law.rules import RULES, UnknownRule, get_rule
from tianping.law.steps import render, weekends_only_years
from tianping.lib.api_errors import ErrorOut
from tianping.lib.api_pages import PageIn, PageOut
from tianping.lib.keyset import rows_page

router = Router(tags=["time limits"])


class RuleOut(Schema):
    code: str
    name: str
    months: int
    days: int
    source: str


class ExclusionIn(Schema):
    kind: str = "other"
    start: datetime.date
    end: datetime.date


class ComputeIn(Schema):
    rule: str
    start: datetime.date
    exclude: list[ExclusionIn] = []
    extend_months: list[int] = []
    extend_days: list[int] = []
    in_custody: bool = False


class TimeLimitStepOut(Schema):
    code: str
    text: str
    date: str | None


class ComputeOut(Schema):
    expires_on: datetime.date
    weekends_only_years: list[int] = Field(
        description="Years for which no holiday schedule is on file: only weekends counted."
    )
    steps: list[TimeLimitStepOut]


@router.get("/rules", response=list[RuleOut], summary="The time-limit rules and sources")
def rules(request):
    return [
        RuleOut(code=r.code, name=str(r.name), months=r.months, days=r.days, source=r.source)
        for r in RULES
    ]


@router.post(
    "/compute",
    response={200: ComputeOut, 422: ErrorOut},
    summary="Compute an expiry date with its explanation",
)
def compute(request, payload: ComputeIn):
    grants = tuple(
        [Grant(months=m) for m in payload.extend_months]
        + [Grant(days=d) for d in payload.extend_days]
    )
    exclusions = tuple(Exclusion(e.kind, e.start, e.end) for e in payload.exclude)
    try:
        rule = get_rule(payload.rule)
        check_calculation(rule, payload.start, exclusions, grants)
        result = compute_limit(
            rule,
            payload.start,
            court_calendar(),
            exclusions=exclusions,
            grants=grants,
            in_custody=payload.in_custody,
        )
    except (UnknownRule, LimitError) as exc:
        return Status(422, {"detail": str(exc)})
    return Status(
        200,
        {
            "expires_on": result.expires_on,
            "weekends_only_years": weekends_only_years(result.steps),
            "steps": [s.as_dict() for s in result.steps],
        },
    )


class LimitOut(Schema):
    rule: str
    starts_on: datetime.date
    expires_on: datetime.date
    suspended_since: datetime.date | None
    steps: list[TimeLimitStepOut]


@router.get(
    "/cases/{code}",
    response={200: LimitOut, 404: ErrorOut},
    summary="A case's time limit and how it was reached",
)
def case_limit(request, code: str):
    case = get_case_for_user(effective_user(request), code)
    record_view(request, case, "time_limit_viewed")
    limit = getattr(case, "time_limit", None)
    if limit is None:
        return Status(404, {"detail": "No time limit applies to this case."})
    return Status(
        200,
        {
            "rule": limit.rule_code,
            "starts_on": limit.starts_on,
            "expires_on": limit.expires_on,
            "suspended_since": limit.suspended_since,
            "steps": [
                {**step, "text": render(step["code"], step.get("params", {}))}
                for step in limit.steps
            ],
        },
    )


class SuspendIn(Schema):
    on: datetime.date
    note: str


class ResumeIn(Schema):
    on: datetime.date


class ExcludeIn(Schema):
    kind: str
    starts_on: datetime.date
    ends_on: datetime.date
    note: str = ""


class ProcedureIn(Schema):
    procedure: str
    reason: str


class ReasonIn(Schema):
    reason: str


class ExtensionDecisionIn(Schema):
    approve: bool
    note: str = ""


def _kw(request):
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


@router.post("/cases/{code}/suspend", response={200: LimitOut, 404: ErrorOut})
def suspend(request, code: str, payload: SuspendIn):
    case = get_case_for_user(effective_user(request), code)
    actions.suspend_case(case, on=payload.on, note=payload.note, **_kw(request))
    return case_limit(request, code)


@router.post("/cases/{code}/resume", response={200: LimitOut, 404: ErrorOut})
def resume(request, code: str, payload: ResumeIn):
    case = get_case_for_user(effective_user(request), code)
    actions.resume_case(case, on=payload.on, **_kw(request))
    return case_limit(request, code)


@router.post("/cases/{code}/exclusions", response={200: LimitOut, 404: ErrorOut})
def exclude(request, code: str, payload: ExcludeIn):
    case = get_case_for_user(effective_user(request), code)
    actions.record_exclusion(
        case,
        kind=payload.kind,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        note=payload.note,
        **_kw(request),
    )
    return case_limit(request, code)


@router.post("/cases/{code}/extensions", response={201: dict, 404: ErrorOut})
def request_extension(request, code: str, payload: ReasonIn):
    case = get_case_for_user(effective_user(request), code)
    item = actions.request_extension(
        case, reason=payload.reason, today=timezone.localdate(), **_kw(request)
    )
    return Status(
        201, {"id": item.pk, "months": item.months, "days": item.days, "approver": item.approver}
    )


class ExtensionRequestOut(Schema):
    id: int
    case: str
    months: int
    days: int
    reason: str


@router.get(
    "/extensions", response=PageOut[ExtensionRequestOut], summary="Extension requests I may decide"
)
def extensions_to_decide(request, paging: Query[PageIn]):
    requests = permissions.extension_requests_to_decide(effective_user(request))
    page = rows_page(requests, ("requested_on", "id"), after=paging.after, size=paging.limit)
    items = [
        {"id": r.pk, "case": r.case.number, "months": r.months, "days": r.days, "reason": r.reason}
        for r in page.items
    ]
    return {"items": items, "next": page.next}


@router.post("/extensions/{pk}/decide", response={200: dict, 404: ErrorOut})
def decide(request, pk: int, payload: ExtensionDecisionIn):
    item = get_object_or_404(
        permissions.extension_requests_to_decide(effective_user(request)), pk=pk
    )
    item = actions.decide_extension(
        item, approve=payload.approve, note=payload.note, today=timezone.localdate(), **_kw(request)
    )
    return Status(200, {"id": item.pk, "status": item.status})


@router.post(
    "/cases/{code}/procedure",
    response={200: LimitOut, 404: ErrorOut},
    summary="Change the procedure; the limit is recomputed from the filing date",
)
def procedure(request, code: str, payload: ProcedureIn):
    case = get_case_for_user(effective_user(request), code)
    change_procedure(case, procedure=payload.procedure, reason=payload.reason, **_kw(request))
    return case_limit(request, code)
