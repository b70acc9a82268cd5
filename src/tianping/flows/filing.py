"""Accepting a filing (立案): the case is opened, numbered, triaged, given its time limit and
assigned, all in one transaction with the filing's own record."""

from django.db import transaction
from django.utils import timezone

from tianping.cases import actions as case_actions
from tianping.deadlines.actions import refresh_time_limit
from tianping.filings import actions as filing_actions


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
        filing_actions.note_case_opened(
            filing, case_number=case.number, actor=actor, acted_for=acted_for
        )
    return case
