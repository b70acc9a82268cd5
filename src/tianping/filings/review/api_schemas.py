"""The schemas of the filing review API (/api/v1/filing-review): what comes in and goes out.

Text coming in is cleaned (`lib.text`: no NUL or control characters) and bounded, and
lists are bounded, by the constants the pages' forms use (`filings.limits`); amounts are
read and bounded by `lib.money`. Too much or too long is 422 with a message.
"""

import datetime
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from ninja import Schema

from tianping.filings.choices import Channel, FilingKind, PartyKind, PartyRole, RefusalBasis
from tianping.filings.limits import (
    CLAIMS_LENGTH,
    FACTS_LENGTH,
    ITEM_LENGTH,
    KEY_LENGTH,
    MAX_CORRECTION_ITEMS,
    MAX_PARTIES,
    NAME_LENGTH,
    REASONS_LENGTH,
    party_length,
)
from tianping.filings.online.api_schemas import MediationSteeringOut
from tianping.filings.review.forms import resolve_cause
from tianping.lib.money import ApiAmount
from tianping.lib.text import ApiList, ApiText

FILING_FIELDS = ["kind", "claims", "amount", "facts", "is_livelihood", "is_enterprise"]
FILING_FIELDS += ["is_migrant_wages"]


class WindowPartyIn(Schema):
    role: PartyRole
    kind: PartyKind = PartyKind.NATURAL_PERSON
    name: ApiText(party_length("name"))
    doc_type: ApiText(party_length("doc_type")) = ""
    id_number: ApiText(party_length("id_number")) = ""
    legal_representative: ApiText(party_length("legal_representative")) = ""
    phone: ApiText(party_length("phone")) = ""
    address: ApiText(party_length("address")) = ""


class FilingDataIn(Schema):
    kind: FilingKind = FilingKind.CIVIL
    cause: ApiText(NAME_LENGTH) = ""
    claims: ApiText(CLAIMS_LENGTH)
    amount: ApiAmount = None
    facts: ApiText(FACTS_LENGTH)
    is_livelihood: bool = False
    is_enterprise: bool = False
    is_migrant_wages: bool = False
    parties: ApiList(WindowPartyIn, MAX_PARTIES)

    def fields(self) -> dict:
        """The draft fields for the actions, the cause code resolved in today's catalog."""
        data = {name: getattr(self, name) for name in FILING_FIELDS}
        data["cause"] = resolve_cause(self.cause.strip(), on=timezone.localdate())
        return data


class WindowIn(FilingDataIn):
    court: ApiText(NAME_LENGTH)
    channel: Channel = Channel.WINDOW
    service_point: ApiText(NAME_LENGTH) | None = None  # its name, at a service point
    file_now: bool = False
    submission_key: ApiText(KEY_LENGTH) | None = None
    # the party's answer, recorded if a rule recommends mediation (分调裁审); never delays
    mediation_choice: Literal["", "consented", "declined"] = ""


class CrossRegionIn(FilingDataIn):
    court: ApiText(NAME_LENGTH)
    assisting_court: ApiText(NAME_LENGTH) | None = None
    forward: bool = False


class DecisionIn(Schema):
    expected_status: ApiText(NAME_LENGTH) | None = None


class CorrectionIn(DecisionIn):
    items: ApiList(ApiText(ITEM_LENGTH), MAX_CORRECTION_ITEMS)
    respond_by: datetime.date | None = None


class RefusalIn(DecisionIn):
    """A proposal to refuse (不予受理): a judge of the court decides it."""

    basis: RefusalBasis
    reasons: ApiText(REASONS_LENGTH)


class TransferIn(DecisionIn):
    to_court: ApiText(NAME_LENGTH)
    reason: ApiText(ITEM_LENGTH)


class ReviewPartyOut(Schema):
    role: str
    role_label: str
    kind: str
    name: str
    doc_type: str
    id_number_masked: str


class QueueRowOut(Schema):
    code: str
    court: str
    assisting_court: str | None
    status: str
    status_label: str
    kind: str
    kind_label: str
    channel: str
    channel_label: str
    service_point: str | None
    received_at: datetime.datetime | None
    review_due_on: datetime.date | None
    days_left: int | None
    flag: str
    green_channel: list[str]
    parties: list[ReviewPartyOut]
    case_number: str | None


class ReviewEventOut(Schema):
    seq: int
    kind: str
    at: datetime.datetime
    actor: str | None
    details: dict


class CorrectionOut(Schema):
    items: list[str]
    respond_by: datetime.date
    issued_at: datetime.datetime
    answered_at: datetime.datetime | None


class ReviewAttachmentOut(Schema):
    id: int
    kind: str
    name: str
    content_type: str
    size: int
    url: str


class ReviewFilingOut(QueueRowOut):
    cause: str | None
    claims: str
    amount: Decimal | None
    facts: str
    refusal_reasons: str
    refusal_basis: str
    refusal_pending: bool
    transferred_to: str | None
    corrections: list[CorrectionOut]
    attachments: list[ReviewAttachmentOut]
    events: list[ReviewEventOut]
    documents: dict[str, str]
    mediation: MediationSteeringOut | None = None


class ConflictOut(Schema):
    detail: str
    status: str
    status_label: str
