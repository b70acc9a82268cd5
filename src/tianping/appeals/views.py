"""Appeal pages: the party's appeal and retrial application (portal), the window appeal,
the fee and the transfer (the first-instance court), the incoming list and the filing of
the second-instance and review cases (the appeal court), the outcome (its judge), the
closing on the mediation document's service. Each change is one call of an action or a
flow, the same as the API's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.appeals import actions, queries
from tianping.appeals import permissions as perms
from tianping.appeals.choices import AppealChannel, RetrialStatus
from tianping.appeals.forms import (
    AppealForm,
    FeePaidForm,
    MediationCloseForm,
    OutcomeForm,
    RetrialForm,
    RetrialOutcomeForm,
    WindowAppealForm,
)
from tianping.appeals.models import Appeal, RetrialApplication
from tianping.cases.permissions import can_act_as_judge, get_case_for_user
from tianping.courts.permissions import effective_user, public_user_page, require_staff
from tianping.flows import appeals as flow
from tianping.flows.closing import close_on_mediation_service
from tianping.lib.form_errors import add_errors


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _staff_case(request, code):
    user = require_staff(effective_user(request))
    return user, get_case_for_user(user, code)


def _staff_page(request, code):
    return redirect(f"{redirect('cases:detail', code).url}#appeal")


def _party_page(code):
    return redirect(f"{redirect('party_cases:detail', code).url}#appeal")


@public_user_page
def appeal(request, code):
    """A party (or their lawyer) appeals online."""
    case = get_case_for_user(request.user, code)
    parties = list(perms.parties_acted_for(request.user).filter(case=case))
    if not parties:
        raise Http404
    form = AppealForm(request.POST or None, parties=parties)
    if request.method == "POST" and form.is_valid():
        party = next(p for p in parties if p.pk == form.cleaned_data["party"])
        try:
            actions.file_appeal(case, party=party, channel=AppealChannel.ONLINE,
                                grounds=form.cleaned_data["grounds"],
                                requests=form.cleaned_data["requests"],
                                amount=form.cleaned_data["amount"], **_acting(request))
        except ValidationError as exc:
            add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your appeal was filed; the court will tell you the "
                                        "appeal fee to pay."))
            return _party_page(code)
    effect = queries.effect_of(case)
    return render(request, "appeals/appeal.html", {
        "case": case, "form": form, "rows": queries.period_rows(effect),
        "status": queries.status_text(effect), "party_side": True})


@login_required
def window(request, code):
    """The filing division records a paper petition handed in at the window."""
    user, case = _staff_case(request, code)
    if not perms.can_record_at_window(user, case):
        raise PermissionDenied
    parties = list(case.parties.all())
    form = WindowAppealForm(request.POST or None, request.FILES or None, parties=parties)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        party = next(p for p in parties if p.pk == data["party"])
        try:
            actions.file_appeal(case, party=party, channel=AppealChannel.WINDOW,
                                grounds=data["grounds"], requests=data["requests"],
                                amount=data["amount"], petition=data["petition"],
                                late_ground=data["late_ground"],
                                late_reason=data["late_reason"], **_acting(request))
        except ValidationError as exc:
            add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The appeal was recorded."))
            return _staff_page(request, code)
    effect = queries.effect_of(case)
    return render(request, "appeals/appeal.html", {
        "case": case, "form": form, "rows": queries.period_rows(effect),
        "status": queries.status_text(effect), "party_side": False})


@login_required
@require_POST
def fee(request, code):
    user = require_staff(effective_user(request))
    appeal = get_object_or_404(Appeal, code=code)
    get_case_for_user(user, appeal.case.code)
    if not perms.can_record_fee(user, appeal.case):
        raise PermissionDenied
    form = FeePaidForm(request.POST, prefix="fee")
    if not form.is_valid():
        messages.error(request, _("Give the day paid and the receipt reference."))
    else:
        try:
            actions.record_fee_paid(appeal, paid_on=form.cleaned_data["paid_on"],
                                    receipt=form.cleaned_data["receipt"], **_acting(request))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The appeal fee was recorded as paid."))
    return _staff_page(request, appeal.case.code)


@login_required
@require_POST
def transfer(request, code):
    _user, case = _staff_case(request, code)
    try:
        actions.transfer(case, **_acting(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The file was transferred to the appeal court."))
    return _staff_page(request, code)


@login_required
def incoming(request):
    """The appeal court's filing division: transferred appeals and retrial applications
    waiting for their case."""
    user = require_staff(effective_user(request))
    courts = perms.dockets_of(user)
    if not courts:
        raise PermissionDenied
    return render(request, "appeals/incoming.html", {
        "appeals": queries.incoming_appeals(courts),
        "retrials": queries.incoming_retrials(courts)})


@login_required
@require_POST
def docket(request, code):
    """File the second-instance case of the first-instance case CODE."""
    user = require_staff(effective_user(request))
    appeal = Appeal.objects.filter(case__code=code, appeal_court_id__in=perms.dockets_of(user)
                                   ).select_related("case").first()
    if appeal is None:
        raise Http404
    try:
        second = flow.docket_appeal(appeal.case, **_acting(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("appeals:incoming")
    messages.success(request, _("Case %(number)s filed.") % {"number": second.number})
    return redirect("cases:detail", second.code)


@login_required
@require_POST
def docket_retrial(request, code):
    user = require_staff(effective_user(request))
    application = RetrialApplication.objects.filter(
        code=code, court_id__in=perms.dockets_of(user), status=RetrialStatus.APPLIED).first()
    if application is None:
        raise Http404
    try:
        review = flow.docket_retrial(application, **_acting(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("appeals:incoming")
    messages.success(request, _("Case %(number)s filed.") % {"number": review.number})
    return redirect("cases:detail", review.code)


def _decide(request, code, form_class, decide, template_title):
    user, case = _staff_case(request, code)
    if not perms.can_decide(user, case):
        raise PermissionDenied
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decide(case, outcome=data["outcome"], decided_on=data["decided_on"],
                   documents=[data["document"]], **_acting(request))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The case was closed with its outcome."))
            return _staff_page(request, code)
    return render(request, "appeals/outcome.html", {
        "case": case, "form": form, "title": template_title})


@login_required
def outcome(request, code):
    return _decide(request, code, OutcomeForm, flow.decide_appeal,
                   _("Outcome of the appeal"))


@login_required
def retrial_outcome(request, code):
    return _decide(request, code, RetrialOutcomeForm, flow.decide_retrial,
                   _("Outcome of the retrial application"))


@login_required
@require_POST
def mediation_close(request, code):
    user, case = _staff_case(request, code)
    if not can_act_as_judge(user, case):
        raise PermissionDenied
    form = MediationCloseForm(request.POST, documents=case.documents.all(), prefix="med")
    if not form.is_valid():
        messages.error(request, _("Choose the mediation document served."))
        return _staff_page(request, code)
    try:
        close_on_mediation_service(case, document=case.documents.get(
            pk=form.cleaned_data["document"]), **_acting(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The case was closed on the day the mediation document "
                                    "reached the last party."))
    return _staff_page(request, code)


@public_user_page
def retrial(request, code):
    case = get_case_for_user(request.user, code)
    parties = list(perms.parties_acted_for(request.user).filter(case=case))
    if not parties:
        raise Http404
    form = RetrialForm(request.POST or None, parties=parties)
    if request.method == "POST" and form.is_valid():
        party = next(p for p in parties if p.pk == form.cleaned_data["party"])
        try:
            actions.apply_for_retrial(case, party=party, grounds=form.cleaned_data["grounds"],
                                      today=timezone.localdate(), **_acting(request))
        except ValidationError as exc:
            add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your application for a retrial was sent to the "
                                        "court above."))
            return _party_page(code)
    return render(request, "appeals/retrial.html", {"case": case, "form": form})
