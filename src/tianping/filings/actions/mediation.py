"""A filing's side of pre-filing mediation (委派调解): sent to a mediator, back to review
without agreement, settled, or withdrawn with the application. The flow
`flows.mediation` calls these together with the mediation's own actions, in one
transaction; pages and API call the flow.
"""

import datetime

from django.utils import timezone

from tianping.filings.actions.common import check_complete, locked, start_clock, transition
from tianping.filings.choices import CLAIMANT_ROLES, Channel, FilingStatus, PartyRole
from tianping.filings.events import filing_event
from tianping.filings.models import Filing, FilingParty, FilingRepresentative
from tianping.filings.permissions import require_filer, require_reviewer
from tianping.parties.copying import party_fields, representative_fields


def send_to_mediation(filing: Filing, *, actor, today: datetime.date) -> Filing:
    """The filer applies for mediation with the draft's papers (checked whole, as at
    hand-in), or the filing division takes a handed-in filing whose filer consented; the
    review clock stops while the dispute is mediated. The flow adds the mediation."""
    if filing.status == FilingStatus.DRAFT:
        require_filer(filing, actor)
        check_complete(filing, today)
    else:
        require_reviewer(filing, actor)
    filing = locked(filing)
    transition(filing, "send_to_mediation")
    if filing.submitted_at is None:
        filing.submitted_at = timezone.now()
    filing.review_due_on = None
    filing.save()
    return filing


def note_sent(filing: Filing, *, actor, mediation) -> None:
    filing_event(filing, "sent_to_mediation", actor=actor, mediation=mediation.number)


def return_from_mediation(filing: Filing, *, actor, today: datetime.date) -> Filing:
    """No agreement: the filing goes to review with everything already entered, and the
    review clock starts from today (特邀调解规定 art. 21; 在线调解规则 art. 21: the court
    registers the case within the statutory days). The actor is the mediator or the
    filing division; the flow has checked that."""
    filing = locked(filing)
    transition(filing, "return_from_mediation")
    start_clock(filing, today)
    filing.save()
    filing_event(filing, "returned_from_mediation", actor=actor,
                 review_due_on=filing.review_due_on)
    return filing


def settle_in_mediation(filing: Filing, *, actor, mediation) -> Filing:
    filing = locked(filing)
    transition(filing, "settle_in_mediation")
    filing.save()
    filing_event(filing, "settled_in_mediation", actor=actor, mediation=mediation.number)
    return filing


def withdraw_from_mediation(filing: Filing, *, actor) -> Filing:
    filing = locked(filing)
    transition(filing, "withdraw_from_mediation")
    filing.save()
    filing_event(filing, "withdrawn", actor=actor)
    return filing


def _account_of(source: Filing, party):
    """The account of PARTY of the dispute: their own, or the dispute's filer for the
    claimant a litigant filed as (as a case links them: `cases.actions`)."""
    if party.user_id:
        return party.user
    filer = source.filer
    if filer is not None and filer.kind != "lawyer" and party.role in CLAIMANT_ROLES:
        return filer
    return None


def hand_in_application(source: Filing, *, kind: str, actor, claims: str, facts: str,
                        amount, today: datetime.date) -> Filing:
    """An application to the court that a signed mediation agreement makes (judicial
    confirmation, 民事诉讼法 art. 205; a mediation document): a filing of KIND handed in at
    once, nobody typing anything again. The parties of the dispute (SOURCE) apply jointly, so
    each is an applicant; their representatives come along. The review clock starts today
    (3 days for confirmation: 司法确认规定 art. 4). The flow `flows.mediation_outcomes` has
    checked who applies and when; the mediation is noted by it."""
    public = getattr(actor, "is_public_user", False)
    filing = Filing.objects.create(
        court=source.court, kind=kind, channel=Channel.ONLINE if public else Channel.WINDOW,
        filer=actor if public else None, entered_by=actor, cause=source.cause,
        claims=claims, facts=facts, amount=amount, is_livelihood=source.is_livelihood,
        is_enterprise=source.is_enterprise, is_migrant_wages=source.is_migrant_wages,
    )
    filing_event(filing, "drafted", actor=actor, channel=filing.channel)
    for party in source.parties.all():
        fields = party_fields(party)
        fields["role"] = PartyRole.APPLICANT
        copy = FilingParty.objects.create(filing=filing, user=_account_of(source, party),
                                          **fields)
        for rep in party.representatives.all():
            FilingRepresentative.objects.create(
                filing=filing, party=copy, **representative_fields(rep, FilingRepresentative))
    transition(filing, "submit")
    start_clock(filing, today)
    filing.submitted_at = timezone.now()
    filing.save()
    filing_event(filing, "submitted", actor=actor, review_due_on=filing.review_due_on)
    return filing
