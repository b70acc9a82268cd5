"""Use cases of a mediation: registering it, appointing and accepting, the other side's
answer, sessions, extension by agreement, and the end.

Each takes the mediation first and `actor` by keyword, checks the permission again
(`mediation.permissions`), locks the mediation row, moves its status through the workflow
(a concurrent change by someone else is refused: one wins, the other is told), and appends
its timeline event, all in one transaction. What concerns the dispute's filing too
(applying with a filing, handing a failed mediation to review) is a flow
(`flows.mediation`), which calls these.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from tianping.cases.actions import lock_case
from tianping.cases.events import case_event
from tianping.cases.permissions import can_act_as_judge
from tianping.catalog.numbering import issue_case_number
from tianping.courts.holidays import court_calendar
from tianping.law.mediation import clock_due, referred_clock
from tianping.lib.text import bounded_text, clean_text
from tianping.mediation.choices import (
    OPEN_STATUSES,
    SPECIALITY_BY_CAUSE_NAME,
    Answer,
    FailureReason,
    MediationKind,
    MediationStatus,
    SessionMode,
    SessionStatus,
)
from tianping.mediation.events import mediation_event
from tianping.mediation.models import Mediation, MediationAnswer, MediationSession, Mediator
from tianping.mediation.permissions import (
    answers_for_mediator,
    can_withdraw,
    parties_invited,
    require_conductor,
    require_mediation_manager,
)
from tianping.mediation.queries import open_counts
from tianping.mediation.recommend import mediator_warnings, warning_text
from tianping.parties.choices import CLAIMANT_ROLES

PRE_FILING_TYPE = "民诉前调"  # domain-reference §3.4: e.g. （2021）川0104民诉前调801号
NOTE_LENGTH = 300
REPORT_LENGTH = 4000
RECORD_LENGTH = 20000
MAX_AGREED_DAYS = 90  # one extension; more by another agreement
MAX_SESSION_HOURS = 12


def locked(mediation: Mediation) -> Mediation:
    # Lock the mediation's row only: PostgreSQL refuses FOR UPDATE on the nullable side of
    # the outer joins (filing, mediator).
    row = Mediation.objects.select_for_update(of=("self",)).select_related(
        "court", "filing", "mediator__user").get(pk=mediation.pk)
    if row.status != mediation.status:
        raise ValidationError(_("Someone else has just acted on this mediation; reload it."))
    return row


def move(mediation: Mediation, name: str) -> None:
    try:
        getattr(mediation, name)()
    except TransitionNotAllowed:
        raise ValidationError(
            _("This cannot be done while the mediation is “%(status)s”.")
            % {"status": mediation.get_status_display()}) from None


def speciality_of(cause) -> str:
    """The kind of dispute of CAUSE, from its own name or, nearest first, the names of its
    ancestors (the catalog keeps them as a path: 第二部分 › 婚姻家庭纠纷 › ...)."""
    if cause is None:
        return ""
    names = [cause.name, *reversed([p.strip() for p in (cause.path or "").split("›")])]
    for name in names:
        if name in SPECIALITY_BY_CAUSE_NAME:
            return SPECIALITY_BY_CAUSE_NAME[name]
    return ""


def parties_of(mediation: Mediation) -> list:
    """The dispute's parties: the filing's before filing, the case's after."""
    if mediation.filing_id:
        return list(mediation.filing.parties.all())
    if mediation.case_id:
        return list(mediation.case.parties.all())
    return []


# Registering


def register(filing, *, actor, today: datetime.date, preferred: Mediator | None = None,
             kind: str = MediationKind.PRE_FILING) -> Mediation:
    """A pre-filing mediation of FILING's dispute, with its 诉前调 number and the court's
    3 working days to appoint a mediator. Called by the flows, inside their transaction."""
    if preferred is not None and (preferred.court_id != filing.court_id
                                  or not preferred.is_available(today)):
        raise ValidationError({"mediator": _("Choose a mediator on this court's roster who "
                                             "is available.")})
    issued = issue_case_number(court_code=filing.court.code, type_code=PRE_FILING_TYPE,
                               year=today.year)
    due = clock_due("appointment", today, court_calendar(court=filing.court))
    mediation = Mediation.objects.create(
        court=filing.court, kind=kind, filing=filing, number=issued.number,
        speciality=speciality_of(filing.cause), applied_on=today, applied_by=actor,
        preferred_mediator=preferred, appoint_due_on=due.expires_on,
        clock_steps={"appointment": [s.as_dict(with_text=False) for s in due.steps]},
    )
    mediation_event(mediation, "registered", actor=actor, number=mediation.number,
                    mediation_kind=kind, appoint_due_on=mediation.appoint_due_on,
                    preferred=preferred.name if preferred else "")
    return mediation


