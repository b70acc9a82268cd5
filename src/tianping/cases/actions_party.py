"""What a party does in a pending case (S7), each one transaction with its timeline event:
material handed in (材料收转: evidence, a defence, an application; the judge is told and
acknowledges receipt) and a request to meet the judge (约见法官), answered by the judge
with a time and a place or a link, or declined with reasons."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.actions import lock_case
from tianping.cases.events import case_event
from tianping.cases.models import CaseParty
from tianping.cases.models_party_acts import (
    CaseSubmission,
    MeetingRequest,
    SubmissionFile,
    SubmissionKind,
)
from tianping.cases.permissions import can_act_as_judge
from tianping.lib.text import bounded_text
from tianping.lib.uploads import check_upload, check_uploads
from tianping.notifications.actions import notify

MAX_FILES = 10
TITLE_LENGTH = 200
NOTE_LENGTH = 2000
TOPIC_LENGTH = 500


def parties_acted_for(user, case) -> list[CaseParty]:
    """The case's parties USER acts for: their own, or those they represent."""
    pk = getattr(user, "pk", None)
    if pk is None:
        return []
    own = list(case.parties.filter(user_id=pk))
    represented = list(case.parties.filter(representatives__user_id=pk).distinct())
    return list({p.pk: p for p in own + represented}.values())


def _tell_judge(case, *, key: str, event: str, **params) -> None:
    people = {case.judge_id} | set(case.members.filter(until__isnull=True, user__isnull=False)
                                   .values_list("user_id", flat=True))
    notify([p for p in people if p], key=key, kind="case.for_staff", code=case.code,
           number=case.number, event=event, **params)


def submit_material(case, *, actor, party, kind: str, title: str, note: str = "",
                    files=()) -> CaseSubmission:
    """PARTY's material handed into the pending CASE (by the party or their representative),
    with its files checked by their content; the case's judge (and the bench) is told."""
    if party is None or party.pk not in {p.pk for p in parties_acted_for(actor, case)}:
        raise PermissionDenied(_("Only a party of the case (or their representative) can "
                                 "hand in material."))
    if not case.is_pending:
        raise ValidationError(_("The case is closed: material is no longer handed in here."))
    if kind not in SubmissionKind.values:
        raise ValidationError({"kind": _("Choose what you hand in.")})
    title = bounded_text(title, TITLE_LENGTH, "title", required=True,
                  message=_("Give the material a title."))
    note = bounded_text(note, NOTE_LENGTH, "note")
    files = list(files or [])
    if not files:
        raise ValidationError({"files": _("Attach the material (PDF, JPEG, PNG or OFD).")})
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("At most %(n)d files at a time.") % {"n": MAX_FILES}})
    try:
        check_uploads(files)
    except ValidationError as error:
        raise ValidationError({"files": error.messages}) from None
    with transaction.atomic():
        case = lock_case(case)
        row = CaseSubmission.objects.create(case=case, party=party, kind=kind, title=title,
                                            note=note, submitted_by=actor)
        for uploaded in files:
            checked = check_upload(uploaded)
            SubmissionFile.objects.create(
                submission=row, file=uploaded, original_name=uploaded.name[:200],
                content_type=checked.content_type, size=checked.size, sha256=checked.sha256)
        case_event(case, "material_submitted", actor=actor, party=party.name,
                   submission_kind=kind, title=title, files=len(files))
        _tell_judge(case, key=f"case:{case.pk}:material:{row.pk}", event="material",
                    title=title, party=party.name)
    return row


