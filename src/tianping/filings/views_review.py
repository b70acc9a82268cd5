"""Pages of the filing division: review queue (立案审查), decisions, window and cross-region filing.

Thin views: a form parses, an action in filings/actions.py decides, a template shows. The
steps shared with the API (api_review.py) sit at the top of this module. Reads start from
filings/queries.py; a filing is shown here only to the filing division of its court or of
the court that took it in for it (跨域立案): anyone else gets the same 404.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record
from tianping.cases.choices import Procedure
from tianping.catalog.choices import DocumentType
from tianping.catalog.fees import FeeError, compute_fee
from tianping.courts.models import Court
from tianping.courts.permissions import can_review_filings, effective_user
from tianping.filings import actions
from tianping.filings import forms_review as f
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES, FilingKind, FilingStatus
from tianping.filings.models import Filing
from tianping.filings.queries import (
    filings_visible_to,
    get_filing_for_user,
    review_queue,
    reviewing_court_ids,
)
from tianping.flows.filing import accept_filing
from tianping.lib.pdf import pdf_response

PROPERTY_KINDS = {FilingKind.CIVIL, FilingKind.ENFORCEMENT_OBJECTION_SUIT}

# Steps shared with the API


def reviewing_courts(user) -> list[Court]:
    courts = list(Court.objects.filter(pk__in=reviewing_court_ids(user)).order_by("code"))
    if not courts:
        raise PermissionDenied(_("Only the filing division of a court can do that."))
    return courts


def pick_court(courts: list[Court], code: str | None) -> Court:
    return next((c for c in courts if c.code == code), courts[0])


def get_filing_for_clerk(user, code: str) -> Filing:
    """A filing the user reviews or took in for another court; 404 otherwise."""
    filing = get_filing_for_user(user, code)
    courts = [filing.court, filing.assisting_court]
    if not any(c is not None and can_review_filings(user, c) for c in courts):
        raise Http404("No such filing.")
    return filing


def clock_of(filing: Filing, today: datetime.date) -> tuple[int | None, str]:
    """Days left on the review clock and a flag: "soon", "overdue" (先行立案) or ""."""
    if filing.status != FilingStatus.SUBMITTED or filing.review_due_on is None:
        return None, ""
    left = (filing.review_due_on - today).days
    if left < 0:
        return left, "overdue"
    return left, "soon" if left <= settings.FILING_REVIEW_WARNING_DAYS else ""


QUEUE_PAGE_SIZE = 50


def queue_rows(user, court, *, status="", channel="", today, page=None):
    """The review queue with its clock: green channel first, then the earliest due.

    With PAGE (a number), one page of QUEUE_PAGE_SIZE as a Page; without it, every row.
    """
    rows = review_queue(user, court).select_related("assisting_court", "cause")
    rows = rows.prefetch_related("corrections")
    if status:
        rows = rows.filter(status=status)
    if channel:
        rows = rows.filter(channel=channel)
    if page is not None:
        rows = Paginator(rows, QUEUE_PAGE_SIZE).get_page(page)
    for filing in rows if page is None else rows.object_list:
        filing.days_left, filing.flag = clock_of(filing, today)
    return rows


def taken_in_for_others(user, court):
    """Filings this court took in for other courts (跨域立案), newest first."""
    rows = filings_visible_to(user).filter(assisting_court=court)
    rows = rows.select_related("court", "assisting_court", "case").prefetch_related("parties")
    return rows.order_by("-created_at")


def status_changed(filing: Filing, seen: str | None) -> bool:
    """True when the filing is no longer in the state the clerk saw (another clerk acted)."""
    current = Filing.objects.filter(pk=filing.pk).values_list("status", flat=True).first()
    return current != (seen or filing.status)


def acceptance_fee(case):
    """The case acceptance fee (案件受理费) of a property claim, halved in summary procedures."""
    if case.filing.kind not in PROPERTY_KINDS or not case.amount:
        return None
    summary = case.procedure in (Procedure.SUMMARY, Procedure.SMALL_CLAIMS)
    try:
        return compute_fee("property", case.amount, summary=summary)
    except FeeError:
        return None


# Queue and detail


@login_required
def queue(request):
    user = effective_user(request)
    courts = reviewing_courts(user)
    form = f.QueueFilterForm(request.GET, courts=courts)
    data = form.cleaned_data if form.is_valid() else {}
    court = pick_court(courts, data.get("court"))
    today = timezone.localdate()
    page = queue_rows(
        user,
        court,
        status=data.get("status"),
        channel=data.get("channel"),
        today=today,
        page=request.GET.get("page") or 1,
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "court": court,
        "courts": courts,
        "rows": page.object_list,
        "page": page,
        "query": query.urlencode(),
        "today": today,
    }
    return render(request, "filings/review/queue.html", context)


@login_required
def detail(request, code):
    return _detail(request, get_filing_for_clerk(effective_user(request), code))


def _detail(request, filing, *, bound=None, stale=False, status=200, revealed=None):
    user = effective_user(request)
    days_left, flag = clock_of(filing, timezone.localdate())
    forms = {
        "accept": None,
        "forward": None,
        "correction": f.CorrectionForm(),
        "refusal": f.RefusalForm(),
        "transfer": f.TransferForm(filing=filing),
        "attach": f.AttachForm(),
        **(bound or {}),
    }
    context = {
        "filing": filing,
        "parties": _with_document_labels(filing.parties.all()),
        "representatives": filing.representatives.select_related("party"),
        "evidence": filing.evidence.all(),
        "attachments": filing.attachments.all(),
        "corrections": filing.corrections.all(),
        "events": filing.events.select_related("actor", "acted_for"),
        "case": case_of(filing),
        "days_left": days_left,
        "flag": flag,
        "forms": forms,
        "stale": stale,
        "revealed": revealed,
        "can_decide": can_review_filings(user, filing.court),
        "can_forward": filing.assisting_court_id
        and can_review_filings(user, filing.assisting_court),
    }
    return render(request, "filings/review/detail.html", context, status=status)


def _with_document_labels(parties) -> list:
    labels = dict(DocumentType.choices)
    parties = list(parties)
    for party in parties:
        party.doc_type_label = labels.get(party.doc_type, party.doc_type)
    return parties


def case_of(filing):
    try:
        return filing.case
    except Filing.case.RelatedObjectDoesNotExist:
        return None


@login_required
@require_POST
def reveal_id(request, code, pk):
    """Show one party's full identity number; each look is recorded in the audit trail."""
    filing = get_filing_for_clerk(effective_user(request), code)
    party = get_object_or_404(filing.parties, pk=pk)
    record(
        "filing.id_revealed",
        filing,
        actor=request.user,
        acted_for=request.acting_for,
        changes={"party": party.name},
        ip_address=request.META.get("REMOTE_ADDR"),
    )
    if request.htmx:
        return render(request, "filings/review/_revealed.html", {"party": party})
    return _detail(request, filing, revealed=party.pk)


