"""The indicator pages (issue 13 parts 4 and 7): the court view's figures for a small
hand-made data set, the cases behind a figure (as many as the figure, and the same in the
CSV and xlsx exports), a bad period, who sees which scorecard, the courts below, ranking
behind its setting, the reference ranges page, and the old dashboard's address and API.

The periods lie in 2001, before any demo case, so the demo's own cases do not count."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import override_settings
from openpyxl import load_workbook

from tianping.audit.models import AuditEntry
from tianping.courts.models import Court, Division
from tianping.indicators.models import ReferenceRange
from tianping.indicators.tests.test_compute import D, case, many

pytestmark = pytest.mark.django_db
PERIOD = "from=2001-01-01&to=2001-12-31"


@pytest.fixture
def zh(client):
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    return client


@pytest.fixture
def data(demo_network):
    """内2502 in 2001: 2 pending from 2000, 8 received, 5 closed (4 of them within their
    time limit, by 王军 of 民一庭); 内2501 (a court below 内25): 3 received, 3 closed."""
    court = Court.objects.get(code="内2502")
    division = Division.objects.get(court=court, name="民事审判第一庭")
    from django.contrib.auth import get_user_model

    wangjun = get_user_model().objects.get(username="wangjun")
    many(court, 2, filed=D(2000, 6, 1))
    for n in range(5):
        case(court, filed=D(2001, 2, 1), closed=D(2001, 3, 1 + n), judge=wangjun,
             division=division, limit=D(2001, 3, 4) if n < 4 else D(2001, 3, 1))
    many(court, 3, filed=D(2001, 4, 1))
    many(Court.objects.get(code="内2501"), 3, filed=D(2001, 5, 1), closed=D(2001, 6, 1))
    return {"court": court, "division": division, "wangjun": wangjun}


def page(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_the_court_view_shows_the_figures_ranges_and_links(zh, data, login, president):
    ReferenceRange.objects.create(court=data["court"], code="clearance_rate",
                                  low=Decimal("90"), high=None)
    client = login(president)
    response, body = page(client, f"/indicators/?court=内2502&{PERIOD}")
    assert response.status_code == 200
    # 结收比 5 ÷ 8 = 62.50%, below its range of at least 90%: 未达标, marked
    assert "结收比" in body and "62.50%" in body and "未达标" in body and "⚠" in body
    # 结案率 5 ÷ (2 + 8) = 50.00%; no range: said so
    assert "50.00%" in body and "未设参考区间" in body
    assert "法定审限内结案率" in body and "80.00%" in body
    assert "传统指标" in body and "国际指标" in body
    assert "ind-trend" in body and "vendor/echarts/echarts.min.js" in body
    assert "within_limit_rate</" not in body and ">not_met<" not in body


def test_a_numerators_cases_are_as_many_as_the_figure_and_export_alike(zh, data, login,
                                                                       president):
    client = login(president)
    base = f"/indicators/cases/?court=内2502&{PERIOD}&code=closure_rate"
    response, body = page(client, base + "&part=numerator")
    assert response.status_code == 200
    assert "5件案件" in body
    assert body.count("（测）内2502民初") == 5
    response, body = page(client, base + "&part=denominator")
    assert body.count("（测）内2502民初") == 10
    export = client.get(base + "&part=denominator&format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == "案号" and len(rows) == 1 + 10
    export = client.get(base + "&part=denominator&format=xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == 1 + 10 and sheet.cell(1, 1).value == "案号"
    assert AuditEntry.objects.filter(action="indicators.cases_exported").count() == 2


def test_a_bad_period_is_refused_in_chinese_with_the_form_kept(zh, data, login, president):
    client = login(president)
    response, body = page(client, "/indicators/?court=内2502&from=2001-12-01&to=2001-01-01")
    assert response.status_code == 422
    assert "统计期间的截止日早于起始日" in body
    assert 'value="2001-12-01"' in body


def test_a_judge_sees_their_own_scorecard_only(zh, data, login, judge, president):
    client = login(judge)
    response, body = page(client, f"/indicators/judges/{judge.pk}/?{PERIOD}")
    assert response.status_code == 200 and "王军" in body and "80.00%" in body
    # their drill-down too, to their own cases
    response, body = page(client, f"/indicators/cases/?court=内2502&judge={judge.pk}&{PERIOD}"
                                  "&code=closed&part=numerator")
    assert response.status_code == 200 and body.count("（测）内2502民初") == 5
    assert client.get(f"/indicators/judges/{president.pk}/").status_code in (403, 404)
    assert client.get("/indicators/").status_code == 403
    assert client.get(f"/indicators/cases/?court=内2502&{PERIOD}&code=closed"
                      "&part=numerator").status_code == 403
    client.logout()
    assert login(president).get(f"/indicators/judges/{judge.pk}/").status_code == 200


def test_a_division_head_sees_their_division(zh, data, login, division_head):
    client = login(division_head)
    response, body = page(client, f"/indicators/?court=内2502&{PERIOD}")
    assert response.status_code == 200 and "民事审判第一庭" in body
    assert "100.00%" in body  # 5 received, 5 closed in the division
    response = client.get(f"/indicators/?court=内2502&division=&{PERIOD}")
    assert response.status_code in (200, 422)
    assert client.get(f"/indicators/judges/{data['wangjun'].pk}/?{PERIOD}").status_code == 200


def test_the_courts_below_for_a_higher_court_and_ranking_behind_its_setting(
        zh, data, login, higher_court_officer):
    client = login(higher_court_officer)
    response, body = page(client, f"/indicators/courts/?court=内25&{PERIOD}")
    assert response.status_code == 200
    assert "锡林浩特市人民法院" in body and "二连浩特市人民法院" in body
    assert "第一方阵" not in body
    with override_settings(TIANPING_INDICATOR_RANKING=True):
        body = client.get(f"/indicators/courts/?court=内25&{PERIOD}&rank=clearance_rate")\
            .content.decode()
    # 内2501 closed all it received (100%), 内2502 62.50%: 内2501 first
    assert "第一方阵" in body
    assert body.index("二连浩特市人民法院") < body.index("锡林浩特市人民法院")


def test_the_breakdown_by_division_and_judge(zh, data, login, president):
    client = login(president)
    body = client.get(f"/indicators/breakdown/?court=内2502&{PERIOD}&by=judge").content.decode()
    assert "王军" in body
    body = client.get(f"/indicators/breakdown/?court=内2502&{PERIOD}").content.decode()
    assert "民事审判第一庭" in body


def test_the_reference_ranges_page(zh, data, login, president, judge):
    client = login(president)
    assert "结收比" in client.get("/indicators/ranges/").content.decode()
    response = client.post("/indicators/ranges/", {"court": "内2502", "code": "clearance_rate",
                                                   "low": "95", "high": "90"})
    assert response.status_code == 422 and "下限高于上限" in response.content.decode()
    assert not ReferenceRange.objects.exists()
    response = client.post("/indicators/ranges/", {"court": "内2502", "code": "clearance_rate",
                                                   "low": "90", "high": "110"})
    assert response.status_code == 302
    saved = ReferenceRange.objects.get(court=data["court"], code="clearance_rate")
    assert (saved.low, saved.high) == (Decimal("90"), Decimal("110"))
    assert AuditEntry.objects.filter(action="indicators.range_set").exists()
    client.logout()
    assert login(judge).get("/indicators/ranges/").status_code == 403


def test_the_old_dashboard_address_leads_to_the_indicators(client, data, login, president,
                                                           judge):
    response = login(president).get("/cases/dashboard/?court=内2502&start=2001-01-01")
    assert response.status_code == 302 and response["Location"].startswith("/indicators/")
    assert "from=2001-01-01" in response["Location"]
    client.logout()
    assert login(judge).get("/cases/dashboard/").status_code == 403


def test_the_dashboard_api_answers_from_the_engine(client, data, login, president):
    body = login(president).get(
        "/api/v1/cases/dashboard?court=内2502&start=2001-01-01&end=2001-12-31").json()
    total = body["total"]
    assert (total["received"], total["closed"], total["pending_at_start"]) == (8, 5, 2)
    assert (total["clearance"], total["closure_rate"]) == (62.5, 50.0)
    assert len(body["formulas"]) == 2 and "结收比" in body["formulas"][0]


def test_every_unsure_note_reads_in_chinese():
    """The registry's notes are marked for translation where they are written."""
    from django.utils import translation

    from tianping.indicators import registry

    with translation.override("zh-hans"):
        for indicator in registry.INDICATORS:
            if indicator.unsure:
                worded = translation.gettext(indicator.unsure)
                assert worded != indicator.unsure, indicator.code