def register_referred(case, mediator: Mediator, *, actor, today: datetime.date,
                      consented_parties, override: str = "") -> Mediation:
    """Court-referred mediation after filing (委托调解, 特邀调解规定 art. 11): the case's judge
    refers the case, with every party's consent, to MEDIATOR of the court's roster, who then
    has 3 working days to accept. Warnings as for an appointment (overridable with a
    reason). Called by the flow, which records it on the case's timeline too."""
    if not can_act_as_judge(actor, case):
        raise PermissionDenied(_("Only the case's judge can refer it to mediation."))
    if mediator.court_id != case.court_id:
        raise ValidationError({"mediator": _("Choose a mediator on this court's roster.")})
    ids = {p.pk for p in case.parties.all()}
    if not ids or {int(p) for p in consented_parties or []} != ids:
        raise ValidationError({"consented_parties": _(
            "A case is referred to mediation only with every party's consent: tick every "
            "party who agreed.")})
    if Mediation.objects.filter(case=case, status__in=OPEN_STATUSES).exists():
        raise ValidationError(_("This case is already in mediation."))
    override = bounded_text(override, NOTE_LENGTH, "override")
    held = open_counts([mediator.pk]).get(mediator.pk, 0)
    speciality = speciality_of(case.cause)
    codes = mediator_warnings(mediator, speciality=speciality, open_count=held, today=today)
    if "delisted" in codes:
        raise ValidationError({"mediator": warning_text("delisted", mediator)})
    if codes and not override:
        raise ValidationError({"override": [warning_text(c, mediator, held) for c in codes]
                               + [_("Give a reason to appoint them all the same.")]})
    override = override if codes else ""
    calendar = court_calendar(court=case.court)
    due = clock_due("acceptance", today, calendar)
    mediation = Mediation(
        court=case.court, kind=MediationKind.REFERRED, case=case, speciality=speciality,
        applied_on=today, applied_by=actor, mediator=mediator, appointed_on=today,
        accept_due_on=due.expires_on, appointment_note=override,
        clock_steps={"acceptance": [s.as_dict(with_text=False) for s in due.steps]},
    )
    mediation.appoint()
    mediation.save()
    mediation_event(mediation, "referred", actor=actor, number=case.number)
    mediation_event(mediation, "appointed", actor=actor, mediator=mediator.name,
                    accept_due_on=mediation.accept_due_on, override=override, warnings=codes)
    return mediation


def note_referred(mediation: Mediation, *, actor) -> None:
    """On the case's timeline (a kind this app registers), under the case's row lock, as
    the fee and time-limit actions write theirs."""
    case_event(lock_case(mediation.case), "referred_to_mediation", actor=actor,
               mediator=mediation.mediator.name)


def note_ended(mediation: Mediation, *, actor) -> None:
    case_event(lock_case(mediation.case), "mediation_ended", actor=actor,
               outcome=mediation.status)


def base_period_end(mediation: Mediation) -> datetime.date | None:
    """The end of the mediation period without the days the parties added."""
    if mediation.accepted_on is None:
        return None
    code = ("pre_filing" if mediation.kind == MediationKind.PRE_FILING
            else referred_clock(getattr(mediation.case, "procedure", "")))
    return clock_due(code, mediation.accepted_on,
                     court_calendar(court=mediation.court)).expires_on


# Appointing and accepting


