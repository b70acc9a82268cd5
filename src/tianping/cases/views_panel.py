"""The bench of a case on its pages: the staff's bench page (compose, change a seat, decide
a recusal) and a party's recusal request. Every act through `cases.actions_panel`, which
checks again; a refused form comes back with what was typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.cases import actions_panel as panel
from tianping.cases import reads
from tianping.cases.forms_panel import BenchForm, RecusalDecisionForm, RecusalForm, ReplaceForm
from tianping.cases.models_panel import RecusalRequest
from tianping.cases.permissions import can_assign, get_case_for_user
from tianping.courts.permissions import effective_user, public_user_page
from tianping.lib.form_errors import add_errors as _add_errors


def bench_context(user, case) -> dict:
    """What the case page shows of the bench: the seats now, their history, the pending
    recusals with who may decide them, and whether USER may compose the bench."""
    seats = panel.current_seats(case)
    pending = list(RecusalRequest.objects.filter(case=case, status="pending")
                   .select_related("member__user", "member__assessor", "requested_by"))
    from tianping.cases.actions_procedure import can_approve
    from tianping.cases.models_procedure import ProcedureChangeRequest

    asked = list(ProcedureChangeRequest.objects.filter(case=case, status="pending")
                 .select_related("requested_by", "case"))
    return {
        "procedure_requests": [(r, can_approve(user, r)) for r in asked],
        "bench": seats,
        "bench_history": list(case.members.filter(until__isnull=False)
                              .select_related("user", "assessor")),
        "recusals": [(r, panel.recusal_decider_ok(user, r)) for r in pending],
        "can_compose": can_assign(user, case) and case.is_pending,
    }


def _page(request, user, case, *, form=None, replace_forms=None, status=200):
    context = {"case": case, **bench_context(user, case),
               "form": form or BenchForm(court=case.court, initial={"sole": "sole"}),
               "replace_form": ReplaceForm(court=case.court),
               "replace_forms": replace_forms or {},
               "decision_form": RecusalDecisionForm()}
    return render(request, "cases/bench.html", context, status=status)


@login_required
def bench(request, code):
    user = effective_user(request)
    case = reads.case_for_staff(user, code)
    if not can_assign(user, case):
        raise PermissionDenied(_("Only a division head or the president can compose the "
                                 "bench."))
    if request.method != "POST":
        return _page(request, user, case)
    form = BenchForm(request.POST, court=case.court)
    if form.is_valid():
        d = form.cleaned_data
        try:
            panel.compose_bench(case, actor=user, sole=d["sole"], judges=form.judges_in_order(),
                                assessors=d.get("assessors") or 0, assistant=d.get("assistant"),
                                clerk=d.get("clerk"), reason=d.get("reason") or "")
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The bench is composed; the parties are told who "
                                        "tries their case."))
            return redirect("cases:detail", case.code)
    return _page(request, user, case, form=form, status=400)


@login_required
@require_POST
def replace(request, code, pk):
    user = effective_user(request)
    case = reads.case_for_staff(user, code)
    member = case.members.filter(pk=pk, until__isnull=True).first()
    if member is None:
        raise Http404("No such seat.")
    if not can_assign(user, case):
        raise PermissionDenied(_("Only a division head or the president can change the "
                                 "bench."))
    form = ReplaceForm(request.POST, court=case.court)
    if form.is_valid():
        try:
            panel.replace_seat(member, actor=user, user=form.cleaned_data.get("user"),
                               reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The seat is changed."))
            return redirect("cases:bench", case.code)
    return _page(request, user, case, replace_forms={member.pk: form}, status=400)


@login_required
@require_POST
def decide_recusal(request, code, pk):
    user = effective_user(request)
    case = reads.case_for_staff(user, code)
    asked = RecusalRequest.objects.filter(case=case, pk=pk).select_related(
        "member", "case").first()
    if asked is None:
        raise Http404("No such request.")
    if not panel.recusal_decider_ok(user, asked):
        raise PermissionDenied(_("The president decides on a judge's or an assessor's "
                                 "recusal, the presiding judge on the others'; nobody on "
                                 "their own."))
    form = RecusalDecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose the decision."))
        panel.decide_recusal(asked, actor=user,
                             granted=form.cleaned_data["decision"] == "granted",
                             reasons=form.cleaned_data.get("reasons") or "")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The decision on the recusal is recorded."))
    return redirect("cases:detail", case.code)


@public_user_page
@require_POST
def request_recusal(request, code):
    case = get_case_for_user(request.user, code)
    seats = panel.current_seats(case)
    form = RecusalForm(request.POST, seats=seats)
    if form.is_valid():
        member = next((s for s in seats if str(s.pk) == form.cleaned_data["member"]), None)
        try:
            panel.request_recusal(case, member, actor=request.user,
                                  grounds=form.cleaned_data["grounds"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your request is sent; the court decides on it."))
    else:
        messages.error(request, _("Choose who should step aside and give the grounds."))
    return redirect("party_cases:detail", case.code)


@login_required
@require_POST
def decide_procedure(request, code, pk):
    """A leader approves or refuses the judge's conversion of the procedure."""
    from tianping.cases.actions_procedure import can_approve
    from tianping.cases.models_procedure import ProcedureChangeRequest
    from tianping.flows.cases import decide_procedure_change

    user = effective_user(request)
    case = reads.case_for_staff(user, code)
    asked = ProcedureChangeRequest.objects.filter(case=case, pk=pk).select_related(
        "case").first()
    if asked is None:
        raise Http404("No such request.")
    if not can_approve(user, asked):
        raise PermissionDenied(_("The president or the head of the case's division approves "
                                 "a change of procedure; not the judge who asked."))
    try:
        decide_procedure_change(asked, actor=user, approve=request.POST.get("approve") == "yes",
                                note=request.POST.get("note", "")[:300])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The decision on the change of procedure is recorded."))
    return redirect("cases:detail", case.code)
