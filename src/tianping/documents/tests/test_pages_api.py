"""The template pages and the API: the administrator lists, edits (an unknown field refused
in Chinese, naming it), previews and reads the versions; the case's staff issue a document
from the case; others get 404 or 403."""

import json

import pytest
from django.utils import timezone

from tianping.cases.models_panel import CaseMember
from tianping.courts.models import TeamMember
from tianping.documents.models import DocumentTemplate, IssuedDocument
from tianping.hearings.tests.helpers import a_case

pytestmark = pytest.mark.django_db
BASE = "/documents/courts/内2502/"
API = "/api/v1/documents/courts/内2502"


def put(client, url, body):
    return client.put(url, json.dumps(body), content_type="application/json")


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_administrator_edits_the_summons_on_the_page(client, administrator):
    client.force_login(administrator)
    listing = client.get(BASE).content.decode()
    assert "传票" in listing and "/summons/" in listing
    page = client.get(f"{BASE}summons/").content.decode()
    assert "第一百三十九条" in page and "{{ 不到庭后果 }}" in page  # the default, the fields
    refused = client.post(f"{BASE}summons/", {"action": "save", "title": "传票",
                                              "body": "{{ 案号 }}{{ 法官住址 }}"})
    assert refused.status_code == 400
    assert "未知字段" in refused.content.decode() and "{{ 法官住址 }}" in refused.content.decode()
    preview = client.post(f"{BASE}summons/", {"action": "preview", "title": "传票",
                                              "body": "{{ 受送达人 }}：请到庭。"})
    assert preview["Content-Type"] == "application/pdf" and preview.content.startswith(b"%PDF")
    assert not DocumentTemplate.objects.filter(court__code="内2502").exists()
    saved = client.post(f"{BASE}summons/", {"action": "save", "title": "传票",
                                            "body": "{{ 受送达人 }}：请到庭。"})
    assert saved.status_code == 302
    row = DocumentTemplate.objects.get(court__code="内2502", kind="summons")
    version = client.get(f"{BASE}summons/versions/{row.pk}/").content.decode()
    assert "请到庭。" in version
    client.post(f"{BASE}summons/use-default/")
    assert not DocumentTemplate.objects.get(pk=row.pk).is_active


def test_others_cannot_reach_the_templates(client, judge, litigant, filing_clerk):
    for someone in (judge, litigant, filing_clerk):
        client.force_login(someone)
        assert client.get(BASE).status_code == 404
        assert client.post(f"{BASE}summons/", {"title": "x", "body": "x"}).status_code == 404
        assert put(client, f"{API}/summons", {"title": "x", "body": "x"}).status_code == 404


def test_the_api_lists_saves_and_previews(client, president):
    client.force_login(president)
    listed = client.get(API).json()
    assert len(listed["items"]) == 6 and "案号" in listed["fields"]
    assert not any(i["own"] for i in listed["items"])
    refused = put(client, f"{API}/summons", {"title": "传票", "body": "{{ 法官住址 }}"})
    assert refused.status_code == 422 and "法官住址" in json.dumps(refused.json(),
                                                                  ensure_ascii=False)
    saved = put(client, f"{API}/summons", {"title": "传票", "body": "{{ 案号 }} 新"})
    assert saved.status_code == 200 and saved.json()["version"] == 1
    detail = client.get(f"{API}/summons").json()
    assert detail["in_force"]["body"] == "{{ 案号 }} 新"
    assert [v["court"] for v in detail["versions"]] == ["内2502", None]
    pdf = post(client, f"{API}/summons/preview", {"title": "传票", "body": "{{ 案号 }}"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(f"{API}/nonsense").status_code == 404


@pytest.fixture
def case(judge, judge_assistant):
    case = a_case(judge)
    team = TeamMember.objects.filter(user=judge_assistant).values_list("team", flat=True)[0]
    type(case).objects.filter(pk=case.pk).update(team=team)
    case.refresh_from_db()
    CaseMember.objects.create(case=case, seat="assistant", user=judge_assistant,
                              since=timezone.localdate(), added_by=judge)
    return case


def test_the_case_staff_issue_from_the_page(client, case, judge_assistant):
    client.force_login(judge_assistant)
    page = client.get(f"/documents/cases/{case.code}/")
    assert page.status_code == 200
    defendant = case.parties.get(role="defendant")
    form = page.context["form"]
    missing = client.post(f"/documents/cases/{case.code}/", {
        "key": "a", "kind": "summons", "addressee": f"p:{defendant.pk}"})
    assert missing.status_code == 400 and "开庭" in missing.content.decode()
    done = client.post(f"/documents/cases/{case.code}/", {
        "key": form.initial["key"], "kind": "response_notice", "addressee": f"p:{defendant.pk}"})
    assert done.status_code == 302
    issued = IssuedDocument.objects.get(case=case)
    assert issued.document.title == "应诉通知书（李四）"
    listing = client.get(f"/documents/cases/{case.code}/").content.decode()
    assert f"/cases/{case.code}/documents/{issued.file_key}/" in listing
    service_page = client.get(f"/service/cases/{case.code}/").content.decode()
    assert "应诉通知书（李四）" in service_page and f"/documents/cases/{case.code}/" in service_page


def test_the_api_issues_and_refuses_others(client, case, judge, litigant,
                                           judge_of_other_court):
    plaintiff = case.parties.get(role="plaintiff")
    url = f"/api/v1/documents/cases/{case.code}"
    body = {"kind": "evidence_notice", "party": plaintiff.pk, "idempotency_key": "x1"}
    for someone in (litigant, judge_of_other_court):
        client.force_login(someone)
        assert post(client, url, body).status_code in (403, 404)
        assert client.get(url).status_code in (403, 404)
    client.force_login(judge)
    made = post(client, url, body)
    assert made.status_code == 201 and made.json()["title"] == "举证通知书（张三）"
    assert made.json()["template_is_default"] and made.json()["template_version"] == 1
    again = post(client, url, body)
    assert again.json()["id"] == made.json()["id"]
    pdf = client.get(f"{url}/issued/{made.json()['id']}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    bad = post(client, url, {"kind": "summons", "party": plaintiff.pk})
    assert bad.status_code == 422
