"""The shapes of the enforcement API (each name its own across the project)."""

import datetime
from decimal import Decimal

from ninja import Field, Schema

from tianping.enforcement.actions import TEXT_MAX
from tianping.enforcement.choices import ClosingMode, MilestoneKind, TitleKind
from tianping.lib.money import ApiAmount
from tianping.lib.text import ApiText


def _codes(choices) -> str:
    return ", ".join(v for v in choices.values if v)


class EnforcementApplyIn(Schema):
    amount: ApiAmount = Field(description="Amount applied for, yuan.")
    request: ApiText(TEXT_MAX) = Field(description="What the court is asked to enforce.")


class EnforcementTitleIn(Schema):
    title_kind: str = Field(max_length=24, description=f"One of: {_codes(TitleKind)}.")
    title_number: ApiText(80) = ""
    issuing_body: ApiText(200) = ""
    title_effective_on: datetime.date | None = None
    amount_applied: ApiAmount = None
    request: ApiText(TEXT_MAX) = ""
    applicant_name: ApiText(200) = ""
    respondent_name: ApiText(200) = ""
    is_major: bool = False


class EnforcementAssignIn(Schema):
    officer: int = Field(description="The user id of an enforcement officer of the court.")
    reason: ApiText(300) = ""


class EnforcementMajorIn(Schema):
    major: bool


class EnforcementMilestoneIn(Schema):
    kind: str = Field(max_length=32, description=f"One of: {_codes(MilestoneKind)}.")
    done_on: datetime.date
    amount: ApiAmount = None
    note: ApiText(TEXT_MAX) = ""


class EnforcementCloseIn(Schema):
    mode: str = Field(max_length=24, description=f"One of: {_codes(ClosingMode)}.")
    closed_on: datetime.date
    note: ApiText(TEXT_MAX) = ""


class EnforcementCheckIn(Schema):
    done_on: datetime.date
    note: ApiText(TEXT_MAX) = ""


class EnforcementClueIn(Schema):
    text: ApiText(TEXT_MAX)


class EnforcementReplyIn(Schema):
    reply: ApiText(TEXT_MAX)


class EnforcementMilestoneOut(Schema):
    kind: str
    done_on: datetime.date
    amount: Decimal | None
    note: str | None = Field(description="Staff only; null for parties.")


class EnforcementClueOut(Schema):
    code: str
    text: str
    reported_on: datetime.date
    due_on: datetime.date
    status: str
    reply: str


class EnforcementStepOut(Schema):
    code: str
    label: str
    due_on: datetime.date | None
    done_on: datetime.date | None
    state: str = Field(description="done, due, overdue or waiting.")


class EnforcementOut(Schema):
    case: str
    case_number: str
    title_kind: str
    title_number: str
    issuing_body: str
    title_effective_on: datetime.date | None
    origin_case: str | None
    amount_applied: Decimal | None
    amount_recovered: Decimal
    applicant: str
    respondent: str
    is_major: bool
    officer: str | None
    assigned_on: datetime.date | None
    closing_mode: str
    closed_on: datetime.date | None
    met_preconditions: bool
    next_check_on: datetime.date | None
    milestones: list[EnforcementMilestoneOut]
    checklist: list[EnforcementStepOut]
    missing_for_termination: list[str]
    clues: list[EnforcementClueOut]


class EnforcementRowOut(Schema):
    case: str
    case_number: str
    filed_on: datetime.date
    is_major: bool
    amount_applied: Decimal | None
    officer: str | None
    next_check_on: datetime.date | None


class EnforcementRowPageOut(Schema):
    items: list[EnforcementRowOut]
    next: str | None


class EnforcementCluePageOut(Schema):
    items: list[EnforcementClueOut]
    next: str | None


class EnforcementFiguresOut(Schema):
    closed_by_mode: dict[str, int]
    terminated_current: int
    terminated_current_qualified: int
    sum_applied: Decimal
    sum_recovered: Decimal
    average_days: Decimal | None


class EnforcementFilingOut(Schema):
    filing: str = Field(description="The code of the filing handed in for review.")
