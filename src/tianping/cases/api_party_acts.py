"""A party's material and meeting requests in the REST API: the party hands material in and
asks to meet the judge (under /party-cases); the judge's side reads the material, records
receipt and answers (under /cases). The same actions as the pages (`cases.actions_party`)."""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, File, Form, Path, Router, Schema, Status
from ninja.files import UploadedFile

from tianping.cases import actions_party as acts
from tianping.cases import reads
from tianping.cases.models_party_acts import CaseSubmission, MeetingRequest, SubmissionKind
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import effective_user
from tianping.lib.api_errors import ErrorOut
from tianping.lib.text import ApiText

router = Router(tags=["cases"])
party_router = Router(tags=["parties' view"])
CODE = Path(..., min_length=1, max_length=12)
ID = Path(..., ge=1, le=2**62)


class CaseSubmissionOut(Schema):
    id: int
    party: str
    kind: str = Field(description=", ".join(SubmissionKind.values))
    title: str
    note: str
    files: list[str]
    submitted_at: datetime.datetime
    received_at: datetime.datetime | None


class CaseMaterialIn(Schema):
    party: int = Field(..., ge=1, le=2**62)
    kind: str = Field(..., max_length=12, description=", ".join(SubmissionKind.values))
    title: ApiText(acts.TITLE_LENGTH)
    note: ApiText(acts.NOTE_LENGTH) = ""


class CaseMeetingIn(Schema):
    topic: ApiText(acts.TOPIC_LENGTH)
    preferred: ApiText(200) = ""


class CaseMeetingAnswerIn(Schema):
    decline: bool = False
    meets_at: datetime.datetime | None = None
    place: ApiText(200) = ""
    link: ApiText(500) = ""
    answer: ApiText(acts.TOPIC_LENGTH) = ""


class CaseMeetingOut(Schema):
    id: int
    topic: str
    preferred: str
    status: str = Field(description="pending, scheduled or declined")
    status_label: str
    meets_at: datetime.datetime | None
    place: str
    link: str
    answer: str


def _submission(s) -> dict:
    return {"id": s.pk, "party": s.party.name, "kind": s.kind, "title": s.title,
            "note": s.note, "files": [f.original_name for f in s.files.all()],
            "submitted_at": s.submitted_at, "received_at": s.received_at}


def _meeting(m) -> dict:
    return {"id": m.pk, "topic": m.topic, "preferred": m.preferred, "status": m.status,
            "status_label": m.get_status_display(), "meets_at": m.meets_at, "place": m.place,
            "link": m.link, "answer": m.answer}


def _refused(error: ValidationError):
    return Status(422, {"detail": error.messages})


@party_router.post("/{code}/material", response={201: CaseSubmissionOut, 403: ErrorOut,
                                                 404: ErrorOut, 422: ErrorOut},
                   summary="Hand material into a pending case (a party)")
def submit(request, payload: Form[CaseMaterialIn], files: File[list[UploadedFile]],
           code: str = CODE):
    case = get_case_for_user(request.user, code)
    party = case.parties.filter(pk=payload.party).first()
    try:
        row = acts.submit_material(case, actor=request.user, party=party, kind=payload.kind,
                                   title=payload.title, note=payload.note, files=files)
    except ValidationError as error:
        return _refused(error)
    return Status(201, _submission(CaseSubmission.objects.prefetch_related("files")
                                   .select_related("party").get(pk=row.pk)))


@party_router.post("/{code}/meetings", response={201: CaseMeetingOut, 403: ErrorOut,
                                                 404: ErrorOut, 422: ErrorOut},
                   summary="Ask to meet the judge (a party)")
def ask(request, payload: CaseMeetingIn, code: str = CODE):
    case = get_case_for_user(request.user, code)
    try:
        row = acts.ask_meeting(case, actor=request.user, topic=payload.topic,
                               preferred=payload.preferred)
    except ValidationError as error:
        return _refused(error)
    return Status(201, _meeting(row))


def _staff_case(request, code):
    user = effective_user(request)
    return user, reads.case_for_staff(user, code)


@router.get("/{code}/material", response={200: list[CaseSubmissionOut], 404: ErrorOut},
            summary="Material the parties handed in")
def material(request, code: str = CODE):
    _, case = _staff_case(request, code)
    return [_submission(s) for s in CaseSubmission.objects.filter(case=case)
            .select_related("party").prefetch_related("files")]


@router.post("/{code}/material/{pk}/receipt",
             response={200: CaseSubmissionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
             summary="Record receipt of the material (the judge, assistant or clerk)")
def receive(request, code: str = CODE, pk: int = ID):
    user, case = _staff_case(request, code)
    item = CaseSubmission.objects.filter(case=case, pk=pk).select_related("case").first()
    if item is None:
        raise Http404("No such material.")
    try:
        acts.acknowledge(item, actor=user)
    except ValidationError as error:
        return _refused(error)
    return Status(200, _submission(CaseSubmission.objects.prefetch_related("files")
                                   .select_related("party").get(pk=pk)))


@router.get("/{code}/meetings", response={200: list[CaseMeetingOut], 404: ErrorOut},
            summary="Requests to meet the judge")
def meetings(request, code: str = CODE):
    _, case = _staff_case(request, code)
    return [_meeting(m) for m in MeetingRequest.objects.filter(case=case)]


@router.post("/{code}/meetings/{pk}/answer",
             response={200: CaseMeetingOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
             summary="Arrange the meeting, or decline it with reasons (the case's judge)")
def answer(request, payload: CaseMeetingAnswerIn, code: str = CODE, pk: int = ID):
    user, case = _staff_case(request, code)
    item = MeetingRequest.objects.filter(case=case, pk=pk).select_related("case").first()
    if item is None:
        raise Http404("No such request.")
    try:
        row = acts.answer_meeting(item, actor=user, meets_at=payload.meets_at,
                                  place=payload.place, link=payload.link,
                                  answer=payload.answer, decline=payload.decline)
    except ValidationError as error:
        return _refused(error)
    return Status(200, _meeting(row))
