"""Every change of a filing's papers leaves a record: on the filing's timeline once handed
in (answering a correction), in the audit log while it is the filer's draft."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.audit.models import AuditEntry
from tianping.filings import actions
from tianping.filings.choices import AttachmentKind, FilingStatus
from tianping.filings.events import filing_timeline
from tianping.filings.tests.test_journey_actions import (
    DEFENDANT,
    PLAINTIFF,
    TODAY,
    _draft,
    court,  # noqa: F401  (fixture)
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _kinds(filing):
    return [e.kind for e in filing.events.order_by("seq")]


def _under_correction(demo, court):  # noqa: F811
    filing = actions.submit_filing(_draft(demo, court), actor=demo["zhangsan"], today=TODAY)
    actions.request_correction(
        filing,
        actor=demo["lixia"],
        items=["补充被告信息"],
        respond_by=TODAY + datetime.timedelta(days=10),
        today=TODAY,
    )
    filing.refresh_from_db()
    assert filing.status == FilingStatus.CORRECTION_REQUESTED
    return filing


def test_changes_while_answering_a_correction_are_on_the_timeline(demo, court):  # noqa: F811
    filing = _under_correction(demo, court)
    filer = demo["zhangsan"]
    third = {**DEFENDANT, "name": "王五", "id_number": "110105199003071230"}

    actions.set_parties(filing, [PLAINTIFF, DEFENDANT, third], actor=filer)
    actions.save_evidence(filing, [{"name": "借条", "source": "原告", "purpose": "借款事实"}],
                          actor=filer)
    actions.add_representative(
        filing, actor=filer, party=0, kind="lawyer", name="赵律师",
        licence_number="11101200010000001", law_firm="某律师事务所",
        authorisation=SimpleUploadedFile("委托书.pdf", PDF),
    )
    actions.remove_representative(filing, 0, actor=filer)

    kinds = _kinds(filing)
    for kind in ("parties_changed", "evidence_changed", "representative_added",
                 "representative_removed", "file_added"):
        assert kind in kinds, kind
    changed = filing.events.get(kind="parties_changed")
    assert changed.details["parties"] == ["张三", "李四", "王五"]
    assert "王五" in filing_timeline.sentence(changed)
    assert filing.events.get(kind="representative_added").details["representative"] == "赵律师"
    # each is in the audit log as well, by the filer
    assert AuditEntry.objects.filter(action="filing.parties_changed", actor=filer).exists()


def test_saving_the_same_papers_again_records_nothing_new(demo, court):  # noqa: F811
    filing = _under_correction(demo, court)
    before = _kinds(filing)
    actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=demo["zhangsan"])
    actions.save_evidence(filing, [], actor=demo["zhangsan"])
    assert _kinds(filing) == before


def test_a_drafts_changes_go_to_the_audit_log_not_the_timeline(demo, court):  # noqa: F811
    filing = _draft(demo, court)
    assert AuditEntry.objects.filter(action="filing.draft_saved", object_id=str(filing.pk)).exists()
    assert AuditEntry.objects.filter(
        action="filing.parties_changed", object_id=str(filing.pk)
    ).exists()
    assert _kinds(filing) == ["drafted"]
    actions.attach_file(filing, SimpleUploadedFile("借条.pdf", PDF), actor=demo["zhangsan"],
                        kind=AttachmentKind.EVIDENCE)
    assert "file_added" in _kinds(filing)
