"""Petitions in the REST API (/api/v1/petitions): the list (a handler's queue, a
litigant's own), registration (window or online), a petition with its timeline, and every
act of the pages; the leaders' reception days. The same permissions, queries and actions
as the pages: 404 for what one may not see, 403 for an act one may not take, 422 for bad
input."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Path, Query, Router, Status
from ninja.files import UploadedFile
from pydantic import Field

from tianping.audit.actions import record_view
from tianping.catalog.identity import mask_number
from tianping.courts.models import Court, Division
from tianping.courts.permissions import effective_user
from tianping.lib.api_pages import PageIn
from tianping.petitions import actions, queries
from tianping.petitions import permissions as perms
from tianping.petitions.api_schemas import (
    BookingIn,
    PetitionAssignIn,
    PetitionClassifyIn,
    PetitionDecideIn,
    PetitionIn,
    PetitionLinkIn,
    PetitionOut,
    PetitionPageOut,
    PetitionRateIn,
    PetitionReasonIn,
    PetitionReplyIn,
    PetitionResultIn,
    PetitionReviewIn,
    ReceiveIn,
    ReceptionIn,
    ReceptionOut,
)
from tianping.petitions.events import petition_timeline
from tianping.petitions.models import ReceptionDay

router = Router(tags=["petitions"])
CODE = Path(..., min_length=1, max_length=12)


class PetitionPageIn(PageIn):
    tab: str = Field("open", pattern="^(open|overdue|all)$")
    status: str = Field("", max_length=16)


def _user(request):
    user = effective_user(request)
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    return user


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _out(user, p) -> dict:
    staff = perms.is_staff_reader(user)
    events = p.events.all() if staff else p.events.filter(is_public=True)
    return {
        "code": p.code, "court": p.court.code, "channel": p.channel, "name": p.name,
        "id_number": mask_number(p.id_number) if p.id_number else "",
        "matter": p.matter, "requests": p.requests,
        "cases": [c.number for c in p.cases.all()], "status": p.status,
        "received_on": p.received_on, "acceptance_due_on": p.acceptance_due_on,
        "due_on": p.due_on, "overdue": queries.is_overdue(p, timezone.localdate()),
        "route": p.route, "decision_note": p.decision_note, "reply_due_on": p.reply_due_on,
        "reply": p.reply, "replied_at": p.replied_at, "satisfaction": p.satisfaction,
        "review_due_on": p.review_due_on, "recheck_due_on": p.recheck_due_on,
        "earlier": [e.code for e in p.earlier.all()],
        "files": [{"id": f.pk, "name": f.name, "size": f.size} for f in p.files.all()],
        "has_reply_file": bool(p.reply_file),
        "events": [{"seq": e.seq, "kind": e.kind, "label": petition_timeline.label(e),
                    "at": e.at, "details": e.details} for e in events],
    }


def _court(code: str) -> Court:
    court = Court.objects.filter(code=code).first()
    if court is None:
        raise ValidationError({"court": _("No such court.")})
    return court


@router.get("", response=PetitionPageOut,
            summary="Petitions: a handler's queue (due dates, overdue first), a litigant's own")
def petitions(request, paging: Query[PetitionPageIn]):
    user = _user(request)
    page = queries.queue_page(user, paging.tab, timezone.localdate(), status=paging.status,
                              after=paging.after, size=paging.limit)
    return {"items": [{"code": p.code, "name": p.name, "channel": p.channel,
                       "status": p.status, "received_on": p.received_on, "due_on": p.due_on,
                       "repeats": p.n_earlier} for p in page.items], "next": page.next}


@router.post("", response={201: PetitionOut},
             summary="Register a petition (window: the handlers; online: a litigant)")
def register(request, payload: PetitionIn):
    user = _user(request)
    p = actions.register_petition(
        **_acting(request), court=_court(payload.court), channel=payload.channel,
        name=payload.name, id_number=payload.id_number, phone=payload.phone,
        address=payload.address, matter=payload.matter, requests=payload.requests,
        cases=list(payload.cases), received_on=payload.received_on,
        today=timezone.localdate())
    return Status(201, _out(user, p))


def _get(request, code):
    user = _user(request)
    return user, perms.get_petition_for_user(user, code)


@router.get("/receptions", response=list[ReceptionOut],
            summary="The leaders' reception days from today (published)")
def receptions(request):
    rows = queries.upcoming_receptions(today=timezone.localdate())[:100]
    return [{"id": r.pk, "court": r.court.code, "leader": r.leader.full_name, "day": r.day,
             "starts_at": r.starts_at, "ends_at": r.ends_at, "place": r.place,
             "topics": r.topics, "capacity": r.capacity, "booked": r.n_booked} for r in rows]


@router.post("/receptions", response={201: ReceptionOut},
             summary="Add a reception day (the president or the court's administrator)")
def add_reception(request, payload: ReceptionIn):
    user = _user(request)
    court = _court(payload.court)
    perms.require(perms.can_keep_receptions(user, court))
    leader = get_user_model().objects.filter(pk=payload.leader).first()
    if leader is None:
        raise ValidationError({"leader": _("No such leader.")})
    r = actions.add_reception(**_acting(request), court=court, leader=leader, day=payload.day,
                              starts_at=payload.starts_at, ends_at=payload.ends_at,
                              place=payload.place, topics=payload.topics,
                              capacity=payload.capacity, today=timezone.localdate())
    return Status(201, {"id": r.pk, "court": court.code, "leader": leader.full_name,
                        "day": r.day, "starts_at": r.starts_at, "ends_at": r.ends_at,
                        "place": r.place, "topics": r.topics, "capacity": r.capacity,
                        "booked": 0})


@router.post("/receptions/{pk}/book", response={201: dict},
             summary="Book a place at a reception day (a litigant)")
def book(request, payload: BookingIn, pk: int):
    user = _user(request)
    reception = get_object_or_404(ReceptionDay, pk=pk)
    petition = perms.get_petition_for_user(user, payload.petition) if payload.petition else None
    booking = actions.book(reception, actor=user, petition=petition,
                           today=timezone.localdate())
    return Status(201, {"booking": booking.pk, "status": booking.status})


@router.post("/receptions/{pk}/receive", response=dict,
             summary="Record a petitioner received at a reception day")
def receive(request, payload: ReceiveIn, pk: int):
    user = _user(request)
    reception = get_object_or_404(ReceptionDay, pk=pk)
    if not perms.can_receive(user, reception):
        raise PermissionDenied
    petition = perms.get_petition_for_user(user, payload.petition)
    booking = actions.receive(reception, **_acting(request), petition=petition,
                              note=payload.note)
    return {"booking": booking.pk, "status": booking.status}


@router.get("/{code}", response=PetitionOut, summary="A petition with its timeline")
def petition(request, code: str = CODE):
    user, p = _get(request, code)
    record_view(request, p, "petition_viewed")
    return _out(user, p)


@router.post("/{code}/classify", response=PetitionOut,
             summary="诉访分离: route a litigation matter, or accept / not accept")
def classify(request, payload: PetitionClassifyIn, code: str = CODE):
    user, p = _get(request, code)
    p = actions.classify(p, **_acting(request), decision=payload.decision, route=payload.route,
                         note=payload.note, today=timezone.localdate())
    return _out(user, p)


@router.post("/{code}/assign", response=PetitionOut, summary="Assign to a handler or division")
def assign(request, payload: PetitionAssignIn, code: str = CODE):
    user, p = _get(request, code)
    handler = get_user_model().objects.filter(pk=payload.handler).first() if (
        payload.handler) else None
    division = Division.objects.filter(pk=payload.division).first() if (
        payload.division) else None
    p = actions.assign(p, **_acting(request), handler=handler, division=division)
    return _out(user, p)


@router.post("/{code}/reply", response=PetitionOut, summary="Reply to the petitioner")
def reply(request, payload: PetitionReplyIn, code: str = CODE):
    user, p = _get(request, code)
    p = actions.reply(p, **_acting(request), text=payload.text, today=timezone.localdate())
    return _out(user, p)


@router.post("/{code}/extension", response=PetitionOut,
             summary="Ask the president for 30 more days to reply")
def extension(request, payload: PetitionReasonIn, code: str = CODE):
    user, p = _get(request, code)
    return _out(user, actions.ask_extension(p, **_acting(request), reason=payload.reason))


@router.post("/{code}/extension/decide", response=PetitionOut,
             summary="The president decides on the extension (never whoever asked)")
def decide_extension(request, payload: PetitionDecideIn, code: str = CODE):
    user, p = _get(request, code)
    return _out(user, actions.decide_extension(p, **_acting(request), grant=payload.grant))


@router.post("/{code}/rate", response=PetitionOut, summary="The petitioner's satisfaction")
def rate(request, payload: PetitionRateIn, code: str = CODE):
    user, p = _get(request, code)
    return _out(user, actions.rate(p, **_acting(request), satisfaction=payload.satisfaction,
                                   comment=payload.comment))


@router.post("/{code}/review", response=PetitionOut,
             summary="Ask for 复查 (after the reply) or 复核 (after the 复查), 30 days each")
def ask_review(request, payload: PetitionReviewIn, code: str = CODE):
    user, p = _get(request, code)
    return _out(user, actions.ask_review(p, **_acting(request), reasons=payload.reasons,
                                         today=timezone.localdate()))


@router.post("/{code}/review/result", response=PetitionOut,
             summary="Record the result of the 复查 or 复核")
def review_result(request, payload: PetitionResultIn, code: str = CODE):
    user, p = _get(request, code)
    return _out(user, actions.record_review(p, **_acting(request), result=payload.result,
                                            today=timezone.localdate()))


@router.post("/{code}/link", response=PetitionOut,
             summary="Mark as a repeat of an earlier petition on the same matter")
def link(request, payload: PetitionLinkIn, code: str = CODE):
    user, p = _get(request, code)
    return _out(user, actions.link(p, **_acting(request), earlier_code=payload.earlier))


@router.post("/{code}/reply/file", response=PetitionOut,
             summary="Reply with a document attached (multipart: text, attachment)")
def reply_with_file(request, payload: Form[PetitionReplyIn], attachment: File[UploadedFile],
                    code: str = CODE):
    user, p = _get(request, code)
    p = actions.reply(p, **_acting(request), text=payload.text, attachment=attachment,
                      today=timezone.localdate())
    return _out(user, p)


@router.get("/{code}/reply/file", response={200: bytes},
            summary="The document attached to the reply (the read is recorded)")
def reply_file(request, code: str = CODE):
    _user_, p = _get(request, code)
    if not p.reply_file:
        raise Http404
    record_view(request, p, "petition_reply_read")
    return FileResponse(p.reply_file.open("rb"), filename=p.reply_file_name)


@router.post("/{code}/files", response=PetitionOut,
             summary="Attach files (PDF, JPEG, PNG or OFD; checked, at most 5 in all)")
def add_files(request, files: File[list[UploadedFile]], code: str = CODE):
    user, p = _get(request, code)
    return _out(user, actions.add_files(p, **_acting(request), files=files))


@router.get("/{code}/files/{pk}", response={200: bytes},
            summary="One attached file (the read is recorded)")
def attachment(request, pk: int, code: str = CODE):
    _user_, p = _get(request, code)
    item = p.files.filter(pk=pk).first()
    if item is None:
        raise Http404
    record_view(request, p, "petition_file_read", file=item.pk)
    return FileResponse(item.file.open("rb"), filename=item.name)
