import datetime
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from tianping.lib.money import ApiAmount
from tianping.lib.text import ApiText


class AppealPeriodOut(Schema):
    party: str
    served_on: datetime.date | None
    last_day: datetime.date | None = Field(description="Last day to appeal (null: not "
                                                       "served, or no appeal lies)")
    days: int
    explanation: list[str]


class AppealOut(Schema):
    code: str
    case: str
    case_number: str
    appellant: str
    channel: str
    status: str
    filed_on: datetime.date
    served_on: datetime.date
    last_day: datetime.date
    late_ground: str
    fee_amount: Decimal
    fee_due_on: datetime.date
    fee_paid_on: datetime.date | None
    appeal_court: str
    transferred_at: datetime.datetime | None
    second_case_number: str | None
    outcome: str
    decided_on: datetime.date | None


class AppealLinkOut(Schema):
    number: str
    code: str | None = Field(description="Null when the caller may not open that case")
    court: str
    stage: str
    state: str


class RetrialOut(Schema):
    code: str
    case_number: str
    applicant: str
    court: str
    status: str
    filed_on: datetime.date
    effective_on: datetime.date
    review_case_number: str | None
    outcome: str


class CaseEffectOut(Schema):
    case: str
    number: str
    closing_document: str | None
    document_kind: str | None
    status: str = Field(description="One sentence in the caller's language")
    effective_on: datetime.date | None
    is_effective: bool
    unserved: list[str]
    periods: list[AppealPeriodOut]
    explanation: list[str]
    appeals: list[AppealOut]
    appeals_heard: list[AppealOut]
    retrials: list[RetrialOut]
    chain: list[AppealLinkOut]


class AppealIn(Schema):
    party: int = Field(description="The appellant: a party of the case the caller acts for")
    grounds: ApiText(5000)
    requests: ApiText(2000)
    amount: ApiAmount = None


class WindowAppealIn(Schema):
    party: int
    grounds: ApiText(5000)
    requests: ApiText(2000)
    amount: ApiAmount = None
    late_ground: str = Field("", max_length=16,
                             description="force_majeure or other (民事诉讼法 art. 86)")
    late_reason: ApiText(2000) = ""


class AppealFeeIn(Schema):
    paid_on: datetime.date
    receipt: ApiText(64)


class AppealOutcomeIn(Schema):
    outcome: str = Field(max_length=16,
                         description="upheld, amended, remanded, withdrawn or mediated")
    decided_on: datetime.date


class RetrialOutcomeIn(Schema):
    outcome: str = Field(max_length=16, description="dismissed, retried_here or remitted")
    decided_on: datetime.date


class RetrialIn(Schema):
    party: int
    grounds: ApiText(5000)


class MediationCloseIn(Schema):
    document: int = Field(description="The id of the mediation document among the case's "
                                      "documents")


class IncomingAppealOut(Schema):
    case: str
    number: str
    court: str
    appellant: str
    transferred_at: datetime.datetime | None


class IncomingRetrialOut(Schema):
    code: str
    case_number: str
    court: str
    applicant: str
    filed_on: datetime.date


class IncomingOut(Schema):
    appeals: list[IncomingAppealOut]
    retrials: list[IncomingRetrialOut]


class LinkedCaseOut(Schema):
    code: str
    number: str
