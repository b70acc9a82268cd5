"""Pre-filing mediation across the filing and the mediation (诉调对接), each step one
transaction that pages and API both call.

- `apply_for_mediation`: the filer applies for mediation with the papers of a draft (the
  national mediation platform's flow: fill in the dispute once, choose a mediator or let
  the court recommend one). The filing stops at "in mediation"; a mediation with its
  诉前调 number waits for the court to appoint a mediator.
- `refer_to_mediation`: the filing division takes a handed-in filing whose filer
  consented to mediation (steering, `filings.steering`) to a mediator; its review clock
  stops.
- `answer_invitation`: a party agrees or refuses; a refusal ends the mediation
  (在线调解规则 art. 15 ¶2) and the dispute goes to review.
- `end_mediation`: settled (the filing is closed as settled), failed (the filing goes to
  review with everything already entered, the clock starting that day; the mediation
  record and the undisputed facts stay with it), withdrawn (the filing is withdrawn).
  Two people ending the same mediation at once: one wins, the other is told.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.choices import PENDING_STATES, CaseState
from tianping.deadlines.actions import record_mediation_exclusion
from tianping.filings.actions import mediation as filing_side
from tianping.filings.choices import FilingKind, FilingStatus, MediationChoice
from tianping.law.limits import ExclusionKind
from tianping.mediation import actions_mediations as mediation_side
from tianping.mediation.choices import Answer, FailureReason


def _check_kind(filing) -> None:
    if filing.kind != FilingKind.CIVIL:
        raise ValidationError(_("Pre-filing mediation is offered for civil disputes."))


def apply_for_mediation(filing, *, actor, preferred=None, today=None):
    today = today or timezone.localdate()
    _check_kind(filing)
    if filing.status != FilingStatus.DRAFT:
        raise ValidationError(_("Only a filing not yet handed in can be taken to mediation "
                                "this way."))
    with transaction.atomic():
        filing = filing_side.send_to_mediation(filing, actor=actor, today=today)
        mediation = mediation_side.register(filing, actor=actor, today=today,
                                            preferred=preferred)
        filing_side.note_sent(filing, actor=actor, mediation=mediation)
    return mediation


def refer_to_mediation(filing, *, actor, today=None):
    today = today or timezone.localdate()
    _check_kind(filing)
    if filing.status != FilingStatus.SUBMITTED:
        raise ValidationError(_("Only a filing under review can be taken to mediation."))
    if filing.mediation_choice != MediationChoice.CONSENTED:
        raise ValidationError(_("The filer has not consented to mediation: the filing is "
                                "reviewed as it is."))
    with transaction.atomic():
        filing = filing_side.send_to_mediation(filing, actor=actor, today=today)
        mediation = mediation_side.register(filing, actor=actor, today=today)
        filing_side.note_sent(filing, actor=actor, mediation=mediation)
    return mediation


def refer_case(case, mediator, *, actor, consented_parties, override="", today=None):
    """The judge refers a case in trial to a mediator with every party's consent (委托调解):
    15 days (ordinary procedure) or 7 (summary) from the mediator's acceptance."""
    today = today or timezone.localdate()
    if case.state not in PENDING_STATES or case.state == CaseState.SUSPENDED:
        raise ValidationError(_("Only a pending case that is not suspended can be referred "
                                "to mediation."))
    with transaction.atomic():
        mediation = mediation_side.register_referred(
            case, mediator, actor=actor, today=today, consented_parties=consented_parties,
            override=override)
        mediation_side.note_referred(mediation, actor=actor)
    return mediation


def answer_invitation(mediation, party, *, actor, answer, note="", mediator=None,
                      today=None):
    today = today or timezone.localdate()
    with transaction.atomic():
        row = mediation_side.record_answer(mediation, party, actor=actor, answer=answer,
                                           note=note, mediator=mediator, today=today)
        if answer == Answer.REFUSED:
            mediation.refresh_from_db()
            _end(mediation, actor=actor, outcome="failed", reason=FailureReason.REFUSED,
                 report=note, undisputed_facts="", today=today, checked=False)
    return row


def end_mediation(mediation, *, actor, outcome, reason="", report="", undisputed_facts="",
                  today=None):
    today = today or timezone.localdate()
    with transaction.atomic():
        return _end(mediation, actor=actor, outcome=outcome, reason=reason, report=report,
                    undisputed_facts=undisputed_facts, today=today, checked=True)


def _end(mediation, *, actor, outcome, reason, report, undisputed_facts, today, checked):
    if checked:
        mediation = mediation_side.end(mediation, actor=actor, outcome=outcome, today=today,
                                       reason=reason, report=report,
                                       undisputed_facts=undisputed_facts)
    else:  # a party's refusal: the party may end it, by refusing
        mediation = mediation_side.end_on_refusal(mediation, actor=actor, today=today,
                                                  report=report)
    if mediation.case_id:
        _case_after(mediation, actor=actor)
        return mediation
    filing = mediation.filing
    if filing is None:
        return mediation
    if mediation.status == "settled":
        filing_side.settle_in_mediation(filing, actor=actor, mediation=mediation)
    elif mediation.status == "failed":
        filing_side.return_from_mediation(filing, actor=actor, today=today)
        mediation_side.note_returned_to_filing(mediation, actor=actor)
    elif mediation.status == "withdrawn":
        filing_side.withdraw_from_mediation(filing, actor=actor)
    return mediation


def _case_after(mediation, *, actor) -> None:
    """A referred mediation has ended: on the case's timeline, and the days the law does not
    count are excluded from its time limit (the days the parties added beyond 15/7
    (特邀调解规定 art. 27); in an administrative case the whole mediation period, 行诉解释
    art. 50). Agreement: the judge closes the case by the mediation document (its service
    on the last party is the closing date) or a withdrawal; no agreement: the trial goes on."""
    mediation_side.note_ended(mediation, actor=actor)
    case = mediation.case
    if mediation.accepted_on is None or mediation.ended_on is None:
        return
    if case.type_code.startswith("行"):
        record_mediation_exclusion(case, actor=actor, kind=ExclusionKind.MEDIATION,
                                   starts_on=mediation.accepted_on, ends_on=mediation.ended_on,
                                   note=mediation.code)
        return
    base = mediation_side.base_period_end(mediation)
    if mediation.agreed_days and base is not None and mediation.ended_on > base:
        record_mediation_exclusion(
            case, actor=actor, kind=ExclusionKind.MEDIATION_EXTENDED,
            starts_on=base + datetime.timedelta(days=1), ends_on=mediation.ended_on,
            note=mediation.code)
