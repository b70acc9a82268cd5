"""Review by the filing division (立案审查) and its outcomes: correction, refusal, transfer,
acceptance (whose case is opened by `flows.filing.accept_filing`).

A refusal (不予受理) is a ruling: the filing division proposes it (a statutory basis from
`RefusalBasis` and the reasons) and a judge of the court decides it (`decide_refusal`;
who may: `filings.permissions.can_decide_refusal`, never the proposer). While a proposal
waits, the filing takes no other decision.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from tianping.filings.actions.common import (
    decided,
    locked,
    require_reviewer,
    start_clock,
    transition,
)
from tianping.filings.choices import RefusalBasis, RefusalOutcome
from tianping.filings.events import filing_event
from tianping.filings.limits import (
    ITEM_LENGTH,
    MAX_CORRECTION_ITEMS,
    REASONS_LENGTH,
    check_count,
    check_respond_by,
)
from tianping.filings.models import (
    CorrectionNotice,
    Filing,
    FilingAttachment,
    FilingEvidence,
    FilingParty,
    FilingRepresentative,
    RefusalProposal,
)
from tianping.filings.permissions import require_refusal_decider
from tianping.lib.text import too_long
from tianping.parties.copying import party_fields, representative_fields

# What a filing transferred to another court takes with it, besides parties and papers.
TRANSFERRED_FIELDS = [
    "kind",
    "channel",
    "filer",
    "entered_by",
    "cause",
    "claims",
    "amount",
    "facts",
    "is_livelihood",
    "is_enterprise",
    "is_migrant_wages",
]
ATTACHMENT_FIELDS = ["kind", "original_name", "content_type", "size", "sha256", "uploaded_by"]


def request_correction(
    filing: Filing, *, actor, items: list[str], respond_by, acted_for=None, today=None
) -> CorrectionNotice:
    """One notice listing everything to correct (一次性告知); the clock stops. The date to
    correct by is from tomorrow to FILING_CORRECTION_MAX_DAYS days ahead."""
    require_reviewer(filing, acted_for or actor)
    items = [i.strip() for i in items if i and i.strip()]
    if not items:
        raise ValidationError(_("List at least one thing to correct."))
    check_count(
        len(items), MAX_CORRECTION_ITEMS, _("A notice lists at most %(max)d things to correct.")
    )
    _check_length(*items, limit=ITEM_LENGTH)
    check_respond_by(respond_by, today or timezone.localdate())
    with transaction.atomic():
        filing = locked(filing)
        _require_nothing_pending(filing)
        transition(filing, "request_correction")
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


def propose_refusal(
    filing: Filing, *, actor, basis: str, reasons: str, acted_for=None
) -> RefusalProposal:
    """The filing division proposes to refuse, with the statutory basis and the reasons of
    the ruling in full (登记立案规定 art. 9); a judge of the court decides."""
    require_reviewer(filing, acted_for or actor)
    if basis not in RefusalBasis.values:
        raise ValidationError(_("Choose the statutory basis of the refusal."))
    if len((reasons or "").strip()) < 10:
        raise ValidationError(_("A refusal needs a written ruling: state the reasons in full."))
    _check_length(reasons, limit=REASONS_LENGTH)
    with transaction.atomic():
        filing = locked(filing)
        if not can_proceed(filing.refuse):
            transition(filing, "refuse")  # says why not
        _require_nothing_pending(filing)
        proposal = RefusalProposal.objects.create(
            filing=filing,
            basis=basis,
            reasons=reasons.strip(),
            proposed_by=actor,
            proposed_for=acted_for,
        )
        filing.save(update_fields=["updated_at"])
        filing_event(
            filing,
            "refusal_proposed",
            actor=actor,
            acted_for=acted_for,
            basis=basis,
            reasons=reasons.strip(),
        )
    return proposal


def decide_refusal(
    proposal: RefusalProposal, *, actor, refuse: bool, note: str = "", acted_for=None
) -> RefusalProposal:
    """A judge of the court decides a proposal to refuse: the ruling is issued in their name
    (the filing is refused with the proposal's basis and reasons), or the filing goes back
    to review with the judge's note. Nobody decides a proposal they made."""
    judge = acted_for or actor
    require_refusal_decider(proposal, judge)
    if getattr(actor, "pk", None) in (proposal.proposed_by_id, proposal.proposed_for_id):
        raise PermissionDenied(_("Nobody decides a refusal they proposed."))
    note = (note or "").strip()
    if not refuse and len(note) < 2:
        raise ValidationError(_("Say why the refusal is not approved."))
    _check_length(note, limit=REASONS_LENGTH)
    with transaction.atomic():
        filing = locked(proposal.filing)
        proposal = RefusalProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.outcome != RefusalOutcome.PENDING:
            raise ValidationError(_("This proposal has already been decided."))
        proposal.decided_by = judge
        proposal.decided_at = timezone.now()
        proposal.note = note
        if refuse:
            transition(filing, "refuse")
            filing.refusal_reasons = proposal.reasons
            filing.refusal_basis = proposal.basis
            decided(filing, judge)
            proposal.outcome = RefusalOutcome.REFUSED
            details = {"basis": proposal.basis, "reasons": proposal.reasons, "judge": str(judge)}
            filing_event(filing, "refused", actor=actor, acted_for=acted_for, **details)
        else:
            proposal.outcome = RefusalOutcome.DECLINED
            filing.save(update_fields=["updated_at"])
            filing_event(filing, "refusal_declined", actor=actor, acted_for=acted_for, note=note)
        proposal.save()
    proposal.filing = filing
    return proposal


def pending_refusal(filing: Filing) -> RefusalProposal | None:
    return filing.refusals.filter(outcome=RefusalOutcome.PENDING).first()


def _require_nothing_pending(filing: Filing) -> None:
    if pending_refusal(filing) is not None:
        raise ValidationError(
            _("A refusal of this filing waits for a judge's decision; nothing else until then.")
        )


def transfer_filing(filing: Filing, *, actor, to_court, reason: str, acted_for=None) -> Filing:
    require_reviewer(filing, acted_for or actor)
    if to_court.pk == filing.court_id:
        raise ValidationError(_("Choose another court to transfer to."))
    _check_length(reason or "", limit=ITEM_LENGTH)
    with transaction.atomic():
        filing = locked(filing)
        _require_nothing_pending(filing)
        transition(filing, "transfer")
        filing.transferred_to = to_court
        decided(filing, actor)
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


def _check_length(*texts: str, limit: int) -> None:
    errors = [message for text in texts if (message := too_long(text.strip(), limit))]
    if errors:
        raise ValidationError(errors)


def _copy_to_court(filing: Filing, court) -> Filing:
    """The filing as received by the court it was transferred to: same papers, its own
    receipt number, under review there with a clock that starts on the day of transfer."""
    copy = Filing.objects.create(
        court=court, **{name: getattr(filing, name) for name in TRANSFERRED_FIELDS}
    )
    files = {}
    for item in filing.attachments.all():
        files[item.pk] = FilingAttachment.objects.create(
            filing=copy,
            file=item.file.name,
            **{name: getattr(item, name) for name in ATTACHMENT_FIELDS},
        )
    for party in filing.parties.all():
        new_party = FilingParty.objects.create(filing=copy, user=party.user, **party_fields(party))
        for rep in party.representatives.all():
            FilingRepresentative.objects.create(
                filing=copy,
                party=new_party,
                authorisation=files.get(rep.authorisation_id),
                **representative_fields(rep, FilingRepresentative),
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
    transition(copy, "submit")
    start_clock(copy, timezone.localdate())
    copy.submitted_at = timezone.now()
    copy.save()
    return copy


def accept_filing(filing: Filing, *, actor, acted_for=None) -> Filing:
    """Mark the filing accepted (立案), under a row lock. Call it only from the flow that
    opens the case in the same transaction (`flows.filing.accept_filing`)."""
    require_reviewer(filing, acted_for or actor)
    filing = locked(filing)
    _require_nothing_pending(filing)
    transition(filing, "accept")
    decided(filing, actor)
    return filing


def note_case_opened(filing: Filing, *, case_number: str, actor, acted_for=None) -> None:
    """The filing's timeline says which case it became."""
    filing_event(filing, "accepted", actor=actor, acted_for=acted_for, case_number=case_number)
