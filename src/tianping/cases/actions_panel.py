"""Who tries the case (C4): the bench composed (a sole judge, or a collegial panel with
people's assessors drawn at random from the court's list), the assistant and the clerk, a
seat changed with its reason, and recusal (回避) requested by a party and decided.

Rules (民事诉讼法 arts. 40-41, 47-50; 人民陪审员法 arts. 19-20):
- A case under the summary or small-claims procedure is tried by a sole judge (art. 40 ¶2,
  arts. 160-169); others by a sole judge or a panel.
- A panel has an odd number of members, at least three, presided over by a judge (art. 40:
  人民陪审员 cannot preside, 人民陪审员法 art. 20); the case's own judge (承办法官) sits on it.
- People's assessors are drawn at random from the court's list (人民陪审员法 art. 19): the
  pool, the seed and the result are kept with the seat, so the draw can be checked.
- Composition is decided by the court's president or the head of the case's division (who
  assign cases); recusal of a member of the bench is decided by the president, of the
  assistant or the clerk by the presiding (or sole) judge (art. 50); nobody decides their
  own.
"""

import datetime
import random
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.actions import lock_case
from tianping.cases.choices import Procedure
from tianping.cases.events import case_event
from tianping.cases.models_panel import BENCH_SEATS, Assessor, CaseMember, RecusalRequest, Seat
from tianping.cases.permissions import require_assigner
from tianping.courts.choices import Role
from tianping.courts.models import Membership
from tianping.lib.text import bounded_text

SOLE_ONLY = frozenset({Procedure.SUMMARY, Procedure.SMALL_CLAIMS})
MAX_PANEL = 7
REASON_LENGTH = 300
GROUNDS_LENGTH = 2000
JUDGE_ROLES = frozenset({Role.JUDGE, Role.DIVISION_HEAD, Role.PRESIDENT})


def current_seats(case):
    return list(case.members.filter(until__isnull=True)
                .select_related("user", "assessor").order_by("id"))


def _with_role(court, users, roles, field, message):
    users = [u for u in users if u is not None]
    ids = set(Membership.objects.current().filter(
        court=court, role__in=roles, user__in=users).values_list("user_id", flat=True))
    missing = [u for u in users if u.pk not in ids]
    if missing:
        raise ValidationError({field: message % {
            "names": _("、").join(u.full_name or u.username for u in missing)}})


def draw_assessors(court, count: int, *, exclude=(), today: datetime.date, seed=None):
    """COUNT assessors drawn at random from COURT's active list (not EXCLUDE): (assessors,
    the record of the draw: pool, seed, chosen)."""
    pool = sorted(Assessor.objects.filter(court=court, is_active=True)
                  .exclude(term_ends_on__lt=today).exclude(pk__in=list(exclude))
                  .values_list("pk", flat=True))
    if count > len(pool):
        raise ValidationError({"assessors": _(
            "The court's list has %(n)d people's assessor(s) available; %(count)d asked.")
            % {"n": len(pool), "count": count}})
    seed = secrets.randbits(64) if seed is None else seed
    chosen = random.Random(seed).sample(pool, count) if count else []
    record = {"pool": pool, "seed": str(seed), "chosen": chosen}
    by_id = Assessor.objects.in_bulk(chosen)
    return [by_id[pk] for pk in chosen], record


