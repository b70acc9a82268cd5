"""The procedure page and its API: the judge issues, the debtor objects (a late objection
refused on the form with the dates), the judge terminates, the creditor takes the suit;
the special procedure's notice; the wizard and the window carry the new kinds."""

import datetime
import json

import pytest
from django.utils import timezone

from tianping.courts.models import Court
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel
from tianping.filings.models import Filing
from tianping.flows.filing import accept_filing
from tianping.payorders import actions
from tianping.payorders.choices import OrderStatus
from tianping.payorders.tests.test_payment_orders import (
    debtor_account,
    order_case,
    serve_on_debtor,
)
from tianping.payorders.tests.test_special import special_filing

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def post_json(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_the_pages_of_a_payment_order_from_issue_to_suit(english, demo):
    debtor_user = debtor_account()
    case = order_case(demo, debtor_user=debtor_user)
    url = f"/procedures/cases/{case.code}/"
    english.force_login(demo["wangjun"])
    page = english.get(url).content.decode()
    assert "Issue the payment order" in page and "12,345.60" in page
    assert english.get(f"/cases/{case.code}/").content.decode().count(url) == 1
    assert english.post(url + "issue/", {}).status_code == 400  # the box not ticked
    assert english.post(url + "issue/", {"confirm": "on"}).status_code == 302
    order = actions.order_of(case)
    assert order.status == OrderStatus.ISSUED
    serve_on_debtor(demo, case, order.order_document)
    page = english.get(url).content.decode()
    assert "may pay or object until" in page and "takes effect on" in page

    english.force_login(debtor_user)
    page = english.get(url).content.decode()
    assert "Object to the payment order" in page and "Issue the payment order" not in page
    assert english.get(f"/portal/cases/{case.code}/").content.decode().count(url) == 1
    debtor = case.parties.get(role="respondent")
    response = english.post(url + "object/", {"party": debtor.pk, "text": "借款已还清"})
    assert response.status_code == 302
    assert actions.order_of(case).status == OrderStatus.OBJECTED

    english.force_login(demo["wangjun"])
    assert english.post(url + "terminate/", {"confirm": "on"}).status_code == 302
    english.force_login(demo["zhangsan"])
    assert english.post(url + "answer/", {"want_suit": "yes"}).status_code == 302
    order = actions.order_of(case)
    assert order.status == OrderStatus.LITIGATION
    assert "with the filing division" in english.get(url).content.decode()


def test_a_late_objection_is_shown_on_the_form_with_the_dates(english, demo):
    case = order_case(demo, on=TODAY - datetime.timedelta(days=40))
    order = actions.issue(case, actor=demo["wangjun"], today=TODAY - datetime.timedelta(days=39))
    served = TODAY - datetime.timedelta(days=35)
    debtor = serve_on_debtor(demo, case, order.order_document, served)
    due = actions.objection_window(case, debtor, order)["due"]
    english.force_login(demo["lixia"])
    response = english.post(f"/procedures/cases/{case.code}/window-objection/", {
        "party": debtor.pk, "text": "不欠", "received_on": TODAY.isoformat()})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The objection is late" in page and due.isoformat() in page
    assert served.isoformat() in page


def test_the_api_runs_the_same_steps(client, demo):
    debtor_user = debtor_account()
    case = order_case(demo, debtor_user=debtor_user)
    base = f"/api/v1/procedures/cases/{case.code}"
    client.force_login(demo["zhangsan"])
    assert post_json(client, base + "/payment-order/issue").status_code == 403
    client.force_login(demo["wangjun"])
    body = post_json(client, base + "/payment-order/issue").json()
    assert body["payment_order"]["status"] == "issued"
    assert body["final_at_first_instance"] is True
    order = actions.order_of(case)
    serve_on_debtor(demo, case, order.order_document)
    body = client.get(base).json()["payment_order"]
    [row] = body["debtors"]
    assert row["served_on"] == TODAY.isoformat() and row["steps"]
    assert body["effective_on"] is not None
    client.force_login(debtor_user)
    debtor = case.parties.get(role="respondent")
    body = post_json(client, base + "/payment-order/objection",
                     {"party_id": debtor.pk, "text": "已还清"}).json()
    assert body["payment_order"]["status"] == "objected"
    client.force_login(demo["wangjun"])
    assert post_json(client, base + "/payment-order/terminate").json()[
        "payment_order"]["status"] == "terminated"
    client.force_login(demo["zhangsan"])
    body = post_json(client, base + "/payment-order/answer", {"want_suit": True}).json()
    assert body["payment_order"]["litigation_filing"]
    client.force_login(demo["lixia"])
    response = post_json(client, base + "/payment-order/suit")
    assert response.status_code == 422  # handed in already


def test_the_special_procedure_page_records_the_notice(english, demo):
    filed = TODAY - datetime.timedelta(days=3)
    case = accept_filing(special_filing(demo, on=filed), actor=demo["lixia"], today=filed)
    url = f"/procedures/cases/{case.code}/"
    english.force_login(demo["wangjun"])
    page = english.get(url).content.decode()
    assert "Declaring a person missing" in page and "Record the public notice" in page
    assert english.post(url + "notice/", {"published_on": TODAY.isoformat(),
                                          "where": "人民法院报"}).status_code == 302
    page = english.get(url).content.decode()
    assert "How the end is computed" in page
    case.time_limit.refresh_from_db()
    assert case.time_limit.starts_on > TODAY
    body = english.get(f"/api/v1/procedures/cases/{case.code}").json()
    assert body["special"]["notice"]["ends_on"] == case.time_limit.starts_on.isoformat()


def test_an_ordinary_case_has_no_procedure_page(english, demo):
    from tianping.cases.tests.test_case_pages import make_case

    case = make_case(demo)
    english.force_login(demo["wangjun"])
    assert english.get(f"/procedures/cases/{case.code}/").status_code == 404
    assert english.get(f"/api/v1/procedures/cases/{case.code}").status_code == 404


def test_the_wizard_and_the_window_carry_the_new_kinds(english, demo):
    english.force_login(demo["zhangsan"])
    court = Court.objects.get(code="内2502")
    filing = filing_actions.start_filing(actor=demo["zhangsan"], court=court,
                                         channel=Channel.ONLINE, filer=demo["zhangsan"],
                                         kind="special_procedure")
    page = english.get(f"/portal/filings/{filing.code}/claims/").content.decode()
    assert "What the application asks" in page
    parties = english.get(f"/portal/filings/{filing.code}/parties/").content.decode()
    assert 'value="applicant" selected' in parties
    response = english.patch(f"/api/v1/filings/{filing.code}", json.dumps(
        {"special_subject": "ownerless_property", "subject_detail": "无人认领的羊群"}),
        content_type="application/json")
    assert response.status_code == 200 and response.json()["special_subject"] == (
        "ownerless_property")

    english.force_login(demo["lixia"])
    data = {"court": "内2502", "channel": "window", "kind": "special_procedure", "cause": "",
            "claims": "请求认定财产无主", "amount": "", "facts": "羊群无人认领",
            "special_subject": "ownerless_property", "subject_detail": "走失的羊群二十只",
            "file_now": "1"}
    applicant = {"role": "applicant", "kind": "natural", "name": "张三",
                 "doc_type": "resident_id", "id_number": "152502198503120022",
                 "phone": "13900000000", "address": "锡林浩特市"}
    for name in applicant:
        data[f"party_{name}"] = [applicant[name]]
    response = english.post("/filing-review/window/new/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    made = Filing.objects.get(kind="special_procedure", channel="window")
    assert made.case.type_code == "民特" and made.case.procedure == "special"
    assert made.special_subject == "ownerless_property"
