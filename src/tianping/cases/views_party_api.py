"""The parties' view in the REST API (/api/v1/party-cases): the same reads as the pages."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from ninja import Query, Router, Schema

from tianping.audit.actions import record_view
from tianping.cases.permissions import cases_visible_to, get_case_for_user
from tianping.cases.reads import case_next, document_ref, public_events
from tianping.courts.permissions import can_file_online
from tianping.lib.api_pages import PageIn, PageOut
from tianping.lib.keyset import rows_page

router = Router(tags=["parties' view"])


class CaseSummaryOut(Schema):
    code: str
    number: str
    court_name: str
    state: str
    state_name: str
    procedure: str
    judge: str | None
    filed_on: date
    closed_on: date | None
    next: str


class PartyCasePartyOut(Schema):
    role: str
    kind: str
    name: str
    masked_id_number: str
    representatives: list[str]


class PartyCaseEventOut(Schema):
    seq: int
    kind: str
    at: datetime
    text: str


class PartyCaseDocumentOut(Schema):
    ref: str
    title: str
    uploaded_at: datetime


class PartyCaseOut(CaseSummaryOut):
    cause: str | None
    parties: list[PartyCasePartyOut]
    events: list[PartyCaseEventOut]
    documents: list[PartyCaseDocumentOut]


def _user(request):
    if not can_file_online(request.user):
        raise PermissionDenied("The parties' view is for litigants and lawyers.")
    return request.user


def _summary(case) -> dict:
    return {
        "code": case.code,
        "number": case.number,
        "court_name": case.court.name,
        "state": case.state,
        "state_name": str(case.get_state_display()),
        "procedure": case.procedure,
        "judge": case.judge.full_name if case.judge_id else None,
        "filed_on": case.filed_on,
        "closed_on": case.closed_on,
        "next": case_next(case),
    }


@router.get("", response=PageOut[CaseSummaryOut], summary="My cases, the newest first")
def my_cases(request, paging: Query[PageIn]):
    cases = cases_visible_to(_user(request)).select_related("court", "judge")
    page = rows_page(cases, ("-filed_on", "-id"), after=paging.after, size=paging.limit)
    return {"items": [_summary(case) for case in page.items], "next": page.next}


@router.get(
    "/{code}", response=PartyCaseOut, summary="One of my cases: parties, timeline, documents"
)
def case_detail(request, code: str):
    case = get_case_for_user(_user(request), code)
    record_view(request, case)
    parties = case.parties.prefetch_related("representatives")
    return {
        **_summary(case),
        "cause": case.cause.name if case.cause_id else None,
        "parties": [
            {
                "role": p.role,
                "kind": p.kind,
                "name": p.name,
                "masked_id_number": p.masked_id_number,
                "representatives": [r.name for r in p.representatives.all()],
            }
            for p in parties
        ],
        "events": [
            {"seq": e.seq, "kind": e.kind, "at": e.at, "text": text}
            for e, text in public_events(case)
        ],
        "documents": [
            {"ref": document_ref(d), "title": d.title, "uploaded_at": d.uploaded_at}
            for d in case.documents.filter(is_public=True)
        ],
    }
