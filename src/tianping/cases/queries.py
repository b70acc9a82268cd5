"""Reads of cases through the permission choke point.

Who sees which case:
- a litigant or lawyer: the cases where they are a party or an agent, or that they filed;
- the president, the trial management office and the filing division: every case of their
  court (and of the courts below, where their membership gives that sight);
- a division head: the cases of their division;
- a judge, judge assistant or court clerk: the cases they judge or whose team they are in;
- an enforcement officer: the enforcement cases of their court.
Anything else, and anything missing, is the same 404.
"""

from django.db.models import Q
from django.http import Http404

from tianping.cases.models import Case, CaseParty, CaseRepresentative
from tianping.courts.choices import Role
from tianping.courts.models import TeamMember
from tianping.courts.permissions import current_memberships

COURT_WIDE = {Role.PRESIDENT, Role.TRIAL_MANAGEMENT, Role.FILING_CLERK}
TRIAL = {Role.JUDGE, Role.JUDGE_ASSISTANT, Role.COURT_CLERK}


def _staff_condition(user) -> Q:
    condition = Q(pk__in=[])
    for m in current_memberships(user):
        courts = {m.court_id} | (m.court.descendant_ids() if m.sees_lower_courts else set())
        if m.role in COURT_WIDE:
            condition |= Q(court_id__in=courts)
        elif m.role == Role.DIVISION_HEAD:
            scope = Q(division_id=m.division_id) if m.division_id else Q()
            condition |= Q(court_id__in=courts) & scope
        elif m.role in TRIAL:
            teams = TeamMember.objects.filter(user=user).values("team_id")
            condition |= Q(court_id=m.court_id) & (Q(judge=user) | Q(team_id__in=teams))
        elif m.role == Role.ENFORCEMENT_OFFICER:
            condition |= Q(court_id=m.court_id, type_code__startswith="执")
    return condition


def cases_visible_to(user):
    """Every case the user may see; chain filters and ordering onto it."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    if user.is_superuser:
        return Case.objects.all()
    if user.is_public_user:
        # Subqueries rather than joins: no duplicate rows, so no DISTINCT over the list.
        condition = (
            Q(pk__in=CaseParty.objects.filter(user=user).values("case_id"))
            | Q(pk__in=CaseRepresentative.objects.filter(user=user).values("case_id"))
            | Q(filing__filer=user)
        )
    else:
        condition = _staff_condition(user)
    return Case.objects.filter(condition)


def get_case_for_user(user, code: str) -> Case:
    case = (
        cases_visible_to(user)
        .select_related("court", "division", "team", "judge", "cause", "filing", "time_limit")
        .filter(code=code)
        .first()
    )
    if case is None:
        raise Http404("No such case.")
    return case
