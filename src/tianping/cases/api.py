"""Cases in the REST API: the list, one case, its actions and the dashboard.

The same reads (`cases.permissions`), filters (`cases.forms`) and actions (`cases.actions`) as
the pages. 404 for a case one may not see (as for a missing one), 403 for an action on a
visible case one may not take, 422 for bad input.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import ValidationError as PydanticError

from tianping.audit.actions import record_view
from tianping.cases import actions, reads
from tianping.cases.forms import CaseFilterForm, DashboardForm
from tianping.cases.permissions import cases_visible_to, get_case_for_user, require_assigner
from tianping.cases.reads import (
    FORMULAS,
    GREEN_FLAGS,
    allowed_actions,
    case_page,
    dashboard_courts,
    figures,
    short_parties,
)
from tianping.courts.permissions import effective_user, require_staff
from tianping.flows.cases import close_case

router = Router(tags=["cases"])


class CaseRowOut(Schema):
    """A row of the case list (read as plain values; `CaseOut` adds the rest of a case)."""

    code: str
    number: str
    court: str
    division: str | None
    team: str | None
    judge: str | None
    judge_name: str | None
    cause: str | None
    parties: str
    procedure: str
    track: str
    state: str
    green: list[str]
    filed_on: datetime.date
    closed_on: datetime.date | None
    days_pending: int


def _list_item(row: dict) -> dict:
    return {
        "code": row["code"],
        "number": row["number"],
        "court": row["court_code"],
        "division": row["division_name"],
        "team": row["team_name"],
        "judge": row["judge_username"],
        "judge_name": row["judge_full_name"] or row["judge_username"],
        "cause": row["cause_name"],
        "parties": row["parties"],
        "procedure": row["procedure"],
        "track": row["track"],
        "state": row["state"],
        "green": row["green"],
        "filed_on": row["filed_on"],
        "closed_on": row["closed_on"],
        "days_pending": row["days"],
    }


class CasePageOut(Schema):
    items: list[CaseRowOut]
    next: str | None = Field(description="Pass as `after` for the next page; null on the last.")


class CaseRepresentativeOut(Schema):
    kind: str
    name: str
    law_firm: str


class CasePartyOut(Schema):
    role: str
    kind: str
    name: str
    doc_type: str
    id_number_masked: str
    representatives: list[CaseRepresentativeOut]

    @staticmethod
    def resolve_id_number_masked(party):
        return party.masked_id_number

    @staticmethod
    def resolve_representatives(party):
        return list(party.representatives.all())


class CaseEventOut(Schema):
    seq: int
    kind: str
    at: datetime.datetime
    actor: str | None
    acted_for: str | None
    is_public: bool
    details: dict

    @staticmethod
    def resolve_actor(event):
        return event.actor.username if event.actor_id else None

    @staticmethod
    def resolve_acted_for(event):
        return event.acted_for.username if event.acted_for_id else None


class CaseDocumentOut(Schema):
    title: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime.datetime


class CaseOut(CaseRowOut):
    type_code: str
    claims: str
    amount: Decimal | None
    triage_reasons: list[str]
    closure_mode: str
    closure_note: str
    allowed_actions: list[str]
    party_list: list[CasePartyOut]
    events: list[CaseEventOut]
    documents: list[CaseDocumentOut]

    @staticmethod
    def resolve_court(case):
        return case.court.code

    @staticmethod
    def resolve_division(case):
        return case.division.name if case.division_id else None

    @staticmethod
    def resolve_team(case):
        return case.team.name if case.team_id else None

    @staticmethod
    def resolve_judge(case):
        return case.judge.username if case.judge_id else None

    @staticmethod
    def resolve_judge_name(case):
        return str(case.judge) if case.judge_id else None

    @staticmethod
    def resolve_cause(case):
        return case.cause.name if case.cause_id else None

    @staticmethod
    def resolve_parties(case):
        return short_parties(case)

    @staticmethod
    def resolve_green(case):
        return [f for f in GREEN_FLAGS if getattr(case, f"is_{f}")]

    @staticmethod
    def resolve_days_pending(case):
        return case.days_pending(timezone.localdate())

    @staticmethod
    def resolve_party_list(case):
        return list(case.parties.prefetch_related("representatives"))

    @staticmethod
    def resolve_events(case):
        return list(case.events.select_related("actor", "acted_for"))

    @staticmethod
    def resolve_documents(case):
        return list(case.documents.all())


class CaseFilters(Schema):
    after: str | None = Field(None, max_length=500, description="The `next` of the page before.")
    limit: int = Field(50, ge=1, le=100)
    q: str = Field(
        "", max_length=100, description="A part of the case number, a party's name or the cause."
    )
    state: str = ""
    court: str = ""
    division: int | None = None
    judge: str = ""
    mine: bool = False


class AssignIn(Schema):
    judge: str
    reason: str


class CloseIn(Schema):
    mode: str
    closed_on: datetime.date
    note: str = ""


class DashboardRowOut(Schema):
    court: str
    division: str
    received: int
    closed: int
    pending_at_start: int
    pending: int
    clearance: float | None
    closure_rate: float | None


class DashboardOut(Schema):
    start: datetime.date
    end: datetime.date
    courts: list[str]
    rows: list[DashboardRowOut]
    total: DashboardRowOut
    formulas: list[str]


def _case_out(user, case):
    can = allowed_actions(user, case)
    case.allowed_actions = [
        a for a in ("start_trial", "assign", "close", "archive") if getattr(can, a)
    ]
    return case


def staff_user(request):
    return require_staff(effective_user(request))


def case_for_staff(request, code: str):
    """(user, case) for a staff member who may see the case; anyone else gets a 404."""
    user = effective_user(request)
    return user, reads.case_for_staff(user, code)


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _fresh(request, code: str):
    user = effective_user(request)
    return _case_out(user, get_case_for_user(user, code))


def _invalid(form) -> ValidationError:
    return ValidationError([f"{k}: {' '.join(v)}" for k, v in form.errors.items()])


@router.get("", response=CasePageOut, summary="Cases I may see, filtered as on the page")
def list_cases(request, filters: Query[CaseFilters]):
    user = staff_user(request)
    data = {
        k: v
        for k, v in filters.dict(exclude={"after", "limit"}).items()
        if v not in (None, "", False)
    }
    form = CaseFilterForm(data, user=user)
    if not form.is_valid():
        raise _invalid(form)
    page = case_page(form.apply(cases_visible_to(user)), filters.after, size=filters.limit)
    return {"items": [_list_item(row) for row in page.items], "next": page.next}


@router.get(
    "/dashboard", response=DashboardOut, summary="Received, closed, pending, 结收比, 结案率"
)
def dashboard(request, court: str = "", start: str = "", end: str = ""):
    user = effective_user(request)
    data = {"court": court, "start": start, "end": end}
    form = DashboardForm(data, courts=dashboard_courts(user), today=timezone.localdate())
    if not form.is_valid():
        raise _invalid(form)
    data = form.cleaned_data
    found = figures(user, form.chosen_courts(), data["start"], data["end"])
    return {
        "start": found.start,
        "end": found.end,
        "courts": [c.code for c in found.courts],
        "rows": found.rows,
        "total": found.total,
        "formulas": [str(f) for f in FORMULAS.values()],
    }


@router.get("/{code}", response=CaseOut, summary="One case with its parties and timeline")
def case_detail(request, code: str):
    user, case = case_for_staff(request, code)
    record_view(request, case)
    return _case_out(user, case)


@router.post("/{code}/assign", response=CaseOut, summary="Assign by hand, with a reason")
def assign(request, code: str, payload: AssignIn):
    user, case = case_for_staff(request, code)
    require_assigner(case, user)
    judge = get_user_model().objects.filter(username=payload.judge, is_active=True).first()
    if judge is None:
        raise ValidationError(_("There is no judge with that user name."))
    actions.assign_by_hand(case, judge=judge, reason=payload.reason, **_acting(request))
    return _fresh(request, code)


@router.post("/{code}/start-trial", response=CaseOut, summary="The judge starts the trial")
def start_trial(request, code: str):
    _, case = case_for_staff(request, code)
    actions.start_trial(case, **_acting(request))
    return _fresh(request, code)


@router.post("/{code}/archive", response=CaseOut, summary="Archive a closed case (归档)")
def archive(request, code: str):
    _, case = case_for_staff(request, code)
    actions.archive_case(case, **_acting(request))
    return _fresh(request, code)


CLOSE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": CloseIn.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    **CloseIn.model_json_schema(),
                    "properties": {
                        **CloseIn.model_json_schema()["properties"],
                        "documents": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "The documents that close the case (PDF, OFD, "
                            "JPEG or PNG; the content is checked). Required for a judgment, a "
                            "mediation and the rulings of withdrawal, dismissal, transfer and "
                            "termination; 'other' needs a note instead. A case closes from "
                            "trial only.",
                        },
                    },
                }
            },
        },
    }
}
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


@router.post(
    "/{code}/close",
    response=CaseOut,
    openapi_extra=CLOSE_BODY,
    summary="Close the case (结案): JSON, or multipart with the documents that close it",
)
def close(request, code: str):
    _, case = case_for_staff(request, code)
    payload, documents = _closing(request)
    close_case(
        case,
        mode=payload.mode,
        closed_on=payload.closed_on,
        note=payload.note,
        documents=documents,
        **_acting(request),
    )
    return _fresh(request, code)


def _closing(request) -> tuple[CloseIn, list]:
    """How the case closes, from a JSON body or a form, and the documents uploaded with it."""
    try:
        if request.content_type in FORM_TYPES:
            payload = CloseIn.model_validate(request.POST.dict())
            return payload, request.FILES.getlist("documents")
        return CloseIn.model_validate_json(request.body or b"{}"), []
    except PydanticError as exc:
        raise ValidationError(
            [f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()]
        ) from exc
