"""What the actions of filing share: the row lock, transitions, the review clock, who may act.

For the action modules of this package only; pages and API call the actions themselves.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from tianping.audit.actions import record
from tianping.courts.holidays import court_calendar
from tianping.filings.choices import REVIEW_DAYS, FilingStatus
from tianping.filings.models import Filing
from tianping.filings.permissions import require_filer, require_reviewer  # noqa: F401
from tianping.filings.validation import completeness_errors, party_errors
from tianping.law.periods import compute_period

EDITABLE = (FilingStatus.DRAFT, FilingStatus.CORRECTION_REQUESTED, FilingStatus.AT_ASSISTING_COURT)


def locked(filing: Filing, *, replay_key: str | None = None) -> Filing:
    """Re-read the filing under a row lock, keeping the state it was loaded with (or, with
    REPLAY_KEY, handed in under that key meanwhile: the caller gives that result back)."""
    row = Filing.objects.select_for_update().get(pk=filing.pk)
    if replay_key and row.submission_key == replay_key:
        return row
    if row.status != filing.status:
        raise ValidationError(_("Someone else has just acted on this filing; reload it."))
    return row


def lock_row(filing: Filing) -> None:
    """Lock the filing's row whatever its state (two saves at once must not interleave)."""
    Filing.objects.select_for_update().filter(pk=filing.pk).first()


def transition(filing: Filing, name: str) -> None:
    """Run a workflow transition, telling the user plainly when it is not possible now."""
    try:
        getattr(filing, name)()
    except TransitionNotAllowed:
        raise ValidationError(
            _("This cannot be done while the filing is “%(status)s”.")
            % {"status": filing.get_status_display()}
        ) from None


def start_clock(filing: Filing, received_on: datetime.date) -> None:
    """Review days run from the day after receipt (登记立案规定 art. 8)."""
    filing.clock_starts_on = received_on
    calendar = court_calendar(court=filing.court)  # the national table and the court's own days
    result = compute_period(received_on, calendar, days=REVIEW_DAYS[filing.kind])
    filing.review_due_on = result.expires_on


def check_complete(filing: Filing, today) -> None:
    parties = list(filing.parties.values())
    errors = party_errors(parties, today=today) + completeness_errors(filing, parties)
    if errors:
        raise ValidationError(errors)


def decided(filing: Filing, actor) -> None:
    filing.decided_at = timezone.now()
    filing.decided_by = actor
    filing.save()
    record("filing.decided", filing, actor=actor, changes={"status": filing.status})


def require_editable(filing: Filing, actor) -> None:
    require_filer(filing, actor)
    if filing.status not in EDITABLE:
        raise ValidationError(_("This filing can no longer be changed."))

