"""The schemas of the filing review API (/api/v1/filing-review): what comes in and goes out."""

import datetime
from decimal import Decimal

from django.utils import timezone
from ninja import Schema

from tianping.filings.choices import Channel, FilingKind, PartyKind, PartyRole
from tianping.filings.review.forms import resolve_cause

FILING_FIELDS = ["kind", "claims", "amount", "facts", "is_livelihood", "is_enterprise"]
FILING_FIELDS += ["is_migrant_wages"]


class PartyIn(Schema):
    role: PartyRole
    kind: PartyKind = PartyKind.NATURAL_PERSON
    name: str
    doc_type: str = ""
    id_number: str = ""
    legal_representative: str = ""
    phone: str = ""
    address: str = ""


class FilingDataIn(Schema):
    kind: FilingKind = FilingKind.CIVIL
    cause: str = ""
    claims: str
    amount: Decimal | None = None
    facts: str
    is_livelihood: bool = False
    is_enterprise: bool = False
    is_migrant_wages: bool = False
    parties: list[PartyIn]

    def fields(self) -> dict:
        """The draft fields for the actions, the cause code resolved in today's catalog."""
        data = {name: getattr(self, name) for name in FILING_FIELDS}
        data["cause"] = resolve_cause(self.cause.strip(), on=timezone.localdate())
        return data


class WindowIn(FilingDataIn):
    court: str
    channel: Channel = Channel.WINDOW
    service_point: str | None = None  # its name, for filing at a service point
    file_now: bool = False
    submission_key: str | None = None


class CrossRegionIn(FilingDataIn):
    court: str
    assisting_court: str | None = None
    forward: bool = False


class DecisionIn(Schema):
    expected_status: str | None = None


class CorrectionIn(DecisionIn):
    items: list[str]
    respond_by: datetime.date | None = None


class RefusalIn(DecisionIn):
    reasons: str


class TransferIn(DecisionIn):
    to_court: str
    reason: str


class PartyOut(Schema):
    role: str
    role_label: str
    kind: str
    name: str
    doc_type: str
    id_number_masked: str


class RowOut(Schema):
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
    parties: list[PartyOut]
    case_number: str | None


class EventOut(Schema):
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


class AttachmentOut(Schema):
    id: int
    kind: str
    name: str
    content_type: str
    size: int
    url: str


class FilingOut(RowOut):
    cause: str | None
    claims: str
    amount: Decimal | None
    facts: str
    refusal_reasons: str
    transferred_to: str | None
    corrections: list[CorrectionOut]
    attachments: list[AttachmentOut]
    events: list[EventOut]
    documents: dict[str, str]


class ConflictOut(Schema):
    detail: str
    status: str
    status_label: str
