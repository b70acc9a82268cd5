"""Use cases of hearings: schedule, postpone, cancel, record as held (with attendance and
the record). Each is one transaction with its event on the case's timeline (and so its
audit entry), and checks the permission again (`hearings.permissions`).

No double booking: the hearing's room and the people taking part (the case's judge and
its current seats) are booked (`models.Booking`). The action looks for an active booking
of any of them that overlaps and refuses naming it; on PostgreSQL the exclusion
constraint refuses the second of two bookings made at the same moment, and the action
then names the clash the same way.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.events import case_event
from tianping.cases.models import Case
from tianping.courts.holidays import court_calendar
from tianping.hearings import rules
from tianping.hearings.choices import (
    CausedBy,
    HearingKind,
    HearingStatus,
    IntervalException,
    PlaceKind,
)
from tianping.hearings.models import Booking, Hearing
from tianping.hearings.permissions import require_scheduler
from tianping.lib.text import clean_text
from tianping.lib.uploads import check_upload
from tianping.parties.choices import OPPONENT_ROLES
from tianping.service.queries import last_service_date

MAX_HOURS = 12
REASON_LENGTH = 500
DEFENCE_KINDS = frozenset({HearingKind.HEARING, HearingKind.INQUIRY})


def _text(value, length: int, field: str) -> str:
    value = (clean_text(value or "")).strip()
    if len(value) > length:
        raise ValidationError({field: _("At most %(n)d characters.") % {"n": length}})
    return value


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def participants(case: Case) -> dict[str, str]:
    """The people taking part, by resource key: the case's judge and its current seats."""
    people = {}
    if case.judge_id:
        people[f"user:{case.judge_id}"] = case.judge.full_name or case.judge.username
    for m in case.members.filter(until__isnull=True).select_related("user", "assessor"):
        key = f"assessor:{m.assessor_id}" if m.assessor_id else f"user:{m.user_id}"
        people[key] = m.person_name
    return people


def _seats(case: Case) -> list[dict]:
    seats = [{"seat": "judge_of_case", "name": case.judge.full_name or case.judge.username}
             ] if case.judge_id else []
    for m in case.members.filter(until__isnull=True).select_related("user", "assessor"):
        if m.user_id != case.judge_id or m.assessor_id:
            seats.append({"seat": m.seat, "name": m.person_name})
    return seats


def _check_time(starts_at, ends_at, errors: dict) -> None:
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        errors["starts_at"] = _("Give the time with its time zone.")
    elif ends_at <= starts_at:
        errors["ends_at"] = _("The hearing must end after it starts.")
    elif ends_at - starts_at > datetime.timedelta(hours=MAX_HOURS):
        errors["ends_at"] = _("A hearing lasts at most %(n)d hours.") % {"n": MAX_HOURS}
    elif starts_at <= timezone.now():
        errors["starts_at"] = _("The hearing must be in the future.")


def _check_place(case, place_kind, courtroom, link, address, township, errors) -> None:
    if place_kind not in PlaceKind.values:
        errors["place_kind"] = _("Choose where the hearing is held.")
    elif place_kind == PlaceKind.COURTROOM and (courtroom is None
                                                 or courtroom.court_id != case.court_id):
        errors["courtroom"] = _("Choose one of the court's courtrooms.")
    elif place_kind == PlaceKind.ONLINE and not (
            (link or "").startswith("https://") and len(link) > len("https://")):
        errors["link"] = _("Give the link of the online room (https://...) from the "
                           "conferencing system.")
    elif place_kind == PlaceKind.CIRCUIT and not (address and township):
        errors["address"] = _("Give the address and the township of the circuit hearing.")


def earliest_day(case: Case, served_on: datetime.date | None = None) -> datetime.date:
    """The first day a hearing of CASE may be held (`rules.earliest_hearing_day`). SERVED_ON:
    the day the complaint's copy reached the defendant; by default the day the service
    record says the notice to respond (应诉通知书, sent with the copy) reached the last of the
    defendants, and while any of them is not served yet, the estimate from the filing
    date (5 days to send the copy)."""
    if served_on is None:
        defendants = list(case.parties.filter(role__in=OPPONENT_ROLES))
        if defendants:
            served_on = last_service_date(case, "response-notice", parties=defendants)
    return rules.earliest_hearing_day(case.filed_on, served_on)