@login_required
def attachment(request, code, pk):
    filing = get_filing_for_clerk(effective_user(request), code)
    item = get_object_or_404(filing.attachments, pk=pk)
    inline = item.content_type in ("application/pdf", "image/jpeg", "image/png")
    response = FileResponse(
        item.file.open("rb"), as_attachment=not inline, filename=item.original_name
    )
    response["Content-Type"] = item.content_type
    return response


# Decisions: each one a form, an action, and the page again with what went wrong


def _decide(request, code, name, form, run):
    filing = get_filing_for_clerk(effective_user(request), code)
    form = form(request.POST, filing) if form else None
    if status_changed(filing, request.POST.get("seen")):
        filing = get_filing_for_clerk(effective_user(request), code)
        return _detail(request, filing, stale=True, status=409)
    if form is not None and not form.is_valid():
        return _detail(request, filing, bound={name: form})
    try:
        return run(filing, form)
    except ValidationError as exc:
        if status_changed(filing, None):
            filing = get_filing_for_clerk(effective_user(request), code)
            return _detail(request, filing, stale=True, status=409)
        form = form or f.forms.Form()
        form.add_error(None, exc.messages)
        return _detail(request, filing, bound={name: form})


def _by(request) -> dict:
    return {"actor": request.user, "acted_for": request.acting_for}


