"""Mediations in the REST API (/api/v1/mediation): the reader's list by the pages' tabs,
a mediation as its page shows it (with what the reader may do there), the filing
division's recommendations, and every act of the pages through the same actions and flows
(`actions_mediations`, `flows.mediation`), which check the permission again.

Reading goes through `permissions.mediations_visible_to`: what the reader may not see is
the same 404 as what does not exist. An act refused by an action answers 422 with its
messages, by field where the action names one (`loc`), in the reader's language; one the
reader may not do answers 403. An act answers the mediation as it is afterwards.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from tianping.audit.actions import record_view
from tianping.filings.models import Filing
from tianping.filings.permissions import get_filing_for_clerk
from tianping.flows import mediation as flow
from tianping.law.steps import render as render_step
from tianping.lib.api_errors import ErrorOut
from tianping.lib.api_pages import PageIn, PageOut
from tianping.lib.keyset import rows_page
from tianping.mediation import actions_mediations as actions
from tianping.mediation.api_schemas_mediations import (
    TABS,
    MediationAnswerIn,
    MediationApplicationIn,
    MediationAppointIn,
    MediationDeclineIn,
    MediationDetailOut,
    MediationEndIn,
    MediationExtendIn,
    MediationListItemOut,
    MediationRecommendedOut,
    MediationReferCaseIn,
    MediationSessionIn,
    MediationSessionRecordIn,
)
from tianping.mediation.choices import (
    OPEN_STATUSES,
    MediationStatus,
    SessionStatus,
)
from tianping.mediation.events import mediation_timeline
from tianping.mediation.models import Mediation, MediationSession, Mediator, Station
from tianping.mediation.permissions import (
    answers_for_mediator,
    can_conduct,
    can_manage_mediations,
    can_withdraw,
    get_mediation_for_user,
    mediations_visible_to,
    parties_invited,
    require_conductor,
    require_mediation_manager,
)
from tianping.mediation.recommend import recommend, townships_of

router = Router(tags=["mediation"])
CODE = Path(..., min_length=1, max_length=12)
ID = Path(..., ge=1, le=2**62)
ACTED = {200: MediationDetailOut, 404: ErrorOut, 422: ErrorOut}
MADE = {201: MediationDetailOut, 404: ErrorOut, 422: ErrorOut}

STATUSES_OF_TAB = {
    "open": OPEN_STATUSES,
    "awaiting": (MediationStatus.AWAITING_APPOINTMENT,),
    "appointed": (MediationStatus.APPOINTED,),
    "in_progress": (MediationStatus.IN_PROGRESS,),
    "ended": (MediationStatus.SETTLED, MediationStatus.FAILED, MediationStatus.WITHDRAWN),
}
LIST_ORDER = ("status_rank", "due", "id")  # as the pages' list (views_mediations)


# Reading


def _due(m):
    """The date the mediation waits for now and what it is (views_mediations._clock)."""
    if m.status == MediationStatus.AWAITING_APPOINTMENT:
        return m.appoint_due_on, _("Appoint a mediator by")
    if m.status == MediationStatus.APPOINTED:
        return m.accept_due_on, _("Mediator to accept by")
    if m.status == MediationStatus.IN_PROGRESS:
        return m.ends_on, _("Mediation period ends")
    return m.ended_on, _("Ended on")


def _row(m, today) -> dict:
    due, what = _due(m)
    return {
        "code": m.code, "number": m.number, "status": m.status,
        "status_label": m.get_status_display(), "kind": m.kind,
        "kind_label": m.get_kind_display(), "court": m.court.code,
        "mediator": m.mediator.name if m.mediator_id else None, "applied_on": m.applied_on,
        "due_on": due, "due_label": what, "late": bool(due and m.is_open and due < today),
    }


def _clocks(m) -> list[dict]:
    """Each clock's date with the steps that led to it (views_mediations._clocks)."""
    labels = {"choice": (_("The parties choose a mediator together by"), m.choice_due_on),
              "appointment": (_("Appoint a mediator by"), m.appoint_due_on),
              "acceptance": (_("Mediator to accept by"), m.accept_due_on),
              "period": (_("Mediation period ends"), m.ends_on)}
    found = []
    for key, (label, day) in labels.items():
        steps = (m.clock_steps or {}).get(key)
        if day and steps:
            found.append({"clock": key, "label": label, "due_on": day,
                          "steps": [render_step(s["code"], s.get("params") or {})
                                    for s in steps]})
    return found