def flags_for(case: Case, starts_at, ends_at) -> dict[str, bool]:
    calendar = court_calendar(court=case.court)
    return rules.session_flags(
        timezone.localtime(starts_at).replace(tzinfo=None),
        timezone.localtime(ends_at).replace(tzinfo=None),
        hours=rules.working_hours(settings.HEARING_WORKING_HOURS),
        is_rest_day=calendar.is_rest_day)


def _place_text(hearing: Hearing) -> str:
    if hearing.place_kind == PlaceKind.COURTROOM:
        return hearing.courtroom.name
    if hearing.place_kind == PlaceKind.ONLINE:
        return hearing.link
    return f"{hearing.township} {hearing.address}"


def _clash_message(clash: Booking) -> str:
    return _("%(who)s is already booked from %(start)s to %(end)s.") % {
        "who": clash.label, "start": _local(clash.starts_at),
        "end": timezone.localtime(clash.ends_at).strftime("%H:%M")}


def _clashes(keys, starts_at, ends_at, hearing=None):
    found = Booking.objects.filter(resource__in=list(keys), active=True,
                                   starts_at__lt=ends_at, ends_at__gt=starts_at)
    if hearing is not None:
        found = found.exclude(hearing=hearing)
    return found.order_by("starts_at", "id")


def _book(hearing: Hearing) -> None:
    """Book the hearing's room and people, or refuse naming the first clash."""
    resources = participants(hearing.case)
    if hearing.place_kind == PlaceKind.COURTROOM:
        resources[f"room:{hearing.courtroom_id}"] = hearing.courtroom.name
    clash = _clashes(resources, hearing.starts_at, hearing.ends_at, hearing).first()
    if clash is not None:
        raise ValidationError(_clash_message(clash))
    rows = [Booking(hearing=hearing, resource=key, label=label[:120],
                    starts_at=hearing.starts_at, ends_at=hearing.ends_at)
            for key, label in resources.items()]
    try:
        with transaction.atomic():  # a savepoint: the constraint's refusal is answered here
            Booking.objects.bulk_create(rows)
    except IntegrityError:
        clash = _clashes(resources, hearing.starts_at, hearing.ends_at, hearing).first()
        raise ValidationError(_clash_message(clash) if clash else _(
            "The room or someone taking part was booked at that time just now.")) from None


def _release(hearing: Hearing) -> None:
    Booking.objects.filter(hearing=hearing).update(active=False)


def _locked_case(case: Case) -> Case:
    return (Case.objects.select_for_update(of=("self",)).select_related("judge", "court")
            .get(pk=case.pk))