@login_required
@require_POST
def accept(request, code):
    def run(filing, form):
        accept_filing(filing, **_by(request))
        return redirect("review:filed", code)

    return _decide(request, code, "accept", None, run)


@login_required
@require_POST
def correction(request, code):
    def run(filing, form):
        respond_by = form.cleaned_data["respond_by"]
        actions.request_correction(filing, items=form.items, respond_by=respond_by, **_by(request))
        messages.success(request, _("The correction notice has been issued; the clock stops."))
        return redirect("review:detail", code)

    if "add_item" in request.POST:  # without JavaScript: the same form with one more line
        filing = get_filing_for_clerk(effective_user(request), code)
        form = f.CorrectionForm(initial={"respond_by": request.POST.get("respond_by")})
        form.lines = [*f.CorrectionForm(request.POST).items, "", ""]
        return _detail(request, filing, bound={"correction": form})
    return _decide(request, code, "correction", lambda data, _f: f.CorrectionForm(data), run)


@login_required
@require_POST
def refuse(request, code):
    def run(filing, form):
        actions.refuse_filing(filing, reasons=form.cleaned_data["reasons"], **_by(request))
        messages.success(request, _("The filing has been refused by ruling."))
        return redirect("review:detail", code)

    return _decide(request, code, "refusal", lambda data, _f: f.RefusalForm(data), run)


@login_required
@require_POST
def transfer(request, code):
    def run(filing, form):
        data = form.cleaned_data
        actions.transfer_filing(
            filing, to_court=data["to_court"], reason=data["reason"], **_by(request)
        )
        messages.success(request, _("The filing has been transferred."))
        return redirect("review:detail", code)

    return _decide(
        request, code, "transfer", lambda data, filing: f.TransferForm(data, filing=filing), run
    )


@login_required
@require_POST
def forward(request, code):
    def run(filing, form):
        actions.forward_filing(filing, actor=request.user)
        messages.success(request, _("Checked and forwarded to the court with jurisdiction."))
        return redirect("review:detail", code)

    return _decide(request, code, "forward", None, run)


@login_required
@require_POST
def attach(request, code):
    def run(filing, form):
        kind = form.cleaned_data["upload_kind"] or "other"
        with transaction.atomic():
            for upload in request.FILES.getlist("files"):
                actions.attach_file(filing, upload, actor=request.user, kind=kind)
        return redirect("review:detail", code)

    return _decide(request, code, "attach", lambda data, _f: f.AttachForm(data), run)


# Window filing (窗口立案) and cross-region filing (跨域立案)