def _mediator(entry) -> dict | None:
    if entry is None:
        return None
    return {"id": entry.pk, "name": entry.name, "kind": entry.kind,
            "kind_label": entry.get_kind_display()}


def _session(s, conductor: bool) -> dict:
    return {
        "id": s.pk, "starts_at": s.starts_at, "ends_at": s.ends_at, "mode": s.mode,
        "mode_label": s.get_mode_display(), "link": s.link,
        "room": s.station.name if s.station_id else None, "place": s.place,
        "status": s.status, "status_label": s.get_status_display(),
        "attended": list(s.attended or []) if conductor else None,
        "record": s.record if conductor else None,
    }


def _event(e) -> dict:
    actor = e.actor
    return {
        "seq": e.seq, "kind": e.kind, "label": mediation_timeline.label(e), "at": e.at,
        "actor": (actor.full_name or actor.username) if actor is not None else None,
        "details": [{"caption": c, "value": v} for c, v in mediation_timeline.details(e)],
    }


def _allowed(user, m, *, parties, answered, sessions, own_parties) -> list[str]:
    """What the page offers USER on M (views_mediations._context), by the API's names."""
    manager = can_manage_mediations(user, m.court)
    conductor = can_conduct(user, m)
    found = []
    if m.status == MediationStatus.AWAITING_APPOINTMENT and manager:
        found.append("appoint")
    if m.status == MediationStatus.APPOINTED and answers_for_mediator(user, m):
        found += ["accept", "decline"]
    in_progress = m.status == MediationStatus.IN_PROGRESS and conductor
    unanswered = [p for p in parties if p.pk not in answered]
    if (m.is_open and any(p.pk not in answered for p in own_parties)) or (
            in_progress and unanswered):
        found.append("answer")
    if in_progress:
        found.append("schedule")
        if any(s.status == SessionStatus.SCHEDULED for s in sessions):
            found += ["record_session", "cancel_session"]
        found += ["extend", "end"]
    if m.is_open and can_withdraw(user, m):
        found.append("withdraw")
    return found


def _out(user, m) -> dict:
    filing = m.filing
    parties = actions.parties_of(m)
    conductor = can_conduct(user, m)
    answers = list(m.answers.all())
    answered = {a.party_id for a in answers}
    names = {p.pk: p.name for p in parties}
    sessions = list(m.sessions.select_related("station"))
    own = parties_invited(user, m) if filing else []
    if m.status == MediationStatus.IN_PROGRESS and conductor:
        answerable = [p.pk for p in parties if p.pk not in answered]
    else:
        answerable = [p.pk for p in own if p.pk not in answered] if m.is_open else []
    return {
        **_row(m, timezone.localdate()),
        "speciality": m.speciality,
        "mediator": _mediator(m.mediator),
        "preferred_mediator": m.preferred_mediator.name if m.preferred_mediator_id else None,
        "chosen_mediator": m.chosen_mediator.name if m.chosen_mediator_id else None,
        "appointed_on": m.appointed_on, "accepted_on": m.accepted_on, "ends_on": m.ends_on,
        "ended_on": m.ended_on, "agreed_days": m.agreed_days,
        "failure_reason": m.failure_reason,
        "failure_reason_label": m.get_failure_reason_display() if m.failure_reason else "",
        "report": m.outcome_note, "undisputed_facts": m.undisputed_facts,
        "filing": filing.code if filing else None,
        "filing_status_label": filing.get_status_display() if filing else None,
        "clocks": _clocks(m),
        "parties": [{"id": p.pk, "role": p.role, "role_label": p.get_role_display(),
                     "name": p.name} for p in parties],
        "cause": filing.cause.name if filing and filing.cause_id else None,
        "claims": filing.claims if filing else "",
        "facts": filing.facts if filing and (
            conductor or can_manage_mediations(user, m.court)) else None,
        "answers": [{"party": a.party_id, "party_name": names.get(a.party_id, ""),
                     "answer": a.answer, "answer_label": a.get_answer_display(),
                     "note": a.note, "answered_at": a.answered_at} for a in answers],
        "sessions": [_session(s, conductor) for s in sessions],
        "events": [_event(e) for e in m.events.select_related("actor")],
        "allowed_actions": _allowed(user, m, parties=parties, answered=answered,
                                    sessions=sessions, own_parties=own),
        "answerable_parties": answerable,
    }


