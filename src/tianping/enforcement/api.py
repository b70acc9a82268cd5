"""Enforcement in the REST API (/api/v1/enforcement): the officer's queue, the bureau's
pool, review list and figures, a case's enforcement (title, checklist, milestones, clues),
the acts on it, and the party's application and clues. The same permissions, queries and
actions as the pages: 404 for what one may not see, 403 for an act one may not take, 422
for bad input."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Path, Query, Router, Status
from ninja.files import UploadedFile

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.models import Court
from tianping.courts.permissions import current_memberships, effective_user, require_staff
from tianping.enforcement import actions, queries
from tianping.enforcement.api_schemas import (
    EnforcementApplyIn,
    EnforcementAssignIn,
    EnforcementCheckIn,
    EnforcementCloseIn,
    EnforcementClueIn,
    EnforcementCluePageOut,
    EnforcementFiguresOut,
    EnforcementFilingOut,
    EnforcementMajorIn,
    EnforcementMilestoneIn,
    EnforcementOut,
    EnforcementReplyIn,
    EnforcementRowPageOut,
    EnforcementTitleIn,
)
from tianping.enforcement.models import Clue
from tianping.enforcement.permissions import (
    can_act,
    can_assign,
    can_check,
    can_record_title,
    can_report_clue,
    can_restore,
    is_bureau_head,
    may_oversee,
    party_sees,
    staff_sees,
)
from tianping.flows.enforcement import apply_online, can_apply, restore
from tianping.flows.enforcement import close as flow_close
from tianping.lib.api_pages import PageIn
from tianping.lib.keyset import rows_page

router = Router(tags=["enforcement"])
CODE = Path(..., min_length=1, max_length=12)


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _name(user):
    return (user.full_name or user.username) if user else None


def _case(request, code):
    """(user, case, is_staff) for a 执 case the caller sees (staff, or a party)."""
    user = effective_user(request)
    case = get_case_for_user(user, code)
    if staff_sees(user, case):
        return user, case, True
    if party_sees(user, case):
        return user, case, False
    raise Http404


def _staff_case(request, code):
    user, case, staff = _case(request, code)
    if not staff:
        raise Http404
    return user, case


def _out(request, user, case, staff: bool) -> dict:
    row = queries.record_of(case)
    if row is None:
        raise Http404
    today = timezone.localdate()
    record_view(request, case, "enforcement_viewed")
    milestones = (row.milestones.all() if staff else queries.milestones_for_party(row))
    return {
        "case": case.code, "case_number": case.number, "title_kind": row.title_kind,
        "title_number": row.title_number, "issuing_body": row.issuing_body,
        "title_effective_on": row.title_effective_on,
        "origin_case": row.origin_case.code if row.origin_case_id and staff else None,
        "amount_applied": row.amount_applied, "amount_recovered": queries.recovered(row),
        "applicant": row.applicant_name, "respondent": row.respondent_name,
        "is_major": row.is_major, "officer": _name(case.judge), "assigned_on": row.assigned_on,
        "closing_mode": row.closing_mode, "closed_on": row.closed_on,
        "met_preconditions": row.met_preconditions, "next_check_on": row.next_check_on,
        "milestones": [{"kind": m.kind, "done_on": m.done_on, "amount": m.amount,
                        "note": m.note if staff else None} for m in milestones],
        "checklist": [vars(c) for c in queries.checklist(row, today)] if staff else [],
        "missing_for_termination": (queries.missing_preconditions(row, today)
                                    if staff and not row.closing_mode else []),
        "clues": [_clue(c) for c in queries.clues_of(row, None if staff else user)],
    }


def _clue(c) -> dict:
    return {"code": c.code, "text": c.text, "reported_on": c.reported_on, "due_on": c.due_on,
            "status": c.status, "reply": c.reply}


def _rows(page) -> dict:
    return {"items": [{
        "case": r.case.code, "case_number": r.case.number, "filed_on": r.case.filed_on,
        "is_major": r.is_major, "amount_applied": r.amount_applied,
        "officer": _name(r.case.judge), "next_check_on": r.next_check_on,
    } for r in page.items], "next": page.next}


def _overseen_court(user):
    for m in current_memberships(user):
        if may_oversee(user, m.court):
            return m.court
    raise PermissionDenied


@router.get("/queue", response=EnforcementRowPageOut,
            summary="The caller's open enforcement cases (the officer's queue)")
def queue(request, paging: Query[PageIn]):
    user = require_staff(effective_user(request))
    rows = (queries.officer_queue_records(user)
            .select_related("case", "case__judge"))
    return _rows(rows_page(rows, ("case__filed_on", "id"), after=paging.after,
                           size=paging.limit))


@router.get("/pool", response=EnforcementRowPageOut,
            summary="Cases waiting for their officer (the bureau head, the president)")
def pool(request, paging: Query[PageIn]):
    court = _overseen_court(require_staff(effective_user(request)))
    rows = queries.pool(court).order_by("case__filed_on", "id")
    return _rows(rows_page(rows, ("case__filed_on", "id"), after=paging.after,
                           size=paging.limit))


@router.get("/reviews", response=EnforcementRowPageOut,
            summary="终本 cases with their next periodic property check")
def reviews(request, paging: Query[PageIn]):
    court = _overseen_court(require_staff(effective_user(request)))
    return _rows(rows_page(queries.review_list(court), ("next_check_on", "id"),
                           after=paging.after, size=paging.limit))


@router.get("/clues", response=EnforcementCluePageOut,
            summary="Open clues: the caller's (officer), or the court's overdue ones (bureau)")
def clues(request, paging: Query[PageIn], overdue: bool = False):
    user = require_staff(effective_user(request))
    if overdue:
        rows = queries.open_clues(court=_overseen_court(user)).filter(
            due_on__lt=timezone.localdate())
    else:
        rows = queries.open_clues(officer=user)
    page = rows_page(rows, ("due_on", "id"), after=paging.after, size=paging.limit)
    return {"items": [_clue(c) for c in page.items], "next": page.next}


@router.get("/figures", response=EnforcementFiguresOut,
            summary="A court's enforcement figures for a period (closings, 终本, sums)")
def figures(request, start: datetime.date | None = None, end: datetime.date | None = None,
            court: str = ""):
    """START to END inclusive (default: this year so far); COURT a court code (default:
    the caller's)."""
    user = require_staff(effective_user(request))
    end = end or timezone.localdate()
    start = start or end.replace(month=1, day=1)
    target = (get_object_or_404(Court, code=court) if court else _overseen_court(user))
    if not may_oversee(user, target):
        raise PermissionDenied
    return vars(queries.court_figures(target, start, end))


@router.get("/cases/{code}", response=EnforcementOut,
            summary="A case's enforcement: title, sums, checklist, milestones, clues")
def detail(request, code: str = CODE):
    user, case, staff = _case(request, code)
    return _out(request, user, case, staff)


@router.post("/cases/{code}/title", response={201: EnforcementOut},
             summary="Enter the title of a 执 case filed at the window (multipart)")
def title(request, payload: Form[EnforcementTitleIn],
          title_document: File[UploadedFile | None] = None, code: str = CODE):
    user, case = _staff_case(request, code)
    if not can_record_title(user, case):
        raise PermissionDenied
    data = payload.dict()
    is_major = data.pop("is_major")
    actions.record_title(case, **_acting(request), values=actions.title_values(**data),
                         document=title_document, is_major=is_major)
    return Status(201, _out(request, user, case, True))


@router.post("/cases/{code}/assign", response=EnforcementOut,
             summary="Assign the enforcement officer (the bureau head; the president too "
                     "for a case not major)")
def assign(request, payload: EnforcementAssignIn, code: str = CODE):
    user, case = _staff_case(request, code)
    if not can_assign(user, case, queries.record_of(case)):
        raise PermissionDenied
    officer = get_user_model().objects.filter(pk=payload.officer).first()
    case = actions.assign(case, **_acting(request), officer=officer, reason=payload.reason)
    return _out(request, user, case, True)


@router.post("/cases/{code}/major", response=EnforcementOut,
             summary="The bureau head marks the case major (pooled) or not")
def major(request, payload: EnforcementMajorIn, code: str = CODE):
    user, case = _staff_case(request, code)
    if not is_bureau_head(user, case.court):
        raise PermissionDenied
    actions.mark_major(case, **_acting(request), major=payload.major)
    return _out(request, user, case, True)


def _milestone(request, payload, document, code):
    user, case = _staff_case(request, code)
    if not can_act(user, case):
        raise PermissionDenied
    actions.record_milestone(case, **_acting(request), kind=payload.kind,
                             done_on=payload.done_on, amount=payload.amount,
                             note=payload.note, document=document)
    return Status(201, _out(request, user, case, True))


@router.post("/cases/{code}/milestones", response={201: EnforcementOut},
             summary="Record a milestone (JSON; with its document: .../milestones/file)")
def milestone(request, payload: EnforcementMilestoneIn, code: str = CODE):
    return _milestone(request, payload, None, code)


@router.post("/cases/{code}/milestones/file", response={201: EnforcementOut},
             summary="Record a milestone with its document (multipart)")
def milestone_with_file(request, payload: Form[EnforcementMilestoneIn],
                        document: File[UploadedFile], code: str = CODE):
    return _milestone(request, payload, document, code)


@router.post("/cases/{code}/close", response=EnforcementOut,
             summary="Close the enforcement case (multipart; 终本 only with every "
                     "precondition on record)")
def close(request, payload: Form[EnforcementCloseIn],
          document: File[UploadedFile | None] = None, code: str = CODE):
    user, case = _staff_case(request, code)
    if not can_act(user, case) or case.judge_id != user.pk:
        raise PermissionDenied
    flow_close(case, **_acting(request), mode=payload.mode, closed_on=payload.closed_on,
                  note=payload.note, documents=[document] if document else [])
    case.refresh_from_db()
    return _out(request, user, case, True)


@router.post("/cases/{code}/checks", response={201: EnforcementOut},
             summary="Record a periodic property check of a 终本 case")
def check(request, payload: EnforcementCheckIn, code: str = CODE):
    user, case = _staff_case(request, code)
    row = queries.record_of(case)
    if row is None or not can_check(user, row):
        raise PermissionDenied
    actions.record_check(row, **_acting(request), done_on=payload.done_on, note=payload.note)
    return Status(201, _out(request, user, case, True))


@router.post("/cases/{code}/restore", response={201: EnforcementOut},
             summary="Restore a 终本 case (执恢): a new linked case; answers the new case")
def restore_case(request, code: str = CODE):
    user, case = _staff_case(request, code)
    row = queries.record_of(case)
    if row is None or not can_restore(user, row):
        raise PermissionDenied
    new = restore(row, actor=request.user)
    return Status(201, _out(request, user, new, True))


@router.post("/cases/{code}/apply", response={201: EnforcementFilingOut},
             summary="A party of an effective decision applies for its enforcement")
def apply(request, payload: EnforcementApplyIn, code: str = CODE):
    user = effective_user(request)
    case = get_case_for_user(user, code)
    if not can_apply(user, case):
        raise PermissionDenied
    if payload.amount is None:
        raise ValidationError(_("Give the amount applied for."))
    filing = apply_online(case, actor=request.user, amount=payload.amount,
                          request=payload.request)
    return Status(201, {"filing": filing.code})


@router.post("/cases/{code}/clues", response={201: EnforcementOut},
             summary="The applicant reports a property clue (multipart, optional attachment)")
def report_clue(request, payload: Form[EnforcementClueIn],
                attachment: File[UploadedFile | None] = None, code: str = CODE):
    user, case, staff = _case(request, code)
    row = queries.record_of(case)
    if row is None or not can_report_clue(user, row):
        raise PermissionDenied
    actions.report_clue(row, actor=request.user, text=payload.text, attachment=attachment)
    return Status(201, _out(request, user, case, staff))


@router.post("/clues/{code}/answer", response=EnforcementOut,
             summary="The officer answers a property clue")
def answer(request, payload: EnforcementReplyIn, code: str = CODE):
    user = require_staff(effective_user(request))
    clue = Clue.objects.select_related("record__case").filter(code=code).first()
    if clue is None or not staff_sees(user, clue.record.case):
        raise Http404
    case = clue.record.case
    if not can_act(user, case):
        raise PermissionDenied
    actions.answer_clue(clue, **_acting(request), reply=payload.reply)
    return _out(request, user, case, True)
