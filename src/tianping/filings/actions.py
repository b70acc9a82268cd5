"""Use cases of filing (立案): drafting, handing in, review and its outcomes.

Each action takes the filing first and `actor` by keyword, runs in one transaction,
locks the filing row, changes its status through the workflow (a concurrent change by
another clerk raises ConcurrentTransition: one wins, the other is told) and appends a
timeline event.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from tianping.audit.actions import record
from tianping.courts.holidays import court_calendar
from tianping.courts.permissions import can_review_filings
from tianping.filings.choices import REVIEW_DAYS, WINDOW_CHANNELS, Channel, FilingStatus
from tianping.filings.events import filing_event
from tianping.filings.models import (
    CorrectionNotice,
    Filing,
    FilingAttachment,
    FilingEvidence,
    FilingParty,
    FilingRepresentative,
)
from tianping.filings.validation import completeness_errors, party_errors
from tianping.law.periods import compute_period
from tianping.lib.uploads import check_upload

DRAFT_FIELDS = [
    "kind",
    "cause",
    "claims",
    "amount",
    "facts",
    "is_livelihood",
    "is_enterprise",
    "is_migrant_wages",
]


def start_filing(*, actor, court, channel, filer=None, acted_for=None, **fields) -> Filing:
    """Open a draft: online by the filer, or at the window by a clerk for a walk-in."""
    if channel == Channel.CROSS_REGION:
        raise ValidationError(_("Use cross-region filing to take papers for another court."))
    with transaction.atomic():
        filing = Filing.objects.create(
            court=court, channel=channel, filer=filer, entered_by=actor, **fields
        )
        filing_event(filing, "drafted", actor=actor, acted_for=acted_for, channel=channel)
    return filing


def _locked(filing: Filing) -> Filing:
    """Re-read the filing under a row lock, keeping the state it was loaded with."""
    locked = Filing.objects.select_for_update().get(pk=filing.pk)
    if locked.status != filing.status:
        raise ValidationError(_("Someone else has just acted on this filing; reload it."))
    return locked


def _do(filing: Filing, transition: str) -> None:
    """Run a workflow transition, telling the user plainly when it is not possible now."""
    try:
        getattr(filing, transition)()
    except TransitionNotAllowed:
        raise ValidationError(
            _("This cannot be done while the filing is “%(status)s”.")
            % {"status": filing.get_status_display()}
        ) from None


def save_draft(filing: Filing, *, actor, **fields) -> Filing:
    """Save what has been entered so far. Nothing is checked that would lose input."""
    if filing.status != FilingStatus.DRAFT:
        raise ValidationError(_("Only a draft can be edited."))
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"Not draft fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(filing, name, value)
    filing.save(update_fields=[*fields, "updated_at"])
    return filing


def set_parties(filing: Filing, parties: list[dict], *, actor) -> list[FilingParty]:
    """Replace the draft's parties (a party is a dict of FilingParty fields)."""
    if filing.status not in (
        FilingStatus.DRAFT,
        FilingStatus.CORRECTION_REQUESTED,
        FilingStatus.AT_ASSISTING_COURT,
    ):
        raise ValidationError(_("The parties can no longer be changed."))
    with transaction.atomic():
        # Lock the filing: two saves at once (autosave and "continue") must not interleave.
        Filing.objects.select_for_update().filter(pk=filing.pk).first()
        filing.parties.all().delete()
        return [
            FilingParty.objects.create(filing=filing, position=i, **_party_fields(p))
            for i, p in enumerate(parties)
        ]


def _party_fields(party: dict) -> dict:
    allowed = {
        "role",
        "kind",
        "name",
        "doc_type",
        "id_number",
        "legal_representative",
        "phone",
        "address",
        "user",
    }
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in party.items() if k in allowed}


EDITABLE = (FilingStatus.DRAFT, FilingStatus.CORRECTION_REQUESTED, FilingStatus.AT_ASSISTING_COURT)


