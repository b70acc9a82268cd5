"""Hearings in the REST API (/api/v1/hearings): schedule, postpone, cancel, record as held
with attendance and the record, a case's hearings, the week of a courtroom or a judge, the
public notice board. The same permissions, queries and actions as the pages: 404 for what
one may not see, 403 for an act one may not take, 422 for bad input (an action's refusal,
a clash named)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Path, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from tianping.audit.actions import record_view
from tianping.courts.models import Courtroom
from tianping.courts.permissions import effective_user, require_staff
from tianping.flows.hearings import postpone_with_summons, schedule_with_summons
from tianping.hearings import actions, queries
from tianping.hearings.api_schemas import (
    HearingCancelIn,
    HearingHeldIn,
    HearingListOut,
    HearingNoticePageOut,
    HearingOut,
    HearingPostponeIn,
    HearingScheduleIn,
    HearingWeekOut,
)
from tianping.hearings.permissions import (
    can_see_judge_calendar,
    get_case_to_schedule,
    get_courtroom_for_user,
    get_hearing_for_user,
    require_scheduler,
)
from tianping.lib.api_pages import PageIn

router = Router(tags=["hearings"])
CODE = Path(..., min_length=1, max_length=12)
ID = Path(..., ge=1, le=2**62)


class HearingWeekIn(Schema):
    week: datetime.date | None = Field(
        None, ge=datetime.date(2000, 1, 1), le=datetime.date(2100, 12, 31),
        description="Any day of the week (2000 to 2100); today if none.")


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _out(h) -> dict:
    following = getattr(h, "postponed_to", None) if h.status == "postponed" else None
    return {
        "code": h.code, "case": h.case.code, "case_number": h.case.number, "kind": h.kind,
        "status": h.status, "starts_at": h.starts_at, "ends_at": h.ends_at,
        "place_kind": h.place_kind, "courtroom": h.courtroom_id,
        "courtroom_name": h.courtroom.name if h.courtroom_id else "", "link": h.link,
        "address": h.address, "township": h.township, "attendees": h.attendees,
        "is_public": h.is_public, "is_holiday": h.is_holiday, "is_evening": h.is_evening,
        "waiver": h.waiver, "people": h.people,
        "postponed_from": h.postponed_from.code if h.postponed_from_id else None,
        "postponed_to": following.code if following else None,
        "postponement_reason": h.postponement_reason, "caused_by": h.caused_by,
        "cancel_reason": h.cancel_reason, "has_record": bool(h.record),
    }


def _staff(request):
    return require_staff(effective_user(request))


def _room(case, pk):
    if pk is None:
        return None
    room = Courtroom.objects.filter(pk=pk, court=case.court).first()
    if room is None:
        raise ValidationError({"courtroom": _("Choose one of the court's courtrooms.")})
    return room


def _hearing(request, code):
    user = _staff(request)
    hearing = get_hearing_for_user(user, code)
    require_scheduler(hearing.case, user)
    return hearing


@router.get("/cases/{code}", response=HearingListOut, summary="A case's hearings")
def case_hearings(request, code: str = CODE):
    user = effective_user(request)
    case = get_case_to_schedule(user, code)
    return {"items": [_out(h) for h in queries.case_hearings(case)], "next": None}


@router.post("/cases/{code}", response={201: HearingOut},
             summary="Schedule a hearing (the case's judge, assistant or clerk)")
def schedule(request, payload: HearingScheduleIn, code: str = CODE):
    user = _staff(request)
    case = get_case_to_schedule(user, code)
    require_scheduler(case, user)
    summoned = schedule_with_summons(
        case, **_acting(request), kind=payload.kind, starts_at=payload.starts_at,
        ends_at=payload.ends_at, place_kind=payload.place_kind,
        courtroom=_room(case, payload.courtroom), link=payload.link, address=payload.address,
        township=payload.township, is_public=payload.is_public, waiver=payload.waiver,
        serve_now=payload.serve_now)
    return Status(201, _out(summoned.hearing))


@router.get("/notices", response=HearingNoticePageOut, auth=None,
            summary="The public notice board: public hearings of the next 30 days")
def notices(request, page: Query[PageIn]):
    found = queries.public_hearings(after=page.after, size=page.limit)
    return {"items": [{
        "court": h.case.court.code, "court_name": h.case.court.name,
        "case_number": h.case.number, "cause": h.case.cause.name if h.case.cause_id else "",
        "parties": [{"role": role, "name": name} for role, name in h.party_names],
        "kind": h.kind, "starts_at": h.starts_at, "place_kind": h.place_kind,
        # an online room's link is for those taking part, not published
        "place": (h.courtroom.name if h.courtroom_id else
                  "" if h.place_kind == "online" else f"{h.township} {h.address}"),
    } for h in found.items], "next": found.next}


def _week(hearings, monday, user) -> dict:
    days = queries.week_days(hearings, monday, user)
    return {"monday": monday, "days": [{"day": d["day"], "hearings": [{
        "code": h.code if h.case_visible else None,
        "case_number": h.case.number if h.case_visible else None,
        "kind": h.kind, "status": h.status, "starts_at": h.starts_at, "ends_at": h.ends_at,
        "courtroom_name": h.courtroom.name if h.courtroom_id else "",
    } for h in d["hearings"]]} for d in days]}


@router.get("/rooms/{pk}/week", response=HearingWeekOut, summary="A courtroom's week")
def courtroom_week(request, filters: Query[HearingWeekIn], pk: int = ID):
    user = _staff(request)
    room = get_courtroom_for_user(user, pk)
    monday = queries.monday_of(filters.week or timezone.localdate())
    return _week(queries.courtroom_week(room, monday), monday, user)


@router.get("/judges/{user_id}/week", response=HearingWeekOut,
            summary="A judge's (or any staff member's) week of hearings")
def judge_week(request, filters: Query[HearingWeekIn],
               user_id: int = ID):
    user = _staff(request)
    judge = get_user_model().objects.filter(pk=user_id).first()
    if judge is None or not can_see_judge_calendar(user, judge):
        raise Http404
    monday = queries.monday_of(filters.week or timezone.localdate())
    return _week(queries.judge_week(judge, monday), monday, user)


@router.get("/{code}", response=HearingOut, summary="One hearing")
def hearing_detail(request, code: str = CODE):
    user = _staff(request)
    hearing = get_hearing_for_user(user, code)
    record_view(request, hearing.case, "hearing_viewed", hearing=hearing.code)
    return _out(hearing)


@router.post("/{code}/postpone", response={201: HearingOut},
             summary="Postpone (延期开庭): the reason, who caused it, the new time")
def postpone(request, payload: HearingPostponeIn, code: str = CODE):
    hearing = _hearing(request, code)
    summoned = postpone_with_summons(
        hearing, **_acting(request), reason=payload.reason, caused_by=payload.caused_by,
        starts_at=payload.starts_at, ends_at=payload.ends_at, exception=payload.exception,
        courtroom=_room(hearing.case, payload.courtroom), serve_now=payload.serve_now)
    return Status(201, _out(summoned.hearing))


@router.post("/{code}/cancel", response=HearingOut, summary="Cancel, with the reason")
def cancel(request, payload: HearingCancelIn, code: str = CODE):
    hearing = _hearing(request, code)
    return _out(actions.cancel(hearing, **_acting(request), reason=payload.reason))


@router.post("/{code}/held", response=HearingOut,
             summary="Record as held (attendance required for a circuit trial)")
def held(request, payload: HearingHeldIn, code: str = CODE):
    hearing = _hearing(request, code)
    return _out(actions.record_held(hearing, **_acting(request), attendees=payload.attendees))


@router.post("/{code}/record", response=HearingOut,
             summary="Upload the hearing record (庭审笔录) of a held hearing")
def upload_record(request, record: File[UploadedFile], code: str = CODE):
    hearing = _hearing(request, code)
    return _out(actions.add_record(hearing, **_acting(request), record=record))
