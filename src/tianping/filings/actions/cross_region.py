"""Cross-region filing (跨域立案): an assisting court takes papers in for the court with
jurisdiction, checks them and forwards them; the review is the other court's."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.courts.choices import CourtLevel
from tianping.filings.actions.common import (
    check_complete,
    locked,
    start_clock,
    transition,
)
from tianping.filings.actions.drafting import set_parties
from tianping.filings.actions.files import attach_files
from tianping.filings.choices import Channel
from tianping.filings.events import filing_event
from tianping.filings.models import Filing
from tianping.filings.permissions import require_court_reviewer, require_forwarder
from tianping.lib.money import check_amount

# The courts a complaint is filed at (first instance): basic and intermediate courts.
FIRST_INSTANCE_LEVELS = (CourtLevel.BASIC, CourtLevel.INTERMEDIATE)


def receive_for_other_court(
    *, actor, assisting_court, court, filer=None, acted_for=None, **fields
) -> Filing:
    """Cross-region filing (跨域立案): the assisting court takes papers for COURT."""
    require_court_reviewer(
        assisting_court, acted_for or actor,
        _("Only the filing division of the assisting court can do that."),
    )
    if assisting_court.pk == court.pk:
        raise ValidationError(_("The court with jurisdiction is this court: file normally."))
    if court.level not in FIRST_INSTANCE_LEVELS:
        raise ValidationError(
            _("%(court)s does not hear cases at first instance: choose the court that does.")
            % {"court": court.name}
        )
    if fields.get("amount") is not None:
        check_amount(fields["amount"])  # what the column holds on every database
    with transaction.atomic():
        filing = Filing.objects.create(
            court=court,
            assisting_court=assisting_court,
            channel=Channel.CROSS_REGION,
            filer=filer,
            entered_by=actor,
            **fields,
        )
        transition(filing, "receive_at_assisting_court")
        filing.save()
        filing_event(
            filing,
            "received_at_assisting_court",
            actor=actor,
            acted_for=acted_for,
            assisting_court=assisting_court.name,
        )
    return filing


def forward_filing(filing: Filing, *, actor, acted_for=None, today=None) -> Filing:
    """The assisting court has checked the papers; the court with jurisdiction reviews."""
    require_forwarder(filing, acted_for or actor)
    today = today or timezone.localdate()
    check_complete(filing, today)
    with transaction.atomic():
        filing = locked(filing)
        transition(filing, "forward")
        start_clock(filing, today)
        filing.submitted_at = timezone.now()
        filing.save()
        filing_event(
            filing,
            "forwarded",
            actor=actor,
            acted_for=acted_for,
            court=filing.court.name,
            review_due_on=filing.review_due_on,
        )
    return filing


def take_in_for_other_court(
    *,
    actor,
    assisting_court,
    court,
    parties,
    fields,
    uploads,
    upload_kind,
    forward,
    today,
    acted_for=None,
) -> Filing:
    """Cross-region filing at the assisting court: papers entered and uploaded, maybe sent."""
    with transaction.atomic():
        filing = receive_for_other_court(
            actor=actor,
            acted_for=acted_for,
            assisting_court=assisting_court,
            court=court,
            **fields,
        )
        set_parties(filing, parties, actor=actor)
        attach_files(filing, uploads, actor=actor, kind=upload_kind)
        if forward:
            filing = forward_filing(filing, actor=actor, acted_for=acted_for, today=today)
    return filing
