"""Who may take a case, and the random draw weighted by current load (随机分案)."""

import random

from django.db.models import Count, Q

from tianping.accounts.models import User
from tianping.cases.choices import PENDING_STATES, Track
from tianping.courts.choices import Role, TeamKind
from tianping.courts.models import Membership

# Reasons added to a case's triage when it is routed to mediation first (调解优先).
MEDIATION_TEAM = {"code": "mediation_team"}
NO_MEDIATION_TEAM = {"code": "no_mediation_team"}


def eligible_judges(court, *, team=None, division=None):
    """Judges of COURT in TEAM (or DIVISION), each annotated with their pending cases."""
    judges = Membership.objects.current().filter(court=court, role=Role.JUDGE)
    if team is not None:
        judges = judges.filter(user__team_memberships__team=team)
    elif division is not None:
        judges = judges.filter(division=division)
    ids = judges.values_list("user_id", flat=True)
    return (
        User.objects.filter(pk__in=ids, is_active=True)
        .annotate(load=Count("cases_as_judge", filter=Q(cases_as_judge__state__in=PENDING_STATES)))
        .order_by("pk")
    )


def draw_judge(candidates, rng: random.Random):
    """Random among CANDIDATES, weighted 1/(1 + pending cases): the less loaded, the likelier."""
    candidates = list(candidates)
    if not candidates:
        return None
    weights = [1 / (1 + c.load) for c in candidates]
    return rng.choices(candidates, weights=weights, k=1)[0]


def team_for_route(court, *, track: str, team_kind: str):
    """The team a triaged case goes to, the track it keeps and the reason to add (or None).

    A case routed "mediation" (调解优先) goes to the court's mediation-and-adjudication team
    (调解速裁/诉调对接团队), whichever kind the rule names, and its judges take it; a court
    without one treats the case as an ordinary one, and the reason says so. Any other
    route goes to the first team of the rule's kind, if the court has one."""
    teams = court.teams.order_by("pk")
    if track == Track.MEDIATION:
        team = teams.filter(kind=TeamKind.MEDIATION_ADJUDICATION).first()
        if team is None:
            return None, Track.ORDINARY, dict(NO_MEDIATION_TEAM)
        return team, track, dict(MEDIATION_TEAM)
    return (teams.filter(kind=team_kind).first() if team_kind else None), track, None
