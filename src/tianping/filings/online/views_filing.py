"""The filer's filings: the list, one filing with its timeline, the dated receipt,
answering a correction notice, withdrawing. The wizard is in `views`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tianping.audit.actions import record_view
from tianping.filings import actions
from tianping.filings.actions.drafting import delete_draft
from tianping.filings.choices import Channel
from tianping.filings.choices import FilingStatus as S
from tianping.filings.documents import stored_pdf
from tianping.filings.events import STAFF_ONLY
from tianping.filings.online import forms as f
from tianping.filings.online import reads
from tianping.filings.online.views import OPEN, filing_of, portal_view, step_links
from tianping.filings.permissions import can_choose_mediation, filings_visible_to
from tianping.filings.queries import mediation_state
from tianping.lib.pdf import pdf_bytes_response
from tianping.lib.text import clean_text


@portal_view
def my_filings(request):
    filings = (
        reads.listed(filings_visible_to(request.user))
        .select_related("court", "case", "transferred_to")
        .prefetch_related("corrections")
    )
    rows = [{"filing": x, "next": reads.filing_next(x, reads.unanswered(x))} for x in filings]
    return render(request, "filings/online/list.html", {"rows": rows})


@portal_view
def new_filing(request):
    form = f.StartForm(request.POST or None, courts=reads.filing_courts(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        filing = actions.start_filing(
            actor=request.user,
            court=data.pop("court"),
            channel=Channel.ONLINE,
            filer=request.user,
            **data,
        )
        return redirect("online:detail", filing.code)
    return render(request, "filings/online/start.html", {"form": form})


@portal_view
def detail(request, code):
    filing = filing_of(request, code)
    if filing.status == S.DRAFT:
        return redirect("online:step", code, "parties")
    record_view(request, filing)
    notice = reads.open_notice(filing)
    context = {
        "filing": filing,
        "notice": notice,
        "next": reads.filing_next(filing, notice),
        "events": [
            (e, reads.event_label(e)) for e in filing.events.exclude(kind__in=STAFF_ONLY)
        ],
        "can_withdraw": filing.status in OPEN,
        **_mediation(request.user, filing),
    }
    return render(request, "filings/online/detail.html", context)


def _mediation(user, filing) -> dict:
    """The choice on mediation, once made or while the filer may still make it."""
    can_choose = can_choose_mediation(user, filing)
    shown = can_choose or filing.mediation_choice
    return {"mediation": mediation_state(filing) if shown else None, "can_choose": can_choose}


def _receipt_context(request, code) -> dict:
    filing = filing_of(request, code)
    if filing.submitted_at is None:
        raise Http404
    return reads.receipt_context(filing)


@portal_view
def receipt(request, code):
    return render(request, "filings/online/receipt.html", _receipt_context(request, code))


@portal_view
def receipt_pdf(request, code):
    """The dated receipt as PDF: laid out once, then served as kept (`filings.documents`)."""
    context = _receipt_context(request, code)
    data = stored_pdf(
        context["filing"], "receipt", "filings/documents/receipt.html", context, request
    )
    return pdf_bytes_response(data, filename=f"receipt-{code}.pdf")


@portal_view
def correction(request, code):
    """Answer a correction notice (补正): edit what was asked for, then say it is done."""
    filing = filing_of(request, code)
    notice = reads.open_notice(filing)
    if filing.status != S.CORRECTION_REQUESTED or notice is None:
        return redirect("online:detail", code)
    errors = []
    if request.method == "POST":
        try:
            answer = clean_text(request.POST.get("answer", "")).strip()
            actions.answer_correction(filing, actor=request.user, answer=answer)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Your corrections have been handed in."))
            return redirect("online:detail", code)
    context = {
        "filing": filing,
        "notice": notice,
        "errors": errors,
        "answer": request.POST.get("answer", ""),
        "steps": step_links(filing, None),
    }
    return render(request, "filings/online/correction.html", context)


@portal_view
def withdraw(request, code):
    filing = filing_of(request, code)
    if filing.status not in OPEN:
        return redirect("online:detail", code)
    if request.method == "POST":
        actions.withdraw_filing(filing, actor=request.user)
        messages.success(request, _("The filing has been withdrawn."))
        return redirect("online:list")
    return render(request, "filings/online/withdraw.html", {"filing": filing})


@portal_view
def delete(request, code):
    """Delete a draft never handed in, after asking (its papers and files go with it)."""
    filing = filing_of(request, code)
    if filing.status != S.DRAFT:
        return redirect("online:detail", code)
    if request.method == "POST":
        delete_draft(filing, actor=request.user)
        messages.success(request, _("The draft has been deleted."))
        return redirect("online:list")
    return render(request, "filings/online/delete.html", {"filing": filing})
