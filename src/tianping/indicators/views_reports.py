"""The monthly and annual reports (issue 13 part 6): the form (`/indicators/reports/`,
`indicators:reports`) and the download (`indicators:report`, GET court=CODE,
period=month|year, year=YYYY, month=M, include_lower=1, format=xlsx|pdf). For whoever
may view the court's indicators (`permissions.report_courts`); every download is audited.
A bad choice shows the form again with the reason (422)."""

from urllib.parse import quote

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from tianping.audit.actions import record
from tianping.courts.permissions import effective_user, require_staff
from tianping.indicators import permissions, reports
from tianping.lib.names import local_name

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


class ReportForm(forms.Form):
    court = forms.ChoiceField(label=_("Court"))
    period = forms.ChoiceField(label=_("Report"), initial=reports.MONTH,
                               widget=forms.RadioSelect,
                               choices=[(reports.MONTH, _("Monthly")),
                                        (reports.YEAR, _("Annual"))])
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=9999)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12, required=False,
                               help_text=_("For a monthly report."))
    include_lower = forms.BooleanField(label=_("With the courts below"), required=False)
    format = forms.ChoiceField(label=_("Format"), initial="xlsx", widget=forms.RadioSelect,
                               choices=[("xlsx", _("Excel")), ("pdf", "PDF")])

    def __init__(self, *args, courts, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.courts = {c.code: c for c in courts}
        self.fields["court"].choices = [(c.code, f"{c.code} {local_name(c)}") for c in courts]

    def clean(self):
        data = super().clean()
        if data.get("period") == reports.MONTH and self.is_bound and not data.get("month") \
                and "month" not in self.errors:
            self.add_error("month", _("Choose the month of a monthly report."))
        if data.get("period") == reports.YEAR:
            data["month"] = None
        return data


def _form(request, data=None):
    user = require_staff(effective_user(request))
    courts = permissions.report_courts(user)
    if not courts:
        raise PermissionDenied(_("Reports are for those who may see the court's indicators."))
    return user, ReportForm(data, courts=courts)


def _page(request, form, status=200):
    return render(request, "indicators/report_form.html", {"form": form}, status=status)


@login_required
@require_GET
def form_page(request):
    _user, form = _form(request)
    today = timezone.localdate()
    last = today.replace(day=1) - timezone.timedelta(days=1)  # last month
    form.initial.update(year=last.year, month=last.month)
    return _page(request, form)


@login_required
@require_GET
def download(request):
    user, form = _form(request, request.GET)
    if not form.is_valid():
        return _page(request, form, status=422)
    data = form.cleaned_data
    court = form.courts[data["court"]]
    try:
        report = reports.build(court, year=data["year"], month=data["month"],
                               include_lower=data["include_lower"])
    except ValidationError as exc:
        form.add_error(None, exc)
        return _page(request, form, status=422)
    fmt = data["format"]
    content = reports.render(report, fmt)
    record("indicators.report_downloaded", court, actor=user,
           acted_for=getattr(request, "acting_for", None), ip_address=request.META.get(
               "REMOTE_ADDR"), changes={
               "period": report.period, "year": report.year, "month": report.month,
               "include_lower": report.include_lower, "format": fmt,
               "from": report.start.isoformat(), "to": report.end.isoformat()})
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    name = reports.filename(report, fmt)
    month = f"-{report.month:02d}" if report.month else ""
    fallback = f"report-{report.year}{month}.{fmt}"
    response["Content-Disposition"] = (f'attachment; filename="{fallback}"; '
                                       f"filename*=UTF-8''{quote(name)}")
    return response