def _require_editable(filing: Filing, actor) -> None:
    _require_filer(filing, actor)
    if filing.status not in EDITABLE:
        raise ValidationError(_("This filing can no longer be changed."))


def add_representative(filing: Filing, *, actor, party: FilingParty, **fields):
    _require_editable(filing, actor)
    if party.filing_id != filing.pk:
        raise ValidationError(_("That party belongs to another filing."))
    return FilingRepresentative.objects.create(filing=filing, party=party, **fields)


def set_evidence(filing: Filing, items: list[dict], *, actor) -> None:
    _require_editable(filing, actor)
    with transaction.atomic():
        filing.evidence.all().delete()
        for i, item in enumerate(items):
            FilingEvidence.objects.create(filing=filing, position=i, **item)


def attach_file(filing: Filing, uploaded, *, actor, kind) -> FilingAttachment:
    """Store an upload after checking its size and real content."""
    if filing.status not in (
        FilingStatus.DRAFT,
        FilingStatus.CORRECTION_REQUESTED,
        FilingStatus.AT_ASSISTING_COURT,
    ):
        raise ValidationError(_("Files can no longer be added to this filing."))
    checked = check_upload(uploaded)
    return FilingAttachment.objects.create(
        filing=filing,
        kind=kind,
        file=uploaded,
        original_name=uploaded.name[:200],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )


def remove_attachment(filing: Filing, attachment: FilingAttachment, *, actor) -> None:
    """Take an uploaded file off a filing that can still be changed (a wrong upload)."""
    _require_editable(filing, actor)
    if attachment.filing_id != filing.pk:
        raise ValidationError(_("That file belongs to another filing."))
    with transaction.atomic():
        filing.evidence.filter(attachment=attachment).update(attachment=None)
        filing.representatives.filter(authorisation=attachment).update(authorisation=None)
        filing_event(filing, "file_removed", actor=actor, name=attachment.original_name)
        attachment.delete()


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
    _require_filer(filing, actor)
    today = today or timezone.localdate()
    if submission_key:
        existing = Filing.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    _check_complete(filing, today)
    try:
        with transaction.atomic():
            filing = _locked(filing)
            _do(filing, "submit")
            filing.submission_key = submission_key
            _start_clock(filing, today)
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


def _require_filer(filing: Filing, actor) -> None:
    if actor.pk not in (filing.filer_id, filing.entered_by_id):
        raise PermissionDenied(_("Only the filer can do that."))


def _check_complete(filing: Filing, today) -> None:
    parties = list(filing.parties.values())
    errors = party_errors(parties, today=today) + completeness_errors(filing, parties)
    if errors:
        raise ValidationError(errors)


def _start_clock(filing: Filing, received_on: datetime.date) -> None:
    """Review days run from the day after receipt (登记立案规定 art. 8)."""
    filing.clock_starts_on = received_on
    result = compute_period(received_on, court_calendar(), days=REVIEW_DAYS[filing.kind])
    filing.review_due_on = result.expires_on


def _require_reviewer(filing: Filing, actor) -> None:
    if not can_review_filings(actor, filing.court):
        raise PermissionDenied(_("Only the filing division of this court can do that."))


def request_correction(
    filing: Filing, *, actor, items: list[str], respond_by, acted_for=None
) -> CorrectionNotice:
    """One notice listing everything to correct (一次性告知); the clock stops."""
    _require_reviewer(filing, acted_for or actor)
    items = [i.strip() for i in items if i and i.strip()]
    if not items:
        raise ValidationError(_("List at least one thing to correct."))
    with transaction.atomic():
        filing = _locked(filing)
        _do(filing, "request_correction")
        filing.save()
        notice = CorrectionNotice.objects.create(
            filing=filing, items=items, respond_by=respond_by, issued_by=actor
        )
        filing_event(
            filing,
            "correction_requested",
            actor=actor,
            acted_for=acted_for,
            to_correct=items,
            respond_by=respond_by,
        )
    return notice


