"""Changes of a case that move or stop its time limit."""

from django.db import transaction

from tianping.cases import actions as case_actions
from tianping.cases import actions_procedure as procedure_actions
from tianping.deadlines.actions import refresh_time_limit, stop_time_limit


def change_procedure(case, *, actor, procedure: str, reason: str, acted_for=None):
    """The judge changes the procedure: the first choice (ordinary to summary or small
    claims, before any hearing) takes effect at once; a conversion (简转普, 小额转简/普)
    becomes a request for the president or the division head to approve
    (`cases.actions_procedure`). Returns the case (changed) or the request (waiting)."""
    from tianping.cases.actions_procedure import check_target, first_choice_open
    from tianping.cases.permissions import require_case_judge

    require_case_judge(case, acted_for or actor)
    check_target(case, procedure)
    if not first_choice_open(case):
        return procedure_actions.request_conversion(
            case, actor=actor, procedure=procedure, reason=reason, acted_for=acted_for)
    return _apply(case, actor=actor, procedure=procedure, reason=reason,
                  acted_for=acted_for)


def _apply(case, *, actor, procedure, reason, acted_for=None, approved=None):
    with transaction.atomic():
        case = case_actions.change_procedure(
            case, actor=actor, procedure=procedure, reason=reason, acted_for=acted_for,
            approved=approved,
        )
        refresh_time_limit(case, actor=actor, acted_for=acted_for, why="procedure changed")
    return case


def decide_procedure_change(request, *, actor, approve: bool, note: str = ""):
    """A leader approves (the case converts, its time limit follows from the filing date,
    民诉解释 art. 258) or refuses the judge's request."""
    with transaction.atomic():
        request = procedure_actions.decide_conversion(request, actor=actor, approve=approve,
                                                      note=note)
        if approve:
            _apply(request.case, actor=actor, procedure=request.to_procedure,
                   reason=request.reason, approved=request)
    return request


def close_case(case, *, actor, mode: str, closed_on, note: str = "", documents=(), acted_for=None,
               served_document=None):
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
            served_document=served_document,
        )
        stop_time_limit(case)
    return case
