"""Pages of the filing division: review queue (立案审查), a filing, decisions, documents.

Thin views: a form parses, an action of `filings.actions` (or the flow that files the
case) decides, a template shows. Reads come from `review.reads`, which the API shares: a
filing is shown here only to the filing division of its court or of the court that took
it in for it (跨域立案); anyone else gets the same 404. Window and cross-region filing are
in `views_intake`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record, record_view
from tianping.cases.choices import Procedure
from tianping.catalog.choices import DocumentType
from tianping.courts.permissions import effective_user
from tianping.filings import actions, fee_estimate, permissions
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.filings.documents import ruling_context, stored_pdf
from tianping.filings.events import filing_timeline
from tianping.filings.queries import mediation_state
from tianping.filings.review import forms as f
from tianping.filings.review import forms_decisions as d
from tianping.filings.review import reads
from tianping.flows.filing import accept_filing
from tianping.lib.pdf import pdf_bytes_response


def acceptance_fee(case):
    """The case acceptance fee (案件受理费), halved in summary procedures: the same rule as
    the fee the case owes (`payments`)."""
    summary = case.procedure in (Procedure.SUMMARY, Procedure.SMALL_CLAIMS)
    return fee_estimate.acceptance_fee(case.filing.kind, case.amount, summary=summary)


# Queue and detail


@login_required
def queue(request):
    user = effective_user(request)
    courts = reads.reviewing_courts(user)
    form = f.QueueFilterForm(request.GET, courts=courts)
    data = form.cleaned_data if form.is_valid() else {}
    court = reads.pick_court(courts, data.get("court"))
    today = timezone.localdate()
    page = reads.queue_rows(
        user,
        court,
        status=data.get("status"),
        channel=data.get("channel"),
        search=data.get("q") or "",
        show=data.get("show") or "",
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
        "rows_html": reads.queue_rows_html(page.object_list),
        "page": page,
        "query": query.urlencode(),
        "today": today,
    }
    return render(request, "filings/review/queue.html", context)


@login_required
def detail(request, code):
    filing = reads.get_filing_for_clerk(effective_user(request), code)
    record_view(request, filing)
    return _detail(request, filing)


def _detail(request, filing, *, bound=None, stale=False, status=200, revealed=None):
    user = effective_user(request)
    days_left, flag = reads.clock_of(filing, timezone.localdate())
    forms = {
        "accept": d.AcceptForm(),
        "forward": None,
        "correction": d.CorrectionForm(),
        "refusal": d.RefusalForm(),
        "transfer": d.TransferForm(filing=filing),
        "attach": d.AttachForm(),
        **(bound or {}),
    }
    context = {
        "filing": filing,
        "parties": _with_document_labels(filing.parties.all()),
        "representatives": filing.representatives.select_related("party"),
        "evidence": filing.evidence.all(),
        "attachments": filing.attachments.all(),
        "corrections": filing.corrections.all(),
        "events": [
            {"event": e, "label": filing_timeline.label(e), "details": filing_timeline.details(e)}
            for e in filing.events.select_related("actor", "acted_for")
        ],
        "case": reads.case_of(filing),
        "days_left": days_left,
        "flag": flag,
        "paused_on": reads.paused_on(filing),
        "amount": reads.yuan(filing.amount),
        "pending_refusal": actions.pending_refusal(filing),
        "refusal": reads.latest_refusal(filing),
        "forms": forms,
        "stale": stale,
        "revealed": revealed,
        "can_decide": permissions.can_review(user, filing),
        "can_forward": permissions.can_forward(user, filing),
        "mediation": mediation_state(filing),
        "can_choose_mediation": permissions.can_choose_mediation(user, filing),
    }
    return render(request, "filings/review/detail.html", context, status=status)


def _with_document_labels(parties) -> list:
    labels = dict(DocumentType.choices)
    parties = list(parties)
    for party in parties:
        party.doc_type_label = labels.get(party.doc_type, party.doc_type)
    return parties


@login_required
@require_POST
def reveal_id(request, code, pk):
    """Show one party's full identity number; each look is recorded in the audit trail."""
    filing = reads.get_filing_for_clerk(effective_user(request), code)
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
    """A paper of the filing: for its filing division, and for the judges who decide a
    refusal proposed on it (they read what they rule on)."""
    user = effective_user(request)
    if reads.reviews_or_forwards(user, code):
        filing = reads.get_filing_for_clerk(user, code)
    else:
        filing = permissions.get_refusal_for_judge(user, code).filing
    item = get_object_or_404(filing.attachments, pk=pk)
    record_view(request, filing, "file_read", name=item.original_name)
    inline = item.content_type in ("application/pdf", "image/jpeg", "image/png")
    response = FileResponse(
        item.file.open("rb"), as_attachment=not inline, filename=item.original_name
    )
    response["Content-Type"] = item.content_type
    return response


