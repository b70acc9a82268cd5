"""The enforcement pages and API as their users meet them: 张三 applies from his case page,
the bureau head assigns from the pool, the officer records and closes on the case page,
the parties see the progress and nobody outside sees the measures."""

import json
from decimal import Decimal

import pytest
from django.utils import timezone

from tianping.enforcement import actions, queries
from tianping.enforcement.choices import MilestoneKind
from tianping.enforcement.tests.helpers import (
    DAY,
    assigned_case,
    effective_judgment,
    enforcement_case,
    pdf,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def api_post(client, url, body):
    return client.post(url, json.dumps(body, ensure_ascii=False), content_type="application/json")


def test_the_applicant_applies_from_his_case_page(client, demo):
    origin = effective_judgment(demo)
    client.force_login(demo["zhangsan"])
    page = client.get(f"/portal/cases/{origin.code}/").content.decode()
    assert f"/enforcement/cases/{origin.code}/apply/" in page
    form = client.get(f"/enforcement/cases/{origin.code}/apply/").content.decode()
    assert "李四" in form and origin.number in form
    bad = client.post(f"/enforcement/cases/{origin.code}/apply/", {"amount": "", "request": ""})
    assert bad.status_code == 400
    done = client.post(f"/enforcement/cases/{origin.code}/apply/",
                       {"amount": "5万", "request": "强制执行借款本息"})
    assert done.status_code == 302
    row = queries.record_of(None) or origin.enforcements_from.get()
    assert row.amount_applied == Decimal("50000.00") and row.filing.kind == "enforcement"
    page = client.get(f"/portal/cases/{origin.code}/").content.decode()
    assert f"/enforcement/cases/{origin.code}/apply/" not in page  # once


def test_pool_assignment_and_the_officer_s_pages(client, demo):
    case = enforcement_case(demo, amount="2000000")
    client.force_login(demo["hanlei"])
    bureau = client.get("/enforcement/bureau/").content.decode()
    assert case.number in bureau
    response = client.post(f"/enforcement/cases/{case.code}/assign/",
                           {"officer": demo["gaofeng"].pk, "reason": "重大案件"})
    assert response.status_code == 302
    client.force_login(demo["chenzhi"])  # major: not the president's to reassign
    assert client.get(f"/enforcement/cases/{case.code}/assign/").status_code == 403
    client.force_login(demo["gaofeng"])
    queue = client.get("/enforcement/").content.decode()
    assert case.number in queue
    panel = client.get(f"/cases/{case.code}/").content.decode()
    assert "2,000,000.00" in panel and f"/enforcement/cases/{case.code}/milestone/" in panel
    bad = client.post(f"/enforcement/cases/{case.code}/milestone/", {
        "kind": "deduction", "done_on": TODAY.isoformat()})
    assert bad.status_code == 400 and "amount" in bad.content.decode().lower()
    ok = client.post(f"/enforcement/cases/{case.code}/milestone/", {
        "kind": "deduction", "done_on": TODAY.isoformat(), "amount": "1,500.5"})
    assert ok.status_code == 302
    assert "1,500.50" in client.get(f"/cases/{case.code}/").content.decode()
    close = client.post(f"/enforcement/cases/{case.code}/close/", {
        "mode": "terminated_current", "closed_on": TODAY.isoformat(), "document": pdf()})
    text = close.content.decode()
    assert close.status_code == 400 and "已采取限制消费措施" in text


def test_the_parties_follow_progress_and_nobody_outside_sees_measures(client, demo,
                                                                    other_litigant):
    case = assigned_case(demo)
    actions.record_milestone(case, actor=demo["gaofeng"], kind=MilestoneKind.SEIZURE,
                             done_on=TODAY, amount=Decimal("888"), note="查封车辆一辆")
    client.force_login(demo["zhangsan"])
    page = client.get(f"/portal/cases/{case.code}/").content.decode()
    assert "888.00" in page and "查封车辆一辆" not in page  # no staff notes
    assert f"/enforcement/cases/{case.code}/clue/" in page
    response = client.post(f"/enforcement/cases/{case.code}/clue/", {"text": "他在某银行有存款"})
    assert response.status_code == 302
    body = client.get(f"/api/v1/enforcement/cases/{case.code}").json()
    assert body["milestones"][0]["note"] is None and body["clues"][0]["status"] == "open"
    client.force_login(other_litigant)  # party to nothing here
    assert client.get(f"/api/v1/enforcement/cases/{case.code}").status_code == 404
    assert client.get(f"/enforcement/cases/{case.code}/clue/").status_code == 404
    assert "888" not in client.get(f"/portal/cases/{case.code}/").content.decode()
    client.force_login(demo["wangjun"])  # a civil judge of the court
    assert client.get(f"/api/v1/enforcement/cases/{case.code}").status_code == 404
    assert client.get(f"/enforcement/cases/{case.code}/milestone/").status_code == 404


def test_the_api_end_to_end(client, demo):
    origin = effective_judgment(demo)
    client.force_login(demo["zhangsan"])
    applied = api_post(client, f"/api/v1/enforcement/cases/{origin.code}/apply",
                       {"amount": "12000", "request": "执行"})
    assert applied.status_code == 201, applied.content
    again = api_post(client, f"/api/v1/enforcement/cases/{origin.code}/apply",
                     {"amount": "12000", "request": "执行"})
    assert again.status_code == 403
    from tianping.filings.models import Filing
    from tianping.flows.filing import accept_filing

    case = accept_filing(Filing.objects.get(code=applied.json()["filing"]),
                         actor=demo["lixia"])
    client.force_login(demo["chenzhi"])
    pool = client.get("/api/v1/enforcement/pool").json()
    assert [r["case"] for r in pool["items"]] == [case.code]
    assigned = api_post(client, f"/api/v1/enforcement/cases/{case.code}/assign",
                        {"officer": demo["gaofeng"].pk})
    assert assigned.status_code == 200 and assigned.json()["officer"] == "高峰"
    client.force_login(demo["gaofeng"])
    assert [r["case"] for r in client.get("/api/v1/enforcement/queue").json()["items"]] == [
        case.code]
    url = f"/api/v1/enforcement/cases/{case.code}"
    assert api_post(client, f"{url}/milestones", {
        "kind": "search_answered", "done_on": TODAY.isoformat()}).status_code == 422
    for kind in ("notice", "search_requested", "search_answered"):
        assert api_post(client, f"{url}/milestones", {
            "kind": kind, "done_on": TODAY.isoformat()}).status_code == 201
    body = api_post(client, f"{url}/milestones", {
        "kind": "direct_payment", "done_on": TODAY.isoformat(), "amount": "12000"}).json()
    assert body["amount_recovered"] == "12000.00"
    assert "自立案之日起已满三个月" in body["missing_for_termination"]
    refused = client.post(f"{url}/close", {"mode": "terminated_current",
                                           "closed_on": TODAY.isoformat()})
    assert refused.status_code == 422 and "三个月" in " ".join(refused.json()["detail"])
    closed = client.post(f"{url}/close", {"mode": "completed", "closed_on": TODAY.isoformat()})
    assert closed.status_code == 200 and closed.json()["closing_mode"] == "completed"
    client.force_login(demo["hanlei"])
    figures = client.get("/api/v1/enforcement/figures", {
        "start": (TODAY - DAY).isoformat(), "end": TODAY.isoformat()}).json()
    assert figures["closed_by_mode"]["completed"] == 1
    assert figures["sum_recovered"] == "12000.00"
