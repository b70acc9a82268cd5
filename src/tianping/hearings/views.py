"""Hearing pages: schedule from the case page, a hearing with its acts (postpone, cancel,
record as held, the record), the calendars of a courtroom and of a judge (a week), and the
public notice board (诉讼服务电子公示栏). Reads through `hearings.permissions` and
`queries`; every change one call of `hearings.actions`, as the API does."""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.courts.models import Courtroom
from tianping.courts.permissions import (
    effective_user,
    public_user_page,
    require_staff,
    visible_court_ids,
)
from tianping.flows.hearings import postpone_with_summons, schedule_with_summons
from tianping.hearings import actions, queries
from tianping.hearings.forms import CancelForm, HeldForm, PostponeForm, RecordForm, ScheduleForm
from tianping.hearings.permissions import (
    can_schedule,
    can_see_judge_calendar,
    get_case_to_schedule,
    get_courtroom_for_user,
    get_hearing_for_user,
    get_record_for_party,
    require_scheduler,
)


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _put_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None,
                           [m for e in errors for m in e.messages])
    else:
        form.add_error(None, exc.messages)


def _summoned_message(summoned) -> str:
    return _("Hearing scheduled. Summonses and notices issued: %(issued)d; served "
             "electronically: %(served)d; to serve by post or in person: %(left)d.") % {
        "issued": len(summoned.issued), "served": len(summoned.served),
        "left": len(summoned.issued) - len(summoned.served)}


@login_required
def schedule(request, code):
    user = require_staff(effective_user(request))
    case = get_case_to_schedule(user, code)
    require_scheduler(case, user)
    form = ScheduleForm(request.POST or None, court=case.court)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            summoned = schedule_with_summons(
                case, **_acting(request), kind=data["kind"], starts_at=data["starts_at"],
                ends_at=data["ends_at"], place_kind=data["place_kind"],
                courtroom=data["courtroom"], link=data["link"], address=data["address"],
                township=data["township"], is_public=data["is_public"], waiver=data["waiver"],
                serve_now=data["serve_now"])
        except ValidationError as exc:
            _put_errors(form, exc)
        else:
            messages.success(request, _summoned_message(summoned))
            return redirect("hearings:detail", summoned.hearing.code)
    context = {"case": case, "form": form, "earliest": actions.earliest_day(case),
               "may_waive": case.procedure in ("summary", "small_claims")}
    return render(request, "hearings/schedule.html", context,
                  status=400 if form.is_bound and form.errors else 200)


def _hearing_page(request, user, hearing, *, status=200, **forms):
    may = can_schedule(user, hearing.case)
    scheduled = hearing.status == "scheduled"
    context = {
        "hearing": hearing, "case": hearing.case, "may": may,
        "postponements": actions.postponements_of(hearing.case),
        "postpone_form": forms.get("postpone_form") or (PostponeForm() if may and scheduled
                                                        else None),
        "cancel_form": forms.get("cancel_form") or (CancelForm() if may and scheduled
                                                    else None),
        "held_form": forms.get("held_form") or (HeldForm() if may and scheduled else None),
        "record_form": forms.get("record_form") or (
            RecordForm() if may and hearing.status == "held" else None),
        "started": hearing.starts_at <= timezone.now(),
    }
    return render(request, "hearings/hearing.html", context, status=status)


def _staff_hearing(request, code):
    user = require_staff(effective_user(request))
    return user, get_hearing_for_user(user, code)


@login_required
def detail(request, code):
    user, hearing = _staff_hearing(request, code)
    record_view(request, hearing.case, "hearing_viewed", hearing=hearing.code)
    return _hearing_page(request, user, hearing)


def _act(request, code, form_class, name, act):
    user, hearing = _staff_hearing(request, code)
    require_scheduler(hearing.case, user)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            act(hearing, form.cleaned_data)
        except ValidationError as exc:
            _put_errors(form, exc)
        else:
            return None, hearing
    return _hearing_page(request, user, hearing, status=400, **{name: form}), hearing


