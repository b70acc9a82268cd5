"""The service pages and API: the clerk serves and records results, a party reads only what
was served on them (another party's service is a 404), certificates and the address
confirmation as PDF, and the errors told in the user's language."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.accounts.models import User
from tianping.service import actions
from tianping.service.models import OutboundMessage, Service
from tianping.service.tests.test_service import PNG, TODAY, consent, pdf, served_case

pytestmark = pytest.mark.django_db
API = "/api/v1/service"


@pytest.fixture
def world(demo):
    return demo, *served_case(demo)


def post_json(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_clerk_serves_from_the_case_page(world, client):
    demo, case, document, plaintiff, defendant = world
    consent(case, plaintiff, demo["sunli"], channels=["platform"])
    client.force_login(demo["sunli"])
    page = client.get(f"/cases/{case.code}/")
    assert page.status_code == 200 and f"/service/cases/{case.code}/" in page.content.decode()
    page = client.get(f"/service/cases/{case.code}/")
    assert page.status_code == 200
    key = page.context["serve_form"].initial["key"]
    body = {"party": plaintiff.pk, "document": f"doc:{document.pk}", "channels": ["platform"],
            "key": key}
    for _ in range(2):  # a double click
        response = client.post(f"/service/cases/{case.code}/serve/", body)
        assert response.status_code == 302
    service = Service.objects.get()
    assert service.attempts.count() == 1 and service.effective_on == TODAY
    # by post to the defendant, without consent for SMS: told, nothing sent
    body = {"party": defendant.pk, "document": f"doc:{document.pk}", "channels": ["sms"],
            "key": "x"}
    response = client.post(f"/service/cases/{case.code}/serve/", body)
    assert response.status_code == 400 and "未同意以短信方式送达" in response.content.decode()
    body = {"party": defendant.pk, "document": f"doc:{document.pk}", "channels": ["postal"],
            "key": "y", "tracking_number": "EMS1", "posted_on": TODAY.isoformat()}
    response = client.post(f"/service/cases/{case.code}/serve/", body)
    posted = Service.objects.get(party=defendant)
    attempt = posted.attempts.get()
    response = client.post(f"/service/s/{posted.code}/attempts/{attempt.pk}/receipt/",
                           {"receipt_on": TODAY.isoformat()})
    assert response.status_code == 302
    posted.refresh_from_db()
    assert posted.effective_on == TODAY
    page = client.get(f"/service/s/{posted.code}/")
    assert page.status_code == 200 and "EMS1" in page.content.decode()


def test_the_clerk_records_a_signed_address_form(world, client):
    demo, case, _document, plaintiff, _defendant = world
    client.force_login(demo["sunli"])
    body = {f"p{plaintiff.pk}-postal_address": "锡林浩特市", f"p{plaintiff.pk}-consent": "on",
            f"p{plaintiff.pk}-channels": ["sms"], f"p{plaintiff.pk}-phone": "13900000000",
            f"p{plaintiff.pk}-form_file": pdf("确认书.pdf")}
    response = client.post(f"/service/cases/{case.code}/parties/{plaintiff.pk}/address/", body)
    assert response.status_code == 302
    assert actions.latest_address(plaintiff).channels == ["sms"]


def test_a_party_reads_only_their_own_service(world, client):
    demo, case, document, plaintiff, defendant = world
    consent(case, plaintiff, demo["sunli"], channels=["platform"])
    own = actions.serve(case, party=plaintiff, channels=["platform"], key="k",
                        document=document, actor=demo["sunli"])
    theirs = actions.serve(case, party=defendant, channels=["postal"], key="k",
                           document=document, actor=demo["sunli"], tracking_number="E",
                           posted_on=TODAY)
    client.force_login(demo["zhangsan"])
    page = client.get(f"/portal/cases/{case.code}/").content.decode()
    assert f"/service/s/{own.code}/open/" in page and theirs.code not in page
    for url in (f"/service/s/{theirs.code}/open/", f"/service/s/{theirs.code}/certificate.pdf",
                f"{API}/services/{theirs.code}", f"{API}/services/{theirs.code}/certificate",
                f"/service/cases/{case.code}/parties/{defendant.pk}/my-address/",
                f"{API}/cases/{case.code}/parties/{defendant.pk}/address"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"{API}/services/{theirs.code}/read").status_code == 404
    assert client.get(f"/service/s/{own.code}/").status_code == 404  # the staff page
    served = client.get(f"{API}/served").json()
    assert [i["code"] for i in served["items"]] == [own.code]
    inbox = client.get("/notifications/").content.decode()
    assert f"/service/s/{own.code}/open/" in inbox
    # another litigant sees none of it
    other = User.objects.create_user("wangwu", password="x", kind="litigant")
    client.force_login(other)
    assert client.get(f"/service/s/{own.code}/open/").status_code == 404
    assert client.get(f"{API}/served").json()["items"] == []


def test_a_party_confirms_their_address_online(world, client):
    demo, case, _document, plaintiff, _defendant = world
    client.force_login(demo["zhangsan"])
    url = f"/service/cases/{case.code}/parties/{plaintiff.pk}/my-address/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"postal_address": "锡林浩特市", "consent": "on",
                                 "channels": ["platform", "email"], "email": "z@example.com"})
    assert response.status_code == 302
    row = actions.latest_address(plaintiff)
    assert row.recorded_how == "online" and row.channels == ["email", "platform"]
    pdf_response = client.get(f"/service/cases/{case.code}/parties/{plaintiff.pk}/address.pdf")
    assert pdf_response.status_code == 200 and pdf_response.content.startswith(b"%PDF")


def test_the_api_serves_idempotently_and_records_results(world, client):
    demo, case, document, plaintiff, defendant = world
    client.force_login(demo["zhangsan"])
    response = client.post(f"{API}/cases/{case.code}/parties/{plaintiff.pk}/address",
                           {"consent": "true", "channels": ["sms"], "phone": "13900000000",
                            "postal_address": "锡林浩特市"})
    assert response.status_code == 201, response.content
    assert response.json()["recorded_how"] == "online"
    client.force_login(demo["sunli"])
    body = {"party": plaintiff.pk, "document": document.file.name.rsplit("/", 1)[-1],
            "channels": ["sms"], "idempotency_key": "api-1"}
    first = post_json(client, f"{API}/cases/{case.code}/services", body)
    again = post_json(client, f"{API}/cases/{case.code}/services", body)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and len(first.json()["attempts"]) == 1
    assert OutboundMessage.objects.count() == 1
    assert first.json()["effective_channel"] == "sms"
    # no consent for e-mail: 422 with the reason
    refused = post_json(client, f"{API}/cases/{case.code}/services",
                        {**body, "channels": ["email"], "idempotency_key": "api-2"})
    assert refused.status_code == 422 and "未同意" in refused.json()["detail"][0]
    code = post_json(client, f"{API}/cases/{case.code}/services", {
        "party": defendant.pk, "document_name": "response-notice", "title": "应诉通知书",
        "channels": ["postal"], "tracking_number": "EMS2", "posted_on": TODAY.isoformat(),
        "idempotency_key": "p"}).json()["code"]
    response = post_json(client, f"{API}/services/{code}/direct",
                         {"signed_on": TODAY.isoformat(), "recipient": "李四",
                          "idempotency_key": "d"})
    assert response.status_code == 200 and response.json()["effective_channel"] == "direct"
    response = client.post(f"{API}/services/{code}/retained", {
        "left_on": TODAY.isoformat(), "witness": "王主任", "reason": "拒收",
        "idempotency_key": "r",
        "photo": SimpleUploadedFile("p.png", PNG, content_type="image/png")})
    assert response.status_code == 200, response.content
    response = post_json(client, f"{API}/services/{code}/public-notice",
                         {"published_on": TODAY.isoformat(), "where": "公告栏",
                          "idempotency_key": "n"})
    assert response.status_code == 422 and "简易程序" in response.json()["detail"][0]
    listing = client.get(f"{API}/cases/{case.code}/services").json()
    assert {s["party_name"] for s in listing} == {"张三", "李四"}
    certificate = client.get(f"{API}/services/{code}/certificate")
    assert certificate.status_code == 200 and certificate.content.startswith(b"%PDF")


def test_the_party_reads_through_the_api(world, client):
    demo, case, document, plaintiff, _defendant = world
    consent(case, plaintiff, demo["sunli"], channels=["platform"])
    service = actions.serve(case, party=plaintiff, channels=["platform"], key="k",
                            document=document, actor=demo["sunli"])
    client.force_login(demo["zhangsan"])
    response = client.post(f"{API}/services/{service.code}/read")
    assert response.status_code == 200 and response.json()["first_read_at"]