def answer_correction(
    filing: Filing, *, actor, answer: str, today: datetime.date | None = None
) -> Filing:
    """The filer's corrections arrive: the review clock starts again from their receipt."""
    _require_filer(filing, actor)
    today = today or timezone.localdate()
    _check_complete(filing, today)
    with transaction.atomic():
        filing = _locked(filing)
        _do(filing, "answer_correction")
        _start_clock(filing, today)
        filing.save()
        filing.corrections.filter(answered_at__isnull=True).update(
            answered_at=timezone.now(), answer=answer
        )
        filing_event(filing, "corrected", actor=actor, review_due_on=filing.review_due_on)
    return filing


def refuse_filing(filing: Filing, *, actor, reasons: str, acted_for=None) -> Filing:
    """Refuse, only by a written ruling with its reasons (登记立案规定 art. 9)."""
    _require_reviewer(filing, acted_for or actor)
    if len((reasons or "").strip()) < 10:
        raise ValidationError(_("A refusal needs a written ruling: state the reasons in full."))
    with transaction.atomic():
        filing = _locked(filing)
        _do(filing, "refuse")
        filing.refusal_reasons = reasons.strip()
        _decided(filing, actor)
        filing_event(filing, "refused", actor=actor, acted_for=acted_for, reasons=reasons)
    return filing


def transfer_filing(filing: Filing, *, actor, to_court, reason: str, acted_for=None) -> Filing:
    _require_reviewer(filing, acted_for or actor)
    if to_court.pk == filing.court_id:
        raise ValidationError(_("Choose another court to transfer to."))
    with transaction.atomic():
        filing = _locked(filing)
        _do(filing, "transfer")
        filing.transferred_to = to_court
        _decided(filing, actor)
        received = _copy_to_court(filing, to_court)
        filing_event(
            filing,
            "transferred",
            actor=actor,
            acted_for=acted_for,
            to_court=to_court.name,
            reason=reason,
            new_receipt=received.code,
        )
        filing_event(
            received,
            "received_by_transfer",
            actor=actor,
            acted_for=acted_for,
            from_court=filing.court.name,
            original_receipt=filing.code,
            reason=reason,
            review_due_on=received.review_due_on,
        )
    return filing


def _copy_to_court(filing: Filing, court) -> Filing:
    """The filing as received by the court it was transferred to: same papers, its own
    receipt number, under review there with a clock that starts on the day of transfer."""
    copy = Filing.objects.create(
        court=court,
        kind=filing.kind,
        channel=filing.channel,
        filer=filing.filer,
        entered_by=filing.entered_by,
        cause=filing.cause,
        claims=filing.claims,
        amount=filing.amount,
        facts=filing.facts,
        is_livelihood=filing.is_livelihood,
        is_enterprise=filing.is_enterprise,
        is_migrant_wages=filing.is_migrant_wages,
    )
    files = {}
    for item in filing.attachments.all():
        files[item.pk] = FilingAttachment.objects.create(
            filing=copy,
            kind=item.kind,
            file=item.file.name,
            original_name=item.original_name,
            content_type=item.content_type,
            size=item.size,
            sha256=item.sha256,
            uploaded_by=item.uploaded_by,
        )
    for party in filing.parties.all():
        new_party = FilingParty.objects.create(
            filing=copy,
            role=party.role,
            kind=party.kind,
            name=party.name,
            doc_type=party.doc_type,
            id_number=party.id_number,
            legal_representative=party.legal_representative,
            phone=party.phone,
            address=party.address,
            user=party.user,
            position=party.position,
        )
        for rep in party.representatives.all():
            FilingRepresentative.objects.create(
                filing=copy,
                party=new_party,
                kind=rep.kind,
                name=rep.name,
                id_number=rep.id_number,
                licence_number=rep.licence_number,
                law_firm=rep.law_firm,
                phone=rep.phone,
                user=rep.user,
                authorisation=files.get(rep.authorisation_id),
            )
    for item in filing.evidence.all():
        FilingEvidence.objects.create(
            filing=copy,
            name=item.name,
            source=item.source,
            purpose=item.purpose,
            position=item.position,
            attachment=files.get(item.attachment_id),
        )
    _do(copy, "submit")
    _start_clock(copy, timezone.localdate())
    copy.submitted_at = timezone.now()
    copy.save()
    return copy