def compose_bench(case, *, actor, sole: bool, judges=(), assessors: int = 0, assistant=None,
                  clerk=None, reason: str = "", today: datetime.date | None = None,
                  seed=None):
    """Compose the bench of CASE anew (the seats before end today): a sole judge (the case's
    judge) or a panel: JUDGES (the presiding judge first; the case's judge among them) and
    ASSESSORS drawn at random; with the ASSISTANT and CLERK. Returns the current seats."""
    today = today or timezone.localdate()
    require_assigner(case, actor)
    if not case.is_pending:
        raise ValidationError(_("Only a pending case's bench can be composed."))
    if case.judge_id is None:
        raise ValidationError(_("Assign the case's judge first."))
    reason = bounded_text(reason, REASON_LENGTH, "reason")
    judges = [j for j in judges if j is not None]
    try:
        assessors = int(assessors or 0)
    except (TypeError, ValueError):
        assessors = -1
    if sole:
        if judges and [j.pk for j in judges] != [case.judge_id]:
            raise ValidationError({"judges": _("A sole judge is the case's own judge.")})
        judges, assessors = [case.judge], 0
    else:
        if case.procedure in SOLE_ONLY:
            raise ValidationError({"sole": _(
                "Under the %(procedure)s a sole judge tries the case (民事诉讼法 art. 40): "
                "convert the procedure first.") % {"procedure": case.get_procedure_display()}})
        if case.judge_id not in {j.pk for j in judges}:
            raise ValidationError({"judges": _("The case's own judge sits on the panel.")})
        if len({j.pk for j in judges}) != len(judges):
            raise ValidationError({"judges": _("Each judge sits once.")})
        if assessors < 0:
            raise ValidationError({"assessors": _("Give a number of assessors.")})
        size = len(judges) + assessors
        if size < 3 or size > MAX_PANEL or size % 2 == 0:
            raise ValidationError({"assessors": _(
                "A panel has an odd number of members, from 3 to %(max)d (民事诉讼法 art. "
                "40); this one would have %(size)d.") % {"max": MAX_PANEL, "size": size}})
    _with_role(case.court, judges, JUDGE_ROLES, "judges",
               _("Not a judge of this court: %(names)s."))
    _with_role(case.court, [assistant], {Role.JUDGE_ASSISTANT}, "assistant",
               _("Not a judge assistant of this court: %(names)s."))
    _with_role(case.court, [clerk], {Role.COURT_CLERK}, "clerk",
               _("Not a court clerk of this court: %(names)s."))
    with transaction.atomic():
        case = lock_case(case)
        drawn, draw = draw_assessors(case.court, assessors, today=today, seed=seed)
        CaseMember.objects.filter(case=case, until__isnull=True).update(until=today)
        rows = []
        if sole:
            rows.append(CaseMember(case=case, seat=Seat.SOLE, user=case.judge))
        else:
            rows.append(CaseMember(case=case, seat=Seat.PRESIDING, user=judges[0]))
            rows += [CaseMember(case=case, seat=Seat.JUDGE, user=j) for j in judges[1:]]
            rows += [CaseMember(case=case, seat=Seat.ASSESSOR, assessor=a, draw=draw)
                     for a in drawn]
        if assistant is not None:
            rows.append(CaseMember(case=case, seat=Seat.ASSISTANT, user=assistant))
        if clerk is not None:
            rows.append(CaseMember(case=case, seat=Seat.CLERK, user=clerk))
        for row in rows:
            row.since, row.reason, row.added_by = today, reason, actor
        CaseMember.objects.bulk_create(rows)
        seats = current_seats(case)
        # names only (the seats' labels are worded when read: `seats`, as codes)
        case_event(case, "bench_composed", actor=actor,
                   bench="sole" if sole else "panel",
                   members="、".join(s.person_name for s in seats),
                   seats=[s.seat for s in seats], reason=reason)
    return seats


def replace_seat(member: CaseMember, *, actor, user=None, reason: str,
                 today: datetime.date | None = None, seed=None) -> CaseMember:
    """Change who holds a seat, with the reason: the seat ends today and a new one opens
    (an assessor's seat by a new draw; the others with USER)."""
    today = today or timezone.localdate()
    case = member.case
    require_assigner(case, actor)
    reason = bounded_text(reason, REASON_LENGTH, "reason", required=True,
                   message=_("Give the reason for the change."))
    if member.until is not None:
        raise ValidationError(_("This seat has already ended."))
    if member.seat != Seat.ASSESSOR:
        if user is None:
            raise ValidationError({"user": _("Choose who takes the seat.")})
        roles = {Seat.ASSISTANT: {Role.JUDGE_ASSISTANT},
                 Seat.CLERK: {Role.COURT_CLERK}}.get(member.seat, JUDGE_ROLES)
        _with_role(case.court, [user], roles, "user",
                   _("Cannot take this seat in this court: %(names)s."))
        if member.seat == Seat.SOLE and user.pk != case.judge_id:
            raise ValidationError({"user": _("A sole judge is the case's own judge: "
                                             "reassign the case instead.")})
    with transaction.atomic():
        lock_case(case)
        member = CaseMember.objects.select_for_update().get(pk=member.pk)
        if member.until is not None:
            raise ValidationError(_("This seat has already ended."))
        member.until = today
        member.save(update_fields=["until"])
        sitting = CaseMember.objects.filter(case=case, until__isnull=True)
        new = CaseMember(case=case, seat=member.seat, since=today, reason=reason,
                         added_by=actor)
        if member.seat == Seat.ASSESSOR:
            exclude = {*sitting.filter(assessor__isnull=False).values_list("assessor_id",
                                                                           flat=True),
                       member.assessor_id}
            [new.assessor], new.draw = draw_assessors(case.court, 1, exclude=exclude,
                                                      today=today, seed=seed)
        else:
            if sitting.filter(user=user).exists():
                raise ValidationError({"user": _("%(name)s already sits on this case.")
                                       % {"name": user.full_name or user.username}})
            new.user = user
        new.save()
        case_event(case, "seat_changed", actor=actor, seat=member.seat,
                   previous_member=member.person_name, member=new.person_name,
                   reason=reason)
    return new


