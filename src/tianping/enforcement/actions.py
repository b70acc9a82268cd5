"""Enforcement use cases, each one transaction with its timeline event (through
`cases.events.case_event`, which writes the audit entry) and each checking
`enforcement.permissions` again. Opening the 执 case itself is the filing's acceptance
(`flows.filing`, `flows.enforcement`); restoring a 终本 case (执恢) is `flows.enforcement`."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.audit.actions import record as audit
from tianping.cases import actions as case_actions
from tianping.cases.choices import CaseState, ClosureMode
from tianping.cases.events import case_event
from tianping.cases.models import Case
from tianping.courts.choices import TeamKind
from tianping.courts.models import Team
from tianping.courts.permissions import can_enforce
from tianping.enforcement import config, rules
from tianping.enforcement.backends import search_backend
from tianping.enforcement.choices import (
    WITH_AMOUNT,
    WITH_DOCUMENT,
    ClosingMode,
    ClueStatus,
    MilestoneKind,
    Precondition,
    TitleKind,
)
from tianping.enforcement.models import Clue, EnforcementRecord, Milestone
from tianping.enforcement.permissions import (
    can_check,
    can_record_title,
    is_bureau_head,
    require_act,
    require_assign,
    require_report_clue,
)
from tianping.lib.money import check_amount
from tianping.lib.text import clean_text
from tianping.lib.uploads import check_upload
from tianping.notifications.actions import notify

TEXT_MAX = 4000
# The general closure mode a case takes for each enforcement closing (cases' ClosureMode
# has no enforcement modes; the enforcement mode is kept on the record).
CASE_MODE = {
    ClosingMode.COMPLETED: ClosureMode.OTHER,
    ClosingMode.TERMINATED_CURRENT: ClosureMode.RULING,
    ClosingMode.TERMINATED: ClosureMode.TERMINATION,
    ClosingMode.NOT_ENFORCED: ClosureMode.RULING,
    ClosingMode.CANCELLED: ClosureMode.OTHER,
    ClosingMode.REJECTED: ClosureMode.RULING,
}


def _text(value, field: str, *, required: bool, limit: int = TEXT_MAX) -> str:
    value = (clean_text(value or "")).strip()
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    if len(value) > limit:
        raise ValidationError({field: _("At most %(n)d characters.") % {"n": limit}})
    return value


def _amount(value, field="amount", *, required: bool):
    if value in (None, ""):
        if required:
            raise ValidationError({field: _("Give the amount.")})
        return None
    value = Decimal(value)
    check_amount(value)
    if value <= 0:
        raise ValidationError({field: _("The amount must be more than zero.")})
    return value


def _store(row, prefix: str, upload) -> None:
    checked = check_upload(upload)
    getattr(row, prefix).save(upload.name, upload, save=False)
    setattr(row, f"{prefix}_name", upload.name[:200])
    setattr(row, f"{prefix}_sha256", checked.sha256)


def title_values(*, title_kind, title_number="", issuing_body="", title_effective_on=None,
                 amount_applied=None, request="", applicant_name="", respondent_name="",
                 origin_case=None) -> dict:
    if title_kind not in TitleKind.values:
        raise ValidationError({"title_kind": _("Choose the kind of title.")})
    if origin_case is None and not (title_number or "").strip():
        raise ValidationError({"title_number": _(
            "Give the number of the title (or choose the case decided on the platform).")})
    return {
        "title_kind": title_kind, "origin_case": origin_case,
        "title_number": _text(title_number, "title_number", required=False, limit=80),
        "issuing_body": _text(issuing_body, "issuing_body", required=False, limit=200),
        "title_effective_on": title_effective_on,
        "amount_applied": _amount(amount_applied, "amount_applied", required=False),
        "request": _text(request, "request", required=False),
        "applicant_name": _text(applicant_name, "applicant_name", required=False, limit=200),
        "respondent_name": _text(respondent_name, "respondent_name", required=False,
                                 limit=200),
    }


def new_application(filing, *, actor, values: dict, document=None) -> EnforcementRecord:
    """The title of an application for enforcement being filed (the filing not yet
    accepted): called by `flows.enforcement` inside its transaction."""
    row = EnforcementRecord(filing=filing, court=filing.court, created_by=actor, **values)
    if document is not None:
        _store(row, "title_document", document)
    row.save()
    audit("enforcement.applied", row, actor=actor,
          changes={"filing": filing.code, "amount": str(row.amount_applied or "")})
    return row


def _is_major(row) -> bool:
    return bool(row.amount_applied is not None and row.amount_applied >= config.major_amount())


def attach_to_case(case: Case, *, actor, acted_for=None) -> EnforcementRecord | None:
    """The accepted filing's title goes to its 执 case; a major one is pooled."""
    row = EnforcementRecord.objects.select_for_update().filter(filing_id=case.filing_id).first()
    if row is None:
        return None
    row.case = case
    row.is_major = row.is_major or _is_major(row)
    row.save(update_fields=["case", "is_major"])
    case_event(case, "enforcement_title", actor=actor, acted_for=acted_for,
               title_kind=row.title_kind)
    if row.is_major:
        case_event(case, "enforcement_pooled", actor=actor, acted_for=acted_for,
                   is_public=False)
    return row


