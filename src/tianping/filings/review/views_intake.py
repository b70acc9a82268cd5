"""Window filing (窗口立案, also at service points and on circuit) and cross-region filing
(跨域立案) by the filing division: the forms, the hand-in, the list of papers taken in.

Filing on the spot (当场立案) is one flow, `flows.filing.file_on_the_spot`, the same the
API calls: the papers are handed in and the case filed together, or nothing is.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from tianping.courts.permissions import effective_user
from tianping.filings import actions
from tianping.filings.queries import recommending_rule_names
from tianping.filings.review import forms as f
from tianping.filings.review import forms_decisions as d
from tianping.filings.review import reads
from tianping.flows.filing import file_on_the_spot


def _by(request) -> dict:
    return {"actor": request.user, "acted_for": request.acting_for}


@login_required
def window_new(request):
    courts = reads.reviewing_courts(effective_user(request))
    form = f.WindowForm(request.POST or None, courts=courts)
    papers = d.AttachForm(request.POST or None)
    parties = f.party_rows(request.POST, extra="add_party" in request.POST)
    reps = f.representative_rows(request.POST, request.FILES, extra="add_rep" in request.POST)
    named = [r for r in reps if r.is_bound]
    if _handing_in(request) and f.all_valid(form, papers, *parties, *named):
        data = form.cleaned_data
        complaint = {
            "court": reads.pick_court(courts, data["court"]),
            "channel": data["channel"],
            "service_point": data.get("service_point"),
            "parties": [p.cleaned_data for p in parties],
            "fields": form.filing_fields(),
            "today": timezone.localdate(),
            "key": data["key"] or None,
            "uploads": request.FILES.getlist("files"),
            "upload_kind": papers.cleaned_data["upload_kind"] or "complaint",
            "representatives": [r.action_fields() for r in named],
            **_by(request),
        }
        try:
            if "file_now" in request.POST:  # filed on the spot (当场立案): the case at once
                filing, _case = file_on_the_spot(**complaint)
                return redirect("review:filed", filing.code)
            choice = data.get("mediation_choice", "")
            filing = actions.hand_in_at_window(**complaint, mediation_choice=choice)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect("review:receipt", filing.code)
    steering_rules = recommending_rule_names(courts)
    return _intake_page(
        request,
        "window_form.html",
        form,
        parties,
        papers=papers,
        reps=reps,
        steering_rules=steering_rules,
    )


def _handing_in(request) -> bool:
    adding = {"add_party", "add_rep"} & set(request.POST)
    return request.method == "POST" and not adding


def _intake_page(request, template, form, parties, **context):
    cause = getattr(form, "cleaned_data", {}).get("cause")
    rows = parties or f.blank_party_rows(2)
    context.update(
        form=form, parties=rows, cause_label=str(cause or ""), today=timezone.localdate()
    )
    return render(request, f"filings/review/{template}", context)


@login_required
def cross_region_new(request):
    courts = reads.reviewing_courts(effective_user(request))
    form = f.CrossRegionForm(request.POST or None, courts=courts)
    papers = d.AttachForm(request.POST or None)
    parties = f.party_rows(request.POST, extra="add_party" in request.POST)
    if _handing_in(request) and f.all_valid(form, papers, *parties):
        try:
            filing = actions.take_in_for_other_court(
                actor=request.user,
                assisting_court=reads.pick_court(courts, form.cleaned_data["assisting_court"]),
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
    courts = reads.reviewing_courts(user)
    court = reads.pick_court(courts, request.GET.get("court"))
    rows = reads.taken_in_for_others(user, court)
    context = {"court": court, "courts": courts, "rows": rows}
    return render(request, "filings/review/cross_region_list.html", context)


@login_required
def new_row(request, kind):
    """One more party row or correction line for a form (htmx)."""
    reads.reviewing_courts(effective_user(request))
    if kind == "party":
        form = f.blank_party_rows(3)[-1]
        return render(request, "filings/review/_party_row.html", {"row": form})
    return render(request, "filings/review/_item_row.html", {"item": ""})
