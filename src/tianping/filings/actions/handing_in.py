"""Handing a filing in (online or at the window), answering a correction notice, withdrawing.

Each action takes the filing first and `actor` by keyword, runs in one transaction, locks
the filing row, changes its status through the workflow (a concurrent change by another
clerk raises ConcurrentTransition: one wins, the other is told) and appends a timeline
event.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.filings.actions.common import (
    check_complete,
    locked,
    require_filer,
    start_clock,
    transition,
)
from tianping.filings.actions.drafting import save_draft, set_parties, start_filing
from tianping.filings.choices import WINDOW_CHANNELS
from tianping.filings.events import filing_event
from tianping.filings.models import Filing
from tianping.filings.permissions import require_court_reviewer


def submit_filing(
    filing: Filing,
    *,
    actor,
    acted_for=None,
    submission_key=None,
    today: datetime.date | None = None,
) -> Filing:
    """Hand the filing in: checked whole, dated receipt, the review clock starts.

    The same submission sent twice (same key) gives back the one filing.
    """
    require_filer(filing, actor)
    today = today or timezone.localdate()
    if submission_key:
        existing = Filing.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    check_complete(filing, today)
    try:
        with transaction.atomic():
            filing = locked(filing)
            transition(filing, "submit")
            filing.submission_key = submission_key
            start_clock(filing, today)
            filing.submitted_at = timezone.now()
            filing.save()
            filing_event(
                filing,
                "submitted",
                actor=actor,
                acted_for=acted_for,
                review_due_on=filing.review_due_on,
            )
    except IntegrityError:
        return Filing.objects.get(submission_key=submission_key)
    return filing


def answer_correction(
    filing: Filing, *, actor, answer: str, today: datetime.date | None = None
) -> Filing:
    """The filer's corrections arrive: the review clock starts again from their receipt."""
    require_filer(filing, actor)
    today = today or timezone.localdate()
    check_complete(filing, today)
    with transaction.atomic():
        filing = locked(filing)
        transition(filing, "answer_correction")
        start_clock(filing, today)
        filing.save()
        filing.corrections.filter(answered_at__isnull=True).update(
            answered_at=timezone.now(), answer=answer
        )
        filing_event(filing, "corrected", actor=actor, review_due_on=filing.review_due_on)
    return filing


def withdraw_filing(filing: Filing, *, actor) -> Filing:
    require_filer(filing, actor)
    with transaction.atomic():
        filing = locked(filing)
        transition(filing, "withdraw")
        filing.save()
        filing_event(filing, "withdrawn", actor=actor)
    return filing


def hand_in_at_window(
    *, actor, acted_for, court, channel, parties, fields, today, key=None, service_point=None
) -> Filing:
    """A clerk hands in a walk-in's complaint: draft, parties, data, dated receipt, clock.

    At a service point (诉讼服务点) or on circuit, the service point is recorded too. The
    same form sent twice (same KEY) gives back the one filing.
    """
    if channel not in WINDOW_CHANNELS:
        raise ValidationError(_("Choose how the complaint came in."))
    if service_point is not None and service_point.court_id != court.pk:
        raise ValidationError(_("That service point belongs to another court."))
    require_court_reviewer(court, acted_for or actor)
    existing = Filing.objects.filter(submission_key=key).first() if key else None
    if existing is not None:
        return existing
    with transaction.atomic():
        filing = start_filing(
            actor=actor,
            acted_for=acted_for,
            court=court,
            channel=channel,
            service_point=service_point,
        )
        set_parties(filing, parties, actor=actor)
        save_draft(filing, actor=actor, **fields)
        handed_in = submit_filing(
            filing, actor=actor, acted_for=acted_for, submission_key=key, today=today
        )
        if handed_in.pk != filing.pk:  # the same form sent twice at once: keep the first
            transaction.set_rollback(True)
    return handed_in