# Recusal (回避)


def _party_accounts(case) -> set[int]:
    ids = set(case.parties.exclude(user__isnull=True).values_list("user_id", flat=True))
    ids |= set(case.representatives.exclude(user__isnull=True).values_list("user_id",
                                                                           flat=True))
    return ids


def request_recusal(case, member: CaseMember, *, actor, grounds: str) -> RecusalRequest:
    """A party (or their representative) asks that MEMBER step aside, giving the grounds
    (民事诉讼法 art. 47-49)."""
    if getattr(actor, "pk", None) not in _party_accounts(case):
        raise PermissionDenied(_("Only a party of the case (or their representative) can ask "
                                 "for a recusal."))
    grounds = bounded_text(grounds, GROUNDS_LENGTH, "grounds", required=True,
                    message=_("Give the grounds for the recusal."))
    if member.case_id != case.pk or member.until is not None:
        raise ValidationError({"member": _("Choose a member now sitting on this case.")})
    if not case.is_pending:
        raise ValidationError(_("The case is closed."))
    with transaction.atomic():
        lock_case(case)
        if RecusalRequest.objects.filter(member=member,
                                         status=RecusalRequest.Status.PENDING).exists():
            raise ValidationError(_("A recusal of %(name)s is already waiting for a decision.")
                                  % {"name": member.person_name})
        row = RecusalRequest.objects.create(case=case, member=member, grounds=grounds,
                                            requested_by=actor)
        case_event(case, "recusal_requested", actor=actor, member=member.person_name,
                   seat=member.seat)
    return row


def recusal_decider_ok(user, request: RecusalRequest) -> bool:
    """Who decides (民事诉讼法 art. 50): the president for a member of the bench, the
    presiding or sole judge (or the case's judge) for the assistant or the clerk; never the
    member asked to step aside."""
    member = request.member
    pk = getattr(user, "pk", None)
    if pk is None or (member.user_id and member.user_id == pk):
        return False
    case = request.case
    if member.seat in BENCH_SEATS:
        return Membership.objects.current().filter(
            user=user, court=case.court, role=Role.PRESIDENT).exists()
    heads = set(case.members.filter(until__isnull=True, seat__in=[Seat.PRESIDING, Seat.SOLE])
                .values_list("user_id", flat=True)) | {case.judge_id}
    return pk in heads


def decide_recusal(request: RecusalRequest, *, actor, granted: bool, reasons: str = "",
                   today: datetime.date | None = None) -> RecusalRequest:
    """Grant (the member's seat ends today; the seat must be filled again) or refuse, with
    the reasons."""
    today = today or timezone.localdate()
    if not recusal_decider_ok(actor, request):
        raise PermissionDenied(_("The president decides on a judge's or an assessor's "
                                 "recusal, the presiding judge on the others'; nobody on "
                                 "their own."))
    reasons = bounded_text(reasons, GROUNDS_LENGTH, "reasons", required=not granted,
                    message=_("Give the reasons for refusing."))
    with transaction.atomic():
        lock_case(request.case)
        row = RecusalRequest.objects.select_for_update().get(pk=request.pk)
        if row.status != RecusalRequest.Status.PENDING:
            raise ValidationError(_("This request has already been decided."))
        row.status = (RecusalRequest.Status.GRANTED if granted
                      else RecusalRequest.Status.REFUSED)
        row.decided_by, row.decided_on, row.decision_reasons = actor, today, reasons
        row.save()
        member = row.member
        if granted and member.until is None:
            member.until = today
            member.save(update_fields=["until"])
        case_event(row.case, "recusal_decided", actor=actor, member=member.person_name,
                   decision="granted" if granted else "refused", reason=reasons)
    return row
