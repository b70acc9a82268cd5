"""The funds API: the same acts as the pages, an Idempotency-Key makes a retry harmless,
bad input is a 422 with the reason, and a party's account number is masked."""

import json

import pytest

from tianping.funds.models import Entry, Payout
from tianping.funds.tests.helpers import enforcement_case

pytestmark = pytest.mark.django_db
F = "/api/v1/funds"


def post(client, user, url, body, **headers):
    client.force_login(user)
    return client.post(url, json.dumps(body, ensure_ascii=False),
                       content_type="application/json", headers=headers)


def test_arrival_payout_approval_and_payment_through_the_api(client, demo):
    case = enforcement_case(demo["zhangsan"], demo["lixia"])
    arrival = {"amount": "2500.00", "payer": "李四", "reference": "API1",
               "case_number": case.number}
    first = post(client, demo["qianhui"], f"{F}/arrivals", arrival, **{"Idempotency-Key": "a1"})
    again = post(client, demo["qianhui"], f"{F}/arrivals", arrival, **{"Idempotency-Key": "a1"})
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert Entry.objects.filter(case=case).count() == 1

    party = case.parties.get(role="applicant").pk
    payout = {"party_id": party, "amount": "3000", "bank": "中国银行", "account_name": "张三",
              "account_number": "6217000012345678", "key": "p1"}
    too_much = post(client, demo["gaofeng"], f"{F}/cases/{case.code}/payouts", payout)
    assert too_much.status_code == 422 and "2,500.00" in json.dumps(too_much.json(),
                                                                    ensure_ascii=False)
    payout["amount"] = "2000"
    made = post(client, demo["gaofeng"], f"{F}/cases/{case.code}/payouts", payout)
    assert made.status_code == 201 and made.json()["account"].endswith("5678")
    assert "6217000012345678" not in made.content.decode()
    pk = made.json()["id"]
    assert post(client, demo["gaofeng"], f"{F}/payouts/{pk}/decision",
                {"approve": True}).status_code == 403
    assert post(client, demo["hanlei"], f"{F}/payouts/{pk}/decision",
                {"approve": True}).json()["status"] == "approved"
    paid = [post(client, demo["qianhui"], f"{F}/payouts/{pk}/pay", {"reference": "ZZ1"},
                 **{"Idempotency-Key": "pay1"}) for _ in range(2)]
    assert [r.status_code for r in paid] == [200, 200]
    other = post(client, demo["qianhui"], f"{F}/payouts/{pk}/pay", {"reference": "ZZ2"},
                 **{"Idempotency-Key": "pay2"})
    assert other.status_code == 422
    assert Payout.objects.get(pk=pk).status == "paid"
    client.force_login(demo["gaofeng"])
    read = client.get(f"{F}/cases/{case.code}").json()
    assert read["balance"] == "500.00" and [e["kind"] for e in read["entries"]] == [
        "received", "disbursed"]
