"""The historical import page (issue 13 part 1): the trial management office, the leaders
and the administrators of a court upload a file; it is imported by a background task
and the run's page shows its progress (htmx polling) and its result or error."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import get_language

from tianping.cases.forms_import import MAX_MB, ImportForm
from tianping.cases.models import ImportRun
from tianping.courts.permissions import can_view_import, effective_user, import_courts
from tianping.flows.case_import import warning_text
from tianping.flows.case_import.columns import COLUMNS
from tianping.flows.case_import.tasks import queue_import


@login_required
def import_cases(request):
    user = effective_user(request)
    courts = list(import_courts(user)[:1])
    if not courts:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            run = queue_import(form.cleaned_data["file"], user=user, court=courts[0],
                               dry_run=form.cleaned_data["dry_run"], language=get_language())
            return redirect("cases:import_run", code=run.code)
        status = 422
    runs = ImportRun.objects.filter(user=user).select_related("court")[:10]
    context = {"form": form, "runs": runs, "max_mb": MAX_MB,
               "columns": [(zh, aliases[0], required)
                           for zh, aliases, required in COLUMNS.values()]}
    return render(request, "cases/import.html", context, status=status)


@login_required
def import_run(request, code):
    user = effective_user(request)
    run = get_object_or_404(ImportRun.objects.select_related("court", "user"), code=code)
    if not can_view_import(user, run.court, run.user_id):
        raise Http404
    warnings = [(w["line"], warning_text(w)) for w in run.warnings]
    template = "cases/import_run.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#progress"
    return render(request, template, {"run": run, "warnings": warnings})


urlpatterns = [
    path("import/", import_cases, name="import"),
    path("import/<str:code>/", import_run, name="import_run"),
]
