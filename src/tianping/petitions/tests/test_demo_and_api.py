"""The petitions demo loads (once), and the API: a litigant files, the handler classifies
and replies, the litigant rates; errors read as 422/403/404."""

import json

import pytest
from django.utils import timezone

from tianping.demo.petitions import load_petitions_demo
from tianping.petitions.models import Petition, ReceptionDay
from tianping.petitions.tests.helpers import zhangsans_case

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once(demo):
    assert load_petitions_demo() == 5
    assert load_petitions_demo() == 0
    assert Petition.objects.filter(status="routed").count() == 1
    assert Petition.objects.filter(earlier__isnull=False).exists()
    assert ReceptionDay.objects.count() == 2


def post(client, url, body):
    return client.post(url, json.dumps(body, ensure_ascii=False),
                       content_type="application/json")


def test_the_api_course_of_a_petition(client, demo):
    case = zhangsans_case(demo["zhangsan"], demo["wangjun"])
    client.force_login(demo["zhangsan"])
    r = post(client, "/api/v1/petitions", {"court": "内2502", "matter": "迟迟不开庭",
                                           "requests": "请督促", "cases": [case.number]})
    assert r.status_code == 201, r.content
    code = r.json()["code"]
    assert r.json()["acceptance_due_on"] and r.json()["cases"] == [case.number]
    assert post(client, f"/api/v1/petitions/{code}/classify",
                {"decision": "accept"}).status_code == 403
    r = post(client, "/api/v1/petitions", {"court": "内2502", "matter": "x", "requests": "y",
                                           "cases": ["（2099）内2502民初1号"]})
    assert r.status_code == 422
    client.force_login(demo["fangyu"])
    r = post(client, f"/api/v1/petitions/{code}/classify", {"decision": "route"})
    assert r.status_code == 422  # a route must be named
    r = post(client, f"/api/v1/petitions/{code}/classify", {"decision": "accept"})
    assert r.status_code == 200 and r.json()["status"] == "accepted"
    assert r.json()["reply_due_on"]
    r = post(client, f"/api/v1/petitions/{code}/reply", {"text": "已督促"})
    assert r.json()["status"] == "replied"
    listed = client.get("/api/v1/petitions?tab=all").json()["items"]
    assert code in [row["code"] for row in listed]
    client.force_login(demo["zhangsan"])
    r = post(client, f"/api/v1/petitions/{code}/rate", {"satisfaction": "satisfied"})
    assert r.status_code == 200 and r.json()["satisfaction"] == "satisfied"
    assert [e["kind"] for e in r.json()["events"]][:2] == ["registered", "accepted"]
    other = demo["lixia"]
    client.force_login(other)
    assert client.get(f"/api/v1/petitions/{code}").status_code == 404
    assert timezone.localdate()
