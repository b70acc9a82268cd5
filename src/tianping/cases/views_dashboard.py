"""The first dashboard: received, closed and pending cases, 结收比 and 结案率, computed live.

Offered to leaders and the trial management office (`can_view_dashboard`), for the courts
they can see; the figures count only the cases they may see.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tianping.cases.forms import DashboardForm
from tianping.cases.reads import FORMULAS, dashboard_courts, figures
from tianping.courts.permissions import effective_user


@login_required
def dashboard(request):
    user = effective_user(request)
    form = DashboardForm(request.GET, courts=dashboard_courts(user), today=timezone.localdate())
    context = {"form": form, "formulas": FORMULAS.values(), "computed_at": timezone.now()}
    if form.is_valid():
        data = form.cleaned_data
        context["figures"] = figures(user, form.chosen_courts(), data["start"], data["end"])
    return render(request, "cases/dashboard.html", context, status=200 if form.is_valid() else 422)
