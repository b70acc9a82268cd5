"""The bench on the pages and in the API: the division head composes a panel with a drawn
assessor, the judge sees it on the case page, the party sees who tries the case and asks
for a recusal, the president decides; refusals come back with what was typed."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from tianping.accounts.tokens import issue_token
from tianping.cases.models_panel import CaseMember, RecusalRequest, Seat
from tianping.cases.tests.test_panel import case  # noqa: F401

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def bearer(user) -> Client:
    return Client(headers={"Authorization": f"Bearer {issue_token(user, name='test')}"})


def post_json(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_compose_on_the_page_and_see_it_everywhere(demo, case):  # noqa: F811
    url = reverse("cases:bench", args=[case.code])
    assert client_for(demo["wangjun"]).get(url).status_code == 403
    head = client_for(demo["liuqiang"])
    bad = head.post(url, {"sole": "panel", "presiding": demo["liuqiang"].pk,
                          "judges": [demo["wangjun"].pk], "assessors": 0,
                          "reason": "案情复杂"})
    assert bad.status_code == 400
    body = bad.content.decode()
    assert "单数" in body or "odd" in body
    assert "案情复杂" in body  # what was typed is kept
    ok = head.post(url, {"sole": "panel", "presiding": demo["liuqiang"].pk,
                         "judges": [demo["wangjun"].pk], "assessors": 1,
                         "clerk": demo["sunli"].pk, "reason": "案情复杂"})
    assert ok.status_code == 302
    assessor = CaseMember.objects.get(case=case, seat=Seat.ASSESSOR)
    judge_page = client_for(demo["wangjun"]).get(
        reverse("cases:detail", args=[case.code])).content.decode()
    assert assessor.assessor.name in judge_page and "审判长" in judge_page
    party_page = client_for(demo["zhangsan"]).get(
        reverse("party_cases:detail", args=[case.code])).content.decode()
    assert assessor.assessor.name in party_page and "回避" in party_page
    # the party asks; the president decides on the case page
    judge_seat = CaseMember.objects.get(case=case, user=demo["wangjun"], until__isnull=True)
    asked = client_for(demo["zhangsan"]).post(
        reverse("party_cases:recusal", args=[case.code]),
        {"member": judge_seat.pk, "grounds": "审判员曾担任被告的诉讼代理人"})
    assert asked.status_code == 302
    request = RecusalRequest.objects.get(case=case)
    president_page = client_for(demo["chenzhi"]).get(
        reverse("cases:detail", args=[case.code])).content.decode()
    assert "审判员曾担任被告的诉讼代理人" in president_page
    assert reverse("cases:decide_recusal", args=[case.code, request.pk]) in president_page
    decided = client_for(demo["chenzhi"]).post(
        reverse("cases:decide_recusal", args=[case.code, request.pk]),
        {"decision": "refused", "reasons": "不属于应当回避的情形"})
    assert decided.status_code == 302
    request.refresh_from_db()
    assert request.status == "refused"


def test_the_bench_through_the_api(demo, case):  # noqa: F811
    url = f"/api/v1/cases/{case.code}/bench"
    head = bearer(demo["liuqiang"])
    refused = post_json(bearer(demo["wangjun"]), url, {"sole": True})
    assert refused.status_code == 403
    even = post_json(head, url, {"sole": False, "judges": [demo["wangjun"].pk],
                                 "assessors": 1})
    assert even.status_code == 422
    made = post_json(head, url, {"sole": False,
                                 "judges": [demo["liuqiang"].pk, demo["wangjun"].pk],
                                 "assessors": 1, "clerk": demo["sunli"].pk})
    assert made.status_code == 200, made.content
    seats = made.json()["seats"]
    assert [s["seat"] for s in seats] == ["presiding", "judge", "assessor", "clerk"]
    assert seats[2]["drawn"] is True
    assessor_seat = seats[2]["id"]
    changed = post_json(head, f"{url}/{assessor_seat}/change", {"reason": "陪审员生病"})
    assert changed.status_code == 200 and len(changed.json()["earlier"]) == 1
    assert bearer(demo["wangjun"]).get(url).json()["case"] == case.code
    # a party asks for a recusal; the member may not decide it
    clerk_seat = next(s["id"] for s in changed.json()["seats"] if s["seat"] == "clerk")
    asked = post_json(bearer(demo["zhangsan"]), f"/api/v1/party-cases/{case.code}/recusals",
                      {"member": clerk_seat, "grounds": "书记员是原告的近亲属"})
    assert asked.status_code == 201
    rid = asked.json()["id"]
    decision = f"{url.rsplit('/bench', 1)[0]}/recusals/{rid}/decision"
    assert post_json(bearer(demo["sunli"]), decision, {"granted": True}).status_code in (403,
                                                                                         404)
    granted = post_json(head, decision, {"granted": True})  # the presiding judge
    assert granted.status_code == 200
    assert not [s for s in granted.json()["seats"] if s["seat"] == "clerk"]
