"""Catalog pages: the versions, a searchable browser per catalog, the picker, the import.

Reference data is public: the index, the browser and the picker are open to anyone, signed
in or not. Importing a table is for administrators (can_manage_reference_data). The browser
answers an htmx request with its results partial only, and works without JavaScript.

The picker for other forms is the template catalog/picker.html; its header says how to
include it. Its results come from `picker` below.
"""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.catalog.actions import import_catalog
from tianping.catalog.choices import CatalogKind
from tianping.catalog.importers import CatalogImportError
from tianping.catalog.queries import catalog_versions, resolve_version, search_entries, valid_on
from tianping.courts.permissions import can_manage_reference_data
from tianping.lib.widgets import DateInput

PAGE_SIZE = 100
SEARCH_LIMIT = 50
PICKER_LIMIT = 15
# The built-in 2020 civil causes are a reconstruction; the index says so while no court
# has replaced them with the official table (an imported version is not built in).
CIVIL_2020_LAST_DAY = date(2025, 12, 31)


def _kind(kind: str) -> CatalogKind:
    if kind not in CatalogKind.values:
        raise Http404
    return CatalogKind(kind)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def index(request):
    """Every catalog with its versions: label, source, validity and entry count."""
    versions = list(catalog_versions())
    catalogs = [(kind, [v for v in versions if v.kind == kind]) for kind in CatalogKind]
    context = {
        "catalogs": catalogs,
        "can_import": can_manage_reference_data(request.user),
        "civil_2020": resolve_version(CatalogKind.CIVIL_CAUSES, on=CIVIL_2020_LAST_DAY),
    }
    return render(request, "catalog/index.html", context)


def browse(request, kind):
    """One catalog: search as you type, pick a version or the one in force on a date."""
    kind = _kind(kind)
    q = request.GET.get("q", "").strip()[:100]
    on = _day(request.GET.get("on", ""))
    label = request.GET.get("version", "")
    chosen = resolve_version(kind, on=on, version=label or None)
    context = {
        "kind": kind,
        "q": q,
        "on": on,
        "label": label,
        "version": chosen,
        "versions": catalog_versions(kind),
        "bad_date": bool(request.GET.get("on")) and on is None,
    }
    if chosen is not None and q:
        context["entries"] = search_entries(kind, q, on=on, version=chosen, limit=SEARCH_LIMIT)
    elif chosen is not None:
        page = Paginator(valid_on(chosen.entries.all(), on), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context.update(entries=page.object_list, page=page, query=_query(request))
    partial = request.htmx and not request.htmx.history_restore_request
    template = "catalog/browse.html#results" if partial else "catalog/browse.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _query(request) -> str:
    """The current filters, for the pager's links."""
    return urlencode({k: v for k, v in request.GET.items() if k != "page" and v})


def picker(request, kind):
    """The results of a picker (catalog/picker.html): a list of choices, no page around it."""
    kind = _kind(kind)
    field = request.GET.get("field", "")
    q = request.GET.get(f"{field}__search", request.GET.get("q", "")).strip()[:100]
    on = _day(request.GET.get("on", ""))
    entries = []
    if q:
        entries = search_entries(
            kind, q, on=on, version=request.GET.get("version") or None, limit=PICKER_LIMIT
        )
    return render(request, "catalog/picker_results.html", {"entries": entries, "q": q})


class ImportForm(forms.Form):
    """What an administrator gives to import an official table."""

    kind = forms.ChoiceField(label=gettext_lazy("Catalog"), choices=CatalogKind.choices)
    file = forms.FileField(
        label=gettext_lazy("Table (CSV)"),
        help_text=gettext_lazy("A CSV file in the layout of the official table, UTF-8 encoded."),
    )
    label = forms.CharField(
        label=gettext_lazy("Version label"),
        max_length=40,
        help_text=gettext_lazy("E.g. 2020 or 2026-03."),
    )
    source = forms.CharField(
        label=gettext_lazy("Source document"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("E.g. 法〔2020〕347号."),
    )
    valid_from = forms.DateField(
        label=gettext_lazy("Valid from"), required=False, widget=DateInput()
    )
    valid_to = forms.DateField(label=gettext_lazy("Valid to"), required=False, widget=DateInput())
    encoding = forms.ChoiceField(
        label=gettext_lazy("Encoding"),
        choices=[("utf-8", "UTF-8"), ("gb18030", gettext_lazy("GBK / GB18030"))],
        initial="utf-8",
    )
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the version of that label if it exists"), required=False
    )


@login_required
def import_table(request):
    """Upload an official table as a new catalog version; every error with its line number."""
    if not can_manage_reference_data(request.user):
        raise PermissionDenied
    form = ImportForm(
        request.POST or None, request.FILES or None, initial={"kind": request.GET.get("kind")}
    )
    errors = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = import_catalog(
                data["kind"],
                data["file"],
                actor=request.user,
                label=data["label"],
                source=data["source"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                replace=data["replace"],
                encoding=data["encoding"],
            )
        except CatalogImportError as exc:
            errors = exc.errors
        else:
            messages.success(
                request,
                _("Imported %(count)s entries as %(version)s.")
                % {"count": version.entry_count, "version": version},
            )
            url = reverse("catalog:browse", args=[version.kind])
            return redirect(f"{url}?{urlencode({'version': version.label})}")
    return render(request, "catalog/import.html", {"form": form, "errors": errors})