def acknowledge(submission: CaseSubmission, *, actor) -> CaseSubmission:
    """The judge (or their assistant or clerk on the case) records receipt; the party sees it."""
    case = submission.case
    if not (can_act_as_judge(actor, case) or case.members.filter(
            until__isnull=True, user=actor).exists()):
        raise PermissionDenied(_("Only the case's judge, assistant or clerk can record "
                                 "receipt."))
    with transaction.atomic():
        lock_case(case)
        row = CaseSubmission.objects.select_for_update().get(pk=submission.pk)
        if row.received_at is not None:
            raise ValidationError(_("Receipt is already recorded."))
        row.received_by, row.received_at = actor, timezone.now()
        row.save(update_fields=["received_by", "received_at"])
        case_event(case, "material_received", actor=actor, title=row.title)
    return row


def ask_meeting(case, *, actor, topic: str, preferred: str = "") -> MeetingRequest:
    """A party (or representative) asks to meet the judge (约见法官)."""
    if not parties_acted_for(actor, case):
        raise PermissionDenied(_("Only a party of the case (or their representative) can ask "
                                 "to meet the judge."))
    if not case.is_pending:
        raise ValidationError(_("The case is closed."))
    topic = bounded_text(topic, TOPIC_LENGTH, "topic", required=True,
                  message=_("Say what you want to talk about."))
    preferred = bounded_text(preferred, 200, "preferred")
    with transaction.atomic():
        case = lock_case(case)
        if MeetingRequest.objects.filter(case=case, requested_by=actor,
                                         status=MeetingRequest.Status.PENDING).exists():
            raise ValidationError(_("Your earlier request is still waiting for an answer."))
        row = MeetingRequest.objects.create(case=case, requested_by=actor, topic=topic,
                                            preferred=preferred)
        case_event(case, "meeting_requested", actor=actor, is_public=False)
        _tell_judge(case, key=f"case:{case.pk}:meeting:{row.pk}", event="meeting",
                    title=topic[:60], party=actor.full_name or actor.username)
    return row


def answer_meeting(request: MeetingRequest, *, actor, meets_at: datetime.datetime | None = None,
                   place: str = "", link: str = "", answer: str = "",
                   decline: bool = False) -> MeetingRequest:
    """The judge arranges the meeting (a time, and a place or a video link) or declines it
    with the reasons (e.g. the other party must be present: 法官不得单方会见当事人)."""
    case = request.case
    if not can_act_as_judge(actor, case):
        raise PermissionDenied(_("Only the case's judge answers a request to meet."))
    answer = bounded_text(answer, TOPIC_LENGTH, "answer", required=decline,
                   message=_("Say why you decline."))
    place = bounded_text(place, 200, "place")
    link = (link or "").strip()
    if meets_at is not None and timezone.is_naive(meets_at):
        meets_at = timezone.make_aware(meets_at)
    if not decline:
        if meets_at is None:
            raise ValidationError({"meets_at": _("Give the time of the meeting.")})
        if meets_at < timezone.now():
            raise ValidationError({"meets_at": _("The meeting must be in the future.")})
        if not place and not link:
            raise ValidationError({"place": _("Give the place, or a video link.")})
        if link and (not link.startswith("https://") or len(link) > 500):
            raise ValidationError({"link": _("A video link starts with https://.")})
    with transaction.atomic():
        lock_case(case)
        row = MeetingRequest.objects.select_for_update().get(pk=request.pk)
        if row.status != MeetingRequest.Status.PENDING:
            raise ValidationError(_("This request has already been answered."))
        row.status = (MeetingRequest.Status.DECLINED if decline
                      else MeetingRequest.Status.SCHEDULED)
        row.meets_at = None if decline else meets_at
        row.place, row.link, row.answer = ("", "", answer) if decline else (place, link, answer)
        row.answered_by, row.answered_at = actor, timezone.now()
        row.save()
        case_event(case, "meeting_answered", actor=actor, is_public=False,
                   decision="declined" if decline else "scheduled")
        notify([row.requested_by], key=f"case:{case.pk}:meeting-answer:{row.pk}",
               kind="case.meeting", code=case.code, number=case.number,
               declined=decline,
               meets_at=timezone.localtime(row.meets_at).strftime("%Y-%m-%d %H:%M")
               if row.meets_at else "")
    return row