# Decisions: each one a form, an action, and the page again with what went wrong


def _decide(request, code, name, form, run):
    filing = reads.get_filing_for_clerk(effective_user(request), code)
    form = form(request.POST, filing) if form else None
    if reads.status_changed(filing, request.POST.get("seen")):
        filing = reads.get_filing_for_clerk(effective_user(request), code)
        return _detail(request, filing, stale=True, status=409)
    if form is not None and not form.is_valid():
        return _detail(request, filing, bound={name: form})
    try:
        return run(filing, form)
    except ValidationError as exc:
        if reads.status_changed(filing, None):
            filing = reads.get_filing_for_clerk(effective_user(request), code)
            return _detail(request, filing, stale=True, status=409)
        if form is None:  # a decision without a form (accept, forward): one to carry the error
            form = f.forms.Form({})
            form.full_clean()
        form.add_error(None, exc.messages)
        return _detail(request, filing, bound={name: form})


def _by(request) -> dict:
    return {"actor": request.user, "acted_for": request.acting_for}


@login_required
@require_POST
def accept(request, code):
    """File the case (立案): only with the box ticked that confirms it (cannot be undone)."""

    def run(filing, form):
        accept_filing(filing, **_by(request))
        return redirect("review:filed", code)

    return _decide(request, code, "accept", lambda data, _f: d.AcceptForm(data), run)


@login_required
@require_POST
def correction(request, code):
    def run(filing, form):
        respond_by = form.cleaned_data["respond_by"]
        actions.request_correction(filing, items=form.items, respond_by=respond_by, **_by(request))
        messages.success(request, _("The correction notice has been issued; the clock stops."))
        return redirect("review:detail", code)

    if "add_item" in request.POST:  # without JavaScript: the same form with one more line
        filing = reads.get_filing_for_clerk(effective_user(request), code)
        form = d.CorrectionForm(initial={"respond_by": request.POST.get("respond_by")})
        form.lines = [*d.CorrectionForm(request.POST).items, "", ""]
        return _detail(request, filing, bound={"correction": form})
    return _decide(request, code, "correction", lambda data, _f: d.CorrectionForm(data), run)


@login_required
@require_POST
def refuse(request, code):
    """Propose to refuse (不予受理): a judge of the court decides and signs the ruling."""

    def run(filing, form):
        data = form.cleaned_data
        actions.propose_refusal(
            filing, basis=data["basis"], reasons=data["reasons"], **_by(request)
        )
        messages.success(request, _("The refusal has been proposed; a judge of the court decides."))
        return redirect("review:detail", code)

    return _decide(request, code, "refusal", lambda data, _f: d.RefusalForm(data), run)


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
        request, code, "transfer", lambda data, filing: d.TransferForm(data, filing=filing), run
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
        actions.attach_files(filing, request.FILES.getlist("files"), actor=request.user, kind=kind)
        return redirect("review:detail", code)

    return _decide(request, code, "attach", lambda data, _f: d.AttachForm(data), run)


# Results and documents


@login_required
def filed(request, code):
    filing = reads.get_filing_for_clerk(effective_user(request), code)
    case = reads.case_of(filing)
    if case is None:
        raise Http404("Not filed as a case.")
    return render(request, "filings/review/filed.html", {"filing": filing, "case": case})


@login_required
def receipt(request, code):
    filing = reads.get_filing_for_clerk(effective_user(request), code)
    return render(request, "filings/review/receipt.html", {"filing": filing})


def document_context(filing, name: str) -> dict | None:
    """What each printable document shows; None when the filing has no such document."""
    if name not in reads.documents_of(filing):
        return None
    if name == "acceptance-notice":
        case = reads.case_of(filing)
        return {"case": case, "fee": acceptance_fee(case)}
    if name == "response-notice":
        return {"case": reads.case_of(filing)}
    if name == "correction-notice":
        return {"notice": filing.corrections.first()}
    return ruling_context(filing)


@login_required
def document(request, code, name):
    """The acceptance notice (受理通知书), correction notice (补正通知书) or ruling, as PDF:
    laid out once, then served as kept (`filings.documents`)."""
    user = effective_user(request)
    if name == "refusal-ruling" and not reads.reviews_or_forwards(user, code):
        filing = permissions.get_refusal_for_judge(user, code).filing  # the deciding judges
    else:
        filing = reads.get_filing_for_clerk(user, code)
    record_view(request, filing, "document_read", name=name)
    context = document_context(filing, name)
    if context is None:
        raise Http404("No such document.")
    context.update(
        filing=filing,
        claimants=filing.parties_in(CLAIMANT_ROLES),
        opponents=filing.parties_in(OPPONENT_ROLES),
    )
    template = f"filings/documents/{name.replace('-', '_')}.html"
    data = stored_pdf(filing, name, template, context, request)
    return pdf_bytes_response(data, filename=f"{name}-{filing.code}.pdf")