def appoint(mediation: Mediation, mediator: Mediator, *, actor, today: datetime.date,
            override: str = "") -> Mediation:
    """The court's filing division appoints MEDIATOR. Over capacity, without the dispute's
    speciality or unavailable: refused with the warnings, unless OVERRIDE gives a reason."""
    require_mediation_manager(actor, mediation.court)
    if mediator.court_id != mediation.court_id:
        raise ValidationError({"mediator": _("Choose a mediator on this court's roster.")})
    override = bounded_text(override, NOTE_LENGTH, "override")
    with transaction.atomic():
        mediation = locked(mediation)
        held = open_counts([mediator.pk]).get(mediator.pk, 0)
        codes = mediator_warnings(mediator, speciality=mediation.speciality, open_count=held,
                                  today=today)
        if "delisted" in codes:
            raise ValidationError({"mediator": warning_text("delisted", mediator)})
        texts = [warning_text(c, mediator, held) for c in codes]
        if mediation.chosen_mediator_id == mediator.pk:
            codes = [c for c in codes if c == "unavailable"]  # the parties' own choice
            texts = [warning_text(c, mediator, held) for c in codes]
        elif mediation.chosen_mediator_id:
            codes.append("not_chosen")
            texts.append(_("The parties chose %(name)s together.")
                         % {"name": mediation.chosen_mediator.name})
        elif mediation.choice_due_on and today <= mediation.choice_due_on:
            codes.append("choice_open")
            texts.append(_("The parties may still choose a mediator together until %(day)s.")
                         % {"day": mediation.choice_due_on.isoformat()})
        if codes and not override:
            raise ValidationError({"override": texts
                                   + [_("Give a reason to appoint them all the same.")]})
        move(mediation, "appoint")
        override = override if codes else ""
        due = clock_due("acceptance", today, court_calendar(court=mediation.court))
        mediation.mediator = mediator
        mediation.appointed_on = today
        mediation.accept_due_on = due.expires_on
        mediation.appointment_note = override
        mediation.clock_steps = {**mediation.clock_steps,
                                 "acceptance": [s.as_dict(with_text=False) for s in due.steps]}
        mediation.save()
        mediation_event(mediation, "appointed", actor=actor, mediator=mediator.name,
                        accept_due_on=mediation.accept_due_on, override=override,
                        warnings=codes)
    return mediation


def decline(mediation: Mediation, *, actor, reason: str) -> Mediation:
    """The mediator declines with reasons (在线调解规则 art. 12): the court appoints again."""
    if not answers_for_mediator(actor, mediation):
        raise PermissionDenied(_("Only the mediator appointed can decline."))
    reason = bounded_text(reason, NOTE_LENGTH, "reason")
    if not reason:
        raise ValidationError({"reason": _("Say why you decline.")})
    with transaction.atomic():
        mediation = locked(mediation)
        move(mediation, "decline")
        name = mediation.mediator.name
        mediation_event(mediation, "declined", actor=actor, mediator=name, note=reason)
        mediation.mediator = None
        mediation.accept_due_on = None
        mediation.save()
    return mediation


def accept(mediation: Mediation, *, actor, today: datetime.date) -> Mediation:
    """The mediator confirms acceptance: the mediation period starts (特邀调解规定 art. 27
    ¶3; 在线调解规则 art. 24 ¶2)."""
    if not answers_for_mediator(actor, mediation):
        raise PermissionDenied(_("Only the mediator appointed can accept."))
    with transaction.atomic():
        mediation = locked(mediation)
        move(mediation, "accept")
        mediation.accepted_on = today
        _set_period(mediation)
        mediation.save()
        mediation_event(mediation, "accepted", actor=actor, ends_on=mediation.ends_on)
    return mediation


def _set_period(mediation: Mediation) -> None:
    code = ("pre_filing" if mediation.kind == MediationKind.PRE_FILING
            else referred_clock(getattr(mediation.case, "procedure", "")))
    due = clock_due(code, mediation.accepted_on, court_calendar(court=mediation.court),
                    extra_days=mediation.agreed_days)
    mediation.ends_on = due.expires_on
    mediation.clock_steps = {**mediation.clock_steps,
                             "period": [s.as_dict(with_text=False) for s in due.steps]}


# The other side's answer


