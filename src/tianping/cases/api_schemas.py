"""The shapes of the cases API: what it answers (a list row, a case with its parties,
timeline, documents and the filing's papers, the dashboard) and what it takes."""

import datetime
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Schema

from tianping.cases.reads import GREEN_FLAGS, short_parties


class CaseRowOut(Schema):
    """A row of the case list (read as plain values; `CaseOut` adds the rest of a case)."""

    code: str
    number: str
    court: str
    division: str | None
    team: str | None
    judge: str | None
    judge_name: str | None
    cause: str | None
    parties: str
    procedure: str
    track: str
    state: str
    green: list[str]
    filed_on: datetime.date
    closed_on: datetime.date | None
    days_pending: int
    fee_overdue: bool = Field(
        False,
        description="The acceptance fee is unpaid past its due date (no relief pending): the "
        "case may be treated as withdrawn (按撤诉处理).",
    )


class CasePageOut(Schema):
    items: list[CaseRowOut]
    next: str | None = Field(description="Pass as `after` for the next page; null on the last.")


class CaseRepresentativeOut(Schema):
    kind: str
    name: str
    law_firm: str


class CasePartyOut(Schema):
    role: str
    kind: str
    name: str
    doc_type: str
    id_number_masked: str
    representatives: list[CaseRepresentativeOut]

    @staticmethod
    def resolve_id_number_masked(party):
        return party.masked_id_number

    @staticmethod
    def resolve_representatives(party):
        return list(party.representatives.all())


class CaseEventOut(Schema):
    seq: int
    kind: str
    at: datetime.datetime
    actor: str | None
    acted_for: str | None
    is_public: bool
    details: dict

    @staticmethod
    def resolve_actor(event):
        return event.actor.username if event.actor_id else None

    @staticmethod
    def resolve_acted_for(event):
        return event.acted_for.username if event.acted_for_id else None


class CaseDocumentOut(Schema):
    title: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime.datetime


class EvidenceOut(Schema):
    name: str
    source: str
    purpose: str
    file: str | None = Field(description="The `key` of its file among `filing_files`.")

    @staticmethod
    def resolve_file(line):
        return line.attached.key if line.attached else None


class FilingFileOut(Schema):
    key: str = Field(description="Download at /api/v1/cases/{code}/filing-files/{key}.")
    kind: str
    name: str
    content_type: str
    size: int
    uploaded_at: datetime.datetime
    authorises: str | None = Field(description="Whose power of attorney it is, if it is one.")

    @staticmethod
    def resolve_name(item):
        return item.original_name

    @staticmethod
    def resolve_authorises(item):
        return item.authorises.name if item.authorises else None


class CaseOut(CaseRowOut):
    type_code: str
    claims: str
    facts: str = Field(description="The complaint's facts and reasons.")
    evidence: list[EvidenceOut]
    filing_files: list[FilingFileOut]
    amount: Decimal | None
    triage_reasons: list[str] = Field(
        description="Why the case took its track, in the request's language."
    )
    closure_mode: str
    closure_note: str
    allowed_actions: list[str]
    party_list: list[CasePartyOut]
    events: list[CaseEventOut]
    documents: list[CaseDocumentOut]

    @staticmethod
    def resolve_court(case):
        return case.court.code

    @staticmethod
    def resolve_triage_reasons(case):
        return case.triage_reason_texts()

    @staticmethod
    def resolve_facts(case):
        return case.papers.filing.facts if case.papers else ""

    @staticmethod
    def resolve_evidence(case):
        return case.papers.evidence if case.papers else []

    @staticmethod
    def resolve_filing_files(case):
        return case.papers.files if case.papers else []

    @staticmethod
    def resolve_division(case):
        return case.division.name if case.division_id else None

    @staticmethod
    def resolve_team(case):
        return case.team.name if case.team_id else None

    @staticmethod
    def resolve_judge(case):
        return case.judge.username if case.judge_id else None

    @staticmethod
    def resolve_judge_name(case):
        return str(case.judge) if case.judge_id else None

    @staticmethod
    def resolve_cause(case):
        return case.cause.name if case.cause_id else None

    @staticmethod
    def resolve_parties(case):
        return short_parties(case)

    @staticmethod
    def resolve_green(case):
        return [f for f in GREEN_FLAGS if getattr(case, f"is_{f}")]

    @staticmethod
    def resolve_days_pending(case):
        return case.days_pending(timezone.localdate())

    @staticmethod
    def resolve_party_list(case):
        return list(case.parties.prefetch_related("representatives"))

    @staticmethod
    def resolve_events(case):
        return list(case.events.select_related("actor", "acted_for"))

    @staticmethod
    def resolve_documents(case):
        return list(case.documents.all())


class CaseFilters(Schema):
    after: str | None = Field(None, max_length=500, description="The `next` of the page before.")
    limit: int = Field(50, ge=1, le=100)
    q: str = Field(
        "", max_length=100, description="A part of the case number, a party's name or the cause."
    )
    state: str = ""
    court: str = ""
    division: int | None = None
    judge: str = ""
    mine: bool = False


class AssignIn(Schema):
    judge: str
    reason: str


class CloseIn(Schema):
    mode: str
    closed_on: datetime.date
    note: str = ""


class DashboardRowOut(Schema):
    court: str
    division: str
    received: int
    closed: int
    pending_at_start: int
    pending: int
    clearance: float | None
    closure_rate: float | None


class DashboardOut(Schema):
    start: datetime.date
    end: datetime.date
    courts: list[str]
    rows: list[DashboardRowOut]
    total: DashboardRowOut
    formulas: list[str]