def _decided(filing: Filing, actor) -> None:
    filing.decided_at = timezone.now()
    filing.decided_by = actor
    filing.save()
    record(f"filing.{filing.status}", filing, actor=actor)


def accept_filing(filing: Filing, *, actor, acted_for=None) -> Filing:
    """Mark the filing accepted (立案), under a row lock. Call it only from the flow that
    opens the case in the same transaction (`flows.filing.accept_filing`)."""
    _require_reviewer(filing, acted_for or actor)
    filing = _locked(filing)
    _do(filing, "accept")
    _decided(filing, actor)
    return filing


def note_case_opened(filing: Filing, *, case_number: str, actor, acted_for=None) -> None:
    """The filing's timeline says which case it became."""
    filing_event(filing, "accepted", actor=actor, acted_for=acted_for, case_number=case_number)


def receive_for_other_court(
    *, actor, assisting_court, court, filer=None, acted_for=None, **fields
) -> Filing:
    """Cross-region filing (跨域立案): the assisting court takes papers for COURT."""
    if not can_review_filings(acted_for or actor, assisting_court):
        raise PermissionDenied(_("Only the filing division of the assisting court can do that."))
    if assisting_court.pk == court.pk:
        raise ValidationError(_("The court with jurisdiction is this court: file normally."))
    with transaction.atomic():
        filing = Filing.objects.create(
            court=court,
            assisting_court=assisting_court,
            channel=Channel.CROSS_REGION,
            filer=filer,
            entered_by=actor,
            **fields,
        )
        _do(filing, "receive_at_assisting_court")
        filing.save()
        filing_event(
            filing, "received_at_assisting_court", actor=actor, assisting_court=assisting_court.name
        )
    return filing


def forward_filing(filing: Filing, *, actor, acted_for=None, today=None) -> Filing:
    """The assisting court has checked the papers; the court with jurisdiction reviews."""
    if not can_review_filings(acted_for or actor, filing.assisting_court):
        raise PermissionDenied(_("Only the filing division of the assisting court can do that."))
    today = today or timezone.localdate()
    _check_complete(filing, today)
    with transaction.atomic():
        filing = _locked(filing)
        _do(filing, "forward")
        _start_clock(filing, today)
        filing.submitted_at = timezone.now()
        filing.save()
        filing_event(
            filing,
            "forwarded",
            actor=actor,
            court=filing.court.name,
            review_due_on=filing.review_due_on,
        )
    return filing


def withdraw_filing(filing: Filing, *, actor) -> Filing:
    _require_filer(filing, actor)
    with transaction.atomic():
        filing = _locked(filing)
        _do(filing, "withdraw")
        filing.save()
        filing_event(filing, "withdrawn", actor=actor)
    return filing


def hand_in_at_window(
    *, actor, acted_for, court, channel, parties, fields, today, key=None, service_point=None
):
    """A clerk hands in a walk-in's complaint: draft, parties, data, dated receipt, clock.

    At a service point (诉讼服务点) or on circuit, the service point is recorded too.
    """
    if channel not in WINDOW_CHANNELS:
        raise ValidationError(_("Choose how the complaint came in."))
    if service_point is not None and service_point.court_id != court.pk:
        raise ValidationError(_("That service point belongs to another court."))
    if not can_review_filings(acted_for or actor, court):
        raise PermissionDenied(_("Only the filing division of this court can do that."))
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
):
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
        for upload in uploads:
            attach_file(filing, upload, actor=actor, kind=upload_kind)
        if forward:
            filing = forward_filing(filing, actor=actor, acted_for=acted_for, today=today)
    return filing