def record_answer(mediation: Mediation, party, *, actor, answer: str,
                  note: str = "", mediator: Mediator | None = None,
                  today: datetime.date | None = None) -> MediationAnswer:
    """PARTY agrees to mediate or refuses (在线调解规则 art. 15), answered by the party
    (or their representative) on the portal, or by the mediator or the court who asked.
    A refusal is recorded here; the flow then ends the mediation. A party who agrees may
    name the MEDIATOR they choose: once every party has agreed, they have 2 working days to
    choose one together (art. 10 ¶2), and the same mediator named by all is their joint
    choice, which the court appoints without a warning."""
    today = today or timezone.localdate()
    if answer not in Answer.values:
        raise ValidationError({"answer": _("Answer yes or no.")})
    note = bounded_text(note, NOTE_LENGTH, "note")
    own = party.pk in {p.pk for p in parties_invited(actor, mediation)}
    if not own:
        require_conductor(actor, mediation)
    if party.filing_id != mediation.filing_id:
        raise ValidationError({"party": _("That is not a party of this dispute.")})
    if mediator is not None and (answer != Answer.ACCEPTED
                                 or mediator.court_id != mediation.court_id
                                 or not mediator.is_listed):
        raise ValidationError({"mediator": _("Choose a mediator on this court's roster, "
                                             "with a yes.")})
    with transaction.atomic():
        mediation = locked(mediation)
        if not mediation.is_open:
            raise ValidationError(_("This mediation has ended."))
        if MediationAnswer.objects.filter(mediation=mediation, party=party).exists():
            raise ValidationError(_("%(party)s has already answered.") % {"party": party.name})
        row = MediationAnswer.objects.create(mediation=mediation, party=party, answer=answer,
                                             note=note, answered_by=actor, mediator=mediator)
        mediation_event(mediation, "answered", actor=actor, party=party.name, answer=answer,
                        note=note, mediator=mediator.name if mediator else "")
        if answer == Answer.ACCEPTED:
            _joint_choice(mediation, actor=actor, today=today)
    return row


def _joint_choice(mediation: Mediation, *, actor, today: datetime.date) -> None:
    """Every party has agreed (the applicants by applying): open the 2 working days to
    choose together, and note a choice every party made alike."""
    if mediation.status != MediationStatus.AWAITING_APPOINTMENT or mediation.filing_id is None:
        return
    answers = {a.party_id: a for a in MediationAnswer.objects.filter(mediation=mediation)}
    choices = []
    for party in mediation.filing.parties.all():
        answered = answers.get(party.pk)
        if answered is not None:
            if answered.answer != Answer.ACCEPTED:
                return
            choices.append(answered.mediator_id)
        elif party.role in CLAIMANT_ROLES:  # the applicant, who chose when applying
            choices.append(mediation.preferred_mediator_id)
        else:
            return  # not everyone has agreed yet
    changed = []
    if mediation.choice_due_on is None:
        due = clock_due("choice", today, court_calendar(court=mediation.court))
        mediation.choice_due_on = due.expires_on
        mediation.clock_steps = {**mediation.clock_steps,
                                 "choice": [s.as_dict(with_text=False) for s in due.steps]}
        changed += ["choice_due_on", "clock_steps"]
    if (choices and choices[0] is not None and len(set(choices)) == 1
            and mediation.chosen_mediator_id is None and today <= mediation.choice_due_on):
        mediation.chosen_mediator_id, mediation.chosen_on = choices[0], today
        changed += ["chosen_mediator", "chosen_on"]
    if changed:
        mediation.save(update_fields=changed)
    if "chosen_mediator" in changed:
        mediation_event(mediation, "jointly_chosen", actor=actor,
                        mediator=mediation.chosen_mediator.name)
    elif "choice_due_on" in changed:
        mediation_event(mediation, "choice_open", actor=actor,
                        choice_due_on=mediation.choice_due_on)


# Sessions


