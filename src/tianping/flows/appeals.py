"""Steps of an appeal and a retrial application that span apps: the appeal court files
the second-instance case (number, parties, triage, time limit, assignment, the link of the
dispute); the second-instance judge closes it with its outcome, written back to the first
instance, and a remand opens a new first-instance case at the original court; the court
applied to files a retrial application as a review case and its judge decides it. Each
one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.appeals import actions as appeal_actions
from tianping.appeals import permissions as perms
from tianping.appeals.choices import (
    RETRIAL_REVIEW_TYPE,
    SECOND_INSTANCE_TYPE,
    Outcome,
    RetrialOutcome,
    Stage,
)
from tianping.appeals.models import Appeal, DisputeCase
from tianping.cases import actions as case_actions
from tianping.cases.actions_linked import open_linked_case, set_appeal_roles
from tianping.cases.choices import ClosureMode
from tianping.deadlines.actions import refresh_time_limit
from tianping.flows.cases import close_case

# How the second instance closes for each outcome (the document it needs follows).
OUTCOME_MODE = {
    Outcome.UPHELD: ClosureMode.JUDGMENT,
    Outcome.AMENDED: ClosureMode.JUDGMENT,
    Outcome.REMANDED: ClosureMode.RULING,
    Outcome.WITHDRAWN: ClosureMode.WITHDRAWAL,
    Outcome.MEDIATED: ClosureMode.MEDIATION,
}


def second_instance_type(type_code: str) -> str:
    code = SECOND_INSTANCE_TYPE.get(type_code)
    if code is None:
        raise ValidationError(_("No second-instance case type follows from %(code)s.")
                              % {"code": type_code})
    return code


def docket_appeal(case, *, actor, acted_for=None, today=None, rng=None):
    """The appeal court's filing division files the second-instance case of CASE (a
    first-instance case whose file was transferred). Returns the new case."""
    today = today or timezone.localdate()
    user = acted_for or actor
    appeals = appeal_actions.check_docketable(case, perms.dockets_of(user))
    court = appeals[0].appeal_court
    perms.require(perms.can_docket(user, court.pk),
                  _("Only the filing division of the appeal court files the appeal."))
    amounts = [a.amount for a in appeals if a.amount is not None]
    with transaction.atomic():
        second = open_linked_case(case, court=court, type_code=second_instance_type(
            case.type_code), actor=actor, acted_for=acted_for, today=today,
            ordinary=True, amount=max(amounts) if amounts else None)
        appeal_actions.note_docketed(case, second, actor=actor, acted_for=acted_for)
        set_appeal_roles(case, second, [a.appellant_id for a in appeals])
        refresh_time_limit(second, actor=actor, acted_for=acted_for, why="filed")
        case_actions.assign_at_random(second, actor=actor, acted_for=acted_for, rng=rng)
    return second


def decide_appeal(second_case, *, actor, outcome: str, decided_on, documents=(),
                  acted_for=None, rng=None):
    """The second-instance judge closes the case with its outcome and its document;
    the outcome is written back to the first instance; a remand opens a new
    first-instance case at the original court (new number, usual triage and assignment,
    time limit from its filing date). Returns (second_case, remand_case or None)."""
    perms.require(perms.can_decide(acted_for or actor, second_case),
                  _("Only the case's judge can do that."))
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose the outcome of the appeal."))
    appeals = list(Appeal.objects.filter(second_case=second_case).select_related("case"))
    if not appeals:
        raise ValidationError(_("This case hears no appeal waiting for its outcome."))
    first = appeals[0].case
    with transaction.atomic():
        second_case = close_case(second_case, actor=actor, mode=OUTCOME_MODE[outcome],
                                 closed_on=decided_on, documents=documents,
                                 acted_for=acted_for)
        remand = None
        if outcome == Outcome.REMANDED:
            remand = open_linked_case(first, court=first.court, type_code=first.type_code,
                                      actor=actor, acted_for=acted_for,
                                      today=timezone.localdate(), ordinary=True)
            refresh_time_limit(remand, actor=actor, acted_for=acted_for, why="filed")
            # another judge than the first trial's (民事诉讼法 art. 41 ¶2: 另行组成合议庭)
            case_actions.assign_at_random(remand, actor=actor, acted_for=acted_for, rng=rng,
                                          exclude=[first.judge_id] if first.judge_id else [])
        appeal_actions.record_outcome(second_case, outcome=outcome, decided_on=decided_on,
                                      actor=actor, acted_for=acted_for, remand_case=remand)
    return second_case, remand


def docket_retrial(application, *, actor, acted_for=None, today=None, rng=None):
    """The court applied to files the application as a review case (民申 ...), with its
    three-month limit (民事诉讼法 art. 215). Returns the review case."""
    today = today or timezone.localdate()
    perms.require(perms.can_docket(acted_for or actor, application.court_id),
                  _("Only the filing division of the court applied to files it."))
    case = application.case
    type_code = RETRIAL_REVIEW_TYPE.get(case.type_code[:1])
    if type_code is None:
        raise ValidationError(_("No review case type follows from %(code)s.")
                              % {"code": case.type_code})
    with transaction.atomic():
        review = open_linked_case(case, court=application.court, type_code=type_code,
                                  actor=actor, acted_for=acted_for, today=today, ordinary=True)
        appeal_actions.note_retrial_docketed(application, review, actor=actor,
                                             acted_for=acted_for)
        refresh_time_limit(review, actor=actor, acted_for=acted_for, why="filed")
        case_actions.assign_at_random(review, actor=actor, acted_for=acted_for, rng=rng)
    return review


def decide_retrial(review_case, *, actor, outcome: str, decided_on, documents=(),
                   acted_for=None):
    """The review's judge rules (驳回 / 提审 / 指令再审) and the review case closes."""
    perms.require(perms.can_decide(acted_for or actor, review_case),
                  _("Only the case's judge can do that."))
    if outcome not in RetrialOutcome.values:
        raise ValidationError(_("Choose the outcome of the application."))
    if not DisputeCase.objects.filter(case=review_case, stage=Stage.RETRIAL_REVIEW).exists():
        raise ValidationError(_("This case reviews no application waiting for its outcome."))
    with transaction.atomic():
        review_case = close_case(review_case, actor=actor, mode=ClosureMode.RULING,
                                 closed_on=decided_on, documents=documents,
                                 acted_for=acted_for)
        appeal_actions.record_retrial_outcome(review_case, outcome=outcome,
                                              decided_on=decided_on, actor=actor,
                                              acted_for=acted_for)
    return review_case
