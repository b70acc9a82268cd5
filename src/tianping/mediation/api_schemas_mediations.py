"""Schemas of the mediations in the REST API (api_mediations): what is read, in the
reader's language, and what each act takes, bounded as the pages' forms bound it."""

import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator

from tianping.filings.limits import MAX_PARTIES
from tianping.lib.text import ApiList, ApiText
from tianping.mediation import actions_mediations as limits
from tianping.mediation.choices import (
    Answer,
    FailureReason,
    MediationKind,
    MediationStatus,
    MediatorKind,
    SessionMode,
    SessionStatus,
)

ID = Field(..., ge=1, le=2**62)
CODE_PATTERN = r"^[A-Za-z0-9]+$"
ACTIONS = ("appoint", "accept", "decline", "answer", "schedule", "record_session",
           "cancel_session", "extend", "end", "withdraw")
TABS = ("open", "awaiting", "appointed", "in_progress", "ended")


def _codes(choices) -> str:
    return ", ".join(choices.values)


def _plausible(value: datetime.datetime) -> datetime.datetime:
    if not 2000 <= value.year <= 2100:
        raise ValueError("A time between the years 2000 and 2100.")
    return value


When = Annotated[datetime.datetime, AfterValidator(_plausible)]
PartyIds = ApiList(Annotated[int, Field(ge=1, le=2**62)], MAX_PARTIES)


# Read


class MediationAssignedMediatorOut(Schema):
    id: int
    name: str
    kind: str = Field(description=f"One of: {_codes(MediatorKind)}.")
    kind_label: str


class MediationListItemOut(Schema):
    code: str
    number: str
    status: str = Field(description=f"One of: {_codes(MediationStatus)}.")
    status_label: str
    kind: str = Field(description=f"One of: {_codes(MediationKind)}.")
    kind_label: str
    court: str = Field(description="The court's code.")
    mediator: str | None = Field(description="The mediator's name; null before appointment.")
    applied_on: datetime.date
    due_on: datetime.date | None = Field(description="The date the mediation waits for now.")
    due_label: str = Field(description="What that date is, in the reader's language.")
    late: bool


class MediationClockOut(Schema):
    clock: str = Field(description="appointment, acceptance or period.")
    label: str
    due_on: datetime.date
    steps: list[str] = Field(description="How the date was reached, in the reader's language.")


class MediationPartyOut(Schema):
    id: int = Field(description="To name the party in an answer, an attendance or an "
                                "agreement to extend.")
    role: str
    role_label: str
    name: str


class MediationPartyAnswerOut(Schema):
    party: int
    party_name: str
    answer: str = Field(description=f"One of: {_codes(Answer)}.")
    answer_label: str
    note: str
    answered_at: datetime.datetime


class MediationSessionOut(Schema):
    id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    mode: str = Field(description=f"One of: {_codes(SessionMode)}.")
    mode_label: str
    link: str = Field(description="The video link of an online session.")
    room: str | None = Field(description="The mediation room's name.")
    place: str
    status: str = Field(description=f"One of: {_codes(SessionStatus)}.")
    status_label: str
    attended: list[int] | None = Field(
        description="The parties present (ids); only for who conducts the mediation.")
    record: str | None = Field(description="The record (笔录); only for who conducts it.")


class MediationEventDetailOut(Schema):
    caption: str
    value: str


class MediationEventOut(Schema):
    seq: int
    kind: str
    label: str
    at: datetime.datetime
    actor: str | None
    details: list[MediationEventDetailOut]


class MediationDetailOut(MediationListItemOut):
    speciality: str
    mediator: MediationAssignedMediatorOut | None = Field(  # the list gives the name only
        description="The mediator appointed; null before appointment.")
    preferred_mediator: str | None = Field(description="The mediator the applicant chose.")
    chosen_mediator: str | None = Field(
        None, description="The mediator every party chose together (在线调解规则 art. 10).")
    appointed_on: datetime.date | None
    accepted_on: datetime.date | None
    ends_on: datetime.date | None
    ended_on: datetime.date | None
    agreed_days: int
    failure_reason: str = Field(description=f"One of: {_codes(FailureReason)}; or empty.")
    failure_reason_label: str
    report: str = Field(description="The mediator's report at the end.")
    undisputed_facts: str
    filing: str | None = Field(description="The code of the dispute's filing.")
    filing_status_label: str | None
    clocks: list[MediationClockOut]
    parties: list[MediationPartyOut]
    cause: str | None
    claims: str
    facts: str | None = Field(description="For the mediator and the filing division only.")
    answers: list[MediationPartyAnswerOut]
    sessions: list[MediationSessionOut]
    events: list[MediationEventOut]
    allowed_actions: list[str] = Field(
        description=f"What the reader may do now, of: {', '.join(ACTIONS)}.")
    answerable_parties: list[int] = Field(
        description="The parties whose answer to the invitation the reader may give now.")


class MediationRecommendedOut(Schema):
    mediator: MediationAssignedMediatorOut
    township: str
    capacity: int
    open_count: int
    reasons: list[str]
    warnings: list[str] = Field(description="To override with a reason when appointing.")


# Acts


class MediationApplicationIn(Schema):
    filing: str = Field(min_length=1, max_length=12, pattern=CODE_PATTERN,
                        description="The code of your draft (its papers are the application).")
    mediator: int | None = Field(None, ge=1, le=2**62,
                                 description="A mediator of the court's roster; null: let "
                                             "the court recommend and appoint one.")


class MediationAppointIn(Schema):
    mediator: int = ID
    override: ApiText(limits.NOTE_LENGTH) = Field(
        "", description="The reason to appoint despite the warnings.")


class MediationReferCaseIn(Schema):
    mediator: int = ID
    consented_parties: PartyIds = Field(description="Every party's id: all must consent.")
    override: ApiText(limits.NOTE_LENGTH) = Field(
        "", description="The reason to appoint despite the warnings.")


class MediationDeclineIn(Schema):
    reason: ApiText(limits.NOTE_LENGTH)


class MediationAnswerIn(Schema):
    party: int = ID
    answer: str = Field(max_length=12, description=f"One of: {_codes(Answer)}.")
    mediator: int | None = Field(None, ge=1, le=2**62, description=(
        "The mediator this party chooses (with a yes, before one is appointed): named alike "
        "by every party within 2 working days, the court appoints them."))
    note: ApiText(limits.NOTE_LENGTH) = ""


class MediationSessionIn(Schema):
    starts_at: When
    ends_at: When
    mode: str = Field(max_length=12, description=f"One of: {_codes(SessionMode)}.")
    link: ApiText(500) = Field("", description="For an online session: https://...")
    station: int | None = Field(None, ge=1, le=2**62, description="A mediation room's id.")
    place: ApiText(200) = Field("", description="Where, for a session held elsewhere.")


class MediationSessionRecordIn(Schema):
    attended: PartyIds = Field(description="The ids of the parties present.")
    record: ApiText(limits.RECORD_LENGTH)


class MediationExtendIn(Schema):
    days: int = Field(ge=1, le=limits.MAX_AGREED_DAYS)
    agreed_parties: PartyIds = Field(description="Every party's id: all must agree.")
    note: ApiText(limits.NOTE_LENGTH) = ""


class MediationEndIn(Schema):
    outcome: str = Field(max_length=12, description="settled or failed.")
    reason: str = Field("", max_length=24, description=f"When failed, one of: "
                                                      f"{_codes(FailureReason)}.")
    report: ApiText(limits.REPORT_LENGTH) = ""
    undisputed_facts: ApiText(limits.REPORT_LENGTH) = ""
