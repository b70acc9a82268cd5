"""A filing's printable documents are laid out once and then served as kept: asking for a
receipt or a ruling again (a probe asked again and again, a minute of CPU each) costs no
new layout. A document whose content changed is laid out once more."""

import pytest

from tianping.filings import actions
from tianping.filings.models import Filing, FilingDocument
from tianping.filings.tests.test_online_filing_api import API, bearer
from tianping.filings.tests.test_review_pages import make_filing
from tianping.lib import pdf

pytestmark = pytest.mark.django_db
REASONS = "起诉不符合法定条件：原告与本案没有直接利害关系。"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def layouts(monkeypatch) -> list:
    """Every PDF laid out, by the real renderer."""
    made = []
    real = pdf.html_to_pdf

    def counting(html):
        made.append(html)
        return real(html)

    monkeypatch.setattr(pdf, "html_to_pdf", counting)
    return made


@pytest.fixture
def clerk(client, demo, login):
    return login(demo["lixia"])


def test_the_receipt_is_laid_out_once_for_the_portal_and_the_api(demo, login, layouts):
    filing = make_filing(demo)
    portal = login(demo["zhangsan"])
    portal.cookies["django_language"] = "en"  # the language of the API client
    api = bearer(demo["zhangsan"])

    answers = [
        portal.get(f"/portal/filings/{filing.code}/receipt.pdf"),
        portal.get(f"/portal/filings/{filing.code}/receipt.pdf"),
        api.get(f"{API}/{filing.code}/receipt.pdf"),
        api.get(f"{API}/{filing.code}/receipt.pdf"),
    ]

    assert [a.status_code for a in answers] == [200] * 4
    assert answers[0].content.startswith(b"%PDF")
    assert all(a.content == answers[0].content for a in answers)
    assert len(layouts) == 1 and FilingDocument.objects.get().name == "receipt"


def test_a_receipt_whose_parties_were_corrected_is_laid_out_again(demo, login, layouts):
    filing = make_filing(demo)
    portal = login(demo["zhangsan"])
    first = portal.get(f"/portal/filings/{filing.code}/receipt.pdf").content
    actions.request_correction(
        filing, actor=demo["lixia"], items=["补充被告住址"], respond_by=filing.review_due_on
    )
    filing = Filing.objects.get(pk=filing.pk)
    parties = [
        {**p, "name": "李四（更正）"} if p["role"] == "defendant" else p
        for p in filing.parties.values("role", "kind", "name", "doc_type", "id_number")
    ]
    actions.set_parties(filing, parties, actor=demo["zhangsan"])

    second = portal.get(f"/portal/filings/{filing.code}/receipt.pdf").content
    again = portal.get(f"/portal/filings/{filing.code}/receipt.pdf").content

    assert first != second == again and len(layouts) == 2
    assert "李四（更正）" in layouts[1] and "李四（更正）" not in layouts[0]


def test_the_ruling_and_the_correction_notice_are_laid_out_once(demo, clerk, layouts):
    corrected = make_filing(demo)
    actions.request_correction(
        corrected, actor=demo["lixia"], items=["补充证据"], respond_by=corrected.review_due_on
    )
    refused = make_filing(demo)
    proposal = actions.propose_refusal(refused, actor=demo["lixia"], basis="cpl_122",
                                       reasons=REASONS)
    actions.decide_refusal(proposal, actor=demo["wangjun"], refuse=True)
    urls = [
        f"/filing-review/{corrected.code}/correction-notice.pdf",
        f"/filing-review/{refused.code}/refusal-ruling.pdf",
    ]

    answers = [clerk.get(url) for url in urls + urls]

    assert [a.status_code for a in answers] == [200] * 4
    assert answers[0].content == answers[2].content and answers[1].content == answers[3].content
    assert len(layouts) == 2 and REASONS in layouts[1]


def test_a_kept_document_whose_file_was_lost_is_laid_out_again(demo, login, layouts):
    filing = make_filing(demo)
    portal = login(demo["zhangsan"])
    portal.get(f"/portal/filings/{filing.code}/receipt.pdf")
    kept = FilingDocument.objects.get()
    kept.file.storage.delete(kept.file.name)

    response = portal.get(f"/portal/filings/{filing.code}/receipt.pdf")

    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert len(layouts) == 2 and FilingDocument.objects.count() == 1
