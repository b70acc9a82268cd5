"""Schemas of the funds API. Amounts are decimal strings of yuan with two decimals."""

import datetime
from decimal import Decimal

from ninja import Schema
from pydantic import Field

KEY = Field(None, max_length=80, description="Idempotency key (or the Idempotency-Key "
            "header): the same command sent again does the thing once.")


class FundsEntryOut(Schema):
    id: int
    kind: str
    amount: Decimal
    on: datetime.date
    counterparty: str
    reference: str
    purpose: str
    case_number: str | None


class PayoutOut(Schema):
    id: int
    case_number: str
    payee: str
    party_id: int
    amount: Decimal
    bank: str
    account: str = Field(description="The account number, masked but for its last 4 digits.")
    status: str
    tier: list[str]
    requested_by: str
    decided_by: str | None
    paid_on: datetime.date | None
    bank_reference: str


class DeferralOut(Schema):
    id: int
    case_number: str
    reason: str
    note: str
    status: str
    starts_on: datetime.date | None
    ended_on: datetime.date | None


class CaseFundsOut(Schema):
    case: str
    case_number: str
    balance: Decimal
    pending: Decimal
    available: Decimal
    due_on: datetime.date | None
    deferred: bool
    entries: list[FundsEntryOut]
    payouts: list[PayoutOut]
    deferrals: list[DeferralOut]


class ArrivalIn(Schema):
    amount: Decimal = Field(..., gt=0, max_digits=16, decimal_places=2)
    on: datetime.date | None = None
    payer: str = Field(..., max_length=200)
    reference: str = Field(..., max_length=64)
    purpose: str = Field("", max_length=200)
    case_number: str = Field("", max_length=40, description="Empty: the master account.")
    key: str | None = KEY


class ClaimIn(Schema):
    arrival: int


class PayoutIn(Schema):
    party_id: int
    representative_id: int | None = Field(None, description="Pay the party's agent instead.")
    amount: Decimal = Field(..., gt=0, max_digits=16, decimal_places=2)
    bank: str = Field(..., max_length=100)
    account_name: str = Field(..., max_length=200)
    account_number: str = Field(..., max_length=40)
    note: str = Field("", max_length=500)
    key: str | None = KEY


class FundsDecisionIn(Schema):
    approve: bool
    note: str = Field("", max_length=500)


class PayIn(Schema):
    reference: str = Field("", max_length=64)
    key: str | None = KEY


class DeferralIn(Schema):
    reason: str = Field(..., max_length=16)
    note: str = Field(..., max_length=500)


class OutflowIn(Schema):
    kind: str = Field(..., pattern="^(fee|refunded|deposited)$")
    amount: Decimal = Field(..., gt=0, max_digits=16, decimal_places=2)
    counterparty: str = Field("", max_length=200)
    reference: str = Field("", max_length=64)
    purpose: str = Field("", max_length=200)
    key: str | None = KEY


class StatementIn(Schema):
    month: str = Field(..., pattern=r"^\d{4}-(0[1-9]|1[0-2])$")


class DifferenceOut(Schema):
    what: str
    reference: str
    on: datetime.date
    ledger_amount: Decimal | None
    statement_amount: Decimal | None
    case_number: str
    line: int | None


class ReconciliationOut(Schema):
    month: str
    statement_imported: bool
    differences: list[DifferenceOut]
    unclaimed_at_month_end: Decimal


class EntryPageOut(Schema):
    items: list[FundsEntryOut]
    next: str | None


class PayoutPageOut(Schema):
    items: list[PayoutOut]
    next: str | None


class ApprovalsOut(Schema):
    payouts: list[PayoutOut]
    deferrals: list[DeferralOut]
