"""Group disputes' pages (群体性纠纷): the court's groups, importing one from a workbook
(every problem shown by row and column; nothing created unless every row is good; the form
keeps what was typed), the template workbook, and a group's page: its members, how far each
step has gone (done and left), and the batch steps over every member or those ticked.

Reading goes through `permissions.groups_visible_to` (404 for what the reader may not see);
importing and every batch step through `flows.mediation_groups`, whose actions check again,
member by member.
"""

import importlib.util

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.flows import mediation_groups as flow
from tianping.lib.form_errors import add_errors
from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput
from tianping.mediation import groups
from tianping.mediation.choices import FailureReason, MediationStatus
from tianping.mediation.forms_mediations import AppointForm, SessionForm
from tianping.mediation.models import Mediator, Station
from tianping.mediation.permissions import (
    can_manage_mediations,
    get_group_for_user,
    group_courts,
    groups_visible_to,
)

KINDS = [("legal", gettext_lazy("Legal person (法人)")),
         ("organisation", gettext_lazy("Other organisation (非法人组织)"))]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class GroupForm(CleanTextForm):
    court = forms.ChoiceField(label=gettext_lazy("Court"))
    title = forms.CharField(label=gettext_lazy("Title of the group"), max_length=200)
    cause = forms.CharField(label=gettext_lazy("Cause of action (案由)"), required=False,
                            max_length=40)
    respondent_name = forms.CharField(label=gettext_lazy("Respondent (the employer)"),
                                      max_length=200)
    respondent_kind = forms.ChoiceField(label=gettext_lazy("Kind of respondent"), choices=KINDS)
    respondent_id_number = forms.CharField(
        label=gettext_lazy("Unified social credit code"), max_length=40)
    respondent_legal_representative = forms.CharField(
        label=gettext_lazy("Legal representative"), max_length=100, required=False)
    respondent_address = forms.CharField(label=gettext_lazy("Respondent's address"),
                                         max_length=300, required=False)
    respondent_phone = forms.CharField(label=gettext_lazy("Respondent's telephone"),
                                       max_length=30, required=False)
    is_migrant_wages = forms.BooleanField(
        label=gettext_lazy("Migrant workers' unpaid wages: the green channel for every member"),
        required=False, initial=True)
    workbook = forms.FileField(
        label=gettext_lazy("Applicants' workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX}))

    def __init__(self, *args, courts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["court"].choices = [(c.code, c.name) for c in courts]
        self.courts = {c.code: c for c in courts}

    def clean_cause(self):
        code = self.cleaned_data["cause"].strip()
        if not code:
            return None
        cause = flow.cause_for(code, timezone.localdate())
        if cause is None:
            raise ValidationError(_("Unknown cause of action: %(code)s.") % {"code": code})
        return cause

    def clean(self):
        data = super().clean()
        for name, message in groups.respondent_problems(self.respondent()).items():
            if f"respondent_{name}" not in self.errors:
                self.add_error(f"respondent_{name}", message)
        return data

    def respondent(self) -> dict:
        data = getattr(self, "cleaned_data", {})
        return {k: data.get(f"respondent_{k}", "") for k in (
            "name", "kind", "id_number", "legal_representative", "address", "phone")}


class DraftForm(CleanTextForm):
    template = forms.ChoiceField(label=gettext_lazy("Template of the agreement"))
    pay_by = forms.DateField(label=gettext_lazy("To be paid by"), required=False,
                             widget=DateInput())

    def __init__(self, *args, templates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["template"].choices = list(templates)


class SignForm(forms.Form):
    scan = forms.FileField(label=gettext_lazy("Scan of the signed agreements (PDF or image)"))
    joins_confirmation = forms.BooleanField(
        label=gettext_lazy("The parties apply jointly for judicial confirmation"),
        required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


class EndForm(CleanTextForm):
    reason = forms.ChoiceField(label=gettext_lazy("Why no agreement"),
                               choices=FailureReason.choices)
    report = forms.CharField(label=gettext_lazy("Report of the mediation"), required=False,
                             max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


def outcomes_ready() -> bool:
    """Whether agreements can be drafted, signed and confirmed here (the outcome flow)."""
    return importlib.util.find_spec("tianping.flows.mediation_outcomes") is not None


def _templates():
    from tianping.mediation.agreement_templates import TEMPLATES

    return list(TEMPLATES.items())


# The list and the template


@login_required
def group_list(request):
    user = request.user
    courts = list(group_courts(user))
    rows = groups_visible_to(user).select_related("court")[:200]
    if not courts and not rows:
        raise PermissionDenied(_("Group disputes are for the court's filing division."))
    return render(request, "mediation/groups.html", {"rows": rows, "can_import": bool(courts)})


@login_required
def template(request):
    if not group_courts(request.user).exists():
        raise PermissionDenied(_("Group disputes are for the court's filing division."))
    response = HttpResponse(groups.template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''group-applicants.xlsx"
    return response


# Importing


@login_required
def new_group(request):
    courts = list(group_courts(request.user))
    if not courts:
        raise PermissionDenied(_("Group disputes are for the court's filing division."))
    today = timezone.localdate()
    cause = flow.default_cause(today)
    form = GroupForm(request.POST or None, request.FILES or None, courts=courts, initial={
        "court": courts[0].code, "cause": cause.code if cause else "", "is_migrant_wages": True,
        "respondent_kind": "legal"})
    problems = []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            upload = data["workbook"]
            reading = groups.read_workbook(upload, name=upload.name, size=upload.size,
                                           today=today)
            problems = reading.problems
            if reading.ok:
                try:
                    group = flow.import_group(
                        actor=request.user, court=form.courts[data["court"]],
                        title=data["title"], respondent=form.respondent(),
                        applicants=reading.applicants, cause=data["cause"],
                        is_migrant_wages=data["is_migrant_wages"], today=today)
                except ValidationError as exc:
                    add_errors(form, exc)
                else:
                    messages.success(request, _(
                        "%(count)d applicants imported: each has a filing and a mediation "
                        "with its number.") % {"count": len(reading.applicants)})
                    return redirect("mediation:group", group.code)
    chosen = form["cause"].value() or ""
    label = ""
    if chosen:
        entry = flow.cause_for(str(chosen), today)
        label = f"{entry.code} {entry.name}" if entry else ""
    return render(request, "mediation/group_new.html", {
        "form": form, "problems": problems, "today": today, "cause_label": label,
        "max_rows": groups.MAX_ROWS}, status=status)


# A group's page


def _context(request, group, bound=None, outcome=None):
    user = request.user
    bound = bound or {}
    rows = flow.member_rows(group)
    for r in rows:
        r["agreement_label"] = groups.AGREEMENT_LABELS.get(r["agreement_state"], "")
    statuses = {r["m"].status for r in rows}
    manager = can_manage_mediations(user, group.court)
    first = rows[0]["m"].filing if rows else None
    ready = outcomes_ready()
    ctx = {
        "group": group, "rows": rows, "progress": groups.progress(rows), "manager": manager,
        "respondent": rows[0]["respondent"] if rows else None,
        "cause": first.cause if first else None,
        "total": sum((r["amount"] or 0) for r in rows), "outcome": outcome,
        "failed_step": bound.get("step"),
    }
    S = MediationStatus
    if manager and S.AWAITING_APPOINTMENT in statuses:
        roster = Mediator.objects.filter(court=group.court, delisted_on__isnull=True).order_by(
            "name")
        ctx["appoint_form"] = bound.get("appoint") or AppointForm(prefix="appoint",
                                                                  mediators=roster)
    if S.APPOINTED in statuses:
        ctx["can_accept"] = True
    if S.IN_PROGRESS in statuses:
        ctx["session_form"] = bound.get("session") or SessionForm(prefix="session",
                                                                  court=group.court)
        if ready and any(r["agreement"] is None for r in rows if r["m"].status == S.IN_PROGRESS):
            ctx["draft_form"] = bound.get("draft") or DraftForm(prefix="draft",
                                                                templates=_templates())
        if ready and any(r["agreement"] and not r["agreement"].signed_on for r in rows):
            ctx["sign_form"] = bound.get("sign") or SignForm(prefix="sign")
    if ready and any(r["agreement"] and r["agreement"].signed_on and not r["agreement"].request_id
                     for r in rows):
        ctx["can_confirm"] = True
    if statuses & {S.AWAITING_APPOINTMENT, S.APPOINTED, S.IN_PROGRESS}:
        ctx["end_form"] = bound.get("end") or EndForm(prefix="end")
    return ctx


@login_required
def group(request, code):
    found = get_group_for_user(request.user, code)
    record_view(request, found)
    return render(request, "mediation/group.html", _context(request, found))


def _station(court, pk):
    if not pk:
        return None
    return Station.objects.filter(court=court, kind="room", active=True, pk=pk).first()


@login_required
@require_POST
def group_step(request, code, step):
    found = get_group_for_user(request.user, code)
    chosen = request.POST.getlist("members") or None
    user = request.user
    today = timezone.localdate()
    if step == "appoint":
        form = AppointForm(request.POST, prefix="appoint",
                           mediators=Mediator.objects.filter(court=found.court))
        act = lambda d: flow.appoint(found, d["mediator"], actor=user,  # noqa: E731
                                     override=d["override"], codes=chosen, today=today)
    elif step == "accept":
        form = forms.Form(request.POST)
        act = lambda d: flow.accept(found, actor=user, codes=chosen, today=today)  # noqa: E731
    elif step == "session":
        form = SessionForm(request.POST, prefix="session", court=found.court)
        act = lambda d: flow.schedule(  # noqa: E731
            found, actor=user, starts_at=_aware(d["starts_at"]), ends_at=_aware(d["ends_at"]),
            mode=d["mode"], link=d["link"], station=d["station"], place=d["place"],
            codes=chosen)
    elif step == "draft" and outcomes_ready():
        form = DraftForm(request.POST, prefix="draft", templates=_templates())
        act = lambda d: flow.draft_agreements(found, actor=user, template=d["template"],  # noqa: E731
                                              pay_by=d["pay_by"], codes=chosen, today=today)
    elif step == "sign" and outcomes_ready():
        form = SignForm(request.POST, request.FILES, prefix="sign")
        act = lambda d: flow.sign_on_paper(  # noqa: E731
            found, actor=user, scan=d["scan"], joins_confirmation=d["joins_confirmation"],
            codes=chosen, today=today)
    elif step == "confirm" and outcomes_ready():
        form = forms.Form(request.POST)
        act = lambda d: flow.apply_for_confirmation(found, actor=user, codes=chosen,  # noqa: E731
                                                    today=today)
    elif step == "end":
        form = EndForm(request.POST, prefix="end")
        act = lambda d: flow.end_without_agreement(found, actor=user, reason=d["reason"],  # noqa: E731
                                                   report=d["report"], codes=chosen,
                                                   today=today)
    else:
        raise Http404("No such step.")
    outcome = None
    if form.is_valid():
        try:
            outcome = act(form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            if not outcome.failed:
                messages.success(request, _("Done for %(count)d member(s).")
                                 % {"count": len(outcome.done)})
                return redirect("mediation:group", found.code)
    context = _context(request, found, {step: form, "step": step}, outcome)
    context["step_errors"] = form.non_field_errors() if outcome is None else None
    return render(request, "mediation/group.html", context, status=200 if outcome else 400)


def _aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value
