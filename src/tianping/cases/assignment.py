"""Who may take a case, and the random draw weighted by current load (随机分案)."""

import random

from django.db.models import Count, Q

from tianping.accounts.models import User
from tianping.cases.choices import PENDING_STATES
from tianping.courts.choices import Role
from tianping.courts.models import Membership


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
