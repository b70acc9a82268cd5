"""A mediation's pages: the list (the filing division's queue, a mediator's workspace, a
coordinator's view, a litigant's own), the mediation page with what the reader may do
there, and the litigant's application.

Reading goes through `permissions.mediations_visible_to` (404 for what the reader may not
see); every act through the actions and flows, which check again. A form with an error
is shown again with what was typed.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.filings.choices import FilingKind, FilingStatus
from tianping.filings.permissions import get_filing_for_clerk
from tianping.flows import mediation as flow
from tianping.lib.form_errors import add_errors
from tianping.lib.keyset import rows_page
from tianping.mediation import actions_mediations as actions
from tianping.mediation.choices import OPEN_STATUSES, MediationStatus
from tianping.mediation.forms_mediations import (
    AnswerForm,
    ApplyForm,
    AppointForm,
    DeclineForm,
    EndForm,
    ExtendForm,
    RecordForm,
    ReferForm,
    SessionForm,
)
from tianping.mediation.models import MediationSession, Mediator
from tianping.mediation.page_detail import act_on_form, choosable_mediators, detail_context
from tianping.mediation.permissions import (
    can_read_mediation_figures,
    get_mediation_for_user,
    group_courts,
    groups_visible_to,
    mediations_visible_to,
    parties_invited,
)
from tianping.mediation.recommend import recommend

LIST_ORDER = ("status_rank", "due", "id")
TABS = {  # labels worded when shown (lazy), in the reader's language
    "open": (gettext_lazy("Open"), OPEN_STATUSES),
    "awaiting": (gettext_lazy("Awaiting a mediator"), (MediationStatus.AWAITING_APPOINTMENT,)),
    "appointed": (gettext_lazy("Awaiting acceptance"), (MediationStatus.APPOINTED,)),
    "in_progress": (gettext_lazy("Being mediated"), (MediationStatus.IN_PROGRESS,)),
    "ended": (gettext_lazy("Ended"), (MediationStatus.SETTLED, MediationStatus.FAILED,
                                      MediationStatus.WITHDRAWN)),
}


def _clock(m):
    """The date the mediation is waiting for now, and what it is."""
    if m.status == MediationStatus.AWAITING_APPOINTMENT:
        return m.appoint_due_on, _("Appoint a mediator by")
    if m.status == MediationStatus.APPOINTED:
        return m.accept_due_on, _("Mediator to accept by")
    if m.status == MediationStatus.IN_PROGRESS:
        return m.ends_on, _("Mediation period ends")
    return m.ended_on, _("Ended on")


@login_required
def mediations(request):
    user = request.user
    tab = request.GET.get("tab", "open")
    if tab not in TABS:
        tab = "open"
    rows = mediations_visible_to(user).filter(status__in=TABS[tab][1])
    from django.db.models import Case, IntegerField, Value, When
    from django.db.models.functions import Coalesce

    rank = Case(*[When(status=s, then=Value(i)) for i, s in enumerate(MediationStatus.values)],
                output_field=IntegerField())
    rows = rows.annotate(
        status_rank=rank,
        due=Coalesce("appoint_due_on", "accept_due_on", "ends_on", "ended_on", "applied_on")
        if tab != "in_progress" else F("ends_on"),
    ).select_related("court", "mediator", "filing", "case")
    page = rows_page(rows, LIST_ORDER, after=request.GET.get("after"), size=50)
    today = timezone.localdate()
    items = []
    for m in page.items:
        due, what = _clock(m)
        items.append({"m": m, "due": due, "what": what,
                      "late": bool(due and m.is_open and due < today)})
    context = {
        "tabs": [(key, label) for key, (label, _s) in TABS.items()], "tab": tab,
        "items": items, "page": page, "query": f"tab={tab}",
        "is_portal": getattr(user, "is_public_user", False),
        "drafts": _drafts(user) if getattr(user, "is_public_user", False) else [],
    }
    if not context["is_portal"]:
        context["nav_groups"] = group_courts(user).exists() or groups_visible_to(user).exists()
        context["nav_figures"] = can_read_mediation_figures(user)
    return render(request, "mediation/mediations.html", context)


def _drafts(user):
    from tianping.filings.models import Filing

    return list(Filing.objects.filter(filer=user, status=FilingStatus.DRAFT,
                                      kind=FilingKind.CIVIL).select_related("court")[:50])


@login_required
def apply(request):
    """A litigant applies for pre-filing mediation with a dispute they entered (the filing
    wizard's papers, not handed in), choosing a mediator of the court's roster or letting
    the court recommend one."""
    user = request.user
    if not getattr(user, "is_public_user", False):
        raise PermissionDenied(_("Litigants and lawyers apply for mediation here."))
    drafts = _drafts(user)
    chosen = request.POST.get("filing") or request.GET.get("filing") or (
        drafts[0].code if drafts else "")
    filing = next((f for f in drafts if f.code == chosen), None)
    today = timezone.localdate()
    mediators = (Mediator.objects.filter(court=filing.court, delisted_on__isnull=True)
                 .order_by("name") if filing else Mediator.objects.none())
    form = ApplyForm(request.POST or None, drafts=drafts, mediators=mediators,
                     initial={"filing": chosen})
    suggestions = []
    if filing is not None:
        speciality = actions.speciality_of(filing.cause)
        suggestions = recommend(filing.court, speciality=speciality, today=today, limit=3)
    if request.method == "POST" and form.is_valid():
        try:
            mediation = flow.apply_for_mediation(
                filing, actor=user, preferred=form.cleaned_data["mediator"], today=today)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Your application for mediation is registered as "
                                        "%(number)s.") % {"number": mediation.number})
            return redirect("mediation:detail", mediation.code)
    return render(request, "mediation/apply.html", {
        "form": form, "drafts": drafts, "filing": filing, "suggestions": suggestions})


@login_required
@require_POST
def refer(request, code):
    """The filing division takes a handed-in filing whose filer consented to mediation."""
    filing = get_filing_for_clerk(request.user, code)
    try:
        mediation = flow.refer_to_mediation(filing, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("review:detail", filing.code)
    messages.success(request, _("Sent to mediation as %(number)s: appoint a mediator.")
                     % {"number": mediation.number})
    return redirect("mediation:detail", mediation.code)


@login_required
def detail(request, code):
    m = get_mediation_for_user(request.user, code)
    record_view(request, m)
    return render(request, "mediation/mediation.html", detail_context(request, m))


_act = act_on_form


def _parties(m):
    return actions.parties_of(m)


@login_required
@require_POST
def appoint(request, code):
    today = timezone.localdate()

    def build(m):
        return AppointForm(request.POST, mediators=Mediator.objects.filter(court=m.court))

    return _act(request, code, "appoint", build,
                lambda m, d: actions.appoint(m, d["mediator"], actor=request.user, today=today,
                                             override=d["override"]),
                _("The mediator is appointed and told."))


@login_required
@require_POST
def accept(request, code):
    m = get_mediation_for_user(request.user, code)
    try:
        actions.accept(m, actor=request.user, today=timezone.localdate())
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("You accepted the mediation: the period has started."))
    return redirect("mediation:detail", m.code)


@login_required
@require_POST
def decline(request, code):
    response = _act(request, code, "decline", lambda m: DeclineForm(request.POST),
                    lambda m, d: actions.decline(m, actor=request.user, reason=d["reason"]),
                    _("You declined; the court will appoint another mediator."))
    if response.status_code == 302 and not mediations_visible_to(request.user).filter(
            code=code).exists():  # no longer theirs: back to their list
        return redirect("mediation:mediations")
    return response


def _party(m, pk):
    found = next((p for p in _parties(m) if str(p.pk) == str(pk)), None)
    if found is None:
        raise Http404("No such party.")
    return found


@login_required
@require_POST
def answer(request, code):
    def build(m):
        own = parties_invited(request.user, m) if m.filing_id else []
        roster = choosable_mediators(m)
        return AnswerForm(request.POST, parties=own or _parties(m),
                          mediators=Mediator.objects.none() if roster is None else roster)

    return _act(request, code, "answer", build,
                lambda m, d: flow.answer_invitation(m, _party(m, d["party"]),
                                                    actor=request.user, answer=d["answer"],
                                                    note=d["note"],
                                                    mediator=d.get("mediator")),
                _("The answer is recorded."))


def _aware(value: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(value) if timezone.is_naive(value) else value


@login_required
@require_POST
def schedule(request, code):
    return _act(request, code, "session", lambda m: SessionForm(request.POST, court=m.court),
                lambda m, d: actions.schedule_session(
                    m, actor=request.user, starts_at=_aware(d["starts_at"]),
                    ends_at=_aware(d["ends_at"]), mode=d["mode"], link=d["link"],
                    station=d["station"], place=d["place"]),
                _("The session is scheduled and the parties are told."))


def _session(m, pk) -> MediationSession:
    session = m.sessions.filter(pk=pk).first()
    if session is None:
        raise Http404("No such session.")
    return session


@login_required
@require_POST
def record_session(request, code, pk):
    return _act(request, code, f"record{pk}",
                lambda m: RecordForm(request.POST, parties=_parties(m)),
                lambda m, d: actions.record_session(_session(m, pk), actor=request.user,
                                                    attended=d["attended"], record=d["record"]),
                _("The session's record is kept."))


@login_required
@require_POST
def cancel_session(request, code, pk):
    m = get_mediation_for_user(request.user, code)
    try:
        actions.cancel_session(_session(m, pk), actor=request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("The session is cancelled."))
    return redirect("mediation:detail", m.code)


@login_required
@require_POST
def extend(request, code):
    return _act(request, code, "extend", lambda m: ExtendForm(request.POST, parties=_parties(m)),
                lambda m, d: actions.extend(m, actor=request.user, days=d["days"],
                                            agreed_parties=d["agreed_parties"], note=d["note"]),
                _("The period is extended by the parties' agreement."))


@login_required
@require_POST
def end(request, code):
    return _act(request, code, "end", lambda m: EndForm(request.POST),
                lambda m, d: flow.end_mediation(m, actor=request.user, outcome=d["outcome"],
                                                reason=d["reason"], report=d["report"],
                                                undisputed_facts=d["undisputed_facts"]),
                _("The mediation has ended."))


@login_required
@require_POST
def withdraw(request, code):
    m = get_mediation_for_user(request.user, code)
    try:
        flow.end_mediation(m, actor=request.user, outcome="withdrawn")
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Your application for mediation is withdrawn."))
    return redirect("mediation:detail", m.code)



@login_required
def refer_case(request, code):
    """The case's judge refers a case to a mediator with every party's consent (委托调解)."""
    from tianping.cases.permissions import can_act_as_judge, get_case_for_user

    case = get_case_for_user(request.user, code)
    if not can_act_as_judge(request.user, case):
        raise PermissionDenied(_("Only the case's judge can refer it to mediation."))
    today = timezone.localdate()
    mediators = Mediator.objects.filter(court=case.court, delisted_on__isnull=True).order_by(
        "name")
    parties = list(case.parties.all())
    form = ReferForm(request.POST or None, mediators=mediators, parties=parties)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                m = flow.refer_case(case, form.cleaned_data["mediator"], actor=request.user,
                                    consented_parties=form.cleaned_data["consented_parties"],
                                    override=form.cleaned_data["override"], today=today)
            except ValidationError as exc:
                add_errors(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The case is referred to mediation; the mediator "
                                            "is told."))
                return redirect("mediation:detail", m.code)
        status = 400
    suggestions = recommend(case.court, speciality=actions.speciality_of(case.cause),
                            today=today, limit=3)
    return render(request, "mediation/refer_case.html",
                  {"case": case, "form": form, "suggestions": suggestions}, status=status)
