"""A judge's scorecard (成绩单): `/indicators/judges/<id>/` for a judge with an account,
`/indicators/judges/name/?court=…&name=…` for a name of imported history. The judge's
indicators with 同比 / 环比 against their court's reference ranges, the trend by month,
and each count linked to the cases behind it.

Who (`permissions.can_view_scorecard`): the judge themself, the president and trial
management office of the court (or of a court above), the head of the judge's division."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.courts.choices import Role
from tianping.courts.models import Court
from tianping.courts.permissions import effective_user, require_staff
from tianping.indicators import compute, permissions
from tianping.indicators.forms import PeriodForm
from tianping.indicators.reads import monthly_trend
from tianping.indicators.views import live_compared
from tianping.indicators.views_common import TREND_CODES, grouped, row, trend_data


def _court_of(judge, code: str):
    """The court of JUDGE's scorecard: CODE among their courts, else where they judge."""
    memberships = judge.memberships.current().select_related("court")
    if code:
        found = [m.court for m in memberships if m.court.code == code]
    else:
        found = [m.court for m in memberships if m.role == Role.JUDGE] or [
            m.court for m in memberships]
    if not found:
        raise Http404("No such judge.")
    return found[0]


@login_required
def scorecard(request, pk: int):
    user = require_staff(effective_user(request))
    judge = get_object_or_404(get_user_model(), pk=pk)
    court = _court_of(judge, request.GET.get("court", ""))
    if not permissions.can_view_scorecard(user, judge, court):
        raise PermissionDenied
    return _page(request, court, judge, judge.full_name, {"judge": str(judge.pk)})


@login_required
def scorecard_by_name(request):
    user = require_staff(effective_user(request))
    name = request.GET.get("name", "").strip()
    court = Court.objects.filter(code=request.GET.get("court", "")).first()
    if court is None or not name:
        if not permissions.indicator_courts(user):
            raise PermissionDenied
        form = PeriodForm(request.GET, today=timezone.localdate())
        form.add_error(None, _("Give the court and the judge's name."))
        return render(request, "indicators/scorecard.html", {"form": form, "name": name},
                      status=422)
    if not permissions.can_view_name_scorecard(user, name, court):
        raise PermissionDenied
    return _page(request, court, name, name, {"judge_name": name})


def _page(request, court, judge, name, who: dict):
    form = PeriodForm(request.GET, today=timezone.localdate())
    context = {"form": form, "name": name, "court": court, "computed_at": timezone.now()}
    if not form.is_valid():
        return render(request, "indicators/scorecard.html", context, status=422)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    from django.core.exceptions import ValidationError

    try:
        s = compute.make_slice(court, start, end, judge=judge)
    except ValidationError as error:  # a name no case of the court carries
        form.add_error(None, error)
        return render(request, "indicators/scorecard.html", context, status=422)

    def query(**more):
        q = QueryDict(mutable=True)
        q.update({"court": court.code, "from": start.isoformat(), "to": end.isoformat(),
                  **who})
        for key, value in more.items():
            q[key] = value
        return q.urlencode()

    rows = [row(c.now, query, c) for c in live_compared(s)]
    context.update(slice=s, groups=grouped(rows),
                   trend=trend_data(monthly_trend(s, 12, TREND_CODES)))
    return render(request, "indicators/scorecard.html", context)
