"""Side by side: the courts below a court (`/indicators/courts/`), and a court's divisions,
teams or judges (`/indicators/breakdown/?by=division|team|judge`), each row the key
indicators against their reference ranges with the number met (达标).

Ranking and tiers (第一方阵 …) only with `settings.TIANPING_INDICATOR_RANKING` (off by
default: the SPC's 2024 revision assesses against reference ranges, it does not rank).
Tiers: by thirds of the ranked rows, or at the cut-offs of
`settings.TIANPING_INDICATOR_TIER_CUTOFFS` (two values of the ranking indicator)."""

from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tianping.courts.choices import Role
from tianping.courts.models import Court, Division, Team
from tianping.indicators import compute, permissions, registry
from tianping.indicators.views import reports_url
from tianping.indicators.views_common import STATUS_LABELS, periods, show, slice_form

KEY_CODES = ("received", "closed", "clearance_rate", "closure_rate", "within_limit_rate",
             "avg_days", "pending_over_12m", "reversal_remand_rate")
TIERS = (gettext_lazy("First tier"), gettext_lazy("Second tier"), gettext_lazy("Third tier"))
BY = {"division": gettext_lazy("By division"), "team": gettext_lazy("By team"),
      "judge": gettext_lazy("By judge")}


@dataclass
class Line:
    name: str
    url: str
    cells: list  # (value shown, status, status label)
    met: int
    with_range: int
    sort_value: object = None
    tier: str = ""


def _line(name: str, s, form, results) -> Line:
    cells = [(show(r.value, r.unit), r.status, str(STATUS_LABELS[r.status])) for r in results]
    query = form.query(**_narrowing(s))
    return Line(name, f"{reverse('indicators:court')}?{query}", cells,
                sum(r.status == compute.MET for r in results),
                sum(r.status in (compute.MET, compute.NOT_MET) for r in results))


def _narrowing(s) -> dict:
    """The address parameters of a unit's slice (for the link to its court view)."""
    return {"court": s.court.code, "lower": "1" if s.include_lower else None,
            "division": s.division_name or None,
            "team": str(s.team_id) if s.team_id else None,
            "judge": str(s.judge_id) if s.judge_id else None}


def ranking_on() -> bool:
    return bool(getattr(settings, "TIANPING_INDICATOR_RANKING", False))


def rank(lines: list[Line], code: str, results_of) -> None:
    """Sort LINES by indicator CODE (best first: its direction) and give each its tier."""
    indicator = registry.BY_CODE[code]
    lower_better = indicator.direction == registry.LOWER
    for line in lines:
        line.sort_value = results_of(line)
    valued = [x for x in lines if x.sort_value is not None]
    valued.sort(key=lambda x: x.sort_value, reverse=not lower_better)
    cutoffs = getattr(settings, "TIANPING_INDICATOR_TIER_CUTOFFS", {}).get(code)
    for n, line in enumerate(valued):
        if cutoffs:
            first, second = cutoffs
            good = (lambda v, c: v <= c) if lower_better else (lambda v, c: v >= c)
            level = 0 if good(line.sort_value, first) else 1 if good(line.sort_value, second) \
                else 2
        else:
            level = min(2, n * 3 // len(valued))
        line.tier = str(TIERS[level])
    lines[:] = valued + [x for x in lines if x.sort_value is None]


def _render(request, form, title, lines, rank_code, extra=None):
    context = {"form": form, "periods": periods(form, timezone.localdate()), "title": title,
               "computed_at": timezone.now(), "ranking": ranking_on(),
               "heads": [registry.BY_CODE[c].name(get_language()) for c in KEY_CODES],
               "rank_choices": [(c, registry.BY_CODE[c].name(get_language()))
                                for c in KEY_CODES if registry.BY_CODE[c].unit != registry.CASES],
               "rank_code": rank_code, "reports_url": reports_url(), **(extra or {})}
    if lines is None:
        return render(request, "indicators/compare.html", context, status=422)
    context.update(lines=lines, slice=form.slice, query=form.query())
    return render(request, "indicators/compare.html", context)


def _ranked(request, lines_with_results):
    code = request.GET.get("rank", "clearance_rate")
    code = code if code in KEY_CODES else "clearance_rate"
    lines = [line for line, _results in lines_with_results]
    if ranking_on():
        values = {id(line): {r.code: r.value for r in results}
                  for line, results in lines_with_results}
        rank(lines, code, lambda line: values[id(line)][code])
    return lines, code


@login_required
def courts_below(request):
    """Each court below the chosen one (with the courts below it), for a higher court's
    president or trial management office."""
    user, form = slice_form(request)
    if not form.is_valid():
        return _render(request, form, _("Courts below"), None, "")
    s = form.slice
    pairs = []
    for court in Court.objects.filter(parent=s.court, is_active=True).order_by("code"):
        if not permissions.sees_whole_court(user, court):
            continue
        below = compute.make_slice(court, s.start, s.end, include_lower=True,
                                   type_prefix=s.type_prefix, procedure=s.procedure)
        below = replace(below, cause_ids=s.cause_ids, cause_name=s.cause_name)
        results = compute.compute(below, KEY_CODES)
        pairs.append((_line(court.name, below, form, results), results))
    lines, code = _ranked(request, pairs)
    return _render(request, form, _("Courts below"), lines, code,
                   {"tab": "courts", "empty": _("This court has no courts below it.")})


@login_required
def breakdown(request):
    """The court's divisions, teams or judges (a division head: within their division)."""
    user, form = slice_form(request)
    by = request.GET.get("by", "division")
    by = by if by in BY else "division"
    extra = {"tab": "breakdown", "by": by, "by_choices": list(BY.items()),
             "empty": _("Nothing to show for this court.")}
    if not form.is_valid():
        return _render(request, form, str(BY[by]), None, "", extra)
    s = form.slice
    pairs = []
    for name, unit in _units(s, by):
        if permissions.can_view_page_slice(user, unit):
            results = compute.compute(unit, KEY_CODES)
            pairs.append((_line(name, unit, form, results), results))
    lines, code = _ranked(request, pairs)
    return _render(request, form, str(BY[by]), lines, code, extra)


def _units(s, by: str):
    """(name, slice) for each division, team or judge within slice S."""
    court_ids = s.court_ids
    if by == "division":
        divisions = Division.objects.filter(court_id__in=court_ids).order_by("court_id", "name")
        if s.division_ids is not None:
            divisions = divisions.filter(pk__in=s.division_ids)
        return [(d.name, replace(s, division_ids=(d.pk,), division_name=d.name))
                for d in divisions]
    if by == "team":
        teams = Team.objects.filter(court_id__in=court_ids).order_by("court_id", "name")
        if s.division_ids is not None:
            teams = teams.filter(division_id__in=s.division_ids)
        return [(t.name, replace(s, team_id=t.pk, team_name=t.name)) for t in teams]
    judges = get_user_model().objects.filter(
        memberships__court_id__in=court_ids, memberships__role=Role.JUDGE,
        memberships__is_active=True)
    if s.division_ids is not None:
        judges = judges.filter(memberships__division_id__in=s.division_ids)
    judges = judges.distinct().order_by("full_name")
    return [(j.full_name, replace(s, judge_id=j.pk, judge_name="")) for j in judges]
