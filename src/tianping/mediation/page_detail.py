"""The mediation page's context and the handling of its forms, shared by the pages of
mediations (`views_mediations`) and of their outcomes (`views_outcomes`): what the page
shows and offers its reader, and a form bound, acted on, and on a refusal shown again
with what was typed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.lib.form_errors import add_errors
from tianping.mediation import actions_mediations as actions
from tianping.mediation import actions_outcomes as outcomes
from tianping.mediation.agreement_templates import TEMPLATES, default_template, draft_text
from tianping.mediation.choices import MediationStatus, SessionStatus
from tianping.mediation.events import mediation_timeline
from tianping.mediation.forms_mediations import (
    AnswerForm,
    AppointForm,
    DeclineForm,
    EndForm,
    ExtendForm,
    RecordForm,
    SessionForm,
)
from tianping.mediation.forms_outcomes import (
    DraftForm,
    PaperForm,
    PerformanceForm,
    RatingForm,
    SignForm,
)
from tianping.mediation.models import MediationRating, Mediator
from tianping.mediation.permissions import (
    answers_for_mediator,
    can_conduct,
    can_manage_mediations,
    can_withdraw,
    get_mediation_for_user,
    is_mediator_of,
    parties_answered_by,
    parties_invited,
)
from tianping.mediation.recommend import recommend, townships_of


def detail_context(request, m, forms=None):
    user = request.user
    today = timezone.localdate()
    filing = m.filing
    parties = actions.parties_of(m)
    manager = can_manage_mediations(user, m.court)
    conductor = can_conduct(user, m)
    answerable = parties_invited(user, m) if filing else []
    answered = {a.party_id: a for a in m.answers.select_related("party")}
    forms = forms or {}
    ctx = {
        "m": m, "filing": filing, "parties": parties, "today": today,
        "manager": manager, "conductor": conductor, "mediator_self": is_mediator_of(user, m),
        "answers_for_mediator": answers_for_mediator(user, m),
        "answers": list(answered.values()),
        "sessions": list(m.sessions.select_related("station")),
        "events": [(e, mediation_timeline.label(e), mediation_timeline.details(e))
                   for e in m.events.select_related("actor")],
        "clocks": _clocks(m),
        "can_withdraw": m.is_open and can_withdraw(user, m),
    }
    if m.status == MediationStatus.AWAITING_APPOINTMENT and manager:
        roster = Mediator.objects.filter(court=m.court, delisted_on__isnull=True).order_by("name")
        towns = townships_of([p.address for p in parties],
                             set(roster.values_list("township", flat=True)))
        ctx["suggestions"] = recommend(m.court, speciality=m.speciality, townships=towns,
                                       today=today)
        ctx["appoint_form"] = forms.get("appoint") or AppointForm(
            mediators=roster, initial={"mediator": m.chosen_mediator_id
                                       or m.preferred_mediator_id or (
                ctx["suggestions"][0].mediator.pk if ctx["suggestions"] else None)})
    if m.status == MediationStatus.APPOINTED and ctx["answers_for_mediator"]:
        ctx["decline_form"] = forms.get("decline") or DeclineForm()
    unanswered = [p for p in answerable if p.pk not in answered]
    if m.is_open and unanswered:
        ctx["answer_form"] = forms.get("answer") or AnswerForm(
            parties=unanswered, mediators=choosable_mediators(m))
    if m.status == MediationStatus.IN_PROGRESS and conductor:
        ctx["session_form"] = forms.get("session") or SessionForm(court=m.court)
        ctx["record_forms"] = {
            s.pk: (forms.get(f"record{s.pk}") or RecordForm(parties=parties))
            for s in ctx["sessions"] if s.status == SessionStatus.SCHEDULED}
        ctx["extend_form"] = forms.get("extend") or ExtendForm(parties=parties)
        ctx["end_form"] = forms.get("end") or EndForm()
        if manager or ctx["mediator_self"]:
            ctx["other_answer_form"] = forms.get("other_answer") or (
                AnswerForm(parties=[p for p in parties if p.pk not in answered],
                           mediators=choosable_mediators(m))
                if len(answered) < len(parties) else None)
    ctx.update(outcome_context(request, m, parties, conductor=conductor, forms=forms))
    return ctx


def choosable_mediators(m):
    """The roster a party chooses from while no mediator is appointed (None after)."""
    if m.status != MediationStatus.AWAITING_APPOINTMENT:
        return None
    return Mediator.objects.filter(court=m.court, delisted_on__isnull=True).order_by("name")


def _clocks(m):
    from tianping.law.steps import render as render_step

    found = []
    labels = {"choice": (_("The parties choose a mediator together by"), m.choice_due_on,
                         m.chosen_on),
              "appointment": (_("Appoint a mediator by"), m.appoint_due_on, m.appointed_on),
              "acceptance": (_("Mediator to accept by"), m.accept_due_on, m.accepted_on),
              "period": (_("Mediation period ends"), m.ends_on, m.ended_on)}
    for key, (label, day, done_on) in labels.items():
        steps = (m.clock_steps or {}).get(key)
        if day and steps:
            found.append({"label": label, "day": day, "done_on": done_on,
                          "steps": [render_step(s["code"], s.get("params") or {})
                                    for s in steps]})
    return found


def act_on_form(request, code, form_name, build, act, done):
    """Bind the form, run the act; on a refusal show the page again with what was typed."""
    m = get_mediation_for_user(request.user, code)
    form = build(m)
    if form.is_valid():
        try:
            act(m, form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, done)
            return redirect("mediation:detail", m.code)
    context = detail_context(request, m, {form_name: form})
    context["failed_form"] = form_name
    return render(request, "mediation/mediation.html", context, status=400)


def outcome_context(request, m, parties, *, conductor: bool, forms: dict) -> dict:
    """What the mediation page shows and offers about the agreement and after."""
    if m.filing_id is None:
        return {}
    user = request.user
    agreement = outcomes.agreement_of(m)
    own = list(parties_answered_by(user, m))
    ctx = {"agreement": agreement, "templates": list(TEMPLATES.items())}
    if agreement is not None:
        signatures = list(agreement.signatures.filter(version=agreement.version)
                          .select_related("party"))
        signed = {s.party_id for s in signatures}
        ctx["signatures"] = signatures
        ctx["unsigned"] = [p for p in parties if p.pk not in signed]
        mine_unsigned = [p for p in own if p.pk not in signed]
        if m.status == MediationStatus.IN_PROGRESS and not agreement.is_signed:
            if mine_unsigned:
                ctx["sign_form"] = forms.get("sign") or SignForm(
                    parties=mine_unsigned, initial={"version": agreement.version})
            if conductor and ctx["unsigned"]:
                ctx["paper_form"] = forms.get("paper") or PaperForm(parties=ctx["unsigned"])
        if agreement.is_signed:
            ctx["confirmation_due"] = outcomes.confirmation_due(agreement, m.court)
            joined = {s.party_id for s in signatures if s.joins_confirmation}
            ctx["joined"] = [p for p in parties if p.pk in joined]
            ctx["not_joined"] = [p for p in parties if p.pk not in joined]
            ctx["may_join"] = [p for p in own if p.pk in signed and p.pk not in joined]
            ctx["may_choose_route"] = not agreement.route and (conductor or bool(own))
            if agreement.request_id:
                ctx["application"] = agreement.request
                ctx["application_case"] = getattr(agreement.request, "case", None)
            if conductor or own:
                ctx["performance_form"] = forms.get("performance") or PerformanceForm()
    if not m.is_open and m.mediator_id and own:
        rated = set(MediationRating.objects.filter(mediation=m).values_list("party_id",
                                                                             flat=True))
        unrated = [p for p in own if p.pk not in rated]
        if unrated:
            ctx["rating_form"] = forms.get("rating") or RatingForm(parties=unrated)
    if conductor and m.status == MediationStatus.IN_PROGRESS and not (
            agreement and agreement.is_signed):
        ctx["draft_form"] = forms.get("draft") or _fresh_draft(request, m, agreement)
    return ctx


def _fresh_draft(request, m, agreement) -> DraftForm:
    """The drafting form: the agreement as drafted, or a template's text filled in from
    the dispute (`?template=` picks another template)."""
    asked = request.GET.get("template")
    if agreement is not None and asked not in TEMPLATES:
        return DraftForm(initial={"template": agreement.template, "text": agreement.text,
                                  "amount": agreement.amount, "pay_by": agreement.pay_by})
    template = asked if asked in TEMPLATES else default_template(m)
    amount = m.filing.amount
    return DraftForm(initial={"template": template, "amount": amount,
                              "text": draft_text(m, template, amount=amount)})
