"""The schemas of the online filing API (/api/v1/filings): what comes in and goes out."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from tianping.filings.choices import FilingKind, PartyKind, PartyRole
from tianping.filings.choices import RepresentativeKind as RepKind


class NextOut(Schema):
    text: str
    url: str | None = None
    to_correct: list[str] = []


class FilingSummaryOut(Schema):
    code: str = Field(..., description="The receipt number.")
    court_code: str
    court_name: str
    kind: str
    status: str
    status_name: str
    created_at: datetime
    submitted_at: datetime | None
    review_due_on: date | None
    case_number: str | None
    next: NextOut


class PartyIn(Schema):
    role: PartyRole
    kind: PartyKind = PartyKind.NATURAL_PERSON
    name: str = Field("", max_length=200)
    doc_type: str = Field("resident_id", max_length=40)
    id_number: str = Field("", max_length=40)
    legal_representative: str = Field("", max_length=100)
    phone: str = Field("", max_length=30)
    address: str = Field("", max_length=300)
    was: int | None = Field(
        None,
        description="Position of the party this row replaces: its representatives stay with it.",
    )


class PartyOut(PartyIn):
    position: int
    masked_id_number: str


class RepresentativeIn(Schema):
    party: int = Field(..., description="Position of the party represented.")
    kind: RepKind
    name: str = Field(..., max_length=100)
    id_number: str = Field("", max_length=40)
    licence_number: str = Field("", max_length=17)
    law_firm: str = Field("", max_length=200)
    phone: str = Field("", max_length=30)


class RepresentativeOut(Schema):
    party: int
    kind: str
    name: str
    licence_number: str
    law_firm: str
    authorisation: str | None


class EvidenceIn(Schema):
    name: str = Field(..., max_length=200)
    source: str = Field("", max_length=200)
    purpose: str = Field("", max_length=300)
    attachment: str = Field("", description="The ref of an uploaded file.")


class AttachmentOut(Schema):
    ref: str
    kind: str
    name: str
    content_type: str
    size: int
    sha256: str


class EventOut(Schema):
    seq: int
    kind: str
    at: datetime
    text: str


class NoticeOut(Schema):
    items: list[str]
    respond_by: date
    issued_at: datetime


class FilingOut(FilingSummaryOut):
    is_livelihood: bool
    is_enterprise: bool
    is_migrant_wages: bool
    cause_code: str | None
    cause_name: str | None
    claims: str
    amount: Decimal | None
    facts: str
    parties: list[PartyOut]
    representatives: list[RepresentativeOut]
    evidence: list[EvidenceIn]
    attachments: list[AttachmentOut]
    events: list[EventOut]
    open_notice: NoticeOut | None


class CreateIn(Schema):
    court_code: str
    kind: FilingKind = FilingKind.CIVIL
    is_livelihood: bool = False
    is_enterprise: bool = False
    is_migrant_wages: bool = False


class DraftIn(Schema):
    kind: FilingKind | None = None
    is_livelihood: bool | None = None
    is_enterprise: bool | None = None
    is_migrant_wages: bool | None = None
    claims: str | None = None
    amount: Decimal | str | None = Field(None, description="Yuan; empty for none.")
    facts: str | None = None
    cause_code: str | None = Field(None, description="From the catalog in force today.")


class SubmitIn(Schema):
    submission_key: str | None = Field(None, max_length=50)


class AnswerIn(Schema):
    answer: str = ""
