"""The pages and the API of appeals: the same actions, the errors in the reader's language,
and who may reach what."""

import json

import pytest
from django.utils import timezone

from tianping.appeals.models import Appeal
from tianping.appeals.tests.helpers import (
    DAY,
    appeal_court_staff,
    judged_case,
    pdf,
    serve_by_post,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def world(demo, other_litigant):
    case, judgment = judged_case(demo, defendant_user=other_litigant)
    plaintiff, defendant = case.parties.get(role="plaintiff"), case.parties.get(role="defendant")
    return demo, case, judgment, plaintiff, defendant, other_litigant


def post_json(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_party_sees_periods_and_appeals_on_the_page(client, world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    serve_by_post(case, plaintiff, judgment, TODAY - 3 * DAY, actor=demo["wangjun"])
    client.force_login(zhaoliu)
    page = client.get(f"/portal/cases/{case.code}/").content.decode()
    assert "生效与上诉" in page and "李四" in page and "尚未送达" in page
    serve_by_post(case, defendant, judgment, TODAY - 3 * DAY, actor=demo["wangjun"])
    page = client.get(f"/portal/cases/{case.code}/").content.decode()
    assert "上诉期" in page and f"/appeals/my/{case.code}/appeal/" in page
    response = client.post(f"/appeals/my/{case.code}/appeal/", {
        "party": defendant.pk, "grounds": "事实认定错误", "requests": "撤销原判",
        "amount": "20000"})
    assert response.status_code == 302
    assert Appeal.objects.get(case=case).fee_amount == 300
    # the plaintiff cannot appeal for the defendant: his own party only is offered
    client.force_login(demo["zhangsan"])
    response = client.post(f"/appeals/my/{case.code}/appeal/", {
        "party": defendant.pk, "grounds": "x", "requests": "y"})
    assert response.status_code == 200 and Appeal.objects.count() == 1


def test_a_late_appeal_is_refused_on_the_form_with_the_dates_in_chinese(client, world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    served = TODAY - 25 * DAY
    serve_by_post(case, defendant, judgment, served, actor=demo["wangjun"])
    client.force_login(zhaoliu)
    response = client.post(f"/appeals/my/{case.code}/appeal/", {
        "party": defendant.pk, "grounds": "事实认定错误", "requests": "撤销原判"})
    text = response.content.decode()
    assert response.status_code == 200 and "上诉期已届满" in text and served.isoformat() in text
    response = client.post(f"/api/v1/appeals/cases/{case.code}/appeals", json.dumps({
        "party": defendant.pk, "grounds": "x", "requests": "y"}),
        content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422


def test_the_api_walks_the_whole_appeal(client, world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    staff = appeal_court_staff()
    for party in (plaintiff, defendant):
        serve_by_post(case, party, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    client.force_login(zhaoliu)
    body = client.get(f"/api/v1/appeals/cases/{case.code}").json()
    assert body["document_kind"] == "judgment" and len(body["periods"]) == 2
    assert body["periods"][0]["last_day"] and body["effective_on"]
    response = post_json(client, f"/api/v1/appeals/cases/{case.code}/appeals",
                         {"party": plaintiff.pk, "grounds": "x", "requests": "y"})
    assert response.status_code == 403  # not his party
    response = post_json(client, f"/api/v1/appeals/cases/{case.code}/appeals",
                         {"party": defendant.pk, "grounds": "事实错误", "requests": "改判"})
    assert response.status_code == 201
    code = response.json()["code"]
    client.force_login(staff["gaoyuan"])
    assert client.post(f"/api/v1/appeals/cases/{case.code}/transfer").status_code == 404
    client.force_login(demo["lixia"])
    assert client.post(f"/api/v1/appeals/cases/{case.code}/transfer").status_code == 422
    assert post_json(client, f"/api/v1/appeals/appeals/{code}/fee",
                     {"paid_on": TODAY.isoformat(), "receipt": "R1"}).status_code == 200
    assert client.post(f"/api/v1/appeals/cases/{case.code}/transfer").status_code == 200
    assert client.get("/api/v1/appeals/incoming").json()["appeals"] == []
    assert client.post(f"/api/v1/appeals/incoming/{case.code}/second-instance"
                       ).status_code == 404
    client.force_login(staff["gaoyuan"])
    assert client.get("/api/v1/appeals/incoming").json()["appeals"][0]["case"] == case.code
    response = client.post(f"/api/v1/appeals/incoming/{case.code}/second-instance")
    assert response.status_code == 201 and "民终" in response.json()["number"]
    second = response.json()["code"]
    from tianping.cases.actions import start_trial
    from tianping.cases.models import Case

    start_trial(Case.objects.get(code=second), actor=staff["baowen"])
    client.force_login(staff["baowen"])
    response = client.post(f"/api/v1/appeals/cases/{second}/outcome", {
        "outcome": "remanded", "decided_on": TODAY.isoformat(), "document": pdf("裁定书.pdf")})
    assert response.status_code == 200
    client.force_login(demo["wangjun"])
    body = client.get(f"/api/v1/appeals/cases/{case.code}").json()
    assert [x["stage"] for x in body["chain"]] == ["first", "second", "remand"]
    assert body["chain"][1]["code"] is None  # 王军 does not see the 民终 case: number only
    assert body["appeals"][0]["outcome"] == "remanded"
    # someone outside sees nothing of it
    client.force_login(demo["sarula"])
    assert client.get(f"/api/v1/appeals/cases/{case.code}").status_code == 404


def test_staff_pages_window_transfer_incoming_outcome(client, world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    staff = appeal_court_staff()
    serve_by_post(case, defendant, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    client.force_login(demo["wangjun"])
    assert client.get(f"/appeals/cases/{case.code}/window/").status_code == 403
    client.force_login(demo["lixia"])
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert "生效与上诉" in page and f"/appeals/cases/{case.code}/window/" in page
    response = client.post(f"/appeals/cases/{case.code}/window/", {
        "party": defendant.pk, "grounds": "事实错误", "requests": "改判",
        "petition": pdf("上诉状.pdf")})
    assert response.status_code == 302
    appeal = Appeal.objects.get(case=case)
    client.post(f"/appeals/fees/{appeal.code}/", {"fee-paid_on": TODAY.isoformat(),
                                                  "fee-receipt": "R9"})
    client.post(f"/appeals/cases/{case.code}/transfer/")
    appeal.refresh_from_db()
    assert appeal.transferred_at is not None
    assert client.get("/appeals/incoming/").content.decode().count(case.number) == 0
    client.force_login(staff["gaoyuan"])
    assert case.number in client.get("/appeals/incoming/").content.decode()
    response = client.post(f"/appeals/incoming/{case.code}/file/")
    assert response.status_code == 302
    appeal.refresh_from_db()
    second = appeal.second_case
    page = client.get(f"/cases/{second.code}/").content.decode()
    assert case.number in page and second.number in page
    client.force_login(zhaoliu)
    page = client.get(f"/portal/cases/{case.code}/").content.decode()
    assert second.number in page and f"/portal/cases/{second.code}/" in page


def test_the_section_reads_in_english(client, world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    for party in (plaintiff, defendant):
        serve_by_post(case, party, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    client.force_login(demo["wangjun"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert "Effectiveness and appeal" in page and "Appeal period running until" in page
    assert "15 days to appeal" in page and "Civil Procedure Law art. 158" in page
    body = client.get(f"/api/v1/appeals/cases/{case.code}").json()
    assert body["status"].startswith("Appeal period running until")
