"""Staff pages of a case: the list, the case page with its actions, and its documents.

Every read starts from `cases.permissions` (what pages and API both read is in
`cases.reads`); every change calls `cases.actions`, the same functions the API calls. A
case someone may not see is the same 404 as a missing one.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.cases import actions, reads
from tianping.cases.choices import CaseState
from tianping.cases.events import case_timeline
from tianping.cases.forms import AssignForm, CaseFilterForm, CloseForm
from tianping.cases.permissions import can_act_as_judge, can_assign, cases_visible_to
from tianping.cases.reads import allowed_actions, case_page, list_rows
from tianping.cases.views_panel import bench_context
from tianping.cases.views_party_acts import staff_context
from tianping.courts.permissions import OVERSIGHT_ROLES, effective_user, require_staff, roles_in
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.filings.documents import stored_pdf
from tianping.filings.review import reads as filing_reads
from tianping.filings.review.views import document_context
from tianping.flows.cases import close_case
from tianping.lib.html_rows import cell, rows_html
from tianping.lib.pdf import pdf_bytes_response
from tianping.payments.queries import fee_of, is_overdue, overdue_case_ids


def staff_user(request):
    """The person whose authority applies, if they are court staff."""
    return require_staff(effective_user(request))


def case_for_staff(request, code: str):
    """(user, case) for a staff member who may see the case; anyone else gets a 404."""
    user = effective_user(request)
    return user, reads.case_for_staff(user, code)


@login_required
def case_list(request):
    user = staff_user(request)
    form = CaseFilterForm(request.GET or None, user=user, mine_first=True)
    today = timezone.localdate()
    page = case_page(form.apply(cases_visible_to(user)), request.GET.get("after"), today=today)
    list_rows(page.items, today)
    unpaid = overdue_case_ids((row["id"] for row in page.items), today)
    for row in page.items:
        row["fee_overdue"] = row["id"] in unpaid
    context = {
        "form": form,
        "page": page,
        "rows_html": case_rows_html(page.items),
        "can_see_dashboard": bool(roles_in(user) & OVERSIGHT_ROLES),
    }
    return render(request, "cases/case_list.html", context)


# A row of the case list (lib/html_rows.py): written once per page, not by the template
# once per cell. Its cells come from `list_rows`, escaped by `cell`.
CASE_ROW = (
    '<tr>\n<td><a href="{url}" style="white-space:nowrap">{number}</a>{badges}</td>\n'
    "<td>{cause}</td>\n<td>{parties}</td>\n<td>{judge}{team}</td>\n"
    "<td>{procedure}{track}</td>\n"
    '<td><span class="badge">{state}</span>{fee}</td>\n'
    '<td style="white-space:nowrap">{filed_on}</td>\n<td>{days}</td>\n'
    '<td style="white-space:nowrap">{limit}</td>\n</tr>\n'
)


def case_rows_html(rows) -> str:
    """The case list's rows (those of `list_rows`, with `fee_overdue`) as HTML."""
    green = cell(_("Green channel"))
    fee = '<br><span class="badge bad">{}</span>'.format(
        cell(_("Fee unpaid past its due date: may be treated as withdrawn"))
    )
    muted = '<br><span class="muted">{}</span>'
    badge = f' <span class="badge green" title="{green}">{{}}</span>'
    return rows_html(
        CASE_ROW,
        (
            {
                "url": cell(row["url"]),
                "number": cell(row["number"], ""),
                "badges": "".join(badge.format(cell(b)) for b in row["badges"]),
                "cause": cell(row["cause_name"]),
                "parties": cell(row["parties"], ""),
                "judge": cell(row["judge"]),
                "team": muted.format(cell(row["team_name"])) if row["team_name"] else "",
                "procedure": cell(row["procedure_label"], ""),
                "track": muted.format(cell(row["track_label"])) if row["track"] else "",
                "state": cell(row["state_label"], ""),
                "fee": fee if row["fee_overdue"] else "",
                "filed_on": row["filed_on"].isoformat(),
                "days": row["days"],
                "limit": (
                    f"{row['expires_on'].isoformat()}<br>{cell(row['days_left'], '')}"
                    if row["expires_on"]
                    else "—"
                ),
            }
            for row in rows
        ),
    )


def timeline(case) -> list[dict]:
    """The whole timeline for staff, each event and its details in the reader's language."""
    return [
        {"event": e, "label": case_timeline.label(e), "details": case_timeline.details(e)}
        for e in case.events.select_related("actor", "acted_for")
    ]


# The documents issued on the filing a case came from, as the portal names them.
FILING_DOCUMENT_TITLES = {
    "acceptance-notice": gettext_lazy("Notice of acceptance (受理案件通知书)"),
    "response-notice": gettext_lazy("Notice to respond (应诉通知书)"),
    "correction-notice": gettext_lazy("Notice to correct (补正通知书)"),
    "refusal-ruling": gettext_lazy("Ruling (裁定书)"),
}