def schedule(case: Case, *, actor, acted_for=None, kind: str = HearingKind.HEARING,
             starts_at, ends_at, place_kind: str, courtroom=None, link: str = "",
             address: str = "", township: str = "", is_public: bool = True,
             waiver: str = "", served_on: datetime.date | None = None) -> Hearing:
    """Schedule a hearing of CASE. WAIVER: under the summary procedure or small claims, the
    parties' waiver of the defence period (a hearing before it ends needs it)."""
    require_scheduler(case, acted_for or actor)
    errors = {}
    if kind not in HearingKind.values:
        errors["kind"] = _("Choose the kind of session.")
    _check_time(starts_at, ends_at, errors)
    link = _text(link, 500, "link")
    address, township = _text(address, 200, "address"), _text(township, 100, "township")
    waiver = _text(waiver, 300, "waiver")
    _check_place(case, place_kind, courtroom, link, address, township, errors)
    if waiver and not rules.may_waive_defence(case.procedure):
        errors["waiver"] = _("Only under the summary procedure or small claims may the "
                             "parties waive the defence period.")
    if not errors and kind in DEFENCE_KINDS and not waiver:
        first = earliest_day(case, served_on)
        if timezone.localtime(starts_at).date() < first:
            errors["starts_at"] = _(
                "The defence period is not over: the earliest day for a hearing is "
                "%(day)s (the copy of the complaint sent within 5 days of filing, 15 days "
                "to answer, the summons 3 days before: Civil Procedure Law arts. 128, 139)."
            ) % {"day": first.isoformat()}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = _locked_case(case)
        if not case.is_pending:
            raise ValidationError(_("The case is closed: no hearing can be scheduled."))
        flags = flags_for(case, starts_at, ends_at)
        hearing = Hearing.objects.create(
            case=case, kind=kind, starts_at=starts_at, ends_at=ends_at, place_kind=place_kind,
            courtroom=courtroom if place_kind == PlaceKind.COURTROOM else None,
            link=link if place_kind == PlaceKind.ONLINE else "",
            address=address if place_kind == PlaceKind.CIRCUIT else "",
            township=township if place_kind == PlaceKind.CIRCUIT else "",
            is_public=bool(is_public), is_holiday=flags["holiday"],
            is_evening=flags["evening"], waiver=waiver, people=_seats(case),
            scheduled_by=actor)
        _book(hearing)
        case_event(case, "hearing_scheduled", actor=actor, acted_for=acted_for,
                   hearing_kind=kind, starts_at=starts_at, place=_place_text(hearing),
                   place_kind=place_kind, waiver=waiver)
    return hearing


def _locked(hearing: Hearing) -> Hearing:
    row = (Hearing.objects.select_for_update(of=("self",)).select_related("courtroom")
           .get(pk=hearing.pk))
    if row.status != HearingStatus.SCHEDULED:
        raise ValidationError(_("This hearing is no longer scheduled."))
    return row


def postponements_of(case: Case) -> int:
    return Hearing.objects.filter(case=case, kind=HearingKind.HEARING,
                                  status=HearingStatus.POSTPONED).count()


