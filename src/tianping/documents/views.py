"""Document pages: a court's templates (list of kinds with the version in force, the editor
with a PDF preview and the versions kept), for its administrator and president; issuing a
document on a case, for its judge, judge assistant or clerk. Every change is one call of
`documents.actions`, as the API does."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.courts.permissions import effective_user
from tianping.documents import actions, queries
from tianping.documents.choices import Kind
from tianping.documents.forms import IssueForm, TemplateForm
from tianping.documents.models import DocumentTemplate
from tianping.documents.permissions import case_for_issuer, court_for_templates
from tianping.documents.placeholders import FIELDS
from tianping.lib.form_errors import add_errors
from tianping.lib.pdf import pdf_bytes_response


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}




def _kind(kind: str) -> Kind:
    if kind not in Kind.values:
        raise Http404("No such kind of document.")
    return Kind(kind)


@login_required
def court_templates(request, code):
    court = court_for_templates(effective_user(request), code)
    return render(request, "documents/court_templates.html",
                  {"court": court, "rows": queries.overview(court)})


@login_required
def edit_template(request, code, kind):
    court = court_for_templates(effective_user(request), code)
    kind = _kind(kind)
    in_force = queries.template_in_force(court, kind)
    form = TemplateForm(request.POST or None,
                        initial={"title": in_force.title, "body": in_force.body})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if request.POST.get("action") == "preview":
                return pdf_bytes_response(
                    actions.preview(court, kind, title=data["title"], body=data["body"],
                                    **_acting(request)), filename=f"preview-{kind}.pdf")
            saved = actions.save_template(court, kind, title=data["title"], body=data["body"],
                                          **_acting(request))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Saved as version %(version)d, in force from now.")
                             % {"version": saved.version})
            return redirect("documents:edit_template", court.code, kind)
    context = {"court": court, "kind": kind, "in_force": in_force, "form": form,
               "fields": FIELDS.items(), "versions": queries.versions(court, kind)}
    return render(request, "documents/edit_template.html", context,
                  status=400 if form.is_bound and form.errors else 200)


@login_required
def template_version(request, code, kind, pk):
    court = court_for_templates(effective_user(request), code)
    kind = _kind(kind)
    version = DocumentTemplate.objects.filter(pk=pk, kind=kind).select_related(
        "changed_by").first()
    if version is None or version.court_id not in (None, court.pk):
        raise Http404("No such version.")
    return render(request, "documents/template_version.html",
                  {"court": court, "kind": kind, "version": version})


@login_required
@require_POST
def use_default(request, code, kind):
    court = court_for_templates(effective_user(request), code)
    kind = _kind(kind)
    actions.use_default(court, kind, **_acting(request))
    messages.success(request, _("The national default text is in force again."))
    return redirect("documents:edit_template", court.code, kind)


def _case_page(request, case, form=None, status=200):
    hearings = case.hearings.filter(status="scheduled").order_by("starts_at")
    form = form or IssueForm(case=case, hearings=hearings)
    context = {"case": case, "form": form, "issued": queries.issued_on_case(case),
               "now": timezone.now()}
    return render(request, "documents/case.html", context, status=status)


@login_required
def case_documents(request, code):
    case = case_for_issuer(effective_user(request), code)
    if request.method != "POST":
        record_view(request, case, "issued_documents_viewed")
        return _case_page(request, case)
    hearings = case.hearings.filter(status="scheduled")
    form = IssueForm(request.POST, case=case, hearings=hearings)
    if form.is_valid():
        data = form.cleaned_data
        who, _sep, ref = (data["addressee"] or "").partition(":")
        try:
            issued = actions.issue(
                case, data["kind"], key=data["key"],
                addressee_party=case.parties.filter(pk=ref).first() if who == "p" else None,
                addressee_representative=(case.representatives.filter(pk=ref).first()
                                          if who == "r" else None),
                hearing=hearings.filter(code=data["hearing"]).first() if data["hearing"]
                else None,
                evidence_deadline=data["evidence_deadline"], **_acting(request))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("%(title)s is issued. Serve it from the service page.")
                             % {"title": issued.document.title})
            return redirect("documents:case", case.code)
    return _case_page(request, case, form, status=400)
