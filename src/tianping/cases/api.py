"""Cases in the REST API: the list, one case, its actions and the dashboard (the shapes
are in `cases.api_schemas`).

The same reads (`cases.permissions`), filters (`cases.forms`) and actions (`cases.actions`) as
the pages. 404 for a case one may not see (as for a missing one), 403 for an action on a
visible case one may not take, 422 for bad input.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import ValidationError as PydanticError

from tianping.audit.actions import record_view
from tianping.cases import actions, reads
from tianping.cases.api_dashboard import dashboard_answer
from tianping.cases.api_schemas import (
    AssignIn,
    CaseFilters,
    CaseOut,
    CasePageOut,
    CloseIn,
    DashboardOut,
)
from tianping.cases.forms import CaseFilterForm, DashboardForm
from tianping.cases.permissions import cases_visible_to, get_case_for_user, require_assigner
from tianping.cases.reads import allowed_actions, case_page, dashboard_courts
from tianping.courts.permissions import effective_user, require_staff
from tianping.flows.cases import close_case
from tianping.lib.api_pages import page_response
from tianping.payments.queries import overdue_case_ids

router = Router(tags=["cases"])


def _list_item(row: dict, unpaid: set[int] = frozenset()) -> dict:
    return {
        "fee_overdue": row["id"] in unpaid,
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


def _case_out(user, case):
    can = allowed_actions(user, case)
    case.allowed_actions = [
        a for a in ("start_trial", "assign", "close", "archive") if getattr(can, a)
    ]
    case.papers = reads.filing_papers(user, case)
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
    unpaid = overdue_case_ids((row["id"] for row in page.items), timezone.localdate())
    return page_response([_list_item(row, unpaid) for row in page.items], page.next)


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
    return dashboard_answer(user, form.chosen_courts(), data["start"], data["end"])


@router.get("/{code}", response=CaseOut, summary="One case with its parties and timeline")
def case_detail(request, code: str):
    user, case = case_for_staff(request, code)
    record_view(request, case)
    return _case_out(user, case)


@router.get(
    "/{code}/filing-files/{key}",
    summary="A file handed in with the case's filing (complaint, evidence, power of attorney)",
)
def filing_file(request, code: str, key: str):
    _, case = case_for_staff(request, code)
    item = reads.filing_file(case, key)
    record_view(request, case, "filing_file_read", name=item.original_name)
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)
    response["Content-Type"] = item.content_type
    return response


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
