"""Enforcement pages: the officer's queue, the bureau head's pool and overview, and one
page per act on a case (title, assignment, milestone, closing, periodic check, restoring,
answering a clue), plus the party's application and clue report. Reads through
`enforcement.permissions` and `queries`; every change one call of `enforcement.actions`
(or `flows.enforcement`), as the API does."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import current_memberships, effective_user, require_staff
from tianping.enforcement import actions, queries
from tianping.enforcement.forms import (
    ApplyForm,
    AssignForm,
    CheckForm,
    CloseForm,
    ClueForm,
    MilestoneForm,
    ReplyForm,
    TitleForm,
)
from tianping.enforcement.models import Clue, Milestone
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
from tianping.flows.enforcement import apply_online, can_apply, enforceable, restore
from tianping.flows.enforcement import close as flow_close


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _put_errors(form, exc) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None,
                           [m for e in errors for m in e.messages])
    else:
        form.add_error(None, exc.messages if hasattr(exc, "messages") else [str(exc)])


def _staff_case(request, code):
    user = require_staff(effective_user(request))
    case = get_case_for_user(user, code)
    if not staff_sees(user, case):
        raise Http404("Not an enforcement case.")
    return user, case


def _record(case):
    row = queries.record_of(case)
    if row is None:
        raise Http404("No enforcement record.")
    return row


def _oversight_court(user):
    for m in current_memberships(user):
        if may_oversee(user, m.court):
            return m.court
    return None


@login_required
def queue(request):
    user = require_staff(effective_user(request))
    today = timezone.localdate()
    court = _oversight_court(user)
    return render(request, "enforcement/queue.html", {
        "rows": queries.officer_queue(user, today), "today": today,
        "clues": queries.open_clues(officer=user)[:100], "oversees": court is not None})


@login_required
def bureau(request):
    user = require_staff(effective_user(request))
    court = _oversight_court(user)
    if court is None:
        raise PermissionDenied
    today = timezone.localdate()
    return render(request, "enforcement/bureau.html", {
        "court": court, "today": today, "overview": queries.overview(court, today),
        "pool": queries.pool(court)[:200],
        "clues": queries.open_clues(court=court).filter(due_on__lt=today)[:200],
        "reviews": queries.review_list(court)[:200]})


def _act_page(request, template, form, case, status=200, **extra):
    return render(request, f"enforcement/{template}", {"form": form, "case": case, **extra},
                  status=status)


def _run(request, form, case, call, success: str, template: str, **extra):
    """Run CALL for a valid FORM; back to the case, or the page with the errors."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as exc:
            _put_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("cases:detail", case.code)
    return _act_page(request, template, form, case, status=400, **extra)


@login_required
def title(request, code):
    user, case = _staff_case(request, code)
    if not can_record_title(user, case):
        raise PermissionDenied
    form = TitleForm(request.POST or None, request.FILES or None)
    if request.method != "POST":
        return _act_page(request, "title.html", form, case)

    def call(data):
        values = actions.title_values(**{k: data[k] for k in (
            "title_kind", "title_number", "issuing_body", "title_effective_on",
            "amount_applied", "request", "applicant_name", "respondent_name")})
        actions.record_title(case, **_acting(request), values=values,
                             document=data["title_document"], is_major=data["is_major"])

    return _run(request, form, case, call, _("Enforcement title recorded."), "title.html")


@login_required
def assign(request, code):
    user, case = _staff_case(request, code)
    row = queries.record_of(case)
    if not can_assign(user, case, row):
        raise PermissionDenied
    form = AssignForm(request.POST or None, court=case.court)
    if request.method != "POST":
        return _act_page(request, "assign.html", form, case, record=row)
    return _run(request, form, case, lambda d: actions.assign(
        case, **_acting(request), officer=d["officer"], reason=d["reason"]),
        _("Enforcement officer assigned."), "assign.html", record=row)


@login_required
@require_POST
def major(request, code):
    user, case = _staff_case(request, code)
    if not (is_bureau_head(user, case.court) and queries.record_of(case)):
        raise PermissionDenied
    row = actions.mark_major(case, **_acting(request), major=request.POST.get("major") == "1")
    messages.success(request, _("Marked as a major case.") if row.is_major
                     else _("No longer a major case."))
    return redirect("cases:detail", case.code)


@login_required
def milestone(request, code):
    user, case = _staff_case(request, code)
    if not can_act(user, case):
        raise PermissionDenied
    row = _record(case)
    form = MilestoneForm(request.POST or None, request.FILES or None,
                         initial={"kind": request.GET.get("kind")})
    extra = {"record": row, "checklist": queries.checklist(row, timezone.localdate())}
    if request.method != "POST":
        return _act_page(request, "milestone.html", form, case, **extra)
    return _run(request, form, case, lambda d: actions.record_milestone(
        case, **_acting(request), kind=d["kind"], done_on=d["done_on"], amount=d["amount"],
        note=d["note"], document=d["document"]),
        _("Milestone recorded."), "milestone.html", **extra)


