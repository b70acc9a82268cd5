"""The schemas of the online filing API (/api/v1/filings): what comes in and goes out.

Text coming in is cleaned (`lib.text`: no NUL or control characters) and bounded, and
lists are bounded, by the constants the portal's forms use (`filings.limits`); amounts are
read and bounded by `lib.money`. Too much or too long is 422 with a message.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Schema
from pydantic import Field

from tianping.filings.choices import FilingKind, PartyKind, PartyRole, SpecialSubject
from tianping.filings.choices import RepresentativeKind as RepKind
from tianping.filings.limits import (
    ANSWER_LENGTH,
    CLAIMS_LENGTH,
    FACTS_LENGTH,
    KEY_LENGTH,
    NAME_LENGTH,
    party_length,
)
from tianping.lib.money import ApiAmount
from tianping.lib.text import ApiText


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


class FilingPartyIn(Schema):
    role: PartyRole
    kind: PartyKind = PartyKind.NATURAL_PERSON
    name: ApiText(party_length("name")) = ""
    doc_type: ApiText(party_length("doc_type")) = "resident_id"
    id_number: ApiText(party_length("id_number")) = ""
    legal_representative: ApiText(party_length("legal_representative")) = ""
    phone: ApiText(party_length("phone")) = ""
    address: ApiText(party_length("address")) = ""
    was: int | None = Field(
        None,
        description="Position of the party this row replaces: its representatives stay with it.",
    )


class FilingPartyOut(FilingPartyIn):
    position: int
    masked_id_number: str


class RepresentativeIn(Schema):
    party: int = Field(..., description="Position of the party represented.")
    kind: RepKind
    name: ApiText(100)
    id_number: ApiText(40) = ""
    licence_number: ApiText(17) = ""
    law_firm: ApiText(200) = ""
    phone: ApiText(30) = ""


class FilingRepresentativeOut(Schema):
    party: int
    kind: str
    name: str
    licence_number: str
    law_firm: str
    authorisation: str | None


class EvidenceIn(Schema):
    name: ApiText(200)
    source: ApiText(200) = ""
    purpose: ApiText(300) = ""
    attachment: ApiText(NAME_LENGTH) = Field("", description="The ref of an uploaded file.")


class FilingAttachmentOut(Schema):
    ref: str
    kind: str
    name: str
    content_type: str
    size: int
    sha256: str


class FilingEventOut(Schema):
    seq: int
    kind: str
    at: datetime
    text: str


class NoticeOut(Schema):
    items: list[str]
    respond_by: date
    issued_at: datetime


class MediationSteeringOut(Schema):
    """Steering to mediation (分调裁审): the recommendation with its reasons, worded in the
    caller's language, and the choice made ("", consented, declined)."""

    recommended: bool
    rule: str
    reasons: list[str]
    choice: Literal["", "consented", "declined"]
    choice_label: str
    choice_at: datetime | None
    choice_by: str | None
    answered_rule: str = Field(description="The rule the recorded choice answered.")
    can_choose: bool = Field(description="Whether the caller may record a choice now.")


class MediationChoiceIn(Schema):
    choice: Literal["consented", "declined"]


class MyFilingOut(FilingSummaryOut):
    is_livelihood: bool
    is_enterprise: bool
    is_migrant_wages: bool
    special_subject: SpecialSubject | Literal[""] = ""
    subject_detail: str = ""
    election_on: date | None = None
    cause_code: str | None
    cause_name: str | None
    claims: str
    amount: Decimal | None
    facts: str
    parties: list[FilingPartyOut]
    representatives: list[FilingRepresentativeOut]
    evidence: list[EvidenceIn]
    attachments: list[FilingAttachmentOut]
    events: list[FilingEventOut]
    open_notice: NoticeOut | None
    mediation: MediationSteeringOut | None = None


class CreateIn(Schema):
    court_code: ApiText(NAME_LENGTH)
    kind: FilingKind = FilingKind.CIVIL
    is_livelihood: bool = False
    is_enterprise: bool = False
    is_migrant_wages: bool = False


class DraftIn(Schema):
    kind: FilingKind | None = None
    is_livelihood: bool | None = None
    is_enterprise: bool | None = None
    is_migrant_wages: bool | None = None
    claims: ApiText(CLAIMS_LENGTH) | None = None
    amount: ApiAmount = Field(
        None,
        description=(
            'Yuan: a number, or text as people write it ("100万", "1.5万", "100,000"); '
            "at most 9999999999999.99; empty for none."
        ),
    )
    facts: ApiText(FACTS_LENGTH) | None = None
    special_subject: SpecialSubject | Literal[""] | None = Field(
        None, description="A special-procedure application: what it asks."
    )
    subject_detail: ApiText(CLAIMS_LENGTH) | None = Field(
        None, description="A special-procedure application: the person or property concerned."
    )
    election_on: date | None = Field(
        None, description="A voter-qualification case: the election day."
    )
    cause_code: ApiText(NAME_LENGTH) | None = Field(
        None, description="From the catalog in force today."
    )


class SubmitIn(Schema):
    submission_key: ApiText(KEY_LENGTH) | None = None


class AnswerIn(Schema):
    answer: ApiText(ANSWER_LENGTH) = ""
