"""The shapes of the supervision API (each name its own across the project)."""

import datetime

from ninja import Field, Schema

from tianping.lib.text import ApiList, ApiText
from tianping.supervision.actions import TEXT_MAX
from tianping.supervision.choices import MAX_CASES, ItemStatus, OrderStatus, Reason


def _codes(choices) -> str:
    return ", ".join(v for v in choices.values if v)


class SupervisionIssueIn(Schema):
    reason: str = Field(max_length=16, description=f"One of: {_codes(Reason)}.")
    instructions: ApiText(TEXT_MAX) = Field("", description="Required for the reason other.")
    reply_due_on: datetime.date = Field(description="From today to a year ahead.")
    cases: ApiList(ApiText(40), MAX_CASES) = Field(
        default_factory=list, description="Case codes or case numbers.")
    from_list: str = Field("", max_length=16, description=(
        "Instead of cases: every case of a list the caller sees, overdue or long_pending "
        f"(at most {MAX_CASES})."))
    months: int = Field(12, ge=12, le=36, description="For long_pending: 12, 18 or 36.")


class SupervisionReplyIn(Schema):
    text: ApiText(TEXT_MAX) = Field(description="The judge's reply.")


class SupervisionCloseIn(Schema):
    note: ApiText(TEXT_MAX) = ""


class SupervisedCaseOut(Schema):
    case: str = Field(description="The case's code.")
    case_number: str
    judge: str | None
    status: str = Field(description=f"One of: {_codes(ItemStatus)}.")
    reply: str
    replied_at: datetime.datetime | None
    has_attachment: bool
    closed_at: datetime.datetime | None
    close_note: str


class SupervisionOrderOut(Schema):
    code: str
    court: str = Field(description="The issuing court's code.")
    issued_by: str
    issued_at: datetime.datetime
    reason: str = Field(description=f"One of: {_codes(Reason)}.")
    instructions: str
    reply_due_on: datetime.date
    status: str = Field(description=f"One of: {_codes(OrderStatus)}.")
    closed_at: datetime.datetime | None
    close_note: str
    cases: list[SupervisedCaseOut] = Field(description="The cases the caller reads.")


class SupervisionOrderRowOut(Schema):
    code: str
    court: str
    issued_by: str
    issued_at: datetime.datetime
    reason: str
    reply_due_on: datetime.date
    status: str
    cases: int
    replied: int


class SupervisionOrderPageOut(Schema):
    items: list[SupervisionOrderRowOut]
    next: str | None = Field(description="Pass as `after` for the next page; null on the last.")
