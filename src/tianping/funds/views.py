"""Funds pages: finance's desk (arrivals, the master account's unclaimed money, payouts to
pay, the reconciliation), the funds of a case (balance, movements, the officer's payout and
deferral requests, claims), the approvers' queue. Reads through `funds.permissions` and
`queries`; every change one call of `funds.actions`, as the API does."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.courts.permissions import effective_user, require_staff
from tianping.funds import actions, queries, reconcile
from tianping.funds import permissions as perms
from tianping.funds.forms import (
    ArrivalForm,
    ClaimForm,
    DecideForm,
    DeferralForm,
    OutflowForm,
    PayForm,
    PayoutForm,
    StatementForm,
)
from tianping.funds.models import Deferral, Entry, Payout


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _put_errors(form, exc) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None,
                           [m for e in errors for m in e.messages])
    else:
        form.add_error(None, exc.messages if hasattr(exc, "messages") else [str(exc)])


def _finance_court(user) -> Court:
    courts = perms.finance_courts(user)
    if not courts:
        raise PermissionDenied
    return Court.objects.get(pk=min(courts))


def _arrival_choices(case):
    return [(e.pk, f"{e.on:%Y-%m-%d} · {e.counterparty} · {e.amount:,.2f} · "
                   f"{e.purpose or e.case_number_given or e.reference}")
            for e in queries.unclaimed([case.court_id])[:200]]


def _party_choices(case):
    return [(p.pk, f"{p.name}（{p.role_label}）") for p in case.parties.all()]


def _agent_choices(case):
    return [(r.pk, f"{r.name}（{r.party.name}）")
            for r in case.representatives.select_related("party")]


# Finance's desk


@login_required
def desk(request, arrival_form=None, pay_forms=None, status=200):
    user = require_staff(effective_user(request))
    court = _finance_court(user)
    today = timezone.localdate()
    to_pay = list(queries.payouts_to_pay([court.pk]))
    pay_forms = pay_forms or {}
    for p in to_pay:
        p.form = pay_forms.get(p.pk) or PayForm(prefix=f"p{p.pk}")
    overdue = set(queries.overdue_unclaimed([court.pk], today).values_list("pk", flat=True))
    unclaimed = list(queries.unclaimed([court.pk])[:200])
    for e in unclaimed:
        e.overdue = e.pk in overdue
    recent = Entry.objects.filter(court=court, kind__in=("received", "arrived")).select_related(
        "case").order_by("-at", "-id")[:20]
    return render(request, "funds/desk.html", {
        "court": court, "today": today, "to_pay": to_pay, "unclaimed": unclaimed,
        "overdue_count": len(overdue), "recent": recent,
        "arrival_form": arrival_form or ArrivalForm(initial={"on": today}),
    }, status=status)


@login_required
@require_POST
def record_arrival(request):
    user = require_staff(effective_user(request))
    court = _finance_court(user)
    form = ArrivalForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            case = None
            if data["case_number"]:
                case = Case.objects.filter(court=court, number=data["case_number"]).first()
                if case is None:
                    raise ValidationError({"case_number": _(
                        "No case of this court has this number; leave it empty to record "
                        "the money in the master account.")})
            actions.record_arrival(court, **_acting(request), amount=data["amount"],
                                   key=data["key"], reference=data["reference"],
                                   payer=data["payer"], purpose=data["purpose"], case=case,
                                   on=data["on"])
            messages.success(request, _("The arrival was recorded."))
            return redirect("funds:desk")
        except ValidationError as exc:
            _put_errors(form, exc)
    return desk(request, arrival_form=form, status=400)


@login_required
@require_POST
def pay(request, pk: int):
    user = require_staff(effective_user(request))
    payout = get_object_or_404(Payout.objects.select_related("case", "case__court"), pk=pk)
    if not perms.is_finance(user, payout.case.court):
        raise Http404
    form = PayForm(request.POST, prefix=f"p{pk}")
    if form.is_valid():
        try:
            actions.pay(payout, **_acting(request), key=form.cleaned_data["key"],
                        reference=form.cleaned_data["reference"])
            messages.success(request, _("The payout was recorded as paid."))
            return redirect("funds:desk")
        except ValidationError as exc:
            _put_errors(form, exc)
    return desk(request, pay_forms={payout.pk: form}, status=400)


# The approvers' queue


@login_required
def approvals(request):
    user = require_staff(effective_user(request))
    if not perms.is_approver(user):
        raise PermissionDenied
    payouts, deferrals = queries.approvals_for(user, perms.approver_scope(user))
    return render(request, "funds/approvals.html", {
        "payouts": payouts, "deferrals": deferrals, "form": DecideForm()})


def _decide(request, obj, act, back):
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to refuse."))
        return redirect(back)
    try:
        act(obj, **_acting(request), approve=form.cleaned_data["decision"] == "approve",
            **({"note": form.cleaned_data["note"]} if isinstance(obj, Payout) else {}))
        messages.success(request, _("Decided."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(back)


@login_required
@require_POST
def decide_payout(request, pk: int):
    user = require_staff(effective_user(request))
    payout = get_object_or_404(Payout.objects.select_related("case"), pk=pk)
    if not perms.can_read(user, payout.case):
        raise Http404
    perms.require_approve_payout(user, payout)
    return _decide(request, payout, actions.decide_payout, "funds:approvals")


@login_required
@require_POST
def decide_deferral(request, pk: int):
    user = require_staff(effective_user(request))
    deferral = get_object_or_404(Deferral.objects.select_related("case"), pk=pk)
    if not perms.can_read(user, deferral.case):
        raise Http404
    perms.require_approve_deferral(user, deferral)
    return _decide(request, deferral, actions.decide_deferral, "funds:approvals")


# The funds of a case


@login_required
def case(request, code: str, forms=None, status=200):
    user = require_staff(effective_user(request))
    the_case = perms.case_for(user, code)
    record_view(request, the_case, "funds_viewed")
    funds = queries.case_funds(the_case)
    officer = perms.is_officer(user, the_case)
    finance = perms.is_finance(user, the_case.court)
    forms = forms or {}
    context = {"case": the_case, "funds": funds, "officer": officer, "finance": finance,
               "today": timezone.localdate()}
    if officer:
        context["payout_form"] = forms.get("payout") or PayoutForm(
            parties=_party_choices(the_case), agents=_agent_choices(the_case))
        context["deferral_form"] = forms.get("deferral") or DeferralForm()
        arrivals = _arrival_choices(the_case)
        context["claim_form"] = forms.get("claim") or (ClaimForm(arrivals=arrivals)
                                                       if arrivals else None)
    if finance:
        context["outflow_form"] = forms.get("outflow") or OutflowForm()
    for d in funds.deferrals:
        d.may_end = d.status == "approved" and (officer or perms.holds(
            user, the_case, ("division_head", "president")))
    return render(request, "funds/case.html", context, status=status)


def _case_post(request, code, name, form, act):
    user = require_staff(effective_user(request))
    the_case = perms.case_for(user, code)
    if form.is_valid():
        try:
            act(the_case, form.cleaned_data)
            messages.success(request, _("Done."))
            return redirect("funds:case", code)
        except ValidationError as exc:
            _put_errors(form, exc)
    return case(request, code, forms={name: form}, status=400)


@login_required
@require_POST
def request_payout(request, code: str):
    user = require_staff(effective_user(request))
    the_case = perms.case_for(user, code)
    perms.require_officer(user, the_case)
    form = PayoutForm(request.POST, parties=_party_choices(the_case),
                      agents=_agent_choices(the_case))
    return _case_post(request, code, "payout", form, lambda c, d: actions.request_payout(
        c, **_acting(request), party=d["party"], representative=d.get("representative"),
        amount=d["amount"], bank=d["bank"],
        account_name=d["account_name"], account_number=d["account_number"], note=d["note"],
        key=d["key"]))


@login_required
@require_POST
def claim(request, code: str):
    user = require_staff(effective_user(request))
    the_case = perms.case_for(user, code)
    perms.require_officer(user, the_case)
    form = ClaimForm(request.POST, arrivals=_arrival_choices(the_case))

    def act(c, d):
        arrival = Entry.objects.filter(pk=d["arrival"], kind="arrived").first()
        if arrival is None:
            raise ValidationError({"arrival": _("Choose the money to claim.")})
        actions.claim(arrival, c, **_acting(request))

    return _case_post(request, code, "claim", form, act)


@login_required
@require_POST
def request_deferral(request, code: str):
    user = require_staff(effective_user(request))
    perms.require_officer(user, perms.case_for(user, code))
    return _case_post(request, code, "deferral", DeferralForm(request.POST),
                      lambda c, d: actions.request_deferral(
                          c, **_acting(request), reason=d["reason"], note=d["note"]))


@login_required
@require_POST
def outflow(request, code: str):
    user = require_staff(effective_user(request))
    perms.require_finance(user, perms.case_for(user, code).court)
    return _case_post(request, code, "outflow", OutflowForm(request.POST),
                      lambda c, d: actions.record_outflow(
                          c, d["kind"], **_acting(request), amount=d["amount"], key=d["key"],
                          reference=d["reference"], counterparty=d["counterparty"],
                          purpose=d["purpose"]))


@login_required
@require_POST
def end_deferral(request, pk: int):
    user = require_staff(effective_user(request))
    deferral = get_object_or_404(Deferral.objects.select_related("case"), pk=pk)
    if not perms.can_read(user, deferral.case):
        raise Http404
    try:
        actions.end_deferral(deferral, **_acting(request))
        messages.success(request, _("The deferral ended; the payout clock runs again."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("funds:case", deferral.case.code)


# The monthly reconciliation


def _month(value) -> datetime.date:
    try:
        return datetime.date.fromisoformat(f"{value}-01")
    except (TypeError, ValueError):
        return timezone.localdate().replace(day=1)


@login_required
def reconciliation(request):
    user = require_staff(effective_user(request))
    court = _finance_court(user)
    month = _month(request.POST.get("month") or request.GET.get("month"))
    form = StatementForm(request.POST or None, request.FILES or None,
                         initial={"month": f"{month:%Y-%m}"})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                reconcile.import_statement(court, form.cleaned_data["file"], actor=request.user,
                                           month=month)
                messages.success(request, _("The statement was imported."))
                return redirect(reverse("funds:reconciliation") + f"?month={month:%Y-%m}")
            except ValidationError as exc:
                _put_errors(form, exc)
    statement = reconcile.Statement.objects.filter(court=court, month=month).first()
    diffs = reconcile.differences(court, month, statement) if statement else []
    first, last = queries.month_bounds(month)
    rows, unclaimed_total = queries.unclaimed_at(court, last)
    return render(request, "funds/reconciliation.html", {
        "court": court, "month": month, "form": form, "statement": statement, "diffs": diffs,
        "unclaimed": rows, "unclaimed_total": unclaimed_total}, status=status)
