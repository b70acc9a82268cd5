"""The judge's reply with a file through the API (multipart), checked as on the page (the
content, not the name; the size bound), and the file read back through the API by the
order's readers, the read recorded."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.supervision import actions
from tianping.supervision.tests.helpers import a_case

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DUE = timezone.localdate() + datetime.timedelta(days=7)


@pytest.fixture
def order(judge, division_head):
    case = a_case(judge)
    order = actions.issue([case], actor=division_head, reason="overdue", reply_due_on=DUE,
                          today=timezone.localdate())
    return order, case


def test_the_judge_replies_with_a_file_and_the_issuer_reads_it(client, order, judge,
                                                               division_head, settings):
    order, case = order
    url = f"/api/v1/supervision/orders/{order.code}/cases/{case.code}"
    client.force_login(judge)
    fake = SimpleUploadedFile("说明.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf")
    refused = client.post(f"{url}/reply/file", {"text": "已开庭", "attachment": fake})
    assert refused.status_code == 422
    settings.MAX_UPLOAD_MB = 0  # nothing fits: refused as on the page
    big = SimpleUploadedFile("说明.pdf", PDF, content_type="application/pdf")
    assert client.post(f"{url}/reply/file", {"text": "已开庭", "attachment": big}
                       ).status_code == 422
    settings.MAX_UPLOAD_MB = 20
    upload = SimpleUploadedFile("说明.pdf", PDF, content_type="application/pdf")
    answer = client.post(f"{url}/reply/file", {"text": "已开庭", "attachment": upload})
    assert answer.status_code == 200, answer.content
    [item] = answer.json()["cases"]
    assert item["status"] == "replied" and item["has_attachment"] and item["reply"] == "已开庭"
    client.force_login(division_head)
    assert client.post(f"{url}/reply/file", {
        "text": "x", "attachment": SimpleUploadedFile("a.pdf", PDF)}).status_code == 403
    response = client.get(f"{url}/attachment")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert AuditEntry.objects.filter(action="case.supervision_attachment_read",
                                     actor=division_head).exists()


def test_no_file_no_attachment(client, order, judge, litigant):
    order, case = order
    url = f"/api/v1/supervision/orders/{order.code}/cases/{case.code}"
    client.force_login(judge)
    assert client.get(f"{url}/attachment").status_code == 404
    assert client.post(f"{url}/reply/file", {"text": "已开庭"}).status_code == 422
    client.force_login(litigant)
    assert client.get(f"{url}/attachment").status_code in (403, 404)
