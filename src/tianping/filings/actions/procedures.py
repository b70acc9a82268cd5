"""A filing the court opens itself: the suit a payment order turns into when the debtor's
objection ends the procedure (民事诉讼法 art. 228 ¶2: 转入诉讼程序, unless the creditor
does not want it). The flow `flows.payment_orders` calls this with the case's parties in
the same transaction as the order's own record; the filing division then accepts it as a
民初 case as any other filing, from its queue."""

import datetime

from django.utils import timezone

from tianping.filings.actions.common import start_clock, transition
from tianping.filings.choices import Channel, FilingKind, PartyRole
from tianping.filings.events import filing_event
from tianping.filings.models import Filing, FilingParty, FilingRepresentative
from tianping.parties.copying import party_fields, representative_fields

# the applicant sues, the respondent is sued
SUIT_ROLES = {PartyRole.APPLICANT: PartyRole.PLAINTIFF, PartyRole.RESPONDENT: PartyRole.DEFENDANT}


def hand_in_suit_after_payment_order(*, court, parties, actor, case_number: str, claims: str,
                                     facts: str, amount, cause=None,
                                     today: datetime.date) -> Filing:
    """A civil complaint made of a terminated payment-order case: its parties (CaseParty
    rows, each with its account and representatives) as plaintiff and defendant, its
    request and facts; handed in at once, the review clock starting TODAY. The caller (the
    flow) has checked who acts and when."""
    filing = Filing.objects.create(
        court=court, kind=FilingKind.CIVIL, channel=Channel.WINDOW, filer=None,
        entered_by=actor, cause=cause, claims=claims, facts=facts, amount=amount,
    )
    filing_event(filing, "drafted", actor=actor, channel=filing.channel)
    for party in parties:
        fields = party_fields(party)
        fields["role"] = SUIT_ROLES.get(fields["role"], fields["role"])
        copy = FilingParty.objects.create(filing=filing, user=party.user, **fields)
        for rep in party.representatives.all():
            FilingRepresentative.objects.create(
                filing=filing, party=copy, **representative_fields(rep, FilingRepresentative))
    transition(filing, "submit")
    start_clock(filing, today)
    filing.submitted_at = timezone.now()
    filing.save()
    filing_event(filing, "from_payment_order", actor=actor, case_number=case_number,
                 review_due_on=filing.review_due_on)
    return filing