def schedule_session(mediation: Mediation, *, actor, starts_at: datetime.datetime,
                     ends_at: datetime.datetime, mode: str, link: str = "", station=None,
                     place: str = "") -> MediationSession:
    """A session: online with the outside system's link, in a mediation room (never two
    sessions in one room at once: the room's row is locked while checking), or elsewhere."""
    require_conductor(actor, mediation)
    errors = {}
    if mode not in SessionMode.values:
        errors["mode"] = _("Choose how the session is held.")
    if ends_at <= starts_at:
        errors["ends_at"] = _("The session must end after it starts.")
    elif ends_at - starts_at > datetime.timedelta(hours=MAX_SESSION_HOURS):
        errors["ends_at"] = _("A session lasts at most %(n)d hours.") % {"n": MAX_SESSION_HOURS}
    if mode == SessionMode.ONLINE and not (link or "").startswith("https://"):
        errors["link"] = _("Give the video link (https://...) from the conferencing system.")
    if mode == SessionMode.ROOM and (station is None or station.kind != "room"
                                     or station.court_id != mediation.court_id):
        errors["station"] = _("Choose one of the court's mediation rooms.")
    if mode == SessionMode.ELSEWHERE and not clean_text(place or ""):
        errors["place"] = _("Say where the session is held.")
    if errors:
        raise ValidationError(errors)
    place = bounded_text(place, 200, "place")
    with transaction.atomic():
        mediation = locked(mediation)
        if mediation.status != MediationStatus.IN_PROGRESS:
            raise ValidationError(_("Sessions are scheduled once the mediator has accepted."))
        if mode == SessionMode.ROOM:
            type(station).objects.select_for_update().filter(pk=station.pk).first()
            clash = MediationSession.objects.filter(
                station=station, status=SessionStatus.SCHEDULED,
                starts_at__lt=ends_at, ends_at__gt=starts_at)
            if mediation.group_id:  # a group's members meet together: their own session
                clash = clash.exclude(mediation__group_id=mediation.group_id,
                                      starts_at=starts_at, ends_at=ends_at)
            clash = clash.first()
            if clash is not None:
                raise ValidationError({"station": _(
                    "%(room)s is booked from %(start)s to %(end)s.") % {
                    "room": station.name,
                    "start": timezone.localtime(clash.starts_at).strftime("%Y-%m-%d %H:%M"),
                    "end": timezone.localtime(clash.ends_at).strftime("%H:%M")}})
        session = MediationSession.objects.create(
            mediation=mediation, starts_at=starts_at, ends_at=ends_at, mode=mode,
            link=link if mode == SessionMode.ONLINE else "",
            station=station if mode == SessionMode.ROOM else None,
            place=place if mode == SessionMode.ELSEWHERE else "")
        mediation_event(mediation, "session_scheduled", actor=actor, starts_at=starts_at,
                        mode=mode)
    return session


def record_session(session: MediationSession, *, actor, attended, record: str):
    """The session was held: who attended (the dispute's parties, by id) and the record."""
    mediation = session.mediation
    require_conductor(actor, mediation)
    record = bounded_text(record, RECORD_LENGTH, "record")
    if not record:
        raise ValidationError({"record": _("Write the record of the session.")})
    ids = {p.pk for p in parties_of(mediation)}
    attended = [int(a) for a in attended or []]
    if not attended or set(attended) - ids:
        raise ValidationError({"attended": _("Tick the parties who attended.")})
    with transaction.atomic():
        mediation = locked(mediation)
        row = MediationSession.objects.select_for_update().get(pk=session.pk)
        if row.status != SessionStatus.SCHEDULED:
            raise ValidationError(_("This session has already been recorded or cancelled."))
        row.status = SessionStatus.HELD
        row.attended = sorted(set(attended))
        row.record = record
        row.recorded_at = timezone.now()
        row.save()
        if row.mode == SessionMode.ONLINE and not mediation.held_online:
            mediation.held_online = True
            mediation.save(update_fields=["held_online"])
        mediation_event(mediation, "session_held", actor=actor, starts_at=row.starts_at,
                        mode=row.mode, attended=len(row.attended))
    return row


