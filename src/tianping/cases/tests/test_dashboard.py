"""The first dashboard's address and API, now answered by the indicator engine (issue 13
part 7): received, closed, pending, 结收比 and 结案率 from the registry, live."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.cases.tests.closing import close_in_trial
from tianping.cases.tests.test_case_pages import make_case

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
START = TODAY - datetime.timedelta(days=30)
PERIOD = f"start={START.isoformat()}&end={TODAY.isoformat()}"


def days_ago(n):
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture
def figures(demo):
    """One case pending from before the period; three received in it, two of them closed."""
    make_case(demo, on=days_ago(60))
    received = [make_case(demo, on=days_ago(n)) for n in (20, 10, 5)]
    for case in received[:2]:
        close_in_trial(case, actor=demo["wangjun"], closed_on=days_ago(2))
    return received


def test_the_old_address_leads_leaders_to_the_indicator_page(client, president, login):
    response = login(president).get(f"/cases/dashboard/?court=内2502&{PERIOD}")
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/indicators/?") and f"from={START.isoformat()}" in location
    assert "court=%E5%86%852502" in location or "court=内2502" in location


@pytest.mark.parametrize("who", ["wangjun", "zhangsan", "lixia"])
def test_judges_and_litigants_have_no_dashboard(client, demo, who, login):
    login(demo[who])
    assert client.get("/cases/dashboard/").status_code == 403
    assert client.get("/api/v1/cases/dashboard").status_code == 403


def test_the_api_counts_with_the_engine(client, demo, login, figures):
    body = login(demo["chenzhi"]).get(f"/api/v1/cases/dashboard?court=内2502&{PERIOD}").json()
    total = body["total"]
    received = body["total"]["received"]
    assert received >= 3 and total["closed"] >= 2
    assert total["clearance"] == round(total["closed"] * 100 / received, 2)
    assert body["rows"][0]["court"] == "内2502"


def test_a_division_head_counts_only_their_division(client, demo, login, figures):
    body = login(demo["liuqiang"]).get(f"/api/v1/cases/dashboard?court=内2502&{PERIOD}").json()
    assert [r["division"] for r in body["rows"]] == ["民事审判第一庭"]


def test_dashboard_api_query_count_does_not_grow_with_the_cases(demo, client, login):
    login(demo["bayar"])
    with CaptureQueriesContext(connection) as before:
        client.get("/api/v1/cases/dashboard?court=*")
    for n in range(30):
        make_case(demo, on=days_ago(n % 20))
    with CaptureQueriesContext(connection) as after:
        client.get("/api/v1/cases/dashboard?court=*")
    assert len(after) == len(before)
