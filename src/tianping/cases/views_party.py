"""The parties' view (当事人查看): a litigant or lawyer follows their own cases.

Only through cases_visible_to / get_case_for_user: a case of someone else is the same 404
as a case that does not exist. Only public timeline events (流程公开) and documents marked
for the parties are shown; identity numbers are masked.
"""

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.cases.choices import CaseState, ClosureMode, Procedure
from tianping.cases.queries import cases_visible_to, get_case_for_user
from tianping.courts.permissions import can_file_online

EVENT_LABELS = {
    "filed": gettext_lazy("Filed as case %(number)s"),
    "assigned": gettext_lazy("Judge assigned: %(judge)s"),
    "time_limit_set": gettext_lazy("Time limit for the trial runs to %(expires_on)s"),
    "period_excluded": gettext_lazy(
        "Not counted in the time limit: %(period)s, %(starts_on)s to %(ends_on)s"
    ),
    "extension_requested": gettext_lazy("Extension of the time limit requested"),
    "extension_decided": gettext_lazy("Extension of the time limit decided"),
    "suspended": gettext_lazy("Case suspended on %(on)s"),
    "resumed": gettext_lazy("Case resumed on %(on)s"),
    "trial_started": gettext_lazy("Trial started"),
    "document_added": gettext_lazy("A document was added to the file"),
    "closed": gettext_lazy("Case closed"),
    "procedure_changed": gettext_lazy("Procedure changed to %(procedure)s"),
    "archived": gettext_lazy("Case file archived"),
}


def party_view(view):
    """Pages for litigants and lawyers; staff follow cases in their workspace."""

    @login_required
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_file_online(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def event_label(event) -> str:
    label = EVENT_LABELS.get(event.kind)
    if label is None:
        return event.kind.replace("_", " ")
    try:
        return str(label) % event.details
    except (KeyError, TypeError, ValueError):
        return str(label).split(":")[0].split("%")[0].strip()


def public_events(case):
    return [(e, event_label(e)) for e in case.events.filter(is_public=True).order_by("seq")]


def document_ref(document) -> str:
    """The public reference of a document: the random last part of its stored name."""
    return document.file.name.rsplit("/", 1)[-1]


def case_next(case) -> str:
    """What the party can expect next, or is expected to do."""
    if case.state in (CaseState.CLOSED, CaseState.ARCHIVED):
        text = _("The case was closed on %(date)s (%(mode)s).") % {
            "date": case.closed_on.isoformat() if case.closed_on else "—",
            "mode": case.get_closure_mode_display(),
        }
        if case.closure_mode == ClosureMode.JUDGMENT and case.procedure != Procedure.SMALL_CLAIMS:
            text += " " + _(
                "If you disagree with the judgment, you may appeal within 15 days "
                "of its service on you."
            )
        return text
    if case.state == CaseState.SUSPENDED:
        return _("The case is suspended; the court will tell you when it resumes.")
    if case.judge_id is None:
        return _("The court is assigning a judge; you will be told who it is.")
    if case.state == CaseState.IN_TRIAL:
        return _("The trial is under way: keep to the dates in the documents served on you.")
    return _(
        "Judge %(judge)s handles your case. Watch for documents served on you: the "
        "summons gives the hearing date."
    ) % {"judge": case.judge.full_name}


@party_view
def my_cases(request):
    cases = cases_visible_to(request.user).select_related("court", "judge", "time_limit")
    rows = [{"case": case, "next": case_next(case)} for case in cases]
    return render(request, "cases/party/list.html", {"rows": rows})


@party_view
def case_detail(request, code):
    case = get_case_for_user(request.user, code)
    documents = [(d, document_ref(d)) for d in case.documents.filter(is_public=True)]
    context = {
        "case": case,
        "parties": case.parties.prefetch_related("representatives"),
        "events": public_events(case),
        "documents": documents,
        "next": case_next(case),
    }
    return render(request, "cases/party/detail.html", context)


@party_view
def document(request, code, ref):
    case = get_case_for_user(request.user, code)
    for item in case.documents.filter(is_public=True):
        if document_ref(item) == ref:
            return FileResponse(
                item.file.open("rb"), content_type=item.content_type, filename=item.title
            )
    raise Http404
