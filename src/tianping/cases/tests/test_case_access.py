"""Nobody sees a case that is not theirs to see, and they get the same 404 as for a missing one."""

import datetime
import re

import pytest

from tianping.accounts.models import User
from tianping.cases.tests.test_case_pages import make_case
from tianping.courts.models import Court, Membership

pytestmark = pytest.mark.django_db
MISSING = "ZZZZZZZZZZ"
CSRF = re.compile(rb'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")\w+')


@pytest.fixture
def case(demo):
    return make_case(demo)


@pytest.fixture
def other_clerk(demo):
    """A filing clerk of 内2501, another basic court."""
    clerk = User.objects.create_user("tuya2", password="x", full_name="图雅", kind="staff")
    court = Court.objects.get(code="内2501")
    Membership.objects.create(user=clerk, court=court, role="filing_clerk")
    return clerk


def _same_as_missing(client, case, url):
    """URL (with {code}) answers for CASE exactly as it does for a code that does not exist."""
    seen = client.get(url.format(code=case.code))
    missing = client.get(url.format(code=MISSING))
    assert seen.status_code == missing.status_code == 404
    seen_page = CSRF.sub(b"", seen.content.replace(case.code.encode(), MISSING.encode()))
    assert seen_page == CSRF.sub(b"", missing.content)  # the same but for each page's token


@pytest.mark.parametrize("url", ["/cases/{code}/", "/api/v1/cases/{code}"])
@pytest.mark.parametrize("outsider", ["judge_of_other_court", "other_clerk", "other_litigant"])
def test_outsiders_get_the_404_of_a_missing_case(client, request, case, outsider, url):
    # given a judge of another court, a clerk of another court, a litigant not a party
    client.force_login(request.getfixturevalue(outsider))
    # then the case page and the API answer exactly as for a case that does not exist
    _same_as_missing(client, case, url)


BODIES = {
    "start-trial": {},
    "close": {"mode": "judgment", "closed_on": str(datetime.date.today())},
    "assign": {"judge": "wangjun", "reason": "我来分"},
}


@pytest.mark.parametrize("action", BODIES)
def test_judge_of_other_court_cannot_act_on_a_case_they_cannot_see(
    client, judge_of_other_court, case, action
):
    client.force_login(judge_of_other_court)
    assert client.post(f"/cases/{case.code}/{action}/", BODIES[action]).status_code == 404
    api = client.post(
        f"/api/v1/cases/{case.code}/{action}", BODIES[action], content_type="application/json"
    )
    assert api.status_code == 404 and api.json() == {"detail": "Not found"}
    case.refresh_from_db()
    assert case.state == "assigned"


def test_judge_of_other_court_cannot_download_its_documents(client, judge_of_other_court, case):
    client.force_login(judge_of_other_court)
    assert client.get(f"/cases/{case.code}/documents/ANYKEY/").status_code == 404


def test_the_case_is_not_in_the_list_of_a_judge_of_other_court(
    client, judge_of_other_court, case
):
    client.force_login(judge_of_other_court)
    assert case.number not in client.get("/cases/?state=all").content.decode()
    assert client.get("/api/v1/cases?state=all").json()["items"] == []


def test_a_litigant_has_no_staff_case_list(client, litigant, case):
    client.force_login(litigant)
    assert client.get("/cases/").status_code == 403
    assert client.get("/api/v1/cases").status_code == 403


def test_division_head_sees_only_their_divisions_cases(client, demo, division_head, case):
    # given a civil case and an administrative one at the same court
    administrative = make_case(demo, kind="administrative")
    assert administrative.division.kind == "administrative"
    client.force_login(division_head)  # head of the first civil division
    page = client.get("/cases/").content.decode()
    assert case.number in page and administrative.number not in page
    assert client.get(f"/cases/{administrative.code}/").status_code == 404


def test_president_sees_every_case_of_the_court(client, demo, president, case):
    administrative = make_case(demo, kind="administrative")
    client.force_login(president)
    page = client.get("/cases/").content.decode()
    assert case.number in page and administrative.number in page


def test_higher_court_officer_sees_the_cases_below(client, higher_court_officer, case):
    client.force_login(higher_court_officer)
    assert case.number in client.get("/cases/").content.decode()
    assert client.get(f"/cases/{case.code}/").status_code == 200
    assert client.get(f"/api/v1/cases/{case.code}").json()["number"] == case.number


def test_the_teams_judge_assistant_sees_it_the_judge_of_other_court_does_not(
    client, judge_assistant, judge_of_other_court, case
):
    client.force_login(judge_assistant)  # in the fast-track team
    assert client.get(f"/cases/{case.code}/").status_code == 200
    client.force_login(judge_of_other_court)
    assert client.get(f"/cases/{case.code}/").status_code == 404