@login_required
@require_POST
def postpone(request, code):
    def act(hearing, data):
        summoned = postpone_with_summons(
            hearing, **_acting(request), reason=data["reason"], caused_by=data["caused_by"],
            starts_at=data["starts_at"], ends_at=data["ends_at"],
            exception=data["exception"] or "", serve_now=data["serve_now"])
        act.new = summoned.hearing

    page, _hearing = _act(request, code, PostponeForm, "postpone_form", act)
    if page is not None:
        return page
    messages.success(request, _("Hearing postponed."))
    return redirect("hearings:detail", act.new.code)


@login_required
@require_POST
def cancel(request, code):
    page, hearing = _act(request, code, CancelForm, "cancel_form", lambda h, d: actions.cancel(
        h, **_acting(request), reason=d["reason"]))
    if page is not None:
        return page
    messages.success(request, _("Hearing cancelled."))
    return redirect("hearings:detail", hearing.code)


@login_required
@require_POST
def held(request, code):
    page, hearing = _act(request, code, HeldForm, "held_form", lambda h, d: actions.record_held(
        h, **_acting(request), attendees=d["attendees"], record=d["record"]))
    if page is not None:
        return page
    messages.success(request, _("Hearing recorded as held."))
    return redirect("hearings:detail", hearing.code)


@login_required
@require_POST
def add_record(request, code):
    page, hearing = _act(request, code, RecordForm, "record_form", lambda h, d: actions.add_record(
        h, **_acting(request), record=d["record"]))
    if page is not None:
        return page
    messages.success(request, _("Hearing record added."))
    return redirect("hearings:detail", hearing.code)


@login_required
def record_file(request, code):
    _user, hearing = _staff_hearing(request, code)
    if not hearing.record:
        raise Http404
    record_view(request, hearing.case, "hearing_record_read", hearing=hearing.code)
    return FileResponse(hearing.record.open("rb"), filename=hearing.record_name or "record")


@public_user_page
def party_record_file(request, code):
    """A party of the case (or their agent) downloads the hearing record; the read is
    recorded, as for the staff."""
    hearing = get_record_for_party(request.user, code)
    record_view(request, hearing.case, "hearing_record_read", hearing=hearing.code)
    return FileResponse(hearing.record.open("rb"), filename=hearing.record_name or "record")


def _week(request) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    if not datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31):
        day = timezone.localdate()
    return queries.monday_of(day)


def _calendar(request, title, hearings, monday, user, **extra):
    context = {
        "title": title, "monday": monday, "days": queries.week_days(hearings, monday, user),
        "previous": monday - datetime.timedelta(days=7),
        "next": monday + datetime.timedelta(days=7), "today": timezone.localdate(), **extra,
    }
    return render(request, "hearings/calendar.html", context)


@login_required
def calendars(request):
    """The calendars the user may open: the courtrooms of their courts, and their own."""
    user = require_staff(effective_user(request))
    rooms = (Courtroom.objects.filter(court_id__in=visible_court_ids(user))
             .select_related("court").order_by("court__code", "name"))
    return render(request, "hearings/calendars.html", {"rooms": rooms, "me": user})


@login_required
def courtroom_calendar(request, pk):
    user = require_staff(effective_user(request))
    room = get_courtroom_for_user(user, pk)
    monday = _week(request)
    return _calendar(request, room.name, queries.courtroom_week(room, monday), monday, user,
                     room=room)


@login_required
def judge_calendar(request, user_id):
    user = require_staff(effective_user(request))
    judge = get_user_model().objects.filter(pk=user_id).first()
    if judge is None or not can_see_judge_calendar(user, judge):
        raise Http404
    monday = _week(request)
    return _calendar(request, judge.full_name or judge.username,
                     queries.judge_week(judge, monday), monday, user, judge=judge)


def notices(request):
    """诉讼服务电子公示栏: public hearings of the next 30 days, for anyone."""
    page = queries.public_hearings(after=request.GET.get("after"))
    return render(request, "hearings/notices.html", {"page": page})