def cancel_session(session: MediationSession, *, actor) -> MediationSession:
    mediation = session.mediation
    require_conductor(actor, mediation)
    with transaction.atomic():
        mediation = locked(mediation)
        row = MediationSession.objects.select_for_update().get(pk=session.pk)
        if row.status != SessionStatus.SCHEDULED:
            raise ValidationError(_("This session has already been recorded or cancelled."))
        row.status = SessionStatus.CANCELLED
        row.save(update_fields=["status"])
        mediation_event(mediation, "session_cancelled", actor=actor, starts_at=row.starts_at)
    return row


# Extension by every party's agreement


def extend(mediation: Mediation, *, actor, days: int, agreed_parties, note: str = ""):
    """Longer only if every party agrees (特邀调解规定 art. 27; 在线调解规则 art. 24): the
    mediator records each party's agreement; DAYS are added to the period."""
    require_conductor(actor, mediation)
    note = bounded_text(note, NOTE_LENGTH, "note")
    if not isinstance(days, int) or not 1 <= days <= MAX_AGREED_DAYS:
        raise ValidationError({"days": _("Between 1 and %(max)d days.") % {
            "max": MAX_AGREED_DAYS}})
    ids = {p.pk for p in parties_of(mediation)}
    agreed = {int(a) for a in agreed_parties or []}
    if not ids or agreed != ids:
        raise ValidationError({"agreed_parties": _(
            "The period is extended only if every party agrees: tick every party.")})
    with transaction.atomic():
        mediation = locked(mediation)
        if mediation.status != MediationStatus.IN_PROGRESS:
            raise ValidationError(_("Only a mediation under way can be extended."))
        mediation.agreed_days += days
        _set_period(mediation)
        mediation.save()
        mediation_event(mediation, "extended", actor=actor, ends_on=mediation.ends_on,
                        agreed_days=days, note=note)
    return mediation


# The end


def end(mediation: Mediation, *, actor, outcome: str, today: datetime.date, reason: str = "",
        report: str = "", undisputed_facts: str = "") -> Mediation:
    """End the mediation: "settled" (agreement), "failed" (with the reason of 在线调解规则
    art. 25 and the mediator's report, 21) or "withdrawn" (by the applicant). Called by the
    flow, which then settles, returns or withdraws the dispute's filing."""
    report = bounded_text(report, REPORT_LENGTH, "report")
    undisputed_facts = bounded_text(undisputed_facts, REPORT_LENGTH, "undisputed_facts")
    if outcome == "withdrawn":
        if not can_withdraw(actor, mediation):
            raise PermissionDenied(_("Only the applicant can withdraw the application."))
    else:
        require_conductor(actor, mediation)
    if outcome == "failed" and reason not in FailureReason.values:
        raise ValidationError({"reason": _("Say why the mediation failed.")})
    if outcome not in ("settled", "failed", "withdrawn"):
        raise ValidationError({"outcome": _("Choose how the mediation ended.")})
    with transaction.atomic():
        mediation = locked(mediation)
        move(mediation, {"settled": "settle", "failed": "fail", "withdrawn": "withdraw"}[outcome])
        mediation.ended_on = today
        mediation.failure_reason = reason if outcome == "failed" else ""
        mediation.outcome_note = report
        mediation.undisputed_facts = undisputed_facts
        mediation.save()
        details = {"reason": reason} if outcome == "failed" else {}
        mediation_event(mediation, outcome, actor=actor, **details)
    return mediation


def note_returned_to_filing(mediation: Mediation, *, actor) -> None:
    """The flow handed the failed mediation's filing to review: on the timeline."""
    mediation_event(mediation, "returned_to_filing", actor=actor,
                    filing=mediation.filing.code if mediation.filing_id else "")


def end_on_refusal(mediation: Mediation, *, actor, today: datetime.date,
                   report: str) -> Mediation:
    """A party refused mediation (recorded by `record_answer`): the mediation ends
    without agreement (在线调解规则 art. 15 ¶2). Called by the flow right after."""
    with transaction.atomic():
        mediation = locked(mediation)
        move(mediation, "fail")
        mediation.ended_on = today
        mediation.failure_reason = FailureReason.REFUSED
        mediation.outcome_note = report
        mediation.save()
        mediation_event(mediation, "failed", actor=actor, reason=FailureReason.REFUSED)
    return mediation
