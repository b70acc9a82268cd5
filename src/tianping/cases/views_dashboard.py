"""The first dashboard: received, closed and pending cases, 结收比 and 结案率, computed live.

Offered to leaders and the trial management office (`can_view_dashboard`), for the courts
they can see; the figures count only the cases they may see.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tianping.cases.forms import DashboardForm
from tianping.cases.queries import cases_visible_to
from tianping.cases.stats import Row, summary, totals
from tianping.courts.permissions import can_view_dashboard, effective_user
from tianping.courts.queries import courts_visible_to

FORMULAS = {
    "clearance": _("结收比 (clearance) = closed ÷ received × 100%"),
    "closure_rate": _("结案率 (closure rate) = closed ÷ (pending at start + received) × 100%"),
}


def dashboard_courts(user) -> list:
    """The courts whose indicators USER may see; none means no dashboard at all."""
    courts = [c for c in courts_visible_to(user) if can_view_dashboard(user, c)]
    if not courts:
        raise PermissionDenied
    return courts


@dataclass(frozen=True)
class Figures:
    start: object
    end: object
    courts: list
    rows: list[Row]
    total: Row


def figures(user, form: DashboardForm) -> Figures:
    """The rows per court and division, and their total, for a valid FORM."""
    data, courts = form.cleaned_data, form.chosen_courts()
    rows = summary(cases_visible_to(user).filter(court__in=courts), data["start"], data["end"])
    return Figures(data["start"], data["end"], courts, rows, totals(rows))


@login_required
def dashboard(request):
    user = effective_user(request)
    form = DashboardForm(request.GET, courts=dashboard_courts(user), today=timezone.localdate())
    context = {"form": form, "formulas": FORMULAS.values(), "computed_at": timezone.now()}
    if form.is_valid():
        context["figures"] = figures(user, form)
    return render(request, "cases/dashboard.html", context, status=200 if form.is_valid() else 422)
