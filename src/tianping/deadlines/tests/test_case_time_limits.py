"""A case's time limit in the workflow: suspension, exclusions, extensions, lists, API."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tianping.courts.models import Court
from tianping.deadlines import actions
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PARTIES = [
    {
        "role": "plaintiff",
        "kind": "natural",
        "name": "张三",
        "doc_type": "resident_id",
        "id_number": "152502198503120022",
    },
    {
        "role": "defendant",
        "kind": "natural",
        "name": "李四",
        "doc_type": "resident_id",
        "id_number": "110105199001011232",
    },
]


@pytest.fixture
def case(demo):
    court = Court.objects.get(code="内2502")
    filing = filing_actions.start_filing(
        actor=demo["zhangsan"], court=court, channel=Channel.ONLINE, filer=demo["zhangsan"]
    )
    filing_actions.save_draft(
        filing,
        actor=demo["zhangsan"],
        claims="归还货款",
        facts="买卖合同",
        amount=Decimal("900000"),
    )
    filing_actions.set_parties(filing, PARTIES, actor=demo["zhangsan"])
    filing = filing_actions.submit_filing(filing, actor=demo["zhangsan"])
    case = accept_filing(filing, actor=demo["lixia"])
    # over 500,000 yuan: complex, civil division; give it a judge of that division
    from tianping.cases.actions import assign_by_hand

    return assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"], reason="专业对口")


def test_a_case_gets_its_limit_when_filed(case):
    assert case.time_limit.rule_code == "civil-ordinary"
    assert case.time_limit.starts_on == TODAY
    assert case.time_limit.steps[0]["code"] == "rule"


def test_suspension_stops_the_clock_and_resumption_adds_the_days(case, demo):
    before = case.time_limit.expires_on
    actions.suspend_case(case, actor=demo["wangjun"], on=TODAY, note="等待另案结果")
    case.refresh_from_db()
    later = TODAY + datetime.timedelta(days=10)
    actions.resume_case(case, actor=demo["wangjun"], on=later, today=later)
    case.time_limit.refresh_from_db()
    # 10 days suspended (TODAY .. TODAY+9): the expiry moves by at least 10 days
    assert case.time_limit.expires_on >= before + datetime.timedelta(days=10)
    kinds = [e.kind for e in case.events.all()]
    assert "suspended" in kinds and "resumed" in kinds


def test_an_excluded_period_is_explained(case, demo):
    actions.record_exclusion(
        case,
        actor=demo["wangjun"],
        kind="appraisal",
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=4),
        today=TODAY + datetime.timedelta(days=4),
    )
    case.time_limit.refresh_from_db()
    assert any(s["code"] == "excluded" for s in case.time_limit.steps)


def test_extension_too_late_is_refused_with_the_last_day(case, demo):
    late = case.time_limit.expires_on - datetime.timedelta(days=3)
    with pytest.raises(ValidationError, match="at least 15 days"):
        actions.request_extension(case, actor=demo["wangjun"], reason="案情复杂", today=late)


def test_extension_asked_in_time_is_decided_by_the_president_not_the_division_head(case, demo):
    expires = case.time_limit.expires_on
    request = actions.request_extension(case, actor=demo["wangjun"], reason="案情复杂", today=TODAY)
    for not_the_approver in ("zhaomin", "liuqiang"):  # judge assistant; division head
        with pytest.raises(PermissionDenied):
            actions.decide_extension(
                request, actor=demo[not_the_approver], approve=True, note="", today=TODAY
            )
    actions.decide_extension(request, actor=demo["chenzhi"], approve=True, note="同意", today=TODAY)
    case.time_limit.refresh_from_db()
    # 2019 延长审限规定 art. 1: six more months for an ordinary civil case
    assert case.time_limit.expires_on > expires + datetime.timedelta(days=170)


def test_the_second_extension_goes_to_the_higher_court(case, demo):
    first = actions.request_extension(case, actor=demo["wangjun"], reason="复杂", today=TODAY)
    actions.decide_extension(first, actor=demo["chenzhi"], approve=True, note="", today=TODAY)
    second = actions.request_extension(case, actor=demo["wangjun"], reason="仍复杂", today=TODAY)
    assert second.approver == "higher_court"
    with pytest.raises(PermissionDenied):
        actions.decide_extension(second, actor=demo["chenzhi"], approve=True, note="", today=TODAY)


def test_pages_show_the_explanation_and_record_a_suspension(client, demo, login, case):
    login(demo["wangjun"])
    page = client.get(f"/time-limits/cases/{case.code}/").content.decode()
    assert case.time_limit.expires_on.isoformat() in page
    response = client.post(
        f"/time-limits/cases/{case.code}/",
        {"action": "suspend", "on": TODAY.isoformat(), "note": "中止"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "suspended"


def test_a_judge_of_another_court_gets_404(client, demo, login, case):
    login(demo["sarula"])
    assert client.get(f"/time-limits/cases/{case.code}/").status_code == 404
    assert client.get(f"/api/v1/time-limits/cases/{case.code}").status_code == 404


def test_overdue_list_shows_a_case_past_its_limit(client, demo, login, case):
    from tianping.deadlines.models import CaseTimeLimit

    CaseTimeLimit.objects.filter(case=case).update(expires_on=TODAY - datetime.timedelta(days=2))
    login(demo["chenzhi"])
    page = client.get("/time-limits/overdue/").content.decode()
    assert case.number in page


def test_api_compute_and_bad_rule(client, demo, login):
    login(demo["wangjun"])
    ok = client.post(
        "/api/v1/time-limits/compute",
        {"rule": "civil-appeal-judgment", "start": "2014-05-28"},
        content_type="application/json",
    )
    assert ok.json()["expires_on"] == "2014-08-28"
    bad = client.post(
        "/api/v1/time-limits/compute",
        {"rule": "nope", "start": "2014-05-28"},
        content_type="application/json",
    )
    assert bad.status_code == 422 and "nope" in bad.json()["detail"]


def test_api_compute_answers_for_2027_with_weekends_only_and_says_so(client, demo, login):
    login(demo["zhangsan"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    body = client.post(
        "/api/v1/time-limits/compute",
        {"rule": "civil-ordinary", "start": "2026-12-05"},
        content_type="application/json",
    ).json()

    assert body["expires_on"] == "2027-06-07"
    assert body["weekends_only_years"] == [2027]
    [note] = [s["text"] for s in body["steps"] if s["code"] == "holiday-data-missing"]
    assert "only weekends were treated as rest days" in note
    assert "Add the" not in note  # a litigant is not told to enter holiday data


def test_summary_converted_to_ordinary_counts_from_the_filing_date(client, demo, login, case):
    from tianping.flows.cases import change_procedure

    change_procedure(case, actor=demo["wangjun"], procedure="summary", reason="事实清楚")
    case.time_limit.refresh_from_db()
    assert case.time_limit.rule_code == "civil-summary"
    login(demo["wangjun"])
    response = client.post(
        f"/api/v1/time-limits/cases/{case.code}/procedure",
        {"procedure": "ordinary", "reason": "案情复杂，转普通程序"},
        content_type="application/json",
    )
    body = response.json()
    assert body["rule"] == "civil-ordinary" and body["starts_on"] == case.filed_on.isoformat()
    assert "procedure_changed" in [e.kind for e in case.events.all()]


def test_staff_are_told_to_enter_a_missing_holiday_schedule_and_the_parties_are_not(
    client, demo, login, case
):
    # given a case filed today whose limit ends in a year with no holiday schedule on file
    years = case.time_limit.steps and [
        s["params"]["year"] for s in case.time_limit.steps if s["code"] == "holiday-data-missing"
    ]
    if not years:
        pytest.skip("the holiday schedule covers the expiry year")
    hint = f"The State Council's holiday schedule for {years[0]} is not in the holiday table"
    # when the judge and then the litigant look at the case
    login(demo["wangjun"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    judge_page = client.get(f"/time-limits/cases/{case.code}/").content.decode()
    client.logout()
    login(demo["zhangsan"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    party_page = client.get(f"/portal/cases/{case.code}/").content.decode()
    # then only the staff page says what to do; both explain the weekends-only count
    assert hint in judge_page
    assert hint not in party_page
    assert "Include with" not in judge_page and "Include with" not in party_page
    assert "only weekends were treated as rest days" in party_page
