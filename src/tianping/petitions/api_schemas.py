"""The shapes of the petitions API (each name its own across the project)."""

import datetime

from ninja import Field, Schema

from tianping.lib.text import ApiList, ApiText
from tianping.petitions.choices import MAX_CASES, TEXT_MAX, Decision, Route, Satisfaction


def _codes(choices) -> str:
    return ", ".join(v for v in choices.values if v)


class PetitionIn(Schema):
    court: str = Field(max_length=20, description="The court's code, e.g. 内2502.")
    channel: str = Field("online", max_length=8,
                         description="visit, letter, online or video (online for litigants).")
    name: ApiText(100) = Field("", description="The petitioner (window only).")
    id_number: ApiText(40) = Field("", description="Resident identity number; checked.")
    phone: ApiText(30) = ""
    address: ApiText(200) = ""
    matter: ApiText(TEXT_MAX)
    requests: ApiText(TEXT_MAX)
    cases: ApiList(ApiText(40), MAX_CASES) = Field(default_factory=list,
                                                   description="Case numbers or codes.")
    received_on: datetime.date | None = None


class PetitionClassifyIn(Schema):
    decision: str = Field(max_length=12, description=f"One of: {_codes(Decision)}.")
    route: str = Field("", max_length=24, description=f"For route: {_codes(Route)}.")
    note: ApiText(TEXT_MAX) = ""


class PetitionAssignIn(Schema):
    handler: int | None = Field(None, description="A staff member's id.")
    division: int | None = Field(None, description="A division's id.")


class PetitionReplyIn(Schema):
    text: ApiText(TEXT_MAX)


class PetitionReasonIn(Schema):
    reason: ApiText(TEXT_MAX)


class PetitionDecideIn(Schema):
    grant: bool


class PetitionRateIn(Schema):
    satisfaction: str = Field(max_length=16, description=f"One of: {_codes(Satisfaction)}.")
    comment: ApiText(1000) = ""


class PetitionReviewIn(Schema):
    reasons: ApiText(TEXT_MAX)


class PetitionResultIn(Schema):
    result: ApiText(TEXT_MAX)


class PetitionLinkIn(Schema):
    earlier: str = Field(max_length=12)


class PetitionEventOut(Schema):
    seq: int
    kind: str
    label: str
    at: datetime.datetime
    details: dict


class PetitionFileOut(Schema):
    id: int
    name: str
    size: int


class PetitionOut(Schema):
    code: str
    court: str
    channel: str
    name: str
    id_number: str = Field(description="Masked.")
    matter: str
    requests: str
    cases: list[str]
    status: str
    received_on: datetime.date
    acceptance_due_on: datetime.date
    due_on: datetime.date | None
    overdue: bool
    route: str
    decision_note: str
    reply_due_on: datetime.date | None
    reply: str
    replied_at: datetime.datetime | None
    satisfaction: str
    review_due_on: datetime.date | None
    recheck_due_on: datetime.date | None
    earlier: list[str]
    files: list[PetitionFileOut]
    has_reply_file: bool
    events: list[PetitionEventOut]


class PetitionRowOut(Schema):
    code: str
    name: str
    channel: str
    status: str
    received_on: datetime.date
    due_on: datetime.date | None
    repeats: int


class PetitionPageOut(Schema):
    items: list[PetitionRowOut]
    next: str | None


class ReceptionIn(Schema):
    court: str = Field(max_length=20)
    leader: int
    day: datetime.date
    starts_at: datetime.time
    ends_at: datetime.time
    place: ApiText(120)
    topics: ApiText(300) = ""
    capacity: int = Field(10, ge=1, le=100)


class ReceptionOut(Schema):
    id: int
    court: str
    leader: str
    day: datetime.date
    starts_at: datetime.time
    ends_at: datetime.time
    place: str
    topics: str
    capacity: int
    booked: int


class BookingIn(Schema):
    petition: str = Field("", max_length=12)


class ReceiveIn(Schema):
    petition: str = Field(max_length=12)
    note: ApiText(TEXT_MAX) = ""
