"""The security probe of time limits, replayed: periods before filing, years long or
overlapping, a suspension in year 9999, resuming over overlapping periods. Each is refused
with its reason (page: a message; API: 422) and nothing is stored or moved."""

import datetime
import html

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tianping.deadlines import actions
from tianping.deadlines.models import CaseExclusion, CaseTimeLimit
from tianping.deadlines.tests.test_case_time_limits import file_case

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
# As the probe did it: a case filed on 2026-12-01, whose six months end on 2027-06-01.
PROBE_FILED = datetime.date(2026, 12, 1)
# For the workflow itself, a case filed on Monday 2025-03-03 (limit 2025-09-03), looked at
# on 2026-01-05 unless a test says otherwise.
FILED = datetime.date(2025, 3, 3)
LATER = datetime.date(2026, 1, 5)


@pytest.fixture(autouse=True)
def english():
    """Messages of the actions read in English (pages and API choose their own language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def people(litigant, filing_clerk, division_head, judge):
    return {
        "litigant": litigant, "filing_clerk": filing_clerk, "division_head": division_head,
        "judge": judge,
    }


@pytest.fixture
def case(people):
    return file_case(FILED, **people)


@pytest.fixture
def english_judge(client, login, judge):
    login(judge)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def expiry(case):
    return CaseTimeLimit.objects.get(case=case).expires_on


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def exclude(case, kind, start, end, today=LATER, **kw):
    return actions.record_exclusion(
        case, actor=case.judge, kind=kind, starts_on=start, ends_on=end, today=today, **kw
    )


# 1. Periods before filing, on the page and in the API.


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.date(2000, 1, 1), datetime.date(2009, 12, 31)),  # moved the expiry 10 years
        (datetime.date(1900, 1, 1), datetime.date(1900, 12, 31)),  # added a year
    ],
)
def test_a_period_before_filing_is_refused_on_the_page_and_in_the_api(
    people, english_judge, start, end
):
    case = file_case(PROBE_FILED, **people)
    before = expiry(case)
    body = {"kind": "appraisal", "starts_on": start.isoformat(), "ends_on": end.isoformat()}

    page = english_judge.post(f"/time-limits/cases/{case.code}/", {"action": "exclude", **body})
    api = english_judge.post(
        f"/api/v1/time-limits/cases/{case.code}/exclusions", body,
        content_type="application/json",
    )

    message = "The start of the period cannot be before the filing date (2026-12-01)."
    assert page.status_code == 200 and message in page_text(page)
    assert api.status_code == 422 and api.json()["detail"] == [message]
    assert expiry(case) == before
    assert not CaseExclusion.objects.filter(case=case).exists()


def test_a_suspension_in_year_9999_is_refused_and_the_case_stays_overdue(
    people, english_judge
):
    case = file_case(PROBE_FILED, **people)
    body = {"on": "9999-12-31", "note": "中止"}

    page = english_judge.post(f"/time-limits/cases/{case.code}/", {"action": "suspend", **body})
    api = english_judge.post(
        f"/api/v1/time-limits/cases/{case.code}/suspend", body, content_type="application/json"
    )

    message = "The suspension date cannot be in the future."
    assert message in page_text(page)
    assert api.status_code == 422 and api.json()["detail"] == [message]
    case.refresh_from_db()
    assert case.state != "suspended"
    limit = CaseTimeLimit.objects.get(case=case)
    assert limit.suspended_since is None and limit.runs_until == limit.expires_on


# 2. Each kind of period has a longest length.


def test_an_appraisal_longer_than_its_bound_is_refused_and_one_within_it_recorded(case):
    before = expiry(case)

    with pytest.raises(ValidationError, match="at most 180 days; 2025-03-03 to 2025-08-30 is 181"):
        exclude(case, "appraisal", FILED, FILED + 180 * DAY)
    assert expiry(case) == before and not case.exclusions.exists()

    exclude(case, "appraisal", FILED, FILED + 179 * DAY)  # 180 days, both ends included
    # 2025-09-03 + 180 days = Monday 2026-03-02
    assert expiry(case) == datetime.date(2026, 3, 2)


def test_a_court_sets_its_own_bound_for_a_kind_the_law_leaves_open(case, settings):
    settings.TIME_LIMIT_EXCLUSION_MAX_DAYS = {"appraisal": 30}

    with pytest.raises(ValidationError, match="at most 30 days"):
        exclude(case, "appraisal", FILED, FILED + 30 * DAY)

    assert not case.exclusions.exists()


def test_a_public_notice_lasts_at_most_the_60_days_of_the_law(case, settings):
    settings.TIME_LIMIT_EXCLUSION_MAX_DAYS = {"settlement": 400}  # no say over a notice

    with pytest.raises(ValidationError, match="at most 60 days"):
        exclude(case, "public_notice", FILED, FILED + 60 * DAY)

    assert not case.exclusions.exists()


def test_the_bound_setting_names_only_kinds_a_court_may_set(settings):
    from tianping.deadlines.checks import exclusion_bounds_setting

    settings.TIME_LIMIT_EXCLUSION_MAX_DAYS = {"public_notice": 400, "appraisal": 0, "nap": 3}

    errors = [e.msg for e in exclusion_bounds_setting(None)]

    assert len(errors) == 3
    assert "'public_notice' is not a kind whose length a court sets" in errors[0]


# 3. No day is excluded twice.


def test_overlapping_periods_are_refused(case):
    exclude(case, "appraisal", datetime.date(2025, 4, 1), datetime.date(2025, 4, 10))
    extended = expiry(case)

    with pytest.raises(ValidationError, match="overlaps the “Expert appraisal"):
        exclude(case, "settlement", datetime.date(2025, 4, 10), datetime.date(2025, 4, 20))

    assert case.exclusions.count() == 1 and expiry(case) == extended


def test_a_period_inside_a_suspension_is_refused(case, judge):
    actions.suspend_case(case, actor=judge, on=datetime.date(2025, 4, 1), note="等待", today=LATER)
    case.refresh_from_db()

    with pytest.raises(ValidationError, match="began on 2025-04-01 and has not ended"):
        exclude(case, "appraisal", datetime.date(2025, 4, 5), datetime.date(2025, 4, 9))

    assert case.exclusions.count() == 1  # the suspension only


def test_a_suspension_from_a_day_already_excluded_is_refused(case, judge):
    exclude(case, "appraisal", datetime.date(2025, 4, 1), datetime.date(2025, 4, 10))

    with pytest.raises(ValidationError, match="overlaps"):
        actions.suspend_case(
            case, actor=judge, on=datetime.date(2025, 4, 10), note="等待", today=LATER
        )

    case.refresh_from_db()
    assert case.state != "suspended" and case.exclusions.count() == 1


def stored_by_an_older_version(case, start, end):
    """A period stored before the overlap checks existed (straight into the table)."""
    return CaseExclusion.objects.create(
        case=case, kind="appraisal", starts_on=start, ends_on=end, recorded_by=case.judge
    )


def test_resuming_over_an_overlapping_period_is_refused_with_the_reason(case, judge):
    actions.suspend_case(case, actor=judge, on=datetime.date(2025, 4, 1), note="等待", today=LATER)
    stored_by_an_older_version(case, datetime.date(2025, 4, 5), datetime.date(2025, 4, 9))
    case.refresh_from_db()

    overlap = r"overlaps the “Expert appraisal \(鉴定\)” from 2025-04-05"
    with pytest.raises(ValidationError, match=overlap):
        actions.resume_case(case, actor=judge, on=datetime.date(2025, 5, 1), today=LATER)

    case.refresh_from_db()
    assert case.state == "suspended"
    assert case.exclusions.get(kind="suspension").ends_on is None


def test_resuming_over_overlapping_periods_in_the_api_is_422_not_500(people, english_judge):
    today = timezone.localdate()
    case = file_case(today - 30 * DAY, **people)
    actions.suspend_case(case, actor=case.judge, on=today - 20 * DAY, note="等待", today=today)
    stored_by_an_older_version(case, today - 28 * DAY, today - 25 * DAY)
    stored_by_an_older_version(case, today - 26 * DAY, today - 22 * DAY)  # overlaps the first

    response = english_judge.post(
        f"/api/v1/time-limits/cases/{case.code}/resume", {"on": (today - DAY).isoformat()},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert "Excluded periods may not overlap" in response.json()["detail"][0]
    case.refresh_from_db()
    assert case.state == "suspended"


# 4. The overdue page with a bad parameter.


def test_the_overdue_page_takes_a_bad_months_parameter(client, login, president):
    login(president)

    for value in ("abc", "-1", "9" * 5000, "12"):
        assert client.get("/time-limits/overdue/", {"months": value}).status_code == 200
        assert client.get("/time-limits/overdue/summary/", {"months": value}).status_code == 200