def filing_documents(case) -> list[dict]:
    """The documents the court issued on CASE's filing (the notice of acceptance, the
    defendants' notice to respond, a correction notice), each with the day it was issued."""
    filing = case.filing
    if filing is None:
        return []
    correction = filing.corrections.first()
    issued = {
        "acceptance-notice": case.filed_on,
        "response-notice": case.filed_on,
        "correction-notice": correction.issued_at if correction else None,
        "refusal-ruling": filing.decided_at,
    }
    return [
        {"name": name, "title": FILING_DOCUMENT_TITLES[name], "issued": issued[name]}
        for name in filing_reads.documents_of(filing)
        if name in FILING_DOCUMENT_TITLES
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
        "parties": reads.parties_in_order(case),
        "timeline": timeline(case),
        "documents": documents,
        "filing_documents": filing_documents(case),
        "papers": reads.filing_papers(user, case),
        "fee": (fee := fee_of(case)),
        "fee_overdue": is_overdue(fee, today),
        "assign_form": forms.get("assign_form")
        or (AssignForm(court=case.court) if can.assign else None),
        **bench_context(user, case),
        **staff_context(user, case),
    }
    return render(request, "cases/case_detail.html", context, status=status)


@login_required
def case_detail(request, code):
    user, case = case_for_staff(request, code)
    record_view(request, case)
    return _render_case(request, user, case)


def not_closable(case) -> str:
    """Why CASE cannot be closed now (its judge asked)."""
    if case.state in (CaseState.ASSIGNED, CaseState.FILED):
        return _("Start the trial before closing the case.")
    if case.state == CaseState.SUSPENDED:
        return _("The case is suspended: resume it before closing it.")
    return _("The case is already closed.")


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
        messages.success(request, _("The trial has started: the case is now in trial."))
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
        messages.success(request, _("The case has been archived (归档)."))
    return redirect("cases:detail", case.code)


@login_required
@require_POST
def assign(request, code):
    user, case = case_for_staff(request, code)
    if not can_assign(user, case):
        raise PermissionDenied
    form = AssignForm(request.POST, court=case.court)
    if form.is_valid():
        try:
            actions.assign_by_hand(case, **form.cleaned_data, **_acting(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The case has been assigned to %(judge)s.")
                % {"judge": form.cleaned_data["judge"].full_name or form.cleaned_data["judge"]},
            )
            return redirect("cases:detail", case.code)
    return _render_case(request, user, case, assign_form=form, status=422)


@login_required
def close(request, code):
    """The closing step: what closing does, the form, and the judge's confirmation (a page of
    its own, so that it works without JavaScript); closing when confirmed."""
    user, case = case_for_staff(request, code)
    if not can_act_as_judge(user, case):
        raise PermissionDenied
    if request.method != "POST":
        if not allowed_actions(user, case).close:
            messages.error(request, not_closable(case))
            return redirect("cases:detail", case.code)
        form = CloseForm(initial={"closed_on": timezone.localdate()})
        return render(request, "cases/close.html", {"case": case, "form": form})
    form = CloseForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            case = close_case(
                case,
                mode=data["mode"],
                closed_on=data["closed_on"],
                note=data["note"],
                documents=data["documents"],
                **_acting(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The case has been closed (%(mode)s, %(date)s); its time limit has stopped.")
                % {"mode": case.get_closure_mode_display(), "date": case.closed_on.isoformat()},
            )
            return redirect("cases:detail", case.code)
    return render(request, "cases/close.html", {"case": case, "form": form}, status=422)


@login_required
def document(request, code, key):
    """Download a document of a case the user may see (same 404 otherwise)."""
    _, case = case_for_staff(request, code)
    doc = case.documents.filter(file=f"cases/{case.code}/{key}").first()
    if doc is None:
        raise Http404("No such document.")
    record_view(request, case, "document_read", title=doc.title)
    return FileResponse(
        doc.file.open("rb"), as_attachment=True, filename=doc.title, content_type=doc.content_type
    )


@login_required
def filing_document(request, code, name):
    """A document the court issued on the filing the case came from (the notice of
    acceptance, the notice to respond, a correction notice), for staff who may see the case
    (same 404 otherwise): the same kept PDF the filing division prints; each read is in the
    audit record."""
    _, case = case_for_staff(request, code)
    filing = case.filing
    if filing is None or name not in FILING_DOCUMENT_TITLES:
        raise Http404("No such document.")
    context = document_context(filing, name)
    if context is None:
        raise Http404("No such document.")
    record_view(request, case, "document_read", name=name)
    context.update(
        filing=filing,
        claimants=filing.parties_in(CLAIMANT_ROLES),
        opponents=filing.parties_in(OPPONENT_ROLES),
    )
    template = f"filings/documents/{name.replace('-', '_')}.html"
    data = stored_pdf(filing, name, template, context, request)
    return pdf_bytes_response(data, filename=f"{name}-{filing.code}.pdf")


INLINE = ("application/pdf", "image/jpeg", "image/png")


@login_required
def filing_file(request, code, key):
    """A file uploaded with the filing the case came from (the complaint, evidence, a power
    of attorney ...), for staff who may see the case (same 404 otherwise); each read is in
    the audit record."""
    _, case = case_for_staff(request, code)
    item = reads.filing_file(case, key)
    record_view(request, case, "filing_file_read", name=item.original_name)
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=item.content_type not in INLINE,
        filename=item.original_name,
    )
    response["Content-Type"] = item.content_type
    return response