def _fresh(m) -> Mediation:
    """M as it is now, after an act. Not through the reader's scope: a mediator who
    declined no longer sees the mediation, and is told what became of it all the same."""
    return (Mediation.objects.select_related(
        "court", "filing__cause", "mediator__user", "preferred_mediator", "case")
        .get(pk=m.pk))


def _located(error: ValidationError, fields) -> dict:
    """An action's refusal as the answer's `detail`: messages, or where the action names
    a field, each with its place (`loc`) like the API's own checks of the input."""
    if not hasattr(error, "error_dict"):
        return {"detail": error.messages}
    problems = []
    for name, messages in error.message_dict.items():
        if name in fields:
            where = ["body", "payload", name]
        elif name == "__all__":
            where = ["body", "payload"]
        else:  # a field of the dispute's papers (the filing), not of this request
            where = ["filing", name]
        problems += [{"loc": where, "msg": text, "type": "value_error"} for text in messages]
    return {"detail": problems}


def _act(request, code: str, act, payload=None, status: int = 200):
    """Run ACT on the reader's mediation CODE; answer the mediation, or the refusal."""
    m = get_mediation_for_user(request.user, code)
    try:
        act(m)
    except ValidationError as error:
        return Status(422, _located(error, set(type(payload).model_fields) if payload else ()))
    return Status(status, _out(request.user, _fresh(m)))


@router.get("/mediations", response=PageOut[MediationListItemOut],
            summary="The reader's mediations, by the list's tabs")
def mediations(request, paging: Query[PageIn],
               tab: str = Query("open", max_length=16,
                                description=f"One of: {', '.join(TABS)} (open if not).")):
    statuses = STATUSES_OF_TAB.get(tab, OPEN_STATUSES)
    rank = Case(*[When(status=s, then=Value(i)) for i, s in enumerate(MediationStatus.values)],
                output_field=IntegerField())
    rows = mediations_visible_to(request.user).filter(status__in=statuses).annotate(
        status_rank=rank,
        due=F("ends_on") if tab == "in_progress" else Coalesce(
            "appoint_due_on", "accept_due_on", "ends_on", "ended_on", "applied_on"),
    ).select_related("court", "mediator")
    page = rows_page(rows, LIST_ORDER, after=paging.after, size=paging.limit)
    today = timezone.localdate()
    return {"items": [_row(m, today) for m in page.items], "next": page.next}


@router.get("/mediations/{code}", response={200: MediationDetailOut, 404: ErrorOut},
            summary="A mediation, with what the reader may do there")
def mediation(request, code: str = CODE):
    m = get_mediation_for_user(request.user, code)
    record_view(request, m)
    return _out(request.user, m)


@router.get("/mediations/{code}/recommendations",
            response={200: list[MediationRecommendedOut], 404: ErrorOut},
            summary="The mediators the court recommends for it (the filing division)")
