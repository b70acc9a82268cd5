"""Drafting a filing: its data, parties, representatives and evidence list.

Each use case is one transaction, called by the pages and the API alike. A draft is saved
as the user types: nothing is checked here that would lose input (the checks come when
the filing is handed in).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.audit.actions import record
from tianping.filings.actions.common import (
    EDITABLE,
    lock_row,
    locked,
    require_editable,
    require_filer,
    transition,
)
from tianping.filings.actions.files import attach_file, find_attachment
from tianping.filings.choices import FROM_MEDIATION_KINDS, AttachmentKind, Channel, FilingStatus
from tianping.filings.events import filing_event
from tianping.filings.limits import (
    MAX_EVIDENCE_ROWS,
    MAX_PARTIES,
    MAX_REPRESENTATIVES,
    check_count,
)
from tianping.filings.models import Filing, FilingEvidence, FilingParty, FilingRepresentative
from tianping.filings.representatives import check_representative
from tianping.lib.money import check_amount
from tianping.parties.copying import (
    normalised_id_number,
    party_fields,
    party_values,
    representative_fields,
)

DRAFT_FIELDS = [
    "kind",
    "cause",
    "claims",
    "amount",
    "facts",
    "is_livelihood",
    "is_enterprise",
    "is_migrant_wages",
    "special_subject",
    "subject_detail",
    "election_on",
]
REPRESENTATIVE_FIELDS = ("kind", "name", "id_number", "licence_number", "law_firm", "phone")
EVIDENCE_FIELDS = ("name", "source", "purpose")


def _check_kind(fields) -> None:
    if fields.get("kind") in FROM_MEDIATION_KINDS:
        raise ValidationError(
            {"kind": _("This is applied for from a signed mediation agreement, on the "
                       "mediation's page.")})


def start_filing(*, actor, court, channel, filer=None, acted_for=None, **fields) -> Filing:
    """Open a draft: online by the filer, or at the window by a clerk for a walk-in."""
    _check_kind(fields)
    if channel == Channel.CROSS_REGION:
        raise ValidationError(_("Use cross-region filing to take papers for another court."))
    with transaction.atomic():
        filing = Filing.objects.create(
            court=court, channel=channel, filer=filer, entered_by=actor, **fields
        )
        filing_event(filing, "drafted", actor=actor, acted_for=acted_for, channel=channel)
    return filing


def delete_draft(filing: Filing, *, actor) -> Filing:
    """The filer deletes a draft never handed in: its parties, representatives, evidence
    list, files (and their stored content) and what was typed are removed, in one
    transaction with the audit entry. The timeline rows are append-only, so the filing's
    row stays, withdrawn (`withdrawn` event) and no longer listed for its filer."""
    require_filer(filing, actor)
    if filing.status != FilingStatus.DRAFT:
        raise ValidationError(_("Only a draft can be deleted."))
    with transaction.atomic():
        filing = locked(filing)
        files = [(item.file.storage, item.file.name) for item in filing.attachments.all()]
        counts = {
            "parties": filing.parties.count(),
            "evidence": filing.evidence.count(),
            "files": len(files),
        }
        filing.representatives.all().delete()
        filing.evidence.all().delete()
        filing.parties.all().delete()
        filing.attachments.all().delete()
        for name in ("claims", "facts", "subject_detail"):
            setattr(filing, name, "")
        filing.amount = None
        filing.cause = None
        transition(filing, "withdraw")
        filing.save()
        record("filing.draft_deleted", filing, actor=actor, changes=counts)
        filing_event(filing, "withdrawn", actor=actor)
        for storage, name in files:
            transaction.on_commit(lambda s=storage, n=name: s.delete(n))
    return filing


def save_draft(filing: Filing, *, actor, **fields) -> Filing:
    """Save what has been entered so far. Nothing is checked that would lose input; the
    filer alone saves, and only a draft (checked again under the row lock, so an autosave
    arriving after the filing was handed in changes nothing)."""
    require_filer(filing, actor)
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"Not draft fields: {sorted(unknown)}")
    _check_kind(fields)
    if fields.get("amount") is not None:
        check_amount(fields["amount"])  # what the column holds on every database
    with transaction.atomic():
        current = Filing.objects.select_for_update().only("status").get(pk=filing.pk)
        if current.status != FilingStatus.DRAFT or filing.status != FilingStatus.DRAFT:
            raise ValidationError(_("Only a draft can be edited."))
        changed = sorted(name for name, value in fields.items() if getattr(filing, name) != value)
        for name, value in fields.items():
            setattr(filing, name, value)
        filing.save(update_fields=[*fields, "updated_at"])
        if changed:
            record("filing.draft_saved", filing, actor=actor, changes={"fields": changed})
    return filing


def set_parties(filing: Filing, parties: list[dict], *, actor) -> list[FilingParty]:
    """Replace the parties (a party is a dict of FilingParty fields). Representatives go
    with them: `save_parties` keeps each with the party its row replaces."""
    if filing.status not in EDITABLE:
        raise ValidationError(_("The parties can no longer be changed."))
    check_count(len(parties), MAX_PARTIES, _("A filing names at most %(max)d parties."))
    with transaction.atomic():
        lock_row(filing)  # an autosave and a "continue" may arrive together
        before = list(filing.parties.values_list("role", "name", "id_number"))
        filing.parties.all().delete()
        saved = [
            FilingParty.objects.create(filing=filing, **{**party_values(p), "position": i})
            for i, p in enumerate(parties)
        ]
        if [(p.role, p.name, p.id_number) for p in saved] != before:
            names = [p.name for p in saved]
            filing_event(filing, "parties_changed", actor=actor, change=True, parties=names)
        return saved


def save_parties(filing: Filing, rows: list[dict], *, actor, reps=None) -> list[FilingParty]:
    """Replace the parties; each representative stays with the party its row replaces
    (the row's `was`, else the saved party with the same document number)."""
    with transaction.atomic():
        lock_row(filing)
        old = list(filing.parties.all())
        reps = _representatives(filing) if reps is None else reps
        origins = [_old_position(row, old) for row in rows]
        parties = set_parties(filing, rows, actor=actor)
        for party, origin in zip(parties, origins, strict=True):
            for position, fields in reps:
                if origin is not None and position == origin:
                    _represent(filing, party, actor=actor, **fields)
    return parties


def _old_position(row: dict, old: list) -> int | None:
    """Which saved party a row replaces: its `was`, else the one with the same number."""
    was = row.get("was")
    if isinstance(was, int) and 0 <= was < len(old):
        return was
    number = normalised_id_number(row.get("id_number"))
    matches = [p.position for p in old if number and normalised_id_number(p.id_number) == number]
    return matches[0] if matches else None


def _representatives(filing: Filing) -> list[tuple[int, dict]]:
    """Each representative as (its party's position, its details with its papers)."""
    return [
        (
            rep.party.position,
            {
                **representative_fields(rep, FilingRepresentative),
                "authorisation": rep.authorisation,
            },
        )
        for rep in filing.representatives.select_related("party", "authorisation")
    ]


def _represent(filing: Filing, party: FilingParty, *, actor, **fields) -> FilingRepresentative:
    require_editable(filing, actor)
    if party.filing_id != filing.pk:
        raise ValidationError(_("That party belongs to another filing."))
    return FilingRepresentative.objects.create(filing=filing, party=party, **fields)


def add_representative(
    filing: Filing, *, actor, party: int, authorisation, user=None, **fields
) -> FilingRepresentative:
    """Name the representative of the party at position PARTY, storing the power of
    attorney (an upload, checked by its content) with it: both, or neither."""
    found = filing.parties.filter(position=party).first() if party is not None else None
    if found is None:
        raise ValidationError(_("Choose the party this representative acts for."))
    unknown = set(fields) - set(REPRESENTATIVE_FIELDS)
    if unknown:
        raise ValueError(f"Not representative fields: {sorted(unknown)}")
    details = {name: (fields.get(name) or "").strip() for name in REPRESENTATIVE_FIELDS}
    details["id_number"] = normalised_id_number(details["id_number"])
    check_representative(details)
    check_count(
        filing.representatives.count() + 1,
        MAX_REPRESENTATIVES,
        _("A filing names at most %(max)d representatives."),
    )
    with transaction.atomic():
        papers = attach_file(filing, authorisation, actor=actor, kind=AttachmentKind.AUTHORISATION)
        rep = _represent(filing, found, actor=actor, user=user, authorisation=papers, **details)
        filing_event(
            filing, "representative_added", actor=actor, change=True, representative=rep.name
        )
        return rep


def remove_representative(filing: Filing, index: int, *, actor) -> None:
    """Take one representative off (the others and every party stay as they are)."""
    require_editable(filing, actor)
    with transaction.atomic():
        lock_row(filing)
        reps = _representatives(filing)
        if not 0 <= index < len(reps):
            raise ValidationError(_("There is no such representative."))
        gone = reps.pop(index)[1]
        parties = filing.parties.select_related("user")
        rows = [{**party_fields(p), "user": p.user, "was": p.position} for p in parties]
        save_parties(filing, rows, actor=actor, reps=reps)
        name = gone.get("name", "")
        filing_event(
            filing, "representative_removed", actor=actor, change=True, representative=name
        )


def save_evidence(filing: Filing, rows: list[dict], *, actor) -> list[FilingEvidence]:
    """Replace the evidence list; rows left empty are dropped. A row names its file by its
    public reference (`attachment`), which must be among the filing's files."""
    require_editable(filing, actor)
    items = []
    for row in rows:
        item = {k: (row.get(k) or "").strip() for k in EVIDENCE_FIELDS}
        if any(item.values()):
            items.append({**item, "attachment": find_attachment(filing, row.get("attachment"))})
    check_count(len(items), MAX_EVIDENCE_ROWS, _("An evidence list has at most %(max)d items."))
    with transaction.atomic():
        lock_row(filing)
        before = list(filing.evidence.values_list("name", "source", "purpose", "attachment"))
        filing.evidence.all().delete()
        saved = [
            FilingEvidence.objects.create(filing=filing, position=i, **item)
            for i, item in enumerate(items)
        ]
        after = [(e.name, e.source, e.purpose, e.attachment_id) for e in saved]
        if after != before:
            filing_event(filing, "evidence_changed", actor=actor, change=True, items=len(saved))
        return saved
