"""The judge's case page lists the documents the court issued on the filing (the notice of
acceptance, the defendants' notice to respond) and opens them, for staff who may read the
case; each read is in the audit record."""

import pytest

from tianping.audit.models import AuditEntry
from tianping.cases.tests.test_case_pages import make_case

pytestmark = pytest.mark.django_db


def test_the_case_page_lists_the_filing_s_documents(demo, login, client):
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    case = make_case(demo)
    page = login(demo["wangjun"]).get(f"/cases/{case.code}/").content.decode()
    documents = page[page.index("<h2>文书</h2>") :]
    documents = documents[: documents.index("</section>")]
    assert "暂无" not in documents
    for name in ("acceptance-notice", "response-notice"):
        assert f"/cases/{case.code}/filing-documents/{name}/" in documents
    assert "受理案件通知书" in documents and "应诉通知书" in documents


def test_a_filing_document_opens_for_who_sees_the_case_and_the_read_is_audited(
    demo, login, client
):
    case = make_case(demo)
    url = f"/cases/{case.code}/filing-documents/acceptance-notice/"
    response = login(demo["wangjun"]).get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    entry = AuditEntry.objects.filter(action="case.document_read").latest("id")
    assert entry.actor == demo["wangjun"] and entry.changes["name"] == "acceptance-notice"
    # no such document, a judge of another court and the filer on the staff page: 404
    assert client.get(f"/cases/{case.code}/filing-documents/receipt/").status_code == 404
    client.force_login(demo["sarula"])
    assert client.get(url).status_code == 404
    client.force_login(demo["zhangsan"])
    assert client.get(url).status_code in (403, 404)