def recommendations(request, code: str = CODE):
    m = get_mediation_for_user(request.user, code)
    require_mediation_manager(request.user, m.court)
    parties = list(m.filing.parties.all()) if m.filing_id else []
    roster = Mediator.objects.filter(court=m.court, delisted_on__isnull=True)
    towns = townships_of([p.address for p in parties],
                         set(roster.values_list("township", flat=True)))
    found = recommend(m.court, speciality=m.speciality, townships=towns,
                      today=timezone.localdate())
    return [{"mediator": _mediator(r.mediator), "township": r.mediator.township,
             "capacity": r.mediator.capacity, "open_count": r.open_count,
             "reasons": list(r.reasons), "warnings": list(r.warnings)} for r in found]


# Starting a mediation


@router.post("/applications", response=MADE,
             summary="Apply for pre-filing mediation with a draft's papers (the filer)")
def apply(request, payload: MediationApplicationIn):
    user = request.user
    if not getattr(user, "is_public_user", False):
        raise PermissionDenied(_("Litigants and lawyers apply for mediation here."))
    filing = Filing.objects.filter(filer=user, code=payload.filing).select_related(
        "court").first()
    if filing is None:
        raise Http404("No such filing.")
    fields = set(MediationApplicationIn.model_fields)
    preferred = None
    if payload.mediator is not None:
        preferred = Mediator.objects.filter(court=filing.court, delisted_on__isnull=True,
                                            pk=payload.mediator).first()
        if preferred is None:
            return Status(422, _located(ValidationError({"mediator": _(
                "Choose a mediator on this court's roster who is available.")}), fields))
    try:
        m = flow.apply_for_mediation(filing, actor=user, preferred=preferred,
                                     today=timezone.localdate())
    except ValidationError as error:
        return Status(422, _located(error, fields))
    return Status(201, _out(user, _fresh(m)))


@router.post("/filings/{code}/refer", response=MADE,
             summary="Take a filing under review to mediation (the filing division)")
def refer(request, code: str = CODE):
    filing = get_filing_for_clerk(request.user, code)
    try:
        m = flow.refer_to_mediation(filing, actor=request.user)
    except ValidationError as error:
        return Status(422, _located(error, ()))
    return Status(201, _out(request.user, _fresh(m)))


@router.post("/cases/{code}/refer", response=MADE,
             summary="Refer a case in trial to a mediator with every party's consent "
                     "(委托调解; the case's judge)")
def refer_case(request, payload: MediationReferCaseIn, code: str = CODE):
    from tianping.cases.permissions import can_act_as_judge, get_case_for_user

    case = get_case_for_user(request.user, code)
    if not can_act_as_judge(request.user, case):
        raise PermissionDenied(_("Only the case's judge can refer it to mediation."))
    entry = Mediator.objects.filter(court=case.court, pk=payload.mediator).first()
    fields = set(MediationReferCaseIn.model_fields)
    if entry is None:
        return Status(422, _located(ValidationError({"mediator": _(
            "Choose a mediator on this court's roster.")}), fields))
    try:
        m = flow.refer_case(case, entry, actor=request.user,
                            consented_parties=payload.consented_parties,
                            override=payload.override, today=timezone.localdate())
    except ValidationError as error:
        return Status(422, _located(error, fields))
    return Status(201, _out(request.user, _fresh(m)))


# Appointing and accepting


@router.post("/mediations/{code}/appoint", response=ACTED,
             summary="Appoint a mediator (a warning is overridden only with a reason)")
def appoint(request, payload: MediationAppointIn, code: str = CODE):
    def act(m):
        require_mediation_manager(request.user, m.court)
        entry = Mediator.objects.filter(court=m.court, pk=payload.mediator).first()
        if entry is None:
            raise ValidationError({"mediator": _("Choose a mediator on this court's roster.")})
        actions.appoint(m, entry, actor=request.user, today=timezone.localdate(),
                        override=payload.override)

    return _act(request, code, act, payload)


@router.post("/mediations/{code}/accept", response=ACTED,
             summary="Accept the appointment: the mediation period starts (the mediator)")
def accept(request, code: str = CODE):
    return _act(request, code, lambda m: actions.accept(m, actor=request.user,
                                                        today=timezone.localdate()))


