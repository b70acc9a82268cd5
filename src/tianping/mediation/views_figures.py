"""The mediation figures page (issue 11, part 7): for leaders, the figures of the courts they
oversee per court, partner and mediator; for a partner's coordinator, those of their own
partner's mediators. Who reads what: `permissions.figures_scope`; the figures:
`figures.figures`; the period: `forms_figures.FiguresForm`."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tianping.courts.permissions import effective_user
from tianping.mediation import figures as mediation_figures
from tianping.mediation.forms_figures import (
    FiguresForm,
    row_labels,  # noqa: E402
)
from tianping.mediation.permissions import figures_scope


@login_required
def figures(request):
    user = effective_user(request)
    courts, partners = figures_scope(user)
    form = FiguresForm(request.GET, today=timezone.localdate())
    context = {"form": form, "coordinator": partners is not None, "computed_at": timezone.now()}
    if form.is_valid():
        start, end = form.period
        context["figures"] = mediation_figures.figures(courts, start, end, partner_ids=partners,
                                                       labels=row_labels())
    return render(request, "mediation/figures.html", context,
                  status=200 if form.is_valid() else 422)
