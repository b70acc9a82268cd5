"""The cases behind a figure (`/indicators/cases/?code=…&part=numerator|denominator&<the
slice>`): exactly the cases the engine counted (`behind.cases_behind`), a page at a time
(keyset pagination: no OFFSET however long the list), with their count equal to the
figure; and the whole list as CSV (streamed) or xlsx (bounded), with Chinese headers.

Who: whoever may see the figure (`permissions.can_view_page_slice`). Like the case list,
a page of the list is not audited (only opening a case is, on its own page); an export
takes the list away, so each one is recorded (`indicators.cases_exported`). A case
number links to the case page only where the reader may open that case. The pre-filing
mediation indicator lists its mediations."""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from tianping.audit.actions import record
from tianping.cases.choices import ClosureMode, Procedure
from tianping.cases.models import Case
from tianping.cases.permissions import cases_visible_to
from tianping.indicators import behind, registry
from tianping.indicators.views_common import periods, slice_form
from tianping.lib.keyset import rows_page
from tianping.mediation.choices import MediationStatus

PAGE_SIZE = 50
CSV_LIMIT = 200_000  # rows in one CSV export (a province's year fits)
XLSX_LIMIT = 50_000  # rows in one xlsx export (built in memory)
CASE_FIELDS = ("id", "code", "number", "type_code", "filed_on", "closed_on", "closure_mode",
               "procedure", "historical_judge")
CASE_RELATED = {"court_name": F("court__name"), "judge_name": F("judge__full_name"),
                "expires_on": F("time_limit__expires_on")}
MEDIATION_FIELDS = ("id", "code", "number", "applied_on", "ended_on", "status")


def _headers(mediations: bool) -> list[str]:
    if mediations:
        return [_("Mediation number"), _("Court"), _("Applied on"), _("Ended on"),
                pgettext("mediation", "Outcome")]
    return [_("Case number"), _("Court"), _("Case type"), _("Filed on"), _("Closed on"),
            _("Closed by"), _("Procedure"), _("Judge"), _("Days"), _("Time limit expires")]


def _cells(row: dict, mediations: bool, labels: dict) -> list:
    if mediations:
        return [row["number"] or row["code"], row["court_name"], row["applied_on"],
                row["ended_on"], labels["status"].get(row["status"], row["status"])]
    days = ((row["closed_on"] or timezone.localdate()) - row["filed_on"]).days \
        if row["filed_on"] else None
    return [row["number"], row["court_name"], row["type_code"], row["filed_on"],
            row["closed_on"], labels["closure"].get(row["closure_mode"], ""),
            labels["procedure"].get(row["procedure"], ""),
            row["judge_name"] or row["historical_judge"] or "", days, row["expires_on"]]


def _labels() -> dict:
    return {"closure": dict(ClosureMode.choices), "procedure": dict(Procedure.choices),
            "status": dict(MediationStatus.choices)}


def _behind(request):
    """(user, form, the records, whether they are mediations, the figure) or the form's
    errors: the indicator and part come with the slice in the address."""
    user, form = slice_form(request, own=True)
    code, part = request.GET.get("code", ""), request.GET.get("part", "")
    records = None
    if form.is_valid():
        try:
            records = behind.cases_behind(code, part, form.slice)
        except ValidationError as error:
            form.add_error(None, error)
    if records is None:
        return user, form, None, False, None
    mediations = records.model is not Case
    if mediations:
        rows = records.values(*MEDIATION_FIELDS, court_name=F("court__name"))
    else:
        rows = records.values(*CASE_FIELDS, **CASE_RELATED)
    indicator = registry.BY_CODE[code]
    return user, form, rows.order_by("-id"), mediations, indicator


@login_required
def cases(request):
    user, form, rows, mediations, indicator = _behind(request)
    context = {"form": form, "periods": periods(form, timezone.localdate()),
               "computed_at": timezone.now(),
               "hidden": [(k, request.GET[k]) for k in ("code", "part") if k in request.GET]}
    if rows is None:
        return render(request, "indicators/cases.html", context, status=422)
    part = request.GET["part"]
    if request.GET.get("format") in ("csv", "xlsx"):
        return _export(request, form, rows, mediations, indicator, part,
                       request.GET["format"])
    page = rows_page(rows, ("-id",), after=request.GET.get("after"), size=PAGE_SIZE)
    labels = _labels()
    openable = set() if mediations else set(cases_visible_to(user).filter(
        pk__in=[r["id"] for r in page.items]).values_list("pk", flat=True))
    link = reverse("mediation:detail" if mediations else "cases:detail", args=["CODE"])
    lines = [{"cells": _cells(r, mediations, labels),
              "url": link.replace("CODE", r["code"]) if mediations or r["id"] in openable
              else ""} for r in page.items]
    total = rows.count()

    def here(**more):
        return "?" + form.query(code=indicator.code, part=part, **more)

    context.update(
        slice=form.slice, indicator=indicator, name=indicator.name(get_language()),
        part=part, total=total, headers=_headers(mediations), lines=lines,
        mediations=mediations,
        next_url=here(after=page.next) if page.next else "",
        first_url="" if page.is_first else here(),
        csv_url=here(format="csv"), xlsx_url=here(format="xlsx"),
        back_url=f"{reverse('indicators:court')}?{form.query()}",
        sum_of_days=registry.parts(indicator, part) in (
            ("days_to_close",), ("enforcement_days",), ("period_days_x_pending_end",)),
        csv_limit=CSV_LIMIT, xlsx_limit=XLSX_LIMIT)
    return render(request, "indicators/cases.html", context)


def _export(request, form, rows, mediations, indicator, part, fmt):
    s = form.slice
    record("indicators.cases_exported", None, actor=request.user,
           acted_for=getattr(request, "acting_for", None),
           changes={"court": s.court.code, "code": indicator.code, "part": part,
                    "from": s.start.isoformat(), "to": s.end.isoformat(),
                    "query": form.query(), "format": fmt},
           ip_address=request.META.get("REMOTE_ADDR"))
    name = f"{indicator.code}-{part}-{s.court.code}-{s.start:%Y%m%d}-{s.end:%Y%m%d}"
    ascii_name = f"{indicator.code}-{part}-{s.start:%Y%m%d}-{s.end:%Y%m%d}"
    labels = _labels()
    headers = _headers(mediations)
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(rows, mediations, labels, headers),
                                         content_type="text/csv; charset=utf-8")
        suffix = "csv"
    else:
        response = HttpResponse(_xlsx(rows, mediations, labels, headers), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        suffix = "xlsx"
    from urllib.parse import quote

    response["Content-Disposition"] = (f'attachment; filename="{ascii_name}.{suffix}"; '
                                       f"filename*=UTF-8''{quote(name)}.{suffix}")
    return response


def _csv_lines(rows, mediations, labels, headers):
    """The CSV a chunk of rows at a time (a byte-order mark first, for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(headers)
    for n, row in enumerate(rows[:CSV_LIMIT].iterator(chunk_size=2000)):
        writer.writerow(["" if v is None else v for v in _cells(row, mediations, labels)])
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _xlsx(rows, mediations, labels, headers) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Cases"))
    sheet.append(headers)
    for row in rows[:XLSX_LIMIT].iterator(chunk_size=2000):
        sheet.append([str(v) if v is not None and not isinstance(v, int) else v
                      for v in _cells(row, mediations, labels)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
