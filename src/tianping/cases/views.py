"""Staff pages of a case: the list, the case page with its actions, and its documents.

Every read starts from `cases.queries`; every change calls `cases.actions`, the same
functions the API calls. A case someone may not see is the same 404 as a missing one.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_fsm import can_proceed

from tianping.cases import actions
from tianping.cases.choices import Track
from tianping.cases.forms import AssignForm, CaseFilterForm, CloseForm
from tianping.cases.models import Case
from tianping.cases.queries import cases_visible_to, get_case_for_user
from tianping.courts.permissions import (
    can_assign_cases,
    can_view_dashboard,
    effective_user,
    is_staff_member,
)
from tianping.courts.queries import courts_visible_to
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.law.rules import BY_CODE as RULES_BY_CODE

PAGE_SIZE = 50
EVENT_LABELS = {
    "filed": gettext_lazy("Filed as a case"),
    "triaged": gettext_lazy("Triaged"),
    "assigned": gettext_lazy("Assigned"),
    "assignment_pending": gettext_lazy("Assignment pending"),
    "trial_started": gettext_lazy("Trial started"),
    "closed": gettext_lazy("Closed"),
    "document_added": gettext_lazy("Document added"),
    "time_limit_set": gettext_lazy("Time limit set"),
    "suspended": gettext_lazy("Suspended"),
    "resumed": gettext_lazy("Resumed"),
    "period_excluded": gettext_lazy("Period excluded from the time limit"),
    "extension_requested": gettext_lazy("Extension requested"),
    "extension_decided": gettext_lazy("Extension decided"),
    "procedure_changed": gettext_lazy("Procedure changed"),
    "archived": gettext_lazy("Archived"),
}
DETAIL_LABELS = {
    "number": gettext_lazy("Case number"),
    "channel": gettext_lazy("Channel"),
    "received_at": gettext_lazy("Received at"),
    "track": gettext_lazy("Track"),
    "procedure": gettext_lazy("Procedure"),
    "reasons": gettext_lazy("Reasons"),
    "team": gettext_lazy("Team"),
    "judge": gettext_lazy("Judge"),
    "how": gettext_lazy("How"),
    "previous": gettext_lazy("Previous judge"),
    "load": gettext_lazy("Pending cases of the judge"),
    "reason": gettext_lazy("Reason"),
    "mode": gettext_lazy("Closure mode"),
    "closed_on": gettext_lazy("Closing date"),
    "title": gettext_lazy("Title"),
    "why": gettext_lazy("Because"),
    "rule": gettext_lazy("Time-limit rule"),
    "expires_on": gettext_lazy("Expires on"),
    "on": gettext_lazy("Date"),
    "note": gettext_lazy("Note"),
    "period": gettext_lazy("Excluded period"),
    "starts_on": gettext_lazy("From"),
    "ends_on": gettext_lazy("Until"),
    "months": gettext_lazy("Months"),
    "days": gettext_lazy("Days"),
    "approved": gettext_lazy("Approved"),
}
HOW_LABELS = {"random": gettext_lazy("at random"), "designated": gettext_lazy("by hand")}
WHY_LABELS = {
    "filed": gettext_lazy("the case was filed"),
    "resumed": gettext_lazy("the case resumed"),
    "excluded": gettext_lazy("a period was excluded"),
    "extended": gettext_lazy("an extension was approved"),
    "procedure changed": gettext_lazy("the procedure changed"),
}


def staff_user(request):
    """The person whose authority applies, if they are court staff."""
    user = effective_user(request)
    if not is_staff_member(user):
        raise PermissionDenied
    return user


def case_for_staff(request, code: str):
    """(user, case) for a staff member who may see the case; anyone else gets a 404."""
    user = effective_user(request)
    if not is_staff_member(user):
        raise Http404("No such case.")
    return user, get_case_for_user(user, code)


@dataclass(frozen=True)
class Allowed:
    start_trial: bool
    assign: bool
    close: bool
    archive: bool = False


def allowed_actions(user, case) -> Allowed:
    """Which actions to offer: those the actions themselves would accept."""
    leader = can_assign_cases(user, case.court)
    responsible = leader or case.judge_id == user.pk
    return Allowed(
        start_trial=responsible and can_proceed(case.start_trial),
        assign=leader and can_proceed(case.assign),
        close=responsible and can_proceed(case.close),
        archive=responsible and can_proceed(case.archive),
    )


def short_parties(case) -> str:
    """张三 v. 李四, or with 等 when there are more on one side."""

    def side(roles):
        names = [p.name for p in case.parties.all() if p.role in roles]
        return "、".join(names[:2]) + (_(" et al.") if len(names) > 2 else "")

    claimants, opponents = side(CLAIMANT_ROLES), side(OPPONENT_ROLES)
    if not opponents:
        return claimants
    return _("%(claimants)s v. %(opponents)s") % {"claimants": claimants, "opponents": opponents}


def case_page(cases, number):
    """One page of CASES in a fixed number of queries, whatever the length of the list.

    The ordering and the slice are done on ids alone; only the page's rows are then loaded
    with their court, division, team, judge, cause and parties.
    """
    page = Paginator(cases.values_list("pk", flat=True), PAGE_SIZE).get_page(number)
    ids = list(page.object_list)
    rows = Case.objects.filter(pk__in=ids).select_related(
        "court", "division", "team", "judge", "cause", "time_limit"
    )
    by_id = {case.pk: case for case in rows.prefetch_related("parties")}
    page.object_list = [by_id[pk] for pk in ids]
    return page


@login_required
def case_list(request):
    user = staff_user(request)
    courts = list(courts_visible_to(user))
    form = CaseFilterForm(request.GET or None, user=user, courts=courts)
    page = case_page(form.apply(cases_visible_to(user)), request.GET.get("page"))
    today = timezone.localdate()
    for case in page.object_list:
        case.parties_short, case.days = short_parties(case), case.days_pending(today)
    context = {
        "form": form,
        "page": page,
        "can_see_dashboard": any(can_view_dashboard(user, c) for c in courts),
    }
    return render(request, "cases/case_list.html", context)


def _shown(key: str, value):
    """A detail value as people read it: labels for codes, local time for timestamps."""
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    if key == "how":
        return HOW_LABELS.get(value, value)
    if key == "track" and value in Track.values:
        return Track(value).label
    if key == "why":
        return WHY_LABELS.get(value, value)
    if key == "rule":
        rule = RULES_BY_CODE.get(value)
        return rule.name if rule else value
    if key == "approved":
        return _("yes") if value else _("no")
    if isinstance(value, str) and len(value) > 19 and value[10:11] == "T":
        parsed = parse_datetime(value)
        if parsed is not None:
            return date_format(timezone.localtime(parsed), "Y-m-d H:i")
    return value


def _details(details: dict) -> list[tuple[str, str]]:
    return [
        (DETAIL_LABELS.get(key) or capfirst(key.replace("_", " ")), _shown(key, value))
        for key, value in details.items()
        if value not in (None, "", [])
    ]


def timeline(case) -> list[dict]:
    return [
        {
            "event": e,
            "label": EVENT_LABELS.get(e.kind) or capfirst(e.kind.replace("_", " ")),
            "details": _details(e.details),
        }
        for e in case.events.select_related("actor", "acted_for")
    ]


def _render_case(request, user, case, *, status=200, **forms):
    can, today = allowed_actions(user, case), timezone.localdate()
    documents = list(case.documents.select_related("uploaded_by"))
    for doc in documents:
        doc.key = doc.file.name.rsplit("/", 1)[-1]
    context = {
        "case": case,
        "can": can,
        "days": case.days_pending(today),
        "parties": case.parties.prefetch_related("representatives"),
        "timeline": timeline(case),
        "documents": documents,
        "assign_form": forms.get("assign_form")
        or (AssignForm(court=case.court) if can.assign else None),
        "close_form": forms.get("close_form")
        or (CloseForm(initial={"closed_on": today}) if can.close else None),
    }
    return render(request, "cases/case_detail.html", context, status=status)


@login_required
def case_detail(request, code):
    user, case = case_for_staff(request, code)
    return _render_case(request, user, case)


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


@login_required
@require_POST
def start_trial(request, code):
    user, case = case_for_staff(request, code)
    if not allowed_actions(user, case).start_trial:
        raise PermissionDenied
    try:
        actions.start_trial(case, **_acting(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The trial has started."))
    return redirect("cases:detail", case.code)


@login_required
@require_POST
def archive(request, code):
    user, case = case_for_staff(request, code)
    if not allowed_actions(user, case).archive:
        raise PermissionDenied
    try:
        actions.archive_case(case, **_acting(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The case has been archived."))
    return redirect("cases:detail", case.code)


@login_required
@require_POST
def assign(request, code):
    user, case = case_for_staff(request, code)
    if not can_assign_cases(user, case.court):
        raise PermissionDenied
    form = AssignForm(request.POST, court=case.court)
    if form.is_valid():
        try:
            actions.assign_by_hand(case, **form.cleaned_data, **_acting(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The case has been assigned."))
            return redirect("cases:detail", case.code)
    return _render_case(request, user, case, assign_form=form, status=422)


@login_required
@require_POST
def close(request, code):
    user, case = case_for_staff(request, code)
    if not allowed_actions(user, case).close:
        raise PermissionDenied
    form = CloseForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                closed = actions.close_case(
                    case,
                    mode=data["mode"],
                    closed_on=data["closed_on"],
                    note=data["note"],
                    **_acting(request),
                )
                actions.attach_case_documents(closed, data["documents"], **_acting(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The case has been closed."))
            return redirect("cases:detail", case.code)
    return _render_case(request, user, case, close_form=form, status=422)


@login_required
def document(request, code, key):
    """Download a document of a case the user may see (same 404 otherwise)."""
    _, case = case_for_staff(request, code)
    doc = case.documents.filter(file=f"cases/{case.code}/{key}").first()
    if doc is None:
        raise Http404("No such document.")
    return FileResponse(
        doc.file.open("rb"), as_attachment=True, filename=doc.title, content_type=doc.content_type
    )
