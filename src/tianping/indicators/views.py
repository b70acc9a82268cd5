"""The indicator page of a court (the dashboard, `/indicators/`): any slice, every computed
indicator by set with 同比 and 环比, reference ranges and 达标 / 未达标, each count linked
to the cases behind it, and the monthly trends as charts.

Who: the president and trial management office of the court or of a court above with
sight of it, a division head for their division (`permissions.can_view_page_slice`); a
judge has their scorecard (`views_judges`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tianping.indicators.reads import Compared, compared, monthly_trend
from tianping.indicators.views_common import (
    TREND_CODES,
    grouped,
    periods,
    row,
    slice_form,
    trend_data,
)


def live_compared(s) -> list[Compared]:
    """The figures of S computed now (the page says when), with 同比 and 环比 from the
    cached counts of the periods before."""
    return compared(s, live=True)


def reports_url() -> str:
    """The reports page (views_reports, another part of issue 13), once it exists."""
    try:
        return reverse("indicators:reports")
    except NoReverseMatch:
        return ""


@login_required
def court_view(request):
    user, form = slice_form(request)
    context = {"form": form, "periods": periods(form, timezone.localdate()),
               "computed_at": timezone.now(), "reports_url": reports_url(),
               "large": request.GET.get("large") == "1"}
    if not form.is_valid():
        return render(request, "indicators/court.html", context, status=422)
    s = form.slice
    rows = [row(c.now, form.query, c) for c in live_compared(s)]
    trend = monthly_trend(s, 12, TREND_CODES)
    context.update(slice=s, groups=grouped(rows), trend=trend_data(trend),
                   breakdown_query=form.query(), computed_at=timezone.now())
    return render(request, "indicators/court.html", context)
