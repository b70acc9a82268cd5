"""Petitions (涉诉信访): registration, classification and acceptance (诉访分离), assignment,
the extension of the reply period, the reply, the petitioner's satisfaction, 复查 and 复核,
repeat linking, and the leaders' reception days. Each is one transaction that locks the
petition, checks `petitions.permissions` again, appends its `PetitionEvent` and, when the
petition concerns cases, an internal event on each case's timeline (`case_event`, which
writes the audit entry); messages go to the people concerned (`petitions.messages`).

Periods: `law.rules` "petition-acceptance" (15 days, 信访工作条例 art 22) and
"petition-handling" (60 days + 30 with the president's approval, art 34), counted by
`law.periods` on the court's rest-day calendar. The 复查/复核 periods (arts 35-36: asked
within 30 days, decided within 30 days) are settings, PETITION_REVIEW_ASK_DAYS and
PETITION_REVIEW_DAYS: UNSURE whether the SPC's own court-petition rules differ.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.audit.actions import record
from tianping.cases.events import case_event
from tianping.cases.models import Case
from tianping.cases.permissions import cases_visible_to
from tianping.catalog.identity import IdentityError, validate_document
from tianping.courts.holidays import court_calendar
from tianping.law.periods import compute_period
from tianping.law.rules import get_rule
from tianping.lib.plain import plain
from tianping.lib.text import bounded_text
from tianping.lib.uploads import check_upload
from tianping.notifications.actions import notify
from tianping.petitions import permissions as perms
from tianping.petitions.choices import (
    MAX_CASES,
    MAX_FILES,
    TEXT_MAX,
    BookingStatus,
    Channel,
    Decision,
    ReviewLevel,
    Route,
    Satisfaction,
    Status,
)
from tianping.petitions.models import (
    Booking,
    Petition,
    PetitionAttachment,
    PetitionEvent,
    ReceptionDay,
)


def review_ask_days() -> int:
    return settings.PETITION_REVIEW_ASK_DAYS  # UNSURE: 信访工作条例 arts 35-36


def review_days() -> int:
    return settings.PETITION_REVIEW_DAYS  # UNSURE: 信访工作条例 arts 35-36


def _due(court, start: datetime.date, days: int) -> datetime.date:
    return compute_period(start, court_calendar(court=court), days=days).expires_on


def acceptance_due(court, received_on: datetime.date) -> datetime.date:
    return _due(court, received_on, get_rule("petition-acceptance").days)


def reply_due(court, accepted_on: datetime.date, *, extended: bool = False) -> datetime.date:
    rule = get_rule("petition-handling")
    return _due(court, accepted_on, rule.days + (rule.extensions[0].days if extended else 0))


def _text(value, field, *, required=False, limit=TEXT_MAX) -> str:
    return bounded_text(value, limit, field, required=required,
                        message=_("This field is required."))


def _lock(petition) -> Petition:
    return Petition.objects.select_for_update().get(pk=petition.pk)


def _event(petition, kind, *, actor, acted_for=None, is_public=True,
           **details) -> PetitionEvent:
    last = petition.events.aggregate(last=Max("seq"))["last"] or 0
    event = PetitionEvent.objects.create(
        petition=petition, seq=last + 1, kind=kind, is_public=is_public,
        actor=actor if getattr(actor, "pk", None) else None,
        acted_for=acted_for if getattr(acted_for, "pk", None) else None,
        details={k: plain(v) for k, v in details.items()})
    record(f"petition.{kind}", petition, actor=actor, acted_for=acted_for,
           changes=event.details)
    return event


def _cases_of(petition) -> list[Case]:
    """The cases PETITION concerns, locked, for their (internal) timeline events."""
    return list(Case.objects.select_for_update(of=("self",)).filter(
        pk__in=petition.cases.values("pk")).order_by("pk"))


def _tell_petitioner(petition, kind, **params) -> None:
    if petition.petitioner_id:
        notify([petition.petitioner_id], key=f"petition:{petition.pk}:{kind}",
               kind=f"petition.{kind}", code=petition.code, **params)


def check_identity(id_number: str, today: datetime.date) -> str:
    if not (id_number or "").strip():
        return ""
    try:
        return validate_document("resident_id", id_number, today=today)
    except IdentityError as exc:
        raise ValidationError({"id_number": str(exc)}) from None


def resolve_cases(user, court, tokens) -> list[Case]:
    """The cases named by number or code, among those USER sees, of COURT."""
    tokens = [t.strip() for t in tokens if t and t.strip()]
    if len(tokens) > MAX_CASES:
        raise ValidationError({"cases": _("Name at most %(n)d cases.") % {"n": MAX_CASES}})
    if not tokens:
        return []
    found = list(cases_visible_to(user).filter(Q(number__in=tokens) | Q(code__in=tokens)))
    known = {c.number for c in found} | {c.code for c in found}
    missing = [t for t in tokens if t not in known]
    if missing:
        raise ValidationError({"cases": _("No such case, or not one you see: %(cases)s.")
                               % {"cases": "、".join(missing)}})
    other = [c.number for c in found if c.court_id != court.pk]
    if other:
        raise ValidationError({"cases": _("These cases are of another court: %(cases)s. "
                                          "Petition the court of the case.")
                               % {"cases": "、".join(other)}})
    return found


def _earlier_same_matter(petition, cases) -> list[Petition]:
    same = Q(petitioner_id=petition.petitioner_id) if petition.petitioner_id else Q(pk__in=[])
    if petition.id_number:
        same |= Q(id_number=petition.id_number)
    return list(Petition.objects.filter(same, court_id=petition.court_id,
                                        cases__in=[c.pk for c in cases])
                .exclude(pk=petition.pk).exclude(status=Status.ROUTED).distinct())


def register_petition(*, actor, acted_for=None, court, channel: str, matter: str,
                      requests: str, name: str = "", id_number: str = "", phone: str = "",
                      address: str = "", cases=(), files=(), received_on=None,
                      today: datetime.date) -> Petition:
    """Register a petition: at the window (a petition handler or filing clerk of COURT), or
    online by a signed-in litigant about themself (channel online)."""
    user = acted_for or actor
    online = perms.is_public_user(user)
    if online:
        channel, received_on = Channel.ONLINE, today
        name = user.full_name or user.username
        phone = phone or getattr(user, "phone", "") or ""
    else:
        perms.require(perms.can_register_at_window(user, court),
                      _("Only the court's petition handlers register petitions here."))
        if channel not in Channel.values:
            raise ValidationError({"channel": _("Choose how the petition came in.")})
    received_on = received_on or today
    if received_on > today or received_on < today - datetime.timedelta(days=365):
        raise ValidationError({"received_on": _("The day received is within the past year.")})
    name = _text(name, "name", required=True, limit=100)
    matter = _text(matter, "matter", required=True)
    requests = _text(requests, "requests", required=True)
    phone, address = _text(phone, "phone", limit=30), _text(address, "address", limit=200)
    number = check_identity(id_number, today)
    checked = _checked_files(files)
    found = resolve_cases(user, court, cases)
    with transaction.atomic():
        petition = Petition.objects.create(
            court=court, channel=channel, petitioner=user if online else None, name=name,
            id_number=number, phone=phone, address=address, matter=matter,
            requests=requests, registered_by=actor, received_on=received_on,
            acceptance_due_on=acceptance_due(court, received_on))
        petition.due_on = petition.acceptance_due_on
        petition.save(update_fields=["due_on"])
        petition.cases.set(found)
        for f, c in checked:
            PetitionAttachment.objects.create(petition=petition, file=f, name=f.name[:200],
                                              size=c.size, sha256=c.sha256, uploaded_by=actor)
        _event(petition, "registered", actor=actor, acted_for=acted_for, channel=channel,
               acceptance_due_on=petition.acceptance_due_on,
               cases=[c.number for c in found])
        for case in _cases_of(petition):
            case_event(case, "petition_registered", actor=actor, acted_for=acted_for,
                       is_public=False, petition=petition.code)
        earlier = _earlier_same_matter(petition, found)
        if earlier:
            petition.earlier.add(*earlier)
            _event(petition, "linked", actor=actor, acted_for=acted_for, is_public=False,
                   earlier=[p.code for p in earlier])
    return petition


def _checked_files(files) -> list:
    files = list(files or [])
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("At most %(n)d files.") % {"n": MAX_FILES}})
    checked = []
    for f in files:
        try:
            checked.append((f, check_upload(f)))
        except ValidationError as exc:
            raise ValidationError({"files": exc.messages}) from None
    return checked


def add_files(petition, *, actor, acted_for=None, files) -> Petition:
    """More attachments, by the petitioner or a handler, while the petition is open (at
    most MAX_FILES on a petition)."""
    user = acted_for or actor
    checked = _checked_files(files)
    if not checked:
        raise ValidationError({"files": _("Choose a file.")})
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_add_files(user, row))
        if row.files.count() + len(checked) > MAX_FILES:
            raise ValidationError({"files": _("At most %(n)d files.") % {"n": MAX_FILES}})
        for f, c in checked:
            PetitionAttachment.objects.create(petition=row, file=f, name=f.name[:200],
                                              size=c.size, sha256=c.sha256, uploaded_by=actor)
            _event(row, "file_added", actor=actor, acted_for=acted_for, name=f.name[:200])
    return row


def classify(petition, *, actor, acted_for=None, decision: str, route: str = "",
             note: str = "", today: datetime.date) -> Petition:
    """诉访分离: a litigation matter is routed to its procedure and closed as routed (with
    the message naming the procedure and where to file it); a petition proper is accepted
    (the reply period starts) or not accepted (with the reasons)."""
    user = acted_for or actor
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose the classification.")})
    if decision == Decision.ROUTE and route not in Route.values:
        raise ValidationError({"route": _("Name the procedure the matter belongs to.")})
    note = _text(note, "note", required=decision == Decision.NOT_ACCEPT)
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_classify(user, row),
                      _("Only the court's petition handlers classify a petition, once."))
        row.classified_by, row.classified_at = actor, timezone.now()
        row.decision_note = note
        if decision == Decision.ROUTE:
            row.status, row.route, row.due_on = Status.ROUTED, route, None
            row.save()  # no note: the standard wording of ROUTE_WHERE, read when shown
            _event(row, "routed", actor=actor, acted_for=acted_for, route=route, note=note)
            for case in _cases_of(row):
                case_event(case, "petition_routed", actor=actor, acted_for=acted_for,
                           is_public=False, petition=row.code, petition_route=route)
            _tell_petitioner(row, "routed", route=route)
        elif decision == Decision.NOT_ACCEPT:
            row.status, row.due_on = Status.NOT_ACCEPTED, None
            row.save()
            _event(row, "not_accepted", actor=actor, acted_for=acted_for, note=note)
            for case in _cases_of(row):
                case_event(case, "petition_not_accepted", actor=actor, acted_for=acted_for,
                           is_public=False, petition=row.code)
            _tell_petitioner(row, "not_accepted")
        else:
            row.status, row.accepted_on = Status.ACCEPTED, today
            row.reply_due_on = row.due_on = reply_due(row.court, today)
            row.save()
            _event(row, "accepted", actor=actor, acted_for=acted_for,
                   reply_due_on=row.reply_due_on, note=note)
            for case in _cases_of(row):
                case_event(case, "petition_accepted", actor=actor, acted_for=acted_for,
                           is_public=False, petition=row.code)
            _tell_petitioner(row, "accepted", day=row.reply_due_on.isoformat())
    return row


def assign(petition, *, actor, acted_for=None, handler=None, division=None) -> Petition:
    """Assign to a handler (a staff member of the court) or to the division concerned."""
    from tianping.courts.models import Membership

    user = acted_for or actor
    if (handler is None) == (division is None):
        raise ValidationError({"handler": _("Choose a handler or a division.")})
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_assign(user, row),
                      _("The president or a petition handler assigns a petition."))
        if handler is not None and not Membership.objects.current().filter(
                user=handler, court_id=row.court_id).exists():
            raise ValidationError({"handler": _("The handler is not of this court.")})
        if division is not None and division.court_id != row.court_id:
            raise ValidationError({"division": _("The division is not of this court.")})
        row.handler, row.division = handler, division
        row.save(update_fields=["handler", "division"])
        _event(row, "assigned", actor=actor, acted_for=acted_for, is_public=False,
               handler=handler.full_name if handler else "",
               division=division.name if division else "")
        people = {handler.pk} if handler else set(Membership.objects.current().filter(
            division=division, role="division_head").values_list("user_id", flat=True))
        notify(people - {user.pk}, key=f"petition:{row.pk}:assigned:{row.events.count()}",
               kind="petition.assigned", code=row.code,
               day=(row.reply_due_on or row.due_on or timezone.localdate()).isoformat())
    return row


def ask_extension(petition, *, actor, acted_for=None, reason: str) -> Petition:
    user = acted_for or actor
    reason = _text(reason, "reason", required=True)
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_ask_extension(user, row),
                      _("Only whoever handles the petition asks, once, for more time."))
        row.extension_asked_by, row.extension_reason = user, reason
        row.save(update_fields=["extension_asked_by", "extension_reason"])
        _event(row, "extension_asked", actor=actor, acted_for=acted_for, is_public=False,
               note=reason)
        from tianping.courts.models import Membership

        presidents = set(Membership.objects.current().filter(
            court_id=row.court_id, role="president").values_list("user_id", flat=True))
        notify(presidents - {user.pk}, key=f"petition:{row.pk}:extension",
               kind="petition.extension_asked", code=row.code)
    return row


def decide_extension(petition, *, actor, acted_for=None, grant: bool) -> Petition:
    """The president approves or refuses the 30 more days; never whoever asked."""
    user = acted_for or actor
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_decide_extension(user, row) and actor.pk != (
            row.extension_asked_by_id), _("The president decides on the extension; nobody "
                                           "approves their own request."))
        row.extension_granted, row.extension_decided_by = bool(grant), actor
        if grant:
            row.reply_due_on = row.due_on = reply_due(row.court, row.accepted_on,
                                                      extended=True)
        row.save()
        _event(row, "extension_decided", actor=actor, acted_for=acted_for,
               granted=bool(grant), reply_due_on=row.reply_due_on)
    return row


def reply(petition, *, actor, acted_for=None, text: str, attachment=None,
          today: datetime.date) -> Petition:
    user = acted_for or actor
    text = _text(text, "reply", required=True)
    checked = check_upload(attachment) if attachment else None
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_reply(user, row),
                      _("Only whoever handles an accepted petition replies to it."))
        row.status, row.reply, row.due_on = Status.REPLIED, text, None
        row.replied_by, row.replied_at, row.replied_on = actor, timezone.now(), today
        if checked:
            row.reply_file = attachment
            row.reply_file_name = attachment.name[:200]
        row.save()
        _event(row, "replied", actor=actor, acted_for=acted_for,
               in_time=today <= row.reply_due_on)
        for case in _cases_of(row):
            case_event(case, "petition_replied", actor=actor, acted_for=acted_for,
                       is_public=False, petition=row.code)
        _tell_petitioner(row, "replied")
    return row


def rate(petition, *, actor, acted_for=None, satisfaction: str, comment: str = "") -> Petition:
    user = acted_for or actor
    if satisfaction not in Satisfaction.values:
        raise ValidationError({"satisfaction": _("Choose how satisfied you are.")})
    comment = _text(comment, "comment", limit=1000)
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_rate(user, row), _("Only the petitioner rates the reply, once."))
        row.satisfaction, row.satisfaction_comment = satisfaction, comment
        row.save(update_fields=["satisfaction", "satisfaction_comment"])
        _event(row, "rated", actor=actor, acted_for=acted_for, satisfaction=satisfaction,
               comment=comment)
    return row


def ask_review(petition, *, actor, acted_for=None, reasons: str,
               today: datetime.date) -> Petition:
    """复查 within 30 days of the reply; 复核 within 30 days of the 复查 result."""
    user = acted_for or actor
    reasons = _text(reasons, "reasons", required=True)
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_ask_review(user, row),
                      _("Only the petitioner asks for review, after a reply."))
        level = ReviewLevel.REVIEW if row.status == Status.REPLIED else ReviewLevel.RECHECK
        since = row.replied_on if level == ReviewLevel.REVIEW else row.reviewed_on
        last_day = _due(row.court, since, review_ask_days())
        if today > last_day:
            raise ValidationError({"reasons": _(
                "The request was due by %(day)s (%(n)d days).")
                % {"day": last_day.isoformat(), "n": review_ask_days()}})
        due = _due(row.court, today, review_days())
        if level == ReviewLevel.REVIEW:
            row.status, row.review_asked_on, row.review_due_on = Status.REVIEW, today, due
        else:
            row.status, row.recheck_asked_on, row.recheck_due_on = Status.RECHECK, today, due
        row.due_on = due
        row.save()
        _event(row, "review_asked", actor=actor, acted_for=acted_for, level=level,
               due_on=due, note=reasons)
    return row


def record_review(petition, *, actor, acted_for=None, result: str,
                  today: datetime.date) -> Petition:
    user = acted_for or actor
    result = _text(result, "result", required=True)
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_record_review(user, row),
                      _("The review is recorded by someone other than whoever replied."))
        if row.status == Status.REVIEW:
            level = ReviewLevel.REVIEW
            row.status, row.review_result, row.reviewed_on = Status.REVIEWED, result, today
        else:
            level = ReviewLevel.RECHECK
            row.status, row.recheck_result, row.rechecked_on = Status.RECHECKED, result, today
        row.due_on = None
        row.save()
        _event(row, "review_done", actor=actor, acted_for=acted_for, level=level, note=result)
    return row


def link(petition, *, actor, acted_for=None, earlier_code: str) -> Petition:
    """The handler marks PETITION as a repeat of an earlier one on the same matter."""
    user = acted_for or actor
    with transaction.atomic():
        row = _lock(petition)
        perms.require(perms.can_link(user, row))
        earlier = perms.petitions_visible_to(user).filter(
            code=(earlier_code or "").strip(), court_id=row.court_id,
            registered_at__lte=row.registered_at).exclude(pk=row.pk).first()
        if earlier is None:
            raise ValidationError({"earlier": _("No earlier petition of this court with "
                                                "that code.")})
        row.earlier.add(earlier)
        _event(row, "linked", actor=actor, acted_for=acted_for, is_public=False,
               earlier=[earlier.code])
    return row


# Leader reception days (领导接访)

def add_reception(*, actor, acted_for=None, court, leader, day, starts_at, ends_at,
                  place: str, topics: str = "", capacity: int = 10,
                  today: datetime.date) -> ReceptionDay:
    from tianping.courts.models import Membership

    user = acted_for or actor
    perms.require(perms.can_keep_receptions(user, court),
                  _("The president or the court's administrator keeps the reception days."))
    if not Membership.objects.current().filter(user=leader, court=court).exists():
        raise ValidationError({"leader": _("The leader is not of this court.")})
    if day < today:
        raise ValidationError({"day": _("Choose a day from today on.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The reception ends after it starts.")})
    if not 1 <= capacity <= 100:
        raise ValidationError({"capacity": _("From 1 to 100 places.")})
    place = _text(place, "place", required=True, limit=120)
    topics = _text(topics, "topics", limit=300)
    with transaction.atomic():
        reception = ReceptionDay.objects.create(
            court=court, leader=leader, day=day, starts_at=starts_at, ends_at=ends_at,
            place=place, topics=topics, capacity=capacity, created_by=actor)
        record("petition.reception_added", reception, actor=actor, acted_for=acted_for,
               changes={"day": day.isoformat(), "leader": leader.pk, "capacity": capacity})
    return reception


def book(reception, *, actor, petition=None, today: datetime.date) -> Booking:
    """A litigant books a place (one each, up to the reception's capacity)."""
    perms.require(perms.is_public_user(actor), _("Litigants book a reception."))
    if petition is not None and petition.petitioner_id != actor.pk:
        raise ValidationError({"petition": _("Choose one of your own petitions.")})
    with transaction.atomic():
        row = ReceptionDay.objects.select_for_update().get(pk=reception.pk)
        if row.day < today:
            raise ValidationError(_("This reception day is past."))
        taken = row.bookings.exclude(status=BookingStatus.CANCELLED)
        if taken.filter(user=actor).exists():
            raise ValidationError(_("You have already booked this reception."))
        if taken.count() >= row.capacity:
            raise ValidationError(_("This reception is fully booked."))
        booking = Booking.objects.create(reception=row, user=actor, petition=petition)
        record("petition.booked", row, actor=actor, changes={"booking": booking.pk})
    return booking


def receive(reception, *, actor, acted_for=None, petition, note: str = "") -> Booking:
    """Record that the leader received PETITION's petitioner at RECEPTION (booked or not)."""
    user = acted_for or actor
    note = _text(note, "note")
    with transaction.atomic():
        row = ReceptionDay.objects.select_for_update().get(pk=reception.pk)
        perms.require(perms.can_receive(user, row))
        target = _lock(petition)
        if target.court_id != row.court_id:
            raise ValidationError({"petition": _("The petition is of another court.")})
        booking = row.bookings.filter(Q(petition=target) | Q(
            user_id=target.petitioner_id, user__isnull=False)).first() if (
            target.petitioner_id) else row.bookings.filter(petition=target).first()
        if booking is None:
            booking = Booking(reception=row, user_id=target.petitioner_id)
        booking.petition, booking.status = target, BookingStatus.RECEIVED
        booking.note, booking.received_at = note, timezone.now()
        booking.save()
        _event(target, "received", actor=actor, acted_for=acted_for,
               leader=row.leader.full_name, note=note)
    return booking