def record_title(case: Case, *, actor, acted_for=None, values: dict, document=None,
                 is_major=False) -> EnforcementRecord:
    """The title of a 执 case filed at the window, entered afterwards."""
    user = acted_for or actor
    if not can_record_title(user, case):
        raise PermissionDenied(_("You may not enter the title of this case."))
    if values.get("origin_case") is None and document is None:
        raise ValidationError({"title_document": _("Upload the title document.")})
    with transaction.atomic():
        case = case_actions.lock_case(case)
        if EnforcementRecord.objects.filter(case=case).exists():
            raise ValidationError(_("This case already has its title."))
        row = EnforcementRecord(case=case, filing=case.filing, court=case.court,
                                created_by=actor, is_major=is_major, **values)
        row.is_major = row.is_major or _is_major(row)
        if document is not None:
            _store(row, "title_document", document)
        row.save()
        case_event(case, "enforcement_title", actor=actor, acted_for=acted_for,
                   title_kind=row.title_kind)
    return row


def mark_major(case: Case, *, actor, major: bool, acted_for=None) -> EnforcementRecord:
    """The bureau head marks a case major (or not): a major case waits in the bureau head's
    pool and only the bureau head assigns it. A case over the threshold stays major."""
    if not is_bureau_head(acted_for or actor, case.court):
        raise PermissionDenied(_("Only the head of the enforcement bureau marks a case "
                                 "major."))
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        row = EnforcementRecord.objects.select_for_update().filter(case=case).first()
        if row is None:
            raise ValidationError(_("Enter the enforcement title of this case first."))
        major = bool(major) or _is_major(row)
        if major != row.is_major:
            row.is_major = major
            row.save(update_fields=["is_major"])
            audit("enforcement.major_marked", row, actor=actor, acted_for=acted_for,
                  changes={"is_major": major})
            if major:
                case_event(case, "enforcement_pooled", actor=actor, acted_for=acted_for,
                           is_public=False)
    return row


def _officer_team(officer, court):
    return (Team.objects.filter(court=court, kind=TeamKind.ENFORCEMENT,
                                memberships__user=officer).order_by("pk").first())


def assign(case: Case, *, actor, officer, reason: str = "", acted_for=None,
           today=None) -> Case:
    """The bureau head (or the president, a case not major) assigns the officer, who
    becomes the case's handler (its `judge`), with the officer's enforcement team."""
    today = today or timezone.localdate()
    user = acted_for or actor
    row = EnforcementRecord.objects.filter(case=case).first()
    require_assign(user, case, row)
    if officer is None or not can_enforce(officer, case.court):
        raise ValidationError({"officer": _("Choose an enforcement officer of this court.")})
    reason = _text(reason, "reason", required=False, limit=300)
    with transaction.atomic():
        case = case_actions.lock_case(case)
        previous = case.judge
        if case.state == CaseState.FILED:
            case_actions.apply_transition(case, "assign")
        case.judge = officer
        case.team = _officer_team(officer, case.court) or case.team
        case.save(update_fields=["judge", "team", "state"])
        case_event(case, "assigned", actor=actor, acted_for=acted_for,
                   judge=officer.full_name, how="designated",
                   previous=previous.full_name if previous else None, reason=reason)
        audit("case.judge_changed", case, actor=actor, acted_for=acted_for,
              changes={"judge": {"from": previous.pk if previous else None,
                                 "to": officer.pk}})
        if row is not None:
            EnforcementRecord.objects.filter(pk=row.pk).update(assigned_on=today,
                                                               assigned_by=actor)
        if officer.pk != actor.pk:
            notify([officer], key=f"enforcement:{case.pk}:assigned:{officer.pk}",
                   kind="enforcement.assigned", number=case.number, case=case.code)
    return case


