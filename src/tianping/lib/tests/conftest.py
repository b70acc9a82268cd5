"""Fixtures for the append-only tests: a filing and its case with their timelines, and
what each append-only table is (its model, a text column to rewrite, its unique keys)."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.cases.models import CaseEvent
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.filings.models import FilingEvent
from tianping.flows.filing import accept_filing
from tianping.flows.mediation import apply_for_mediation
from tianping.funds.models import Entry
from tianping.mediation import actions_mediations as mediation_actions
from tianping.mediation.models import MediationEvent, Mediator

PLAINTIFF = {
    "role": "plaintiff",
    "kind": "natural",
    "name": "张三",
    "doc_type": "resident_id",
    "id_number": "152502198503120022",
}
DEFENDANT = {
    "role": "defendant",
    "kind": "natural",
    "name": "李四",
    "doc_type": "resident_id",
    "id_number": "110105199001011232",
    "phone": "13800000000",
}


@pytest.fixture
def filed(demo):
    """A filing handed in online and accepted by the clerk: both timelines have events,
    and the audit record has their entries."""
    filer, today = demo["zhangsan"], timezone.localdate()
    filing = actions.start_filing(
        actor=filer, court=Court.objects.get(code="内2502"), channel=Channel.ONLINE, filer=filer
    )
    actions.save_draft(
        filing,
        actor=filer,
        claims="判令被告归还借款",
        facts="被告借款未还",
        amount=Decimal("20000"),
    )
    actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=filer)
    filing = actions.submit_filing(filing, actor=filer, today=today)
    case = accept_filing(filing, actor=demo["lixia"], today=today)
    filing.refresh_from_db()
    # and a dispute taken to pre-filing mediation: its timeline has events too
    draft = actions.start_filing(
        actor=filer, court=filing.court, channel=Channel.ONLINE, filer=filer
    )
    actions.save_draft(draft, actor=filer, claims="调解", facts="借款未还", amount=Decimal("500"))
    actions.set_parties(draft, [PLAINTIFF, DEFENDANT], actor=filer)
    mediation = apply_for_mediation(draft, actor=filer, today=today)
    mediation_actions.appoint(
        mediation, Mediator.objects.get(user=demo["hutao"]), actor=demo["lixia"], today=today,
        override="测试",
    )
    # and two movements of case funds in the court's master account (the funds ledger)
    for n in (1, 2):
        Entry.objects.create(court=filing.court, kind="arrived", amount=Decimal("100.00"),
                             on=today, actor=demo["qianhui"], reference=f"T{n}")
    return {"filing": filing, "case": case, "mediation": mediation}


@dataclass(frozen=True)
class Table:
    """One append-only table, for tests that attack it with SQL."""

    model: type
    text: str  # a text column an attacker would rewrite
    owner: str | None = None  # with seq, the second unique key (owner_id, seq)

    @property
    def name(self) -> str:
        return self.model._meta.db_table

    @property
    def columns(self) -> list[str]:
        return [f.column for f in self.model._meta.concrete_fields]

    def copy_sql(self, rewrite: dict[str, str], *, keep_id: bool = True) -> str:
        """INSERT INTO table (columns) SELECT the row %s, with REWRITE applied."""
        columns = [c for c in self.columns if keep_id or c != "id"]
        values = [rewrite.get(c, c) for c in columns]
        return (
            f"INTO {self.name} ({', '.join(columns)}) "
            f"SELECT {', '.join(values)} FROM {self.name} WHERE id = %s"
        )

    def snapshot(self, cursor) -> list[tuple]:
        cursor.execute(f"SELECT {', '.join(self.columns)} FROM {self.name} ORDER BY id")
        return [tuple(str(v) for v in row) for row in cursor.fetchall()]


APPEND_ONLY = {
    "audit": Table(AuditEntry, "action"),
    "filing": Table(FilingEvent, "kind", owner="filing_id"),
    "case": Table(CaseEvent, "kind", owner="case_id"),
    "mediation": Table(MediationEvent, "kind", owner="mediation_id"),
    "funds": Table(Entry, "reference"),
}


@pytest.fixture(params=sorted(APPEND_ONLY))
def table(request, filed) -> Table:
    """Each append-only table in turn, with rows in it (those of `filed`)."""
    found = APPEND_ONLY[request.param]
    assert found.model._base_manager.count() >= 2
    return found
