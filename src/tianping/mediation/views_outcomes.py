"""A mediation's outcome on its page: the agreement drafted, signed online by each party or
on paper, applied for judicial confirmation or a mediation document, performed, rated;
and the judge's ruling on a confirmation case.

Every act goes through `flows.mediation_outcomes` or `mediation.actions_outcomes`, which
check the permission again; a refused form is shown again with what was typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.filings.choices import FilingKind
from tianping.flows import mediation_outcomes as flow
from tianping.lib.form_errors import add_errors
from tianping.mediation import actions_outcomes as outcomes
from tianping.mediation.forms_outcomes import (
    DraftForm,
    PaperForm,
    PerformanceForm,
    RatingForm,
    RulingForm,
    SignForm,
)
from tianping.mediation.page_detail import act_on_form
from tianping.mediation.permissions import get_mediation_for_user, parties_answered_by

_act = act_on_form


def _party_of(parties, pk):
    found = next((p for p in parties if str(p.pk) == str(pk)), None)
    if found is None:
        raise ValidationError({"party": _("That is not a party of this dispute.")})
    return found


def _dispute_parties(m):
    return list(m.filing.parties.all()) if m.filing_id else []


@login_required
@require_POST
def draft(request, code):
    return _act(request, code, "draft", lambda m: DraftForm(request.POST),
                lambda m, d: flow.draft(m, actor=request.user, template=d["template"],
                                        text=d["text"], amount=d["amount"], pay_by=d["pay_by"]),
                _("The agreement is ready for the parties to sign; they are told."))


@login_required
@require_POST
def sign(request, code):
    today = timezone.localdate()

    def build(m):
        return SignForm(request.POST, parties=list(parties_answered_by(request.user, m)))

    return _act(request, code, "sign", build,
                lambda m, d: flow.sign(m, _party_of(_dispute_parties(m), d["party"]),
                                       actor=request.user, today=today, version=d["version"],
                                       joins_confirmation=d["joins_confirmation"]),
                _("Your signature is recorded."))


@login_required
@require_POST
def sign_paper(request, code):
    today = timezone.localdate()

    def act(m, d):
        parties = _dispute_parties(m)
        chosen = [_party_of(parties, pk) for pk in d["parties"]]
        flow.sign_on_paper(m, actor=request.user, scan=d["scan"], parties=chosen, today=today,
                           joins_confirmation=[int(pk) for pk in d["joins_confirmation"]])

    return _act(request, code, "paper",
                lambda m: PaperForm(request.POST, request.FILES, parties=_dispute_parties(m)),
                act, _("The paper signatures are recorded with the scan."))


def _simple(request, code, act, done):
    m = get_mediation_for_user(request.user, code)
    try:
        act(m)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", None) or [str(exc)]))
    else:
        messages.success(request, done)
    return redirect("mediation:detail", m.code)


@login_required
@require_POST
def join(request, code):
    def act(m):
        for party in list(parties_answered_by(request.user, m)):
            outcomes.join_confirmation(m, party, actor=request.user)

    return _simple(request, code, act, _("You have joined the application for judicial "
                                         "confirmation."))


@login_required
@require_POST
def apply_confirmation(request, code):
    return _simple(request, code,
                   lambda m: flow.apply_for_confirmation(m, actor=request.user),
                   _("The application for judicial confirmation is handed in: the court "
                     "decides within 3 days whether to accept it."))


@login_required
@require_POST
def apply_document(request, code):
    return _simple(request, code, lambda m: flow.apply_for_document(m, actor=request.user),
                   _("The application for a mediation document is handed in."))


@login_required
@require_POST
def voluntary(request, code):
    return _simple(request, code, lambda m: flow.perform_voluntarily(m, actor=request.user),
                   _("Recorded: the parties carry out the agreement themselves."))


@login_required
@require_POST
def performance(request, code):
    today = timezone.localdate()
    return _act(request, code, "performance", lambda m: PerformanceForm(request.POST),
                lambda m, d: outcomes.note_performance(
                    m, actor=request.user, performed=d["performed"] == "yes", note=d["note"],
                    today=today),
                _("Recorded."))


@login_required
@require_POST
def rate(request, code):
    def build(m):
        return RatingForm(request.POST, parties=list(parties_answered_by(request.user, m)))

    return _act(request, code, "rating", build,
                lambda m, d: outcomes.rate(m, _party_of(_dispute_parties(m), d["party"]),
                                           actor=request.user, stars=d["stars"],
                                           comment=d["comment"]),
                _("Thank you: your rating is recorded."))


# The judge's side


@login_required
def ruling(request, code):
    """The judge of a confirmation (or mediation-document) case reads the agreement and the
    signatures and rules: confirmed or dismissed (or issues the mediation document)."""
    from tianping.cases.permissions import can_act_as_judge, get_case_for_user

    case = get_case_for_user(request.user, code)
    if not can_act_as_judge(request.user, case):
        raise PermissionDenied(_("Only the case's judge can rule on it."))
    agreement = flow.agreement_for_case(case)
    if agreement is None:
        raise Http404("This case was not applied for from a mediation agreement.")
    confirmation = case.filing.kind == FilingKind.JUDICIAL_CONFIRMATION
    form = RulingForm(request.POST or None) if confirmation else None
    status = 200
    if request.method == "POST" and case.is_pending:
        try:
            if confirmation:
                if not form.is_valid():
                    raise ValidationError({})
                d = form.cleaned_data
                flow.decide_confirmation(case, actor=request.user,
                                         granted=d["decision"] == "granted",
                                         reasons=d["reasons"])
                done = _("The ruling is made and served on the parties; the case is closed.")
            else:
                flow.issue_document(case, actor=request.user)
                done = _("The mediation document is issued; the case is closed.")
        except ValidationError as exc:
            if form is not None and exc.messages:
                add_errors(form, exc)
            elif exc.messages:
                messages.error(request, " ".join(exc.messages))
            status = 400
        else:
            messages.success(request, done)
            return redirect("cases:detail", case.code)
    signatures = agreement.signatures.filter(version=agreement.version).select_related("party")
    return render(request, "mediation/ruling.html", {
        "case": case, "agreement": agreement, "m": agreement.mediation, "form": form,
        "confirmation": confirmation, "signatures": signatures,
    }, status=status)