def record_milestone(case: Case, *, actor, kind: str, done_on: datetime.date, amount=None,
                     note: str = "", document=None, acted_for=None) -> Milestone:
    """One milestone of the case, with its date (and amount, and document for a measure
    against the debtor)."""
    require_act(acted_for or actor, case)
    if kind not in MilestoneKind.values or kind == MilestoneKind.PERIODIC_CHECK:
        raise ValidationError({"kind": _("Choose the milestone.")})
    if done_on is None or done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date cannot be in the future.")})
    if done_on < case.filed_on:
        raise ValidationError({"done_on": _("The date cannot be before the filing date.")})
    amount = _amount(amount, required=kind in WITH_AMOUNT and kind != MilestoneKind.SEIZURE)
    if kind not in WITH_AMOUNT:
        amount = None
    if kind in WITH_DOCUMENT and document is None:
        raise ValidationError({"document": _("Upload the decision (决定书) of this measure.")})
    note = _text(note, "note", required=kind == MilestoneKind.NO_PROPERTY)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        require_act(acted_for or actor, case)  # again, on the case as it is now
        row = EnforcementRecord.objects.select_for_update().filter(case=case).first()
        if row is None:
            raise ValidationError(_("Enter the enforcement title of this case first."))
        kinds = set(row.milestones.values_list("kind", flat=True))
        if kind == MilestoneKind.SEARCH_ANSWERED and MilestoneKind.SEARCH_REQUESTED not in kinds:
            raise ValidationError({"kind": _("Record the search request before its answer.")})
        milestone = Milestone(record=row, kind=kind, done_on=done_on, amount=amount, note=note,
                              recorded_by=actor)
        if document is not None:
            _store(milestone, "document", document)
        milestone.save()
        if kind == MilestoneKind.SEARCH_REQUESTED:
            search_backend().request(row, actor=actor)
        case_event(case, "enforcement_milestone", actor=actor, acted_for=acted_for,
                   milestone=kind, done_on=done_on,
                   **({"amount": str(amount)} if amount is not None else {}))
    return milestone


def check_closing(case: Case, *, actor, mode: str, closed_on, acted_for=None,
                  today=None) -> EnforcementRecord:
    """Whether the officer may close CASE by MODE now: 终本 only with every precondition
    of 法〔2016〕373号 art. 1 on record (the error names each one missing). The closing
    itself is `flows.enforcement.close` (the case's closing and its time limit)."""
    today = today or timezone.localdate()
    user = acted_for or actor
    require_act(user, case)
    if case.judge_id != user.pk:
        raise PermissionDenied(_("Only the case's enforcement officer closes it."))
    if mode not in ClosingMode.values:
        raise ValidationError({"mode": _("Choose how the case was closed.")})
    row = EnforcementRecord.objects.filter(case=case).first()
    if row is None:
        raise ValidationError(_("Enter the enforcement title of this case first."))
    if mode == ClosingMode.TERMINATED_CURRENT:
        kinds = set(row.milestones.values_list("kind", flat=True))
        missing = rules.missing_preconditions(filed_on=case.filed_on, kinds=kinds,
                                              today=closed_on or today)
        if missing:
            raise ValidationError({"mode": _(
                "The current enforcement procedure cannot be terminated yet (法〔2016〕373号 "
                "art. 1); missing: %(missing)s.") % {
                    "missing": _("; ").join(str(Precondition(m).label) for m in missing)}})
    return row


def case_mode(mode: str) -> str:
    return CASE_MODE[mode]


def note_closed(row: EnforcementRecord, case: Case, *, actor, mode: str, closed_on,
                acted_for=None) -> EnforcementRecord:
    """The enforcement mode of a case just closed (inside `flows.enforcement.close`)."""
    row = EnforcementRecord.objects.select_for_update().get(pk=row.pk)
    row.closing_mode, row.closed_on = mode, closed_on
    row.met_preconditions = mode == ClosingMode.TERMINATED_CURRENT
    row.next_check_on = (rules.next_check(closed_on, None, months=config.check_months(),
                                          years=config.check_years())
                         if mode == ClosingMode.TERMINATED_CURRENT else None)
    row.save(update_fields=["closing_mode", "closed_on", "met_preconditions",
                            "next_check_on"])
    case_event(case, "enforcement_closed", actor=actor, acted_for=acted_for,
               closing_mode=mode, closed_on=closed_on)
    return row


