"""Handing a filing in (online or at the window), answering a correction notice, withdrawing.

Each action takes the filing first and `actor` by keyword, runs in one transaction, locks
the filing row, changes its status through the workflow (a concurrent change by another
clerk raises ConcurrentTransition: one wins, the other is told) and appends a timeline
event.
"""

import datetime
import hashlib

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
from tianping.filings.actions.drafting import (
    add_representative,
    save_draft,
    set_parties,
    start_filing,
)
from tianping.filings.actions.files import attach_files
from tianping.filings.actions.steering import record_if_recommended
from tianping.filings.choices import WINDOW_CHANNELS, AttachmentKind
from tianping.filings.events import filing_event
from tianping.filings.limits import ANSWER_LENGTH
from tianping.filings.models import Filing
from tianping.filings.permissions import require_court_reviewer
from tianping.lib.text import too_long


def stored_key(*scope, key: str | None) -> str | None:
    """How an idempotency KEY is stored: hashed with its SCOPE (what was handed in, by whom,
    at which court), so that the same key sent by another clerk or at another court is
    another hand-in, and a key of any length fits the column."""
    if not key:
        return None
    return hashlib.sha256("\x1f".join(map(str, [*scope, key])).encode()).hexdigest()


def submit_filing(
    filing: Filing,
    *,
    actor,
    acted_for=None,
    submission_key=None,
    today: datetime.date | None = None,
) -> Filing:
    """Hand the filing in: checked whole, dated receipt, the review clock starts.

    The same submission sent again (same key from the same filer), even at the same
    moment, gives back the one filing as it was handed in.
    """
    require_filer(filing, actor)
    key = stored_key("submit", actor.pk, filing.court_id, filing.code, key=submission_key)
    return _hand_in(filing, actor=actor, acted_for=acted_for, key=key, today=today)


def _hand_in(filing: Filing, *, actor, acted_for, key, today) -> Filing:
    today = today or timezone.localdate()
    if key:
        existing = Filing.objects.filter(submission_key=key).first()
        if existing is not None:
            return existing
    check_complete(filing, today)
    try:
        with transaction.atomic():
            filing = locked(filing, replay_key=key)
            if key and filing.submission_key == key:  # sent again while the first ran
                return filing
            transition(filing, "submit")
            filing.submission_key = key
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
    except IntegrityError:  # the same key handed in another filing at the same moment
        return Filing.objects.get(submission_key=key)
    return filing


def answer_correction(
    filing: Filing, *, actor, answer: str, today: datetime.date | None = None
) -> Filing:
    """The filer's corrections arrive: the review clock starts again from their receipt."""
    require_filer(filing, actor)
    if message := too_long(answer or "", ANSWER_LENGTH):
        raise ValidationError(message)
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
    *,
    actor,
    acted_for,
    court,
    channel,
    parties,
    fields,
    today,
    key=None,
    service_point=None,
    uploads=(),
    upload_kind=AttachmentKind.COMPLAINT,
    representatives=(),
    mediation_choice="",
) -> Filing:
    """A clerk hands in a walk-in's complaint: draft, parties, data, dated receipt, clock.

    At a service point (诉讼服务点) or on circuit, the service point is recorded too. The
    same form sent twice (same KEY, from the same clerk at the same court) gives back the
    one filing; the same key at another court or from another clerk is another walk-in.
    UPLOADS (of UPLOAD_KIND) and REPRESENTATIVES (each a dict: `party`, the party's
    position, `authorisation`, the power of attorney uploaded, and the representative's
    fields) are stored with it, all or nothing. MEDIATION_CHOICE (consented, declined) is
    the party's answer to a recommendation to mediate first, recorded after the hand-in if
    a rule recommends it (分调裁审); it changes nothing of the hand-in itself.
    """
    if channel not in WINDOW_CHANNELS:
        raise ValidationError(_("Choose how the complaint came in."))
    if service_point is not None and service_point.court_id != court.pk:
        raise ValidationError(_("That service point belongs to another court."))
    require_court_reviewer(court, acted_for or actor)
    key = stored_key("window", actor.pk, court.pk, key=key)
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
        attach_files(filing, list(uploads), actor=actor, kind=upload_kind)
        for rep in representatives:
            add_representative(filing, actor=actor, **rep)
        handed_in = _hand_in(filing, actor=actor, acted_for=acted_for, key=key, today=today)
        if handed_in.pk != filing.pk:  # the same form sent twice at once: keep the first
            transaction.set_rollback(True)
        elif mediation_choice:
            record_if_recommended(
                handed_in, choice=mediation_choice, actor=actor, acted_for=acted_for
            )
    return handed_in
