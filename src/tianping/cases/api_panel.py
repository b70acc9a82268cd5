"""The bench of a case in the REST API: read it (staff who see the case), compose it and
change a seat (the president or the case's division head), decide a recusal (the
president for the bench, the presiding judge for the others); a party asks for a recusal
(under /party-cases). The same actions as the pages (`cases.actions_panel`)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status

from tianping.cases import actions_panel as panel
from tianping.cases import reads
from tianping.cases.models_panel import RecusalRequest
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import effective_user
from tianping.lib.api_errors import ErrorOut
from tianping.lib.text import ApiList, ApiText

router = Router(tags=["cases"])
party_router = Router(tags=["parties' view"])
CODE = Path(..., min_length=1, max_length=12)
ID = Path(..., ge=1, le=2**62)
UserId = Field(None, ge=1, le=2**62)


class CaseSeatOut(Schema):
    id: int
    seat: str = Field(description="sole, presiding, judge, assessor, assistant or clerk")
    seat_label: str
    name: str
    since: datetime.date
    until: datetime.date | None
    reason: str
    drawn: bool = Field(description="An assessor drawn at random (the draw is kept).")


class CaseRecusalOut(Schema):
    id: int
    member: int
    member_name: str
    grounds: str
    status: str = Field(description="pending, granted or refused")
    status_label: str
    requested_at: datetime.datetime
    decided_on: datetime.date | None
    decision_reasons: str


class CaseBenchOut(Schema):
    case: str
    seats: list[CaseSeatOut]
    earlier: list[CaseSeatOut]
    recusals: list[CaseRecusalOut]


class CaseBenchIn(Schema):
    sole: bool
    judges: ApiList(int, panel.MAX_PANEL) = Field(
        [], description="Panel: the judges' user ids, the presiding judge first.")
    assessors: int = Field(0, ge=0, le=panel.MAX_PANEL)
    assistant: int | None = UserId
    clerk: int | None = UserId
    reason: ApiText(panel.REASON_LENGTH) = ""


class CaseSeatChangeIn(Schema):
    user: int | None = UserId
    reason: ApiText(panel.REASON_LENGTH)


class CaseRecusalDecisionIn(Schema):
    granted: bool
    reasons: ApiText(panel.GROUNDS_LENGTH) = ""


class CaseRecusalIn(Schema):
    member: int = Field(..., ge=1, le=2**62)
    grounds: ApiText(panel.GROUNDS_LENGTH)


def _seat(s) -> dict:
    return {"id": s.pk, "seat": s.seat, "seat_label": s.get_seat_display(),
            "name": s.person_name, "since": s.since, "until": s.until, "reason": s.reason,
            "drawn": bool(s.draw)}


def _recusal(r) -> dict:
    return {"id": r.pk, "member": r.member_id, "member_name": r.member.person_name,
            "grounds": r.grounds, "status": r.status, "status_label": r.get_status_display(),
            "requested_at": r.requested_at, "decided_on": r.decided_on,
            "decision_reasons": r.decision_reasons}


def _bench(case) -> dict:
    return {
        "case": case.code,
        "seats": [_seat(s) for s in panel.current_seats(case)],
        "earlier": [_seat(s) for s in case.members.filter(until__isnull=False)
                    .select_related("user", "assessor")],
        "recusals": [_recusal(r) for r in RecusalRequest.objects.filter(case=case)
                     .select_related("member__user", "member__assessor")],
    }


def _users(ids):
    found = get_user_model().objects.in_bulk([i for i in ids if i])
    missing = [i for i in ids if i and i not in found]
    if missing:
        raise ValidationError(_("No such person: %(ids)s.") % {
            "ids": ", ".join(str(i) for i in missing)})
    return found


def _staff_case(request, code):
    user = effective_user(request)
    return user, reads.case_for_staff(user, code)


def _acted(act, payload, case):
    try:
        act()
    except ValidationError as error:
        detail = (error.message_dict if hasattr(error, "error_dict") else error.messages)
        if isinstance(detail, dict):
            detail = [{"loc": ["body", "payload", k], "msg": m, "type": "value_error"}
                      for k, ms in detail.items() for m in ms]
        return Status(422, {"detail": detail})
    return Status(200, _bench(case))


BENCH = {200: CaseBenchOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.get("/{code}/bench", response={200: CaseBenchOut, 404: ErrorOut},
            summary="The bench: the seats now, earlier ones, recusal requests")
def bench(request, code: str = CODE):
    _, case = _staff_case(request, code)
    return _bench(case)


@router.post("/{code}/bench", response=BENCH,
             summary="Compose the bench (the president or the case's division head)")
def compose(request, payload: CaseBenchIn, code: str = CODE):
    user, case = _staff_case(request, code)

    def act():
        people = _users([*payload.judges, payload.assistant, payload.clerk])
        panel.compose_bench(case, actor=user, sole=payload.sole,
                            judges=[people[i] for i in payload.judges],
                            assessors=payload.assessors,
                            assistant=people.get(payload.assistant),
                            clerk=people.get(payload.clerk), reason=payload.reason)

    return _acted(act, payload, case)


@router.post("/{code}/bench/{pk}/change", response=BENCH,
             summary="Change who holds a seat, with the reason (an assessor is drawn again)")
def change(request, payload: CaseSeatChangeIn, code: str = CODE, pk: int = ID):
    user, case = _staff_case(request, code)
    member = case.members.filter(pk=pk, until__isnull=True).first()
    if member is None:
        raise Http404("No such seat.")

    def act():
        people = _users([payload.user])
        panel.replace_seat(member, actor=user, user=people.get(payload.user),
                           reason=payload.reason)

    return _acted(act, payload, case)


@router.post("/{code}/recusals/{pk}/decision", response=BENCH,
             summary="Decide a recusal request (the president, or the presiding judge)")
def decide(request, payload: CaseRecusalDecisionIn, code: str = CODE, pk: int = ID):
    user, case = _staff_case(request, code)
    asked = RecusalRequest.objects.filter(case=case, pk=pk).select_related("member").first()
    if asked is None:
        raise Http404("No such request.")
    return _acted(lambda: panel.decide_recusal(asked, actor=user, granted=payload.granted,
                                               reasons=payload.reasons), payload, case)


@party_router.post("/{code}/recusals", response={201: CaseRecusalOut, 403: ErrorOut,
                                                 404: ErrorOut, 422: ErrorOut},
                   summary="Ask that a member of the bench, the assistant or the clerk step "
                           "aside (a party)")
def ask(request, payload: CaseRecusalIn, code: str = CODE):
    case = get_case_for_user(request.user, code)
    member = case.members.filter(pk=payload.member, until__isnull=True).first()
    if member is None:
        raise Http404("No such member.")
    try:
        row = panel.request_recusal(case, member, actor=request.user, grounds=payload.grounds)
    except ValidationError as error:
        return Status(422, {"detail": error.messages})
    return Status(201, _recusal(RecusalRequest.objects.select_related(
        "member__user", "member__assessor").get(pk=row.pk)))


# Conversion of procedure: the judge asks through /time-limits/cases/{code}/procedure; a
# leader decides here.


class CaseProcedureRequestOut(Schema):
    id: int
    from_procedure: str
    to_procedure: str
    reason: str
    status: str = Field(description="pending, approved or refused")
    requested_at: datetime.datetime
    decision_note: str


class CaseProcedureDecisionIn(Schema):
    approve: bool
    note: ApiText(300) = ""


def _procedure_request(r) -> dict:
    return {"id": r.pk, "from_procedure": r.from_procedure, "to_procedure": r.to_procedure,
            "reason": r.reason, "status": r.status, "requested_at": r.requested_at,
            "decision_note": r.decision_note}


@router.get("/{code}/procedure-requests",
            response={200: list[CaseProcedureRequestOut], 404: ErrorOut},
            summary="Requests to convert the procedure, the latest first")
def procedure_requests(request, code: str = CODE):
    from tianping.cases.models_procedure import ProcedureChangeRequest

    _, case = _staff_case(request, code)
    return [_procedure_request(r) for r in ProcedureChangeRequest.objects.filter(case=case)]


@router.post("/{code}/procedure-requests/{pk}/decision",
             response={200: CaseProcedureRequestOut, 403: ErrorOut, 404: ErrorOut,
                       422: ErrorOut},
             summary="Approve or refuse a conversion (the president or the division head)")
def decide_procedure(request, payload: CaseProcedureDecisionIn, code: str = CODE,
                     pk: int = ID):
    from tianping.cases.models_procedure import ProcedureChangeRequest
    from tianping.flows.cases import decide_procedure_change

    user, case = _staff_case(request, code)
    asked = ProcedureChangeRequest.objects.filter(case=case, pk=pk).select_related(
        "case").first()
    if asked is None:
        raise Http404("No such request.")
    try:
        row = decide_procedure_change(asked, actor=user, approve=payload.approve,
                                      note=payload.note)
    except ValidationError as error:
        return Status(422, {"detail": error.messages})
    return Status(200, _procedure_request(row))