def record_check(row: EnforcementRecord, *, actor, done_on: datetime.date, note: str = "",
                 acted_for=None) -> Milestone:
    """A periodic property check of a 终本 case (no new property: otherwise restore it)."""
    case = row.case
    if not can_check(acted_for or actor, row):
        raise PermissionDenied(_("Only the officer or the bureau head records the checks of "
                                 "a case closed as 终本."))
    if done_on is None or done_on > timezone.localdate() or done_on < row.closed_on:
        raise ValidationError({"done_on": _("Give a date between the closing and today.")})
    note = _text(note, "note", required=False)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        row = EnforcementRecord.objects.select_for_update().get(pk=row.pk)
        milestone = Milestone.objects.create(record=row, kind=MilestoneKind.PERIODIC_CHECK,
                                             done_on=done_on, note=note, recorded_by=actor)
        row.next_check_on = rules.next_check(row.closed_on, done_on,
                                             months=config.check_months(),
                                             years=config.check_years())
        row.save(update_fields=["next_check_on"])
        case_event(case, "enforcement_milestone", actor=actor, acted_for=acted_for,
                   is_public=False, milestone=MilestoneKind.PERIODIC_CHECK, done_on=done_on)
    return milestone


def report_clue(row: EnforcementRecord, *, actor, text: str, attachment=None,
                today=None) -> Clue:
    """The applicant reports a property clue; the officer answers within the set days."""
    today = today or timezone.localdate()
    require_report_clue(actor, row)
    text = _text(text, "text", required=True)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=row.case_id)
        clue = Clue(record=row, reported_by=actor, text=text, reported_on=today,
                    due_on=rules.add_days(today, config.clue_days()))
        if attachment is not None:
            _store(clue, "attachment", attachment)
        clue.save()
        case_event(case, "enforcement_clue", actor=actor, reported_on=today)
        notify([case.judge_id], key=f"enforcement:clue:{clue.code}", kind="enforcement.clue",
               number=case.number, case=case.code, day=clue.due_on.isoformat())
    return clue


def answer_clue(clue: Clue, *, actor, reply: str, acted_for=None, today=None) -> Clue:
    today = today or timezone.localdate()
    case = clue.record.case
    require_act(acted_for or actor, case)
    reply = _text(reply, "reply", required=True)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        clue = Clue.objects.select_for_update().get(pk=clue.pk)
        if clue.status != ClueStatus.OPEN:
            raise ValidationError(_("This clue has been answered already."))
        clue.status, clue.reply, clue.replied_by, clue.replied_on = (
            ClueStatus.ANSWERED, reply, actor, today)
        clue.save(update_fields=["status", "reply", "replied_by", "replied_on"])
        case_event(case, "enforcement_clue_answered", actor=actor, acted_for=acted_for,
                   reported_on=clue.reported_on)
        notify([clue.reported_by_id], key=f"enforcement:answered:{clue.code}",
               kind="enforcement.clue_answered", number=case.number, case=case.code)
    return clue


def open_restored(row: EnforcementRecord, new_case: Case, *, actor) -> EnforcementRecord:
    """The record of a 执恢 case restored from ROW (inside `flows.enforcement.restore`)."""
    copy = EnforcementRecord.objects.create(
        case=new_case, court=new_case.court, created_by=actor, restored_from=row,
        title_kind=row.title_kind, origin_case=row.origin_case, title_number=row.title_number,
        issuing_body=row.issuing_body, title_effective_on=row.title_effective_on,
        title_document=row.title_document.name if row.title_document else "",
        title_document_name=row.title_document_name,
        title_document_sha256=row.title_document_sha256,
        amount_applied=row.amount_applied, request=row.request,
        applicant_name=row.applicant_name, respondent_name=row.respondent_name,
        is_major=row.is_major)
    EnforcementRecord.objects.filter(pk=row.pk).update(next_check_on=None)
    old = Case.objects.select_for_update().get(pk=row.case_id)
    case_event(old, "enforcement_restored", actor=actor, number=new_case.number)
    return copy
