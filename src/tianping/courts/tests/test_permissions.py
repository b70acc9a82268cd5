"""Every role against every court-level predicate, and who sees which court. (Who assigns a
case and who decides an extension depend on the case: cases/ and deadlines/ permissions.)"""

import pytest

from tianping.courts import permissions as p
from tianping.courts.models import Court

pytestmark = pytest.mark.django_db

PREDICATES = {
    "review_filings": p.can_review_filings,
    "try_cases": p.can_try_cases,
    "assist_trial": p.can_assist_trial,
    "mediate": p.can_mediate,
    "enforce": p.can_enforce,
    "view_dashboard": p.can_view_dashboard,
    "administer_court": p.can_administer_court,
}

# What each persona (a fixture of conftest.py) may do in the 锡林浩特 court (内2502).
EXPECTED = {
    "filing_clerk": {"review_filings"},
    "judge": {"try_cases", "assist_trial", "mediate"},
    "judge_assistant": {"assist_trial"},
    "court_clerk": {"assist_trial"},
    "mediator": {"mediate"},
    "enforcement_officer": {"enforce"},
    "division_head": {"review_filings", "view_dashboard"},
    "president": {"review_filings", "view_dashboard"},
    "trial_management": {"view_dashboard"},
    "administrator": {"administer_court"},
    "higher_court_officer": {"view_dashboard"},
    "judge_of_other_court": set(),
    "litigant": set(),
    "other_litigant": set(),
    "lawyer": set(),
}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_each_role_may_do_exactly_its_own_work(request, persona):
    user, court = request.getfixturevalue(persona), Court.objects.get(code="内2502")
    allowed = {name for name, can in PREDICATES.items() if can(user, court)}
    assert allowed == EXPECTED[persona]


@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("judge", {"内2502"}),
        ("judge_of_other_court", {"内2501"}),
        ("higher_court_officer", {"内25", "内2502", "内2501"}),
        ("administrator", {"内2502"}),
        ("litigant", set()),
        ("lawyer", set()),
    ],
)
def test_each_person_sees_their_courts_and_a_supervisor_those_below(request, persona, visible):
    ids = p.visible_court_ids(request.getfixturevalue(persona))
    assert set(Court.objects.filter(pk__in=ids).values_list("code", flat=True)) == visible


def test_only_the_platform_superuser_manages_reference_data(demo):
    assert {u for u, user in demo.items() if p.can_manage_reference_data(user)} == {"platform"}


def test_only_public_users_file_online(demo):
    assert {u for u, user in demo.items() if p.can_file_online(user)} == {"zhangsan", "lilawyer"}


def test_the_court_directory_is_public_but_teams_are_for_the_court_s_staff(
    client, login, judge_of_other_court
):
    assert client.get("/courts/").status_code == 200
    page = client.get("/courts/内2502/").content.decode()
    assert "宝力根苏木诉讼服务点" in page and "速裁快审团队" not in page
    assert client.get("/courts/内9999/").status_code == 404
    login(judge_of_other_court)
    assert "速裁快审团队" not in client.get("/courts/内2502/").content.decode()


def test_higher_court_supervisor_opens_a_lower_court(client, login, higher_court_officer):
    login(higher_court_officer)
    page = client.get("/courts/内2502/").content.decode()
    assert "速裁快审团队" in page and "宝力根苏木诉讼服务点" in page


@pytest.mark.parametrize(
    "url", ["/workspace/", "/workspace/backups/"]
)
def test_litigant_cannot_open_staff_pages(client, login, litigant, url):
    login(litigant)
    assert client.get(url).status_code in (403, 404)


def test_staff_cannot_open_the_litigant_portal_home(client, login, judge):
    login(judge)
    assert client.get("/portal/").status_code == 403


@pytest.mark.parametrize(
    "persona", ["administrator", "judge", "trial_management", "higher_court_officer", "litigant"]
)
def test_reference_data_admin_is_closed_to_everyone_but_superusers(
    client, login, request, persona
):
    login(request.getfixturevalue(persona))
    response = client.get("/admin/courts/court/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
