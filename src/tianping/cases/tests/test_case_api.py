"""The cases API: the same reads, filters, actions and permissions as the pages."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.accounts.tokens import issue_token
from tianping.cases.tests.test_case_pages import PDF, make_case

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def post(client, url, body=None, **extra):
    return client.post(url, body or {}, content_type="application/json", **extra)


@pytest.fixture
def case(demo):
    return make_case(demo, is_livelihood=True)


def test_list_gives_the_columns_of_the_page(client, demo, case):
    client.force_login(demo["wangjun"])
    body = client.get("/api/v1/cases").json()
    assert len(body["items"]) == 1 and body["next"] is None
    row = body["items"][0]
    assert row["number"] == case.number and row["code"] == case.code
    assert row["green"] == ["livelihood"]
    assert row["parties"] == "张三诉李四"
    assert (row["judge"], row["state"], row["court"]) == ("wangjun", "assigned", "内2502")


def test_list_filters_and_refuses_unknown_values(client, demo, case):
    client.force_login(demo["chenzhi"])
    assert client.get("/api/v1/cases?state=closed").json()["items"] == []
    assert len(client.get("/api/v1/cases?judge=wangjun").json()["items"]) == 1
    assert client.get("/api/v1/cases?court=内2501").status_code == 422  # not a court he sees


def test_list_query_count_does_not_grow(client, demo):
    make_case(demo)
    client.force_login(demo["chenzhi"])
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/cases")
    for _ in range(10):
        make_case(demo)
    with CaptureQueriesContext(connection) as eleven:
        assert len(client.get("/api/v1/cases").json()["items"]) == 11
    assert len(eleven.captured_queries) == len(one.captured_queries)


def test_detail_has_parties_masked_and_a_numbered_timeline(client, demo, case):
    client.force_login(demo["wangjun"])
    body = client.get(f"/api/v1/cases/{case.code}").json()
    assert [p["id_number_masked"] for p in body["party_list"]] == [
        "152502********0022",
        "110105********1232",
    ]
    seqs = [e["seq"] for e in body["events"]]
    assert seqs == list(range(1, len(seqs) + 1))
    kinds = [e["kind"] for e in body["events"]]
    assert kinds[:2] == ["filed", "triaged"] and kinds[-2:] == ["assigned", "fee_due"]
    assert body["allowed_actions"] == ["start_trial"]  # closing comes after the trial starts
    assert "民事诉讼法第165条" in body["triage_reasons"][0]


def test_judge_starts_trial_and_closes_through_the_api(client, demo, case):
    client.force_login(demo["wangjun"])
    body = {"mode": "withdrawal", "closed_on": TODAY.isoformat(), "note": "原告撤诉"}
    refused = post(client, f"/api/v1/cases/{case.code}/close", body)
    assert refused.status_code == 422  # not in trial yet, and no ruling
    assert post(client, f"/api/v1/cases/{case.code}/start-trial").json()["state"] == "in_trial"
    assert post(client, f"/api/v1/cases/{case.code}/close", body).status_code == 422  # no ruling
    ruling = SimpleUploadedFile("准予撤诉裁定书.pdf", PDF, content_type="application/pdf")
    closed = client.post(f"/api/v1/cases/{case.code}/close", {**body, "documents": [ruling]})
    closed = closed.json()
    assert (closed["state"], closed["closure_mode"], closed["closed_on"]) == (
        "closed",
        "withdrawal",
        TODAY.isoformat(),
    )
    assert client.get("/api/v1/cases").json()["items"] == []  # gone from the pending list


def test_closing_through_the_api_takes_the_documents_with_it(
    client, demo, case, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(demo["wangjun"])
    post(client, f"/api/v1/cases/{case.code}/start-trial")
    judgment = SimpleUploadedFile("判决书.pdf", PDF, content_type="application/pdf")
    response = client.post(
        f"/api/v1/cases/{case.code}/close",
        {"mode": "judgment", "closed_on": TODAY.isoformat(), "documents": [judgment]},
    )
    body = response.json()
    assert response.status_code == 200 and body["state"] == "closed"
    assert [d["title"] for d in body["documents"]] == ["判决书.pdf"]
    assert [e["kind"] for e in body["events"]][-2:] == ["closed", "document_added"]
    assert case.documents.get().file.read() == PDF


def test_a_bad_document_leaves_the_case_open_and_stores_nothing(
    client, demo, case, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(demo["wangjun"])
    post(client, f"/api/v1/cases/{case.code}/start-trial")
    good = SimpleUploadedFile("判决书.pdf", PDF, content_type="application/pdf")
    fake = SimpleUploadedFile("调解书.pdf", b"not a pdf", content_type="application/pdf")
    response = client.post(
        f"/api/v1/cases/{case.code}/close",
        {"mode": "judgment", "closed_on": TODAY.isoformat(), "documents": [good, fake]},
    )
    assert response.status_code == 422
    assert any("调解书.pdf" in message for message in response.json()["detail"])
    case.refresh_from_db()
    assert case.is_pending and not case.documents.exists()
    assert not case.events.filter(kind__in=["closed", "document_added"]).exists()


def test_a_closing_form_without_its_mode_is_422(client, demo, case):
    client.force_login(demo["wangjun"])
    body = {"closed_on": TODAY.isoformat()}
    assert client.post(f"/api/v1/cases/{case.code}/close", body).status_code == 422
    case.refresh_from_db()
    assert case.is_pending


@pytest.mark.parametrize(
    "body",
    [
        {"mode": "verdict", "closed_on": TODAY.isoformat()},
        {"mode": "judgment", "closed_on": (TODAY + datetime.timedelta(days=1)).isoformat()},
        {"mode": "judgment", "closed_on": "not a date"},
        {"mode": "judgment"},
    ],
)
def test_bad_closing_input_is_422(client, demo, case, body):
    client.force_login(demo["wangjun"])
    assert post(client, f"/api/v1/cases/{case.code}/close", body).status_code == 422
    case.refresh_from_db()
    assert case.is_pending


def test_who_may_see_but_not_act_gets_403(client, demo, case):
    client.force_login(demo["zhoumei"])  # trial management sees every case of the court
    assert client.get(f"/api/v1/cases/{case.code}").status_code == 200
    assert post(client, f"/api/v1/cases/{case.code}/start-trial").status_code == 403
    body = {"mode": "judgment", "closed_on": TODAY.isoformat()}
    assert post(client, f"/api/v1/cases/{case.code}/close", body).status_code == 403
    body = {"judge": "wangjun", "reason": "统一调配"}
    assert post(client, f"/api/v1/cases/{case.code}/assign", body).status_code == 403


def test_leader_assigns_by_hand_with_a_reason(client, demo, case):
    client.force_login(demo["liuqiang"])
    url = f"/api/v1/cases/{case.code}/assign"
    assert post(client, url, {"judge": "wangjun", "reason": "  "}).status_code == 422
    assert post(client, url, {"judge": "nobody", "reason": "统一调配"}).status_code == 422
    assert post(client, url, {"judge": "sarula", "reason": "统一调配"}).status_code == 422
    body = post(client, url, {"judge": "wangjun", "reason": "关联案件"}).json()
    last = body["events"][-1]
    assert last["kind"] == "assigned" and last["details"]["how"] == "designated"
    assert (last["details"]["reason"], last["actor"]) == ("关联案件", "liuqiang")


def test_an_integration_calls_with_a_token(client, demo, case):
    token = issue_token(demo["wangjun"], name="办案系统")
    response = client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.json()["items"][0]["number"] == case.number
    assert client.get("/api/v1/cases").status_code == 401


def test_dashboard_in_the_api(client, demo, case):
    client.force_login(demo["bayar"])
    body = client.get("/api/v1/cases/dashboard?court=内2502").json()
    assert body["courts"] == ["内2502"]
    assert (body["total"]["received"], body["total"]["closed"]) == (1, 0)
    assert body["total"]["clearance"] == 0.0
    assert len(body["formulas"]) == 2
    assert client.get("/api/v1/cases/dashboard?start=2026-12-01&end=2026-01-01").status_code == 422
    client.force_login(demo["wangjun"])
    assert client.get("/api/v1/cases/dashboard").status_code == 403


def test_list_answers_what_its_schema_would_give(client, demo, case):
    """The list's rows are written without pydantic (lib/api_pages.py): the same answer."""
    from tianping.cases.api_schemas import CasePageOut
    from tianping.lib.testing.api_schema import assert_as_schema_gives

    make_case(demo)
    client.force_login(demo["chenzhi"])
    response = client.get("/api/v1/cases?limit=1")
    assert len(response.json()["items"]) == 1 and response.json()["next"]
    assert_as_schema_gives(response, CasePageOut)
    assert_as_schema_gives(client.get("/api/v1/cases?state=all"), CasePageOut)
