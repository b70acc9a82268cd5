"""A case's time limit in the workflow: suspension, exclusions, extensions, lists, API."""

import datetime
import re
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
# The case is filed on a fixed day, so that every expiry below is a date worked by hand:
# a Monday of 2025, a year whose holidays the calendar package knows. Six months of
# civil-ordinary (审限规定第2条) end on Wednesday 2025-09-03.
FILED = datetime.date(2025, 3, 3)
EXPIRES = datetime.date(2025, 9, 3)
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
        "phone": "13800000000",
    },
]


def file_case(on, *, litigant, filing_clerk, division_head, judge):
    """A civil case of 900,000 yuan filed online by 张三 and accepted ON, then given to
    王军 (over 500,000 yuan: ordinary procedure, the civil division)."""
    from tianping.cases.actions import assign_by_hand

    court = Court.objects.get(code="内2502")
    filing = filing_actions.start_filing(
        actor=litigant, court=court, channel=Channel.ONLINE, filer=litigant
    )
    filing_actions.save_draft(
        filing, actor=litigant, claims="归还货款", facts="买卖合同", amount=Decimal("900000")
    )
    filing_actions.set_parties(filing, PARTIES, actor=litigant)
    filing = filing_actions.submit_filing(filing, actor=litigant, today=on)
    case = accept_filing(filing, actor=filing_clerk, today=on)
    return assign_by_hand(case, actor=division_head, judge=judge, reason="专业对口")


@pytest.fixture
def case(litigant, filing_clerk, division_head, judge):
    """The case, filed on FILED."""
    return file_case(
        FILED, litigant=litigant, filing_clerk=filing_clerk, division_head=division_head,
        judge=judge,
    )


def test_a_case_gets_its_limit_when_filed(case):
    assert case.time_limit.rule_code == "civil-ordinary"
    assert case.time_limit.starts_on == FILED
    assert case.time_limit.expires_on == EXPIRES  # 2025-03-03 + 6 months
    assert case.time_limit.steps[0]["code"] == "rule"


def test_suspension_stops_the_clock_and_resumption_adds_the_days(case, judge):
    actions.suspend_case(case, actor=judge, on=FILED, note="等待另案结果", today=FILED)
    case.refresh_from_db()
    resumed = datetime.date(2025, 3, 13)
    actions.resume_case(case, actor=judge, on=resumed, today=resumed)
    case.time_limit.refresh_from_db()
    # suspended 2025-03-03 .. 03-12 (the day before resumption) = 10 days excluded;
    # 2025-09-03 + 10 days = Saturday 2025-09-13, moved past the weekend to Monday 09-15
    assert case.time_limit.expires_on == datetime.date(2025, 9, 15)
    assert [s["code"] for s in case.time_limit.steps] == [
        "rule", "start", "months", "excluded", "rest-day-moved",
    ]
    kinds = [e.kind for e in case.events.all()]
    assert "suspended" in kinds and "resumed" in kinds


def test_an_excluded_period_is_explained(case, judge):
    actions.record_exclusion(
        case,
        actor=judge,
        kind="appraisal",
        starts_on=FILED,
        ends_on=datetime.date(2025, 3, 7),
        today=datetime.date(2025, 3, 7),
    )
    case.time_limit.refresh_from_db()
    # an appraisal 2025-03-03 .. 03-07 = 5 days: 2025-09-03 + 5 = Monday 2025-09-08
    assert case.time_limit.expires_on == datetime.date(2025, 9, 8)
    [excluded] = [s for s in case.time_limit.steps if s["code"] == "excluded"]
    assert excluded["params"]["n"] == 5


def test_extension_too_late_is_refused_with_the_last_day(case, judge):
    # the civil rule asks 15 days ahead: 2025-09-03 - 15 days = 2025-08-19 is the last day
    with pytest.raises(ValidationError, match=r"at least 15 days .*\(by 2025-08-19\)"):
        actions.request_extension(
            case, actor=judge, reason="案情复杂", today=datetime.date(2025, 8, 20)
        )
    assert actions.request_extension(
        case, actor=judge, reason="案情复杂", today=datetime.date(2025, 8, 19)
    )


def test_extension_asked_in_time_is_decided_by_the_president_not_the_division_head(
    case, judge, judge_assistant, division_head, president
):
    asked = datetime.date(2025, 8, 1)
    request = actions.request_extension(case, actor=judge, reason="案情复杂", today=asked)
    for not_the_approver in (judge_assistant, division_head):
        with pytest.raises(PermissionDenied):
            actions.decide_extension(
                request, actor=not_the_approver, approve=True, note="", today=asked
            )
    actions.decide_extension(request, actor=president, approve=True, note="同意", today=asked)
    case.time_limit.refresh_from_db()
    # 2019 延长审限规定 art. 1: six more months for an ordinary civil case, added to the
    # month count: 2025-03-03 + (6 + 6) months = Tuesday 2026-03-03
    assert case.time_limit.expires_on == datetime.date(2026, 3, 3)


def test_the_second_extension_goes_to_the_higher_court(case, judge, president):
    first = actions.request_extension(case, actor=judge, reason="复杂", today=FILED)
    actions.decide_extension(first, actor=president, approve=True, note="", today=FILED)
    second = actions.request_extension(case, actor=judge, reason="仍复杂", today=FILED)
    assert second.approver == "higher_court"
    with pytest.raises(PermissionDenied):
        actions.decide_extension(second, actor=president, approve=True, note="", today=FILED)