@login_required
def close(request, code):
    user, case = _staff_case(request, code)
    if not can_act(user, case) or case.judge_id != user.pk:
        raise PermissionDenied
    row = _record(case)
    today = timezone.localdate()
    form = CloseForm(request.POST or None, request.FILES or None)
    extra = {"record": row, "preconditions": queries.preconditions(row, today)}
    if request.method != "POST":
        return _act_page(request, "close.html", form, case, **extra)
    return _run(request, form, case, lambda d: flow_close(
        case, **_acting(request), mode=d["mode"], closed_on=d["closed_on"], note=d["note"],
        documents=[d["document"]] if d["document"] else []),
        _("Enforcement case closed."), "close.html", **extra)


@login_required
def check(request, code):
    user, case = _staff_case(request, code)
    row = _record(case)
    if not can_check(user, row):
        raise PermissionDenied
    form = CheckForm(request.POST or None)
    if request.method != "POST":
        return _act_page(request, "check.html", form, case, record=row)
    return _run(request, form, case, lambda d: actions.record_check(
        row, **_acting(request), done_on=d["done_on"], note=d["note"]),
        _("Property check recorded."), "check.html", record=row)


@login_required
@require_POST
def restore_case(request, code):
    user, case = _staff_case(request, code)
    row = _record(case)
    if not can_restore(user, row):
        raise PermissionDenied
    new = restore(row, actor=request.user)
    messages.success(request, _("Enforcement restored as case %(number)s.")
                     % {"number": new.number})
    return redirect("cases:detail", new.code)


def _staff_clue(request, code):
    user = require_staff(effective_user(request))
    clue = get_object_or_404(Clue.objects.select_related("record__case"), code=code)
    if not staff_sees(user, clue.record.case):
        raise Http404
    return user, clue


@login_required
def answer(request, code):
    user, clue = _staff_clue(request, code)
    case = clue.record.case
    if not can_act(user, case) or clue.status != "open":
        raise PermissionDenied
    record_view(request, case, "enforcement_clue_read", clue=clue.code)
    form = ReplyForm(request.POST or None)
    if request.method != "POST":
        return _act_page(request, "answer.html", form, case, clue=clue)
    return _run(request, form, case, lambda d: actions.answer_clue(
        clue, **_acting(request), reply=d["reply"]), _("Answer sent to the applicant."),
        "answer.html", clue=clue)


def _send(request, field, case, what: str, **details):
    if not field:
        raise Http404
    record_view(request, case, what, **details)
    return FileResponse(field.open("rb"), filename=field.name.rsplit("/", 1)[-1])


@login_required
def clue_attachment(request, code):
    user = effective_user(request)
    clue = get_object_or_404(Clue.objects.select_related("record__case"), code=code)
    case = clue.record.case
    if not (staff_sees(user, case) or clue.reported_by_id == getattr(user, "pk", None)):
        raise Http404
    return _send(request, clue.attachment, case, "enforcement_clue_attachment_read",
                 clue=clue.code)


@login_required
def document(request, code, pk):
    user, case = _staff_case(request, code)
    item = get_object_or_404(Milestone, pk=pk, record__case=case)
    return _send(request, item.document, case, "enforcement_document_read", milestone=pk)


@login_required
def title_document(request, code):
    user, case = _staff_case(request, code)
    return _send(request, _record(case).title_document, case, "enforcement_title_read")


# The party's pages (portal).


@login_required
def apply(request, code):
    """A party of an effective decision applies for its enforcement (申请执行)."""
    user = effective_user(request)
    case = get_case_for_user(user, code)
    today = timezone.localdate()
    if not can_apply(user, case, today):
        raise PermissionDenied
    effective_on, deadline = enforceable(case, today)
    form = ApplyForm(request.POST or None)
    extra = {"effective_on": effective_on, "deadline": deadline, "late": today > deadline,
             "parties": case.parties.all()}
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                filing = apply_online(case, actor=request.user, amount=form.cleaned_data["amount"],
                                      request=form.cleaned_data["request"], today=today)
            except ValidationError as exc:
                _put_errors(form, exc)
            else:
                messages.success(request, _("Your application for enforcement was handed in; "
                                            "the court reviews it within 7 days."))
                return redirect("online:detail", filing.code)
    return render(request, "enforcement/apply.html", {"form": form, "case": case, **extra},
                  status=status)


@login_required
def report_clue(request, code):
    user = effective_user(request)
    case = get_case_for_user(user, code)
    if not party_sees(user, case):
        raise Http404
    row = _record(case)
    if not can_report_clue(user, row):
        raise PermissionDenied
    form = ClueForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                actions.report_clue(row, actor=request.user, text=form.cleaned_data["text"],
                                    attachment=form.cleaned_data["attachment"])
            except ValidationError as exc:
                _put_errors(form, exc)
            else:
                messages.success(request, _("Clue sent to the enforcement officer."))
                return redirect("party_cases:detail", case.code)
    return render(request, "enforcement/clue.html", {"form": form, "case": case},
                  status=status)
