"""Filing review through the API: the same actions and permissions as the pages."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.accounts.tokens import issue_token
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.filings.tests.test_review_pages import (
    DEFENDANT,
    PLAINTIFF,
    clerk_at,
    make_filing,
    received_on_for_due_in,
)

pytestmark = pytest.mark.django_db
API = "/api/v1/filing-review"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def clerk(client, demo, login):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return login(demo["lixia"])


def post(client, url, body=None, **extra):
    return client.post(url, body or {}, content_type="application/json", **extra)


def complaint(**extra) -> dict:
    return {
        "claims": "判令被告归还借款2万元",
        "facts": "2025年被告借款未还",
        "amount": "20000",
        "parties": [PLAINTIFF, DEFENDANT],
        **extra,
    }


def test_queue_green_first_with_flags(clerk, demo, settings):
    settings.FILING_REVIEW_WARNING_DAYS = 2
    overdue = make_filing(demo, on=timezone.localdate() - datetime.timedelta(days=30))
    soon = make_filing(demo, on=received_on_for_due_in(range(0, 3)))
    green = make_filing(demo, is_livelihood=True)
    rows = clerk.get(f"{API}/queue?court=内2502").json()["items"]
    assert [r["code"] for r in rows] == [green.code, overdue.code, soon.code]
    assert [r["flag"] for r in rows] == ["", "overdue", "soon"]
    assert rows[0]["green_channel"] == ["livelihood"]
    assert rows[1]["parties"][0]["id_number_masked"] == "152502********0022"


def test_queue_takes_a_constant_number_of_queries(clerk, demo, django_assert_num_queries):
    for _ in range(3):
        make_filing(demo)
    with CaptureQueriesContext(connection) as three:
        clerk.get(f"{API}/queue")
    for _ in range(17):
        make_filing(demo)
    with django_assert_num_queries(len(three.captured_queries)):
        assert len(clerk.get(f"{API}/queue?limit=100").json()["items"]) == 20


def test_accept_gives_the_case_and_its_notice(clerk, demo):
    filing = make_filing(demo)
    body = post(clerk, f"{API}/{filing.code}/accept", {"expected_status": "submitted"}).json()
    assert body["status"] == "accepted" and "内2502民初" in body["case_number"]
    assert body["documents"]["acceptance-notice"].endswith("/acceptance-notice.pdf")


def test_stale_action_is_409_with_the_status_now(clerk, demo):
    filing = make_filing(demo)
    post(clerk, f"{API}/{filing.code}/accept")
    response = post(
        clerk,
        f"{API}/{filing.code}/propose-refusal",
        {
            "basis": "cpl_127",
            "reasons": "不属于人民法院受理民事诉讼的范围。",
            "expected_status": "submitted",
        },
    )
    assert response.status_code == 409
    assert response.json()["status"] == "accepted"
    assert "Someone else has just acted" in response.json()["detail"]


def test_action_not_allowed_now_is_422(clerk, demo):
    filing = make_filing(demo)
    post(clerk, f"{API}/{filing.code}/accept")
    response = post(clerk, f"{API}/{filing.code}/transfer", {"to_court": "内2501", "reason": "x"})
    assert response.status_code == 422


def test_correction_then_refusal_with_and_without_reasons(clerk, demo):
    filing = make_filing(demo)
    items = ["补充借条原件", "补充被告住址", "提交证据清单"]
    body = post(clerk, f"{API}/{filing.code}/request-correction", {"items": items}).json()
    assert body["status"] == "correction_requested"
    assert body["corrections"][0]["items"] == items
    assert "correction-notice" in body["documents"]
    waiting = clerk.get(f"{API}/queue?status=correction_requested").json()["items"]
    assert [r["code"] for r in waiting] == [filing.code]
    url = f"{API}/{filing.code}/propose-refusal"
    short = post(clerk, url, {"basis": "cpl_122", "reasons": "不行"})
    assert short.status_code == 422 and "written ruling" in short.json()["detail"][0]
    reasons = "起诉不符合法定条件：原告与本案没有直接利害关系。"
    body = post(clerk, url, {"basis": "cpl_122", "reasons": reasons}).json()
    # a proposal: the filing waits for a judge of the court
    assert body["status"] == "correction_requested" and body["refusal_pending"]
    assert "refusal-ruling" not in body["documents"]


def test_transfer(clerk, demo):
    filing = make_filing(demo)
    body = post(
        clerk, f"{API}/{filing.code}/transfer", {"to_court": "内2501", "reason": "被告住所地"}
    ).json()
    assert (body["status"], body["transferred_to"]) == ("transferred", "内2501")


def test_judge_gets_403_on_the_queue_and_404_on_a_filing(client, demo):
    filing = make_filing(demo)
    token = issue_token(demo["wangjun"], name="test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get(f"{API}/queue", **auth).status_code == 403
    assert client.get(f"{API}/{filing.code}", **auth).status_code == 404
    assert post(client, f"{API}/{filing.code}/accept", **auth).status_code == 404


def test_clerk_of_another_court_gets_404(client, demo, login):
    filing = make_filing(demo)
    other = login(clerk_at(demo, "内2501"))
    assert other.get(f"{API}/{filing.code}").status_code == 404
    assert post(other, f"{API}/{filing.code}/accept").status_code == 404
    assert other.get(f"{API}/queue?court=内2502").status_code == 404


def test_window_filing_hands_in_and_files_on_the_spot(clerk):
    body = complaint(court="内2502", channel="self_service", is_enterprise=True)
    handed_in = post(clerk, f"{API}/window", body)
    assert handed_in.status_code == 201
    assert handed_in.json()["status"] == "submitted"
    assert handed_in.json()["channel"] == "self_service"
    assert handed_in.json()["green_channel"] == ["enterprise"]
    on_the_spot = post(clerk, f"{API}/window", {**body, "file_now": True}).json()
    assert on_the_spot["status"] == "accepted" and on_the_spot["case_number"]
    bad = post(clerk, f"{API}/window", {**body, "channel": "online"})
    assert bad.status_code == 422 and Filing.objects.count() == 2


def test_cross_region_through_the_api(clerk, client, demo, login):
    # given lixia takes the papers in for 内2501 and uploads the complaint
    body = post(clerk, f"{API}/cross-region", complaint(court="内2501")).json()
    code = body["code"]
    assert body["status"] == "at_assisting_court" and body["assisting_court"] == "内2502"
    upload = SimpleUploadedFile("complaint.pdf", b"%PDF-1.4\n", content_type="application/pdf")
    added = clerk.post(f"{API}/{code}/attachments", {"files": [upload], "kind": "complaint"})
    assert added.status_code == 201 and added.json()["attachments"][0]["kind"] == "complaint"
    assert post(clerk, f"{API}/{code}/forward").json()["status"] == "submitted"
    # when the court with jurisdiction accepts
    client.post("/accounts/logout/")
    other = login(clerk_at(demo, "内2501"))
    assert [r["code"] for r in other.get(f"{API}/queue").json()["items"]] == [code]
    assert post(other, f"{API}/{code}/accept").json()["status"] == "accepted"
    # then the assisting court's list shows the case
    client.post("/accounts/logout/")
    rows = login(demo["lixia"]).get(f"{API}/cross-region").json()["items"]
    assert rows[0]["status"] == FilingStatus.ACCEPTED and rows[0]["case_number"]


def test_papers_uploaded_together_are_all_kept_or_none(clerk):
    code = post(clerk, f"{API}/cross-region", complaint(court="内2501")).json()["code"]
    good = SimpleUploadedFile("complaint.pdf", b"%PDF-1.4\n", content_type="application/pdf")
    fake = SimpleUploadedFile("evidence.pdf", b"not a pdf", content_type="application/pdf")
    refused = clerk.post(f"{API}/{code}/attachments", {"files": [good, fake], "kind": "other"})
    assert refused.status_code == 422 and "evidence.pdf" in refused.json()["detail"][0]
    assert not Filing.objects.get(code=code).attachments.exists()


def test_queue_answers_what_its_schema_would_give(clerk, demo):
    """The queue's rows are written without pydantic (lib/api_pages.py): the same answer."""
    from tianping.filings.review.api_schemas import QueueRowOut
    from tianping.lib.api_pages import PageOut
    from tianping.lib.testing.api_schema import assert_as_schema_gives

    make_filing(demo, is_livelihood=True)
    make_filing(demo, on=timezone.localdate() - datetime.timedelta(days=30))
    response = clerk.get(f"{API}/queue?limit=1")
    assert len(response.json()["items"]) == 1 and response.json()["next"]
    assert_as_schema_gives(response, PageOut[QueueRowOut])
    assert_as_schema_gives(clerk.get(f"{API}/queue"), PageOut[QueueRowOut])
