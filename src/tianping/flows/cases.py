"""Changes of a case that move its time limit."""

from django.db import transaction

from tianping.cases import actions as case_actions
from tianping.deadlines.actions import refresh_time_limit


def change_procedure(case, *, actor, procedure: str, reason: str, acted_for=None):
    """Convert the procedure (e.g. 简转普); the time limit follows the new rule and still
    counts from the filing date (民诉解释 art. 258)."""
    with transaction.atomic():
        case = case_actions.change_procedure(
            case, actor=actor, procedure=procedure, reason=reason, acted_for=acted_for
        )
        refresh_time_limit(case, actor=actor, acted_for=acted_for, why="procedure changed")
    return case
