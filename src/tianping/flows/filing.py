"""Accepting a filing (立案): the case is opened, numbered, triaged, given its time limit and
assigned, all in one transaction with the filing's own record. Filing on the spot (当场立案)
hands a walk-in's complaint in and files it in that same one transaction."""

from django.db import transaction
from django.utils import timezone

from tianping.cases import actions as case_actions
from tianping.deadlines.actions import refresh_time_limit
from tianping.filings import actions as filing_actions
from tianping.filings.choices import FilingKind, FilingStatus
from tianping.flows import enforcement
from tianping.payments.actions import open_fee
from tianping.payorders.actions import open_order


def accept_filing(filing, *, actor, acted_for=None, today=None, rng=None):
    """File the case: number, parties, triage, time limit, random assignment. Returns it."""
    today = today or timezone.localdate()
    with transaction.atomic():
        filing = filing_actions.accept_filing(filing, actor=actor, acted_for=acted_for)
        case = case_actions.open_case_from_filing(
            filing, actor=actor, acted_for=acted_for, today=today
        )
        refresh_time_limit(case, actor=actor, acted_for=acted_for, why="filed")
        case_actions.assign_at_random(case, actor=actor, acted_for=acted_for, rng=rng)
        open_fee(case, actor=actor, acted_for=acted_for, today=today)
        if filing.kind == FilingKind.PAYMENT_ORDER:  # a 民督 case: its order to issue
            open_order(case, amount=filing.amount, basis=filing.facts)
        if filing.kind == FilingKind.ENFORCEMENT:  # a 执 case: its title and dispute
            enforcement.on_accepted(case, actor=actor, acted_for=acted_for)
        filing_actions.note_case_opened(
            filing, case_number=case.number, actor=actor, acted_for=acted_for
        )
    return case


def file_on_the_spot(
    *,
    actor,
    court,
    channel,
    parties,
    fields,
    acted_for=None,
    today=None,
    key=None,
    service_point=None,
    rng=None,
    **papers,
):
    """A clerk receives a walk-in's papers at the window (or a service point, on circuit)
    and files the case at once (当场立案): hand-in with its dated receipt, then acceptance,
    both or neither. Returns (filing, case).

    The same form sent twice (same KEY) gives back the one filing and its case. PAPERS:
    the uploads and representatives handed in with it (`hand_in_at_window`).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        filing = filing_actions.hand_in_at_window(
            actor=actor,
            acted_for=acted_for,
            court=court,
            channel=channel,
            parties=parties,
            fields=fields,
            today=today,
            key=key,
            service_point=service_point,
            **papers,
        )
        if filing.status == FilingStatus.ACCEPTED:  # the same form, filed already
            return filing, filing.case
        case = accept_filing(filing, actor=actor, acted_for=acted_for, today=today, rng=rng)
    return case.filing, case
