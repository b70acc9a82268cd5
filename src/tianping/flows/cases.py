"""Changes of a case that move or stop its time limit."""

from django.db import transaction

from tianping.cases import actions as case_actions
from tianping.deadlines.actions import refresh_time_limit, stop_time_limit


def change_procedure(case, *, actor, procedure: str, reason: str, acted_for=None):
    """Convert the procedure (e.g. 简转普); the time limit follows the new rule and still
    counts from the filing date (民诉解释 art. 258)."""
    with transaction.atomic():
        case = case_actions.change_procedure(
            case, actor=actor, procedure=procedure, reason=reason, acted_for=acted_for
        )
        refresh_time_limit(case, actor=actor, acted_for=acted_for, why="procedure changed")
    return case


def close_case(case, *, actor, mode: str, closed_on, note: str = "", documents=(), acted_for=None):
    """Close the case (结案) with the documents that close it (`cases.actions.close_case`);
    its time limit stops running. All of it, or nothing."""
    with transaction.atomic():
        case = case_actions.close_case(
            case,
            actor=actor,
            mode=mode,
            closed_on=closed_on,
            note=note,
            documents=documents,
            acted_for=acted_for,
        )
        stop_time_limit(case)
    return case
