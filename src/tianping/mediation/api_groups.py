"""Group disputes in the REST API (/api/v1/mediation/groups): importing a group from the
applicants' workbook (multipart: the fields and the .xlsx; every problem of the workbook
answered at once as a 422 with its row, column and message, nothing created), a group as
its page shows it, and the batch steps of its page, each over every member or those
named in `members`, through the same flow (`flows.mediation_groups`).

A batch step answers what it did member by member (`done`, and `failed` with the reasons)
and the group as it is afterwards; a step refused as a whole answers 422, one the reader
may not take 403, a group the reader may not see 404.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Path, Router, Schema, Status
from ninja.files import UploadedFile

from tianping.audit.actions import record_view
from tianping.flows import mediation_groups as flow
from tianping.lib.api_errors import ErrorOut
from tianping.lib.text import ApiText
from tianping.mediation import groups
from tianping.mediation.choices import FailureReason, SessionMode
from tianping.mediation.models import Mediator, Station
from tianping.mediation.permissions import get_group_for_user, group_courts

router = Router(tags=["mediation"])
CODE = Path(..., min_length=1, max_length=12)
MEMBERS = Field(default_factory=list, max_length=groups.MAX_ROWS,
                description="Codes of the members to act on; none: every member.")


# Schemas


class GroupImportIn(Schema):
    court: str = Field(..., max_length=20, description="The court's code (its filing division).")
    title: ApiText(200)
    cause: str = Field("", max_length=40, description=(
        "Code of the civil cause (案由); none: 追索劳动报酬纠纷."))
    respondent_name: ApiText(200)
    respondent_kind: str = Field("legal", description="legal or organisation.")
    respondent_id_number: str = Field(..., max_length=40,
                                      description="Unified social credit code.")
    respondent_legal_representative: ApiText(100) = ""
    respondent_address: ApiText(300) = ""
    respondent_phone: ApiText(30) = ""
    is_migrant_wages: bool = Field(True, description="The migrant-wage green channel for all.")


class GroupProblemOut(Schema):
    row: int | None = Field(description="The workbook's row number (1: the headers); "
                                        "null for the whole file.")
    column: str = Field(description="The column's name; empty for a whole row or the file.")
    message: str


class GroupProblemsOut(Schema):
    detail: list[GroupProblemOut]


class GroupMemberOut(Schema):
    code: str
    number: str
    status: str
    status_label: str
    applicant: str
    amount: str | None = Field(description="Yuan, two decimals.")
    mediator: str | None
    agreement: str = Field(description="'', drafted, signed or confirmation.")
    agreement_label: str


class GroupProgressOut(Schema):
    step: str
    label: str
    done: int
    left: int


class GroupOut(Schema):
    code: str
    title: str
    court: str
    is_migrant_wages: bool
    created_at: datetime.datetime
    respondent: str | None
    cause: str | None
    members: list[GroupMemberOut]
    progress: list[GroupProgressOut]


class GroupFailureOut(Schema):
    code: str
    number: str
    messages: list[str]


class GroupStepOut(Schema):
    step: str
    done: list[str] = Field(description="Codes of the members the step was taken for.")
    failed: list[GroupFailureOut]
    group: GroupOut


class GroupMembersIn(Schema):
    members: list[str] = MEMBERS


class GroupAppointIn(GroupMembersIn):
    mediator: int = Field(..., ge=1, le=2**62)
    override: ApiText(300) = ""


class GroupSessionIn(GroupMembersIn):
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    mode: str = Field(..., description=f"One of: {', '.join(SessionMode.values)}.")
    link: ApiText(500) = ""
    station: int | None = Field(None, ge=1, le=2**62, description="A mediation room's id.")
    place: ApiText(200) = ""


class GroupDraftIn(GroupMembersIn):
    template: str = Field(..., max_length=24)
    pay_by: datetime.date | None = None


class GroupSignIn(Schema):
    members: list[str] = MEMBERS
    joins_confirmation: bool = True


class GroupEndIn(GroupMembersIn):
    reason: str = Field(..., description=f"One of: {', '.join(FailureReason.values)}.")
    report: ApiText(4000) = ""


STEP = {200: GroupStepOut, 404: ErrorOut, 422: ErrorOut}


# Reading


def _out(group) -> dict:
    rows = flow.member_rows(group)
    first = rows[0] if rows else None
    return {
        "code": group.code, "title": group.title, "court": group.court.code,
        "is_migrant_wages": group.is_migrant_wages, "created_at": group.created_at,
        "respondent": first["respondent"].name if first and first["respondent"] else None,
        "cause": first["m"].filing.cause.name if first and first["m"].filing.cause_id else None,
        "members": [{
            "code": r["m"].code, "number": r["m"].number, "status": r["m"].status,
            "status_label": r["m"].get_status_display(), "applicant": r["name"],
            "amount": f"{r['amount']:.2f}" if r["amount"] is not None else None,
            "mediator": r["m"].mediator.name if r["m"].mediator_id else None,
            "agreement": r["agreement_state"],
            "agreement_label": str(groups.AGREEMENT_LABELS.get(r["agreement_state"], "")),
        } for r in rows],
        "progress": groups.progress(rows),
    }


@router.get("/groups/{code}", response={200: GroupOut, 404: ErrorOut},
            summary="A group dispute: its members and how far each step has gone")
def group(request, code: str = CODE):
    found = get_group_for_user(request.user, code)
    record_view(request, found)
    return _out(found)


# Importing


@router.post("/groups", response={201: GroupOut, 403: ErrorOut, 404: ErrorOut,
                                  422: ErrorOut},
             summary="Import a group dispute from the applicants' workbook (.xlsx)")
def import_group(request, payload: Form[GroupImportIn], workbook: File[UploadedFile]):
    courts = {c.code: c for c in group_courts(request.user)}
    if not courts:
        raise PermissionDenied(_("Group disputes are for the court's filing division."))
    court = courts.get(payload.court)
    if court is None:
        raise Http404("No such court.")
    today = timezone.localdate()
    problems = []
    cause = flow.default_cause(today)
    if payload.cause:
        cause = flow.cause_for(payload.cause, today)
        if cause is None:
            problems.append(groups.Problem(None, "cause", _(
                "Unknown cause of action: %(code)s.") % {"code": payload.cause}))
    respondent = {k: getattr(payload, f"respondent_{k}") for k in (
        "name", "kind", "id_number", "legal_representative", "address", "phone")}
    problems += [groups.Problem(None, f"respondent_{k}", m)
                 for k, m in groups.respondent_problems(respondent).items()]
    reading = groups.read_workbook(workbook, name=workbook.name or "", size=workbook.size,
                                   today=today)
    problems += reading.problems
    if problems:
        return Status(422, {"detail": [p.as_dict() for p in problems]})
    try:
        found = flow.import_group(actor=request.user, court=court, title=payload.title,
                                  respondent=respondent, applicants=reading.applicants,
                                  cause=cause, is_migrant_wages=payload.is_migrant_wages,
                                  today=today)
    except ValidationError as error:
        messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        return Status(422, {"detail": [{"row": None, "column": k if k != "__all__" else "",
                                        "message": m}
                                       for k, ms in messages.items() for m in ms]})
    return Status(201, _out(found))


# Batch steps


def _step(request, code, act):
    found = get_group_for_user(request.user, code)
    try:
        outcome = act(found)
    except ValidationError as error:
        return Status(422, {"detail": error.messages})
    return Status(200, {
        "step": outcome.step, "done": [m.code for m in outcome.done],
        "failed": [{"code": m.code, "number": m.number, "messages": messages}
                   for m, messages in outcome.failed],
        "group": _out(found),
    })


def _aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value


@router.post("/groups/{code}/appoint", response=STEP,
             summary="Appoint one mediator to every member waiting for one (or those named)")
def appoint(request, payload: GroupAppointIn, code: str = CODE):
    def act(found):
        entry = Mediator.objects.filter(court=found.court, pk=payload.mediator).first()
        if entry is None:
            raise ValidationError(_("Choose a mediator on this court's roster."))
        return flow.appoint(found, entry, actor=request.user, override=payload.override,
                            codes=payload.members or None)

    return _step(request, code, act)


@router.post("/groups/{code}/accept", response=STEP,
             summary="The mediator accepts the members appointed to them")
def accept(request, payload: GroupMembersIn, code: str = CODE):
    return _step(request, code, lambda g: flow.accept(g, actor=request.user,
                                                      codes=payload.members or None))


@router.post("/groups/{code}/sessions", response=STEP,
             summary="One session for the group: the same time and room, link or place")
def schedule(request, payload: GroupSessionIn, code: str = CODE):
    def act(found):
        station = None
        if payload.station is not None:
            station = Station.objects.filter(court=found.court, kind="room", active=True,
                                             pk=payload.station).first()
        return flow.schedule(found, actor=request.user, starts_at=_aware(payload.starts_at),
                             ends_at=_aware(payload.ends_at), mode=payload.mode,
                             link=payload.link, station=station, place=payload.place,
                             codes=payload.members or None)

    return _step(request, code, act)


@router.post("/groups/{code}/agreements", response=STEP,
             summary="Draft each member's agreement from a template, with its own amount")
def draft(request, payload: GroupDraftIn, code: str = CODE):
    return _step(request, code, lambda g: flow.draft_agreements(
        g, actor=request.user, template=payload.template, pay_by=payload.pay_by,
        codes=payload.members or None))


@router.post("/groups/{code}/signatures", response=STEP,
             summary="Record every party's signature on paper, with the signed scan")
def sign(request, scan: File[UploadedFile], payload: Form[GroupSignIn], code: str = CODE):
    return _step(request, code, lambda g: flow.sign_on_paper(
        g, actor=request.user, scan=scan, joins_confirmation=payload.joins_confirmation,
        codes=payload.members or None))


@router.post("/groups/{code}/confirmation", response=STEP,
             summary="Apply for judicial confirmation of each signed agreement")
def confirm(request, payload: GroupMembersIn, code: str = CODE):
    return _step(request, code, lambda g: flow.apply_for_confirmation(
        g, actor=request.user, codes=payload.members or None))


@router.post("/groups/{code}/end", response=STEP,
             summary="End the members named without agreement: each filing goes to review")
def end(request, payload: GroupEndIn, code: str = CODE):
    def act(found):
        if not payload.members:
            raise ValidationError(_("Tick the members whose mediation ends without agreement."))
        return flow.end_without_agreement(found, actor=request.user, reason=payload.reason,
                                          report=payload.report, codes=payload.members)

    return _step(request, code, act)
