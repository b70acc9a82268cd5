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

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.filings.actions import mediation as filing_side
from tianping.filings.choices import FilingKind, FilingStatus
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
    if getattr(filing, "mediation_choice", "consented") != "consented":
        raise ValidationError(_("The filer has not consented to mediation: the filing is "
                                "reviewed as it is."))
    with transaction.atomic():
        filing = filing_side.send_to_mediation(filing, actor=actor, today=today)
        mediation = mediation_side.register(filing, actor=actor, today=today)
        filing_side.note_sent(filing, actor=actor, mediation=mediation)
    return mediation


def answer_invitation(mediation, party, *, actor, answer, note="", today=None):
    today = today or timezone.localdate()
    with transaction.atomic():
        row = mediation_side.record_answer(mediation, party, actor=actor, answer=answer,
                                           note=note)
        if answer == Answer.REFUSED:
            mediation.refresh_from_db()
            _end(mediation, actor=actor, outcome="failed", reason=FailureReason.REFUSED,
                 report=_("%(party)s refused mediation.") % {"party": party.name},
                 undisputed_facts="", today=today, checked=False)
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