def postpone(hearing: Hearing, *, actor, acted_for=None, reason: str, caused_by: str,
             starts_at, ends_at, exception: str = "", courtroom=None) -> Hearing:
    """延期开庭 (Civil Procedure Law art. 149): the hearing is postponed, with the reason and
    who caused it, to a new time (the same place, or another courtroom): a new hearing,
    booked again."""
    case = hearing.case
    require_scheduler(case, acted_for or actor)
    errors = {}
    reason = _text(reason, REASON_LENGTH, "reason")
    if not reason:
        errors["reason"] = _("Give the reason for the postponement.")
    if caused_by not in CausedBy.values:
        errors["caused_by"] = _("Say who caused the postponement.")
    if exception not in IntervalException.values:
        errors["exception"] = _("Choose a listed reason, or none.")
    _check_time(starts_at, ends_at, errors)
    if courtroom is not None and courtroom.court_id != case.court_id:
        errors["courtroom"] = _("Choose one of the court's courtrooms.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = _locked_case(case)
        old = _locked(hearing)
        if old.kind == HearingKind.HEARING:
            problem = rules.postponement_problem(
                procedure=case.procedure, postponed_before=postponements_of(case),
                limits=settings.HEARING_POSTPONEMENT_LIMITS,
                held_on=timezone.localtime(old.starts_at).date(),
                new_day=timezone.localtime(starts_at).date(), exception=exception)
            if problem == "limit":
                raise ValidationError(_(
                    "This case's hearings have been postponed %(n)d times already, the most "
                    "allowed under the %(procedure)s (2019 SPC rules art. 3).") % {
                    "n": postponements_of(case), "procedure": case.get_procedure_display()})
            if problem == "interval":
                raise ValidationError({"starts_at": _(
                    "The next session must be within one month of the postponed one (by "
                    "%(day)s), unless by force majeure or with the parties' consent (2019 SPC "
                    "rules art. 5).") % {"day": rules.add_one_month(
                        timezone.localtime(old.starts_at).date()).isoformat()}})
        old.status = HearingStatus.POSTPONED
        old.postponement_reason, old.caused_by = reason, caused_by
        old.save(update_fields=["status", "postponement_reason", "caused_by"])
        _release(old)
        flags = flags_for(case, starts_at, ends_at)
        place_kind = old.place_kind
        room = courtroom or old.courtroom
        if courtroom is not None:
            place_kind = "courtroom"
        new = Hearing.objects.create(
            case=case, kind=old.kind, starts_at=starts_at, ends_at=ends_at,
            place_kind=place_kind, courtroom=room if place_kind == PlaceKind.COURTROOM else None,
            link=old.link if place_kind == PlaceKind.ONLINE else "",
            address=old.address if place_kind == PlaceKind.CIRCUIT else "",
            township=old.township if place_kind == PlaceKind.CIRCUIT else "",
            is_public=old.is_public, is_holiday=flags["holiday"], is_evening=flags["evening"],
            waiver=old.waiver, people=_seats(case), scheduled_by=actor, postponed_from=old)
        _book(new)
        case_event(case, "hearing_postponed", actor=actor, acted_for=acted_for,
                   starts_at=old.starts_at, new_starts_at=starts_at, caused_by=caused_by,
                   reason=reason, exception=exception, place=_place_text(new))
    return new


def cancel(hearing: Hearing, *, actor, acted_for=None, reason: str) -> Hearing:
    case = hearing.case
    require_scheduler(case, acted_for or actor)
    reason = _text(reason, REASON_LENGTH, "reason")
    if not reason:
        raise ValidationError({"reason": _("Give the reason for cancelling.")})
    with transaction.atomic():
        case = _locked_case(case)
        row = _locked(hearing)
        row.status, row.cancel_reason = HearingStatus.CANCELLED, reason
        row.save(update_fields=["status", "cancel_reason"])
        _release(row)
        case_event(case, "hearing_cancelled", actor=actor, acted_for=acted_for,
                   starts_at=row.starts_at, reason=reason)
    return row


def _store_record(row: Hearing, record) -> None:
    checked = check_upload(record)
    row.record = record
    row.record_name = record.name[:200]
    row.record_size, row.record_sha256 = checked.size, checked.sha256


def record_held(hearing: Hearing, *, actor, acted_for=None, attendees: int | None = None,
                record=None) -> Hearing:
    """The hearing was held: for a circuit hearing the number of attendees (required), and
    the hearing record (庭审笔录) if it is ready."""
    case = hearing.case
    require_scheduler(case, acted_for or actor)
    if hearing.place_kind == PlaceKind.CIRCUIT and attendees is None:
        raise ValidationError({"attendees": _("Give the number of people who attended.")})
    if attendees is not None and not 0 <= attendees <= 100000:
        raise ValidationError({"attendees": _("Give a number from 0 to 100,000.")})
    if hearing.starts_at > timezone.now():
        raise ValidationError(_("The hearing has not started yet."))
    with transaction.atomic():
        case = _locked_case(case)
        row = _locked(hearing)
        row.status, row.held_at = HearingStatus.HELD, timezone.now()
        row.attendees = attendees
        fields = ["status", "held_at", "attendees"]
        if record is not None:
            _store_record(row, record)
            fields += ["record", "record_name", "record_size", "record_sha256"]
        row.save(update_fields=fields)
        _release(row)
        case_event(case, "hearing_held", actor=actor, acted_for=acted_for,
                   hearing_kind=row.kind, starts_at=row.starts_at, attendees=attendees)
    return row


def add_record(hearing: Hearing, *, actor, acted_for=None, record) -> Hearing:
    """The hearing record (庭审笔录) of a held hearing, uploaded (again: the last counts)."""
    case = hearing.case
    require_scheduler(case, acted_for or actor)
    with transaction.atomic():
        case = _locked_case(case)
        row = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if row.status != HearingStatus.HELD:
            raise ValidationError(_("A record is added once the hearing was held."))
        _store_record(row, record)
        row.save(update_fields=["record", "record_name", "record_size", "record_sha256"])
        case_event(case, "hearing_record_added", actor=actor, acted_for=acted_for,
                   is_public=False, starts_at=row.starts_at)
    return row
