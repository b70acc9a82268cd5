"""The dashboard: received, closed, pending, 结收比 and 结案率, live, per court and division."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.cases.actions import start_trial
from tianping.cases.tests.closing import close_in_trial, pdf
from tianping.cases.tests.test_case_pages import make_case

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
START = TODAY - datetime.timedelta(days=30)
PERIOD = f"start={START.isoformat()}&end={TODAY.isoformat()}"


def days_ago(n):
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


@pytest.fixture
def figures(demo):
    """One case pending from before the period; three received in it, two of them closed."""
    make_case(demo, on=days_ago(60))
    received = [make_case(demo, on=days_ago(n)) for n in (20, 10, 5)]
    for case in received[:2]:
        close_in_trial(case, actor=demo["wangjun"], closed_on=days_ago(2))
    return received


def test_president_sees_received_closed_pending_and_both_ratios(english, president, login, figures):
    page = login(president).get(f"/cases/dashboard/?{PERIOD}").content.decode()
    # the division by its English name where the data has one, its Chinese name in Chinese
    assert "First Civil Division" in page and "民事审判第一庭" not in page
    chinese = login(president)
    chinese.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "民事审判第一庭" in chinese.get(f"/cases/dashboard/?{PERIOD}").content.decode()
    # received 3, closed 2, pending at start 1, pending at end 2
    assert "<td>3</td><td>2</td><td>1</td><td>2</td>" in page
    assert "66.67%" in page  # 结收比 = 2 / 3
    assert "50.00%" in page  # 结案率 = 2 / (1 + 3)
    assert "closed ÷ (pending at start + received)" in page


def test_closing_a_case_changes_the_figures_at_once(english, demo, login, figures):
    client = login(demo["chenzhi"])
    assert "66.67%" in client.get(f"/cases/dashboard/?{PERIOD}").content.decode()
    # when the judge closes the third case received in the period
    english.force_login(demo["wangjun"])
    start_trial(figures[2], actor=demo["wangjun"])
    english.post(
        f"/cases/{figures[2].code}/close/",
        {"mode": "mediation", "closed_on": TODAY.isoformat(), "documents": [pdf("调解书.pdf")],
         "confirm": "on"},
    )
    # then the dashboard counts it at once
    english.force_login(demo["chenzhi"])
    page = english.get(f"/cases/dashboard/?{PERIOD}").content.decode()
    assert "<td>3</td><td>3</td><td>1</td><td>1</td>" in page
    assert "100.00%" in page and "75.00%" in page


def test_the_period_defaults_to_this_year_until_today(english, president, login):
    page = login(president).get("/cases/dashboard/").content.decode()
    assert f'value="{TODAY.year}-01-01"' in page and f'value="{TODAY.isoformat()}"' in page


def test_a_period_that_ends_before_it_starts_is_refused(english, president, login):
    response = login(president).get("/cases/dashboard/?start=2026-12-01&end=2026-01-01")
    assert response.status_code == 422
    assert "must start before it ends" in response.content.decode()


def test_higher_court_sees_the_courts_below_one_by_one_or_together(
    english, higher_court_officer, login, figures
):
    client = login(higher_court_officer)
    page = client.get("/cases/dashboard/").content.decode()
    assert "All courts I oversee, together" in page and "二连浩特市人民法院" in page
    together = client.get(f"/cases/dashboard/?court=*&{PERIOD}").content.decode()
    assert "锡林浩特市人民法院" in together and "66.67%" in together
    erenhot = client.get(f"/cases/dashboard/?court=内2501&{PERIOD}").content.decode()
    assert "66.67%" not in erenhot and "No cases in this period." in erenhot


@pytest.mark.parametrize("who", ["wangjun", "sarula", "zhangsan"])
def test_judges_and_litigants_have_no_dashboard(client, demo, who):
    client.force_login(demo[who])
    assert client.get("/cases/dashboard/").status_code == 403
    assert client.get("/api/v1/cases/dashboard").status_code == 403


def test_a_court_one_does_not_oversee_is_not_offered(client, president):
    client.force_login(president)
    assert client.get("/cases/dashboard/?court=内2501").status_code == 422  # not his court


def test_division_head_counts_only_their_division(english, demo, login, figures):
    make_case(demo, kind="administrative", on=days_ago(3))
    head = login(demo["liuqiang"]).get(f"/cases/dashboard/?{PERIOD}").content.decode()
    assert "Administrative Division" not in head
    english.force_login(demo["chenzhi"])
    president = english.get(f"/cases/dashboard/?{PERIOD}").content.decode()
    assert "Administrative Division" in president


def test_dashboard_query_count_does_not_grow_with_the_cases(demo, login):
    for _ in range(5):
        make_case(demo)
    client = login(demo["bayar"])
    with CaptureQueriesContext(connection) as five:
        client.get("/cases/dashboard/?court=*")
    for _ in range(25):
        make_case(demo)
    with CaptureQueriesContext(connection) as thirty:
        assert "<td>30</td>" in client.get("/cases/dashboard/?court=*").content.decode()
    assert len(thirty.captured_queries) == len(five.captured_queries)
