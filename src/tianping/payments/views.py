"""The pages of a case's fee: what is due and by when; the filing division's record of a
payment and of the day the notice was received; applications for judicial aid (缓、减、免交)
made by a party (or entered for one at the window) and the court's decision. Each form
calls the same action as the API."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import effective_user
from tianping.payments import actions, queries
from tianping.payments.forms import (
    NoticeReceivedForm,
    PaymentForm,
    ReliefApplicationForm,
    ReliefDecisionForm,
)
from tianping.payments.models import FeeRelief, ReliefStatus
from tianping.payments.permissions import (
    can_apply_for_relief,
    can_decide_relief,
    can_record_payment,
    is_party_side,
    relief_court_ids,
    reliefs_to_decide,
    require_recorder,
)


def _fee(user, code):
    case = get_case_for_user(user, code)
    fee = queries.fee_of(case)
    if fee is None:
        raise Http404("This case has no acceptance fee.")
    return case, fee


def _by(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


@login_required
def case_fee(request, code):
    user = effective_user(request)
    case, fee = _fee(user, code)
    require_recorder(user, case)
    today = timezone.localdate()
    pending = queries.pending_relief(fee)
    kind = pending.kind if pending else None
    forms = {
        "form": PaymentForm(initial={"amount": fee.payable, "paid_on": today}),
        "notice_form": NoticeReceivedForm(initial={"received_on": fee.received_on}),
        "decision_form": ReliefDecisionForm(
            kind=kind, initial={"percent": pending.percent if pending else None}
        ),
    }
    if request.method == "POST":
        op = request.POST.get("op", "payment")
        try:
            done = _post(request, op, case, fee, forms, today)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if done:
                messages.success(request, done)
                return redirect("payments:case", code=case.code)
    else:
        record_view(request, case, "fee_viewed")
    pending = queries.pending_relief(fee)
    context = {
        "case": case,
        "fee": fee,
        "overdue": queries.is_overdue(fee, today),
        "reliefs": queries.reliefs_of(fee),
        "pending": pending,
        "can_decide": pending is not None
        and can_decide_relief(user, case)
        and pending.submitted_by_id not in (user.pk, request.user.pk),
        **forms,
    }
    return render(request, "payments/case.html", context)


def _post(request, op, case, fee, forms, today) -> str | None:
    if op == "payment":
        form = forms["form"] = PaymentForm(request.POST)
        if form.is_valid():
            actions.record_payment(fee, **_by(request), **form.cleaned_data)
            return _("The payment has been recorded.")
    elif op == "notice":
        form = forms["notice_form"] = NoticeReceivedForm(request.POST)
        if form.is_valid():
            fee = actions.record_notice_received(
                fee, **_by(request), received_on=form.cleaned_data["received_on"], today=today
            )
            return _("Recorded: the fee is now due by %(day)s.") % {
                "day": fee.due_on.isoformat()
            }
    elif op == "decide":
        relief = queries.pending_relief(fee)
        if relief is None:
            raise ValidationError(_("This application has already been decided."))
        form = forms["decision_form"] = ReliefDecisionForm(request.POST, kind=relief.kind)
        if form.is_valid():
            data = {"percent": None, "deferred_until": None, **form.cleaned_data}
            relief = actions.decide_relief(relief, **_by(request), today=today, **data)
            if relief.status == ReliefStatus.GRANTED:
                return _("Fee relief granted; the party has been told.")
            return _("Fee relief refused; the party receives the reasons.")
    return None


@login_required
def apply(request, code):
    """An application for fee relief: by a party on their case, or entered by the filing
    division for a party at the window."""
    user = effective_user(request)
    case, fee = _fee(user, code)
    if not can_apply_for_relief(user, case):
        raise PermissionDenied
    parties = list(case.parties.order_by("pk"))
    own = [p.pk for p in parties if p.user_id == user.pk]
    form = ReliefApplicationForm(
        parties=parties, initial={"applicant": own[0] if len(own) == 1 else None}
    )
    if request.method == "POST":
        form = ReliefApplicationForm(request.POST, request.FILES, parties=parties)
        if form.is_valid():
            data = form.cleaned_data
            applicant = next(p for p in parties if p.pk == data["applicant"])
            try:
                actions.apply_for_relief(
                    fee,
                    **_by(request),
                    ground=data["ground"],
                    statement=data["statement"],
                    applicant=applicant,
                    percent=data["percent"],
                    proof=data["proof"],
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("Your application has been received; the court will decide it.")
                )
                if is_party_side(user, case):
                    return redirect("party_cases:detail", code=case.code)
                return redirect("payments:case", code=case.code)
    context = {
        "case": case,
        "fee": fee,
        "form": form,
        "pending": queries.pending_relief(fee),
        "party_side": is_party_side(user, case),
    }
    return render(request, "payments/apply.html", context)


@login_required
def reliefs(request):
    """The applications for fee relief awaiting the signed-in decider, oldest first."""
    user = effective_user(request)
    if not relief_court_ids(user):
        raise PermissionDenied
    rows = reliefs_to_decide(user).select_related("fee__case")[:200]
    return render(request, "payments/reliefs.html", {"reliefs": rows})


@login_required
def proof(request, code, relief_code):
    """The proof of hardship: to the filing division and the deciders, and to whoever
    submitted it."""
    user = effective_user(request)
    case, fee = _fee(user, code)
    relief = get_object_or_404(FeeRelief, fee=fee, code=relief_code)
    allowed = (
        can_record_payment(user, case)
        or can_decide_relief(user, case)
        or relief.submitted_by_id == user.pk
    )
    if not allowed or not relief.proof:
        raise Http404
    record_view(request, case, "fee_relief_proof_read", relief=relief.code)
    return FileResponse(
        relief.proof.open("rb"), content_type=relief.proof_type, filename=relief.proof_name
    )