def test_pages_show_the_explanation_and_record_a_suspension(client, login, judge, case):
    login(judge)
    page = client.get(f"/time-limits/cases/{case.code}/").content.decode()
    assert case.time_limit.expires_on.isoformat() in page
    response = client.post(
        f"/time-limits/cases/{case.code}/",
        {"action": "suspend", "on": FILED.isoformat(), "note": "中止"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "suspended"


def test_a_judge_of_another_court_gets_404(client, login, judge_of_other_court, case):
    login(judge_of_other_court)
    assert client.get(f"/time-limits/cases/{case.code}/").status_code == 404
    assert client.get(f"/api/v1/time-limits/cases/{case.code}").status_code == 404


def test_overdue_list_shows_a_case_past_its_limit(client, login, president, case):
    from tianping.deadlines.models import CaseTimeLimit

    CaseTimeLimit.objects.filter(case=case).update(expires_on=TODAY - datetime.timedelta(days=2))
    login(president)
    page = client.get("/time-limits/overdue/").content.decode()
    assert case.number in page


def test_api_compute_and_bad_rule(client, login, judge):
    login(judge)
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


def test_api_compute_answers_for_2027_with_weekends_only_and_says_so(client, login, litigant):
    login(litigant)
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


def test_summary_converted_to_ordinary_counts_from_the_filing_date(client, login, judge, case,
                                                                   division_head):
    from tianping.cases.models_procedure import ProcedureChangeRequest
    from tianping.flows.cases import change_procedure, decide_procedure_change

    change_procedure(case, actor=judge, procedure="summary", reason="事实清楚")
    case.time_limit.refresh_from_db()
    # summary procedure: 3 months from filing, 2025-03-03 + 3 months = Tuesday 2025-06-03
    # (the Dragon Boat holiday, 05-31 .. 06-02, ends the day before)
    assert case.time_limit.rule_code == "civil-summary"
    assert case.time_limit.expires_on == datetime.date(2025, 6, 3)
    login(judge)
    response = client.post(
        f"/api/v1/time-limits/cases/{case.code}/procedure",
        {"procedure": "ordinary", "reason": "案情复杂，转普通程序"},
        content_type="application/json",
    )
    # a conversion waits for the division head's approval (the judge cannot approve it)
    assert response.json()["rule"] == "civil-summary"
    decide_procedure_change(ProcedureChangeRequest.objects.get(case=case, status="pending"),
                            actor=division_head, approve=True)
    body = client.get(f"/api/v1/time-limits/cases/{case.code}").json()
    # converted to ordinary: six months from the filing date, not from the conversion
    assert (body["rule"], body["starts_on"], body["expires_on"]) == (
        "civil-ordinary", "2025-03-03", "2025-09-03",
    )
    assert "procedure_changed" in [e.kind for e in case.events.all()]


def test_staff_are_told_to_enter_a_missing_holiday_schedule_and_the_parties_are_not(
    client, login, litigant, filing_clerk, division_head, judge
):
    # given a case filed on 2026-12-01, whose limit ends in 2027 (2026-12-01 + 6 months =
    # Tuesday 2027-06-01), a year with no holiday schedule on file
    case = file_case(
        datetime.date(2026, 12, 1), litigant=litigant, filing_clerk=filing_clerk,
        division_head=division_head, judge=judge,
    )
    years = [
        s["params"]["year"] for s in case.time_limit.steps if s["code"] == "holiday-data-missing"
    ]
    if not years:
        pytest.skip("the calendar package now knows 2027's holidays")
    assert (years, case.time_limit.expires_on) == ([2027], datetime.date(2027, 6, 1))
    hint = "The State Council's holiday schedule for 2027 is not in the holiday table"
    # when the judge and then the litigant look at the case
    login(judge)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    judge_page = client.get(f"/time-limits/cases/{case.code}/").content.decode()
    client.logout()
    login(litigant)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    party_page = client.get(f"/portal/cases/{case.code}/").content.decode()
    # then only the staff page says what to do; both explain the weekends-only count
    assert hint in judge_page
    assert hint not in party_page
    assert "Include with" not in judge_page and "Include with" not in party_page
    assert "only weekends were treated as rest days" in party_page


@pytest.mark.parametrize(("query", "current"), [("", "?"), ("?months=18", "?months=18")])
def test_the_overdue_list_marks_the_open_tab(client, login, president, query, current):
    login(president)
    page = client.get("/time-limits/overdue/" + query).content.decode()
    tabs = page[page.index('<nav class="tabs"') :]
    tabs = tabs[: tabs.index("</nav>")]
    links = re.findall(r'<a href="([^"]*)"( aria-current="page")?', tabs)
    assert [href for href, mark in links if mark] == [current]


def test_the_procedure_form_chooses_nothing_and_refuses_the_same_procedure(
    client, login, judge, case
):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    login(judge)
    url = f"/time-limits/cases/{case.code}/"
    page = client.get(url).content.decode()
    select = page[page.index('name="procedure"') :]
    select = select[: select.index("</select>")]
    assert '<option value="" selected>Choose the new procedure</option>' in select
    assert select.count("selected") == 1
    # the case's own procedure (ordinary), sent unchanged: refused, what was entered kept
    response = client.post(url, {"action": "procedure", "procedure": "ordinary",
                                 "reason": "案情复杂"})
    page = response.content.decode()
    assert "The case already follows this procedure" in page
    assert 'value="案情复杂"' in page
    case.refresh_from_db()
    assert case.procedure == "ordinary"
    assert "procedure_changed" not in [e.kind for e in case.events.all()]
    # the API and the action say the same
    response = client.post(
        f"/api/v1/time-limits/cases/{case.code}/procedure",
        {"procedure": "ordinary", "reason": "案情复杂"},
        content_type="application/json",
    )
    assert response.status_code in (400, 422)
    assert "The case already follows this procedure" in response.content.decode()