@router.post("/mediations/{code}/decline", response=ACTED,
             summary="Decline the appointment, with reasons (the mediator)")
def decline(request, payload: MediationDeclineIn, code: str = CODE):
    return _act(request, code, lambda m: actions.decline(m, actor=request.user,
                                                         reason=payload.reason), payload)


# The other side's answer


@router.post("/mediations/{code}/answer", response=ACTED,
             summary="A party's answer to the invitation (a refusal ends the mediation)")
def answer(request, payload: MediationAnswerIn, code: str = CODE):
    def act(m):
        party = m.filing.parties.filter(pk=payload.party).first() if m.filing_id else None
        if party is None:
                raise Http404("No such party.")
        chosen = None
        if payload.mediator is not None:
            chosen = Mediator.objects.filter(pk=payload.mediator, court=m.court).first()
            if chosen is None:
                raise ValidationError({"mediator": _("Choose a mediator on this court's "
                                                     "roster, with a yes.")})
        flow.answer_invitation(m, party, actor=request.user, answer=payload.answer,
                               note=payload.note, mediator=chosen)

    return _act(request, code, act, payload)


# Sessions


def _aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _session_of(m, pk) -> MediationSession:
    found = m.sessions.filter(pk=pk).first()
    if found is None:
        raise Http404("No such session.")
    return found


@router.post("/mediations/{code}/sessions", response=ACTED,
             summary="Schedule a session: online (link), in a room, or elsewhere")
def schedule(request, payload: MediationSessionIn, code: str = CODE):
    def act(m):
        station = None
        if payload.station is not None:
            station = Station.objects.filter(court=m.court, kind="room", active=True,
                                             pk=payload.station).first()
        actions.schedule_session(m, actor=request.user, starts_at=_aware(payload.starts_at),
                                 ends_at=_aware(payload.ends_at), mode=payload.mode,
                                 link=payload.link, station=station, place=payload.place)

    return _act(request, code, act, payload)


@router.post("/mediations/{code}/sessions/{pk}/record", response=ACTED,
             summary="Record a session held: who attended and the record (笔录)")
def record_session(request, payload: MediationSessionRecordIn, code: str = CODE,
                   pk: int = ID):
    return _act(request, code, lambda m: actions.record_session(
        _session_of(m, pk), actor=request.user, attended=payload.attended,
        record=payload.record), payload)


@router.post("/mediations/{code}/sessions/{pk}/cancel", response=ACTED,
             summary="Cancel a scheduled session")
def cancel_session(request, code: str = CODE, pk: int = ID):
    return _act(request, code, lambda m: actions.cancel_session(_session_of(m, pk),
                                                                actor=request.user))


# Extension and the end


@router.post("/mediations/{code}/extend", response=ACTED,
             summary="Extend the period (every party agrees)")
def extend(request, payload: MediationExtendIn, code: str = CODE):
    return _act(request, code, lambda m: actions.extend(
        m, actor=request.user, days=payload.days, agreed_parties=payload.agreed_parties,
        note=payload.note), payload)


@router.post("/mediations/{code}/end", response=ACTED,
             summary="End the mediation: settled, or failed (the filing goes to review)")
def end(request, payload: MediationEndIn, code: str = CODE):
    def act(m):
        if payload.outcome not in ("settled", "failed"):  # withdrawing has its own
            require_conductor(request.user, m)
            raise ValidationError({"outcome": _("Choose how the mediation ended.")})
        flow.end_mediation(m, actor=request.user, outcome=payload.outcome,
                           reason=payload.reason, report=payload.report,
                           undisputed_facts=payload.undisputed_facts)

    return _act(request, code, act, payload)


@router.post("/mediations/{code}/withdraw", response=ACTED,
             summary="Withdraw the application (the applicant): the filing is withdrawn")
def withdraw(request, code: str = CODE):
    return _act(request, code, lambda m: flow.end_mediation(m, actor=request.user,
                                                            outcome="withdrawn"))