@login_required
def window_new(request):
    courts = reviewing_courts(effective_user(request))
    form = f.WindowForm(request.POST or None, courts=courts)
    parties = f.party_rows(request.POST, extra="add_party" in request.POST)
    if _handing_in(request) and f.all_valid(form, *parties):
        data = form.cleaned_data
        try:
            filing = actions.hand_in_at_window(
                court=pick_court(courts, data["court"]),
                channel=data["channel"],
                service_point=data.get("service_point"),
                parties=[p.cleaned_data for p in parties],
                fields=form.filing_fields(),
                today=timezone.localdate(),
                key=data["key"] or None,
                **_by(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return _after_hand_in(request, filing)
    return _intake_page(request, "window_form.html", form, parties)


def _handing_in(request) -> bool:
    return request.method == "POST" and "add_party" not in request.POST


def _after_hand_in(request, filing):
    """The dated receipt, or the case at once when filed on the spot (当场立案)."""
    if "file_now" not in request.POST:
        return redirect("review:receipt", filing.code)
    try:
        accept_filing(filing, **_by(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("review:detail", filing.code)
    return redirect("review:filed", filing.code)


def _intake_page(request, template, form, parties, **context):
    cause = getattr(form, "cleaned_data", {}).get("cause")
    rows = parties or f.blank_party_rows(2)
    context.update(
        form=form, parties=rows, cause_label=str(cause or ""), today=timezone.localdate()
    )
    return render(request, f"filings/review/{template}", context)


@login_required
def cross_region_new(request):
    courts = reviewing_courts(effective_user(request))
    form = f.CrossRegionForm(request.POST or None, courts=courts)
    papers = f.AttachForm(request.POST or None)
    parties = f.party_rows(request.POST, extra="add_party" in request.POST)
    if _handing_in(request) and f.all_valid(form, papers, *parties):
        try:
            filing = actions.take_in_for_other_court(
                actor=request.user,
                assisting_court=pick_court(courts, form.cleaned_data["assisting_court"]),
                court=form.cleaned_data["court"],
                parties=[p.cleaned_data for p in parties],
                fields=form.filing_fields(),
                uploads=request.FILES.getlist("files"),
                upload_kind=papers.cleaned_data["upload_kind"] or "other",
                forward="forward" in request.POST,
                today=timezone.localdate(),
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect("review:detail", filing.code)
    return _intake_page(request, "cross_region_form.html", form, parties, papers=papers)


@login_required
def cross_region_list(request):
    user = effective_user(request)
    courts = reviewing_courts(user)
    court = pick_court(courts, request.GET.get("court"))
    rows = taken_in_for_others(user, court)
    context = {"court": court, "courts": courts, "rows": rows}
    return render(request, "filings/review/cross_region_list.html", context)


@login_required
def new_row(request, kind):
    """One more party row or correction line for a form (htmx)."""
    reviewing_courts(effective_user(request))
    if kind == "party":
        form = f.blank_party_rows(3)[-1]
        return render(request, "filings/review/_party_row.html", {"row": form})
    return render(request, "filings/review/_item_row.html", {"item": ""})


# Results and documents


@login_required
def filed(request, code):
    filing = get_filing_for_clerk(effective_user(request), code)
    case = case_of(filing)
    if case is None:
        raise Http404("Not filed as a case.")
    return render(request, "filings/review/filed.html", {"filing": filing, "case": case})


@login_required
def receipt(request, code):
    filing = get_filing_for_clerk(effective_user(request), code)
    return render(request, "filings/review/receipt.html", {"filing": filing})


def document_context(filing, name: str) -> dict | None:
    """What each printable document shows; None when the filing has no such document."""
    if name == "acceptance-notice" and (case := case_of(filing)) is not None:
        return {"case": case, "fee": acceptance_fee(case)}
    if name == "correction-notice" and (notice := filing.corrections.first()) is not None:
        return {"notice": notice}
    if name == "refusal-ruling" and filing.status == FilingStatus.REFUSED:
        return {}
    return None


@login_required
def document(request, code, name):
    """The acceptance notice (受理通知书), correction notice (补正通知书) or ruling, as PDF."""
    filing = get_filing_for_clerk(effective_user(request), code)
    context = document_context(filing, name)
    if context is None:
        raise Http404("No such document.")
    context.update(
        filing=filing,
        claimants=filing.parties_in(CLAIMANT_ROLES),
        opponents=filing.parties_in(OPPONENT_ROLES),
    )
    template = f"filings/documents/{name.replace('-', '_')}.html"
    return pdf_response(template, context, filename=f"{name}-{filing.code}.pdf", request=request)
