"""`GET /api/v1/indicators/compute`: the CLI's answer, for who may see the figures."""

import datetime

import pytest

from tianping.courts.models import Court
from tianping.indicators.tests.test_compute import many

pytestmark = pytest.mark.django_db

URL = "/api/v1/indicators/compute"
YEAR = {"from": "2001-01-01", "to": "2001-12-31"}


@pytest.fixture
def filled(demo):
    court = Court.objects.get(code="内2502")
    d = datetime.date
    many(court, 140, filed=d(2001, 2, 1), closed=d(2001, 5, 1), judge=demo["wangjun"])
    many(court, 12, filed=d(2001, 3, 1))
    return demo


def get(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


def test_leaders_get_the_json_of_the_cli(client, filled):
    response = get(client, filled["chenzhi"], court="内2502", **YEAR)
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["court"], data["from"], data["to"]) == ("内2502", "2001-01-01", "2001-12-31")
    row = next(i for i in data["indicators"] if i["code"] == "clearance_rate")
    assert row == {"code": "clearance_rate", "name": "结收比", "value": "92.11",
                   "numerator": 140, "denominator": 152, "unit": "%", "range": None,
                   "status": "no_range"}
    client.cookies["django_language"] = "en"
    en = client.get(URL, {"court": "内2502", **YEAR})
    assert any(i["name"] == "Clearance rate" for i in en.json()["indicators"])
    client.cookies["django_language"] = "zh-hans"
    response = get(client, filled["zhoumei"], court="内2502", judge="王军", **YEAR)
    assert next(i for i in response.json()["indicators"]
                if i["code"] == "closed")["numerator"] == 140


def test_a_judge_sees_only_their_own_figures(client, filled):
    assert get(client, filled["wangjun"], court="内2502", **YEAR).status_code == 403
    response = get(client, filled["wangjun"], court="内2502", judge="王军", **YEAR)
    assert response.status_code == 200
    assert get(client, filled["wangjun"], court="内2502", judge="陈志", **YEAR).status_code == 403
    assert get(client, filled["zhangsan"], court="内2502", **YEAR).status_code == 403
    assert get(client, filled["lixia"], court="内2502", **YEAR).status_code == 403
    # the court above sees only with sight of the courts below
    assert get(client, filled["chenzhi"], court="内25", **YEAR).status_code == 403


def test_bad_input_is_422_with_the_reason(client, filled):
    response = get(client, filled["chenzhi"], court="内2502", **{"from": "2001-02-01",
                                                                  "to": "2001-01-01"})
    assert response.status_code == 422
    assert "截止日早于起始日" in str(response.json()["detail"])  # zh-hans first
    client.cookies["django_language"] = "en"
    response = get(client, filled["chenzhi"], court="内2502", **{"from": "2001-02-01",
                                                                  "to": "2001-01-01"})
    assert "ends before it starts" in str(response.json()["detail"])
    assert get(client, filled["chenzhi"], court="内9999", **YEAR).status_code == 422
    assert get(client, filled["chenzhi"], court="内2502", division="无此庭",
               **YEAR).status_code == 422
    assert get(client, filled["chenzhi"], **YEAR).status_code == 422
    assert get(client, filled["chenzhi"], court="内2502").status_code == 422


def test_the_operation_is_in_the_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "court", "from", "to", "include_lower", "division", "judge"}


def test_a_division_head_gets_their_division_not_the_whole_court(client, division_head):
    """The API answers a division head as the pages do: their division's figures, never
    the whole court's."""
    client.force_login(division_head)
    base = "/api/v1/indicators/compute?court=内2502&from=2026-01-01&to=2026-06-30"
    assert client.get(base).status_code == 403
    division = division_head.memberships.get(role="division_head").division.name
    assert client.get(f"{base}&division={division}").status_code == 200
