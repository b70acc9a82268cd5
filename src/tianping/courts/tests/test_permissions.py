"""Every role against every predicate, and who sees which court."""

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
    "assign_cases": p.can_assign_cases,
    "approve_extension": p.can_approve_extension,
    "view_dashboard": p.can_view_dashboard,
    "administer_court": p.can_administer_court,
}

# What each persona may do in the 锡林浩特 court (内2502).
EXPECTED = {
    "lixia": {"review_filings"},
    "wangjun": {"try_cases", "assist_trial", "mediate"},
    "zhaomin": {"assist_trial"},
    "sunli": {"assist_trial"},
    "hutao": {"mediate"},
    "gaofeng": {"enforce"},
    "liuqiang": {"review_filings", "assign_cases", "approve_extension", "view_dashboard"},
    "chenzhi": {"review_filings", "assign_cases", "approve_extension", "view_dashboard"},
    "zhoumei": {"view_dashboard"},
    "admin": set(),
    "bayar": {"view_dashboard"},
    "sarula": set(),
    "zhangsan": set(),
    "lilawyer": set(),
}


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_each_role_may_do_exactly_its_own_work(demo, username):
    court = Court.objects.get(code="内2502")
    allowed = {name for name, can in PREDICATES.items() if can(demo[username], court)}
    assert allowed == EXPECTED[username]


@pytest.mark.parametrize(
    ("username", "visible"),
    [
        ("wangjun", {"内2502"}),
        ("sarula", {"内2501"}),
        ("bayar", {"内25", "内2502", "内2501"}),
        ("admin", {"内", "内25", "内2502", "内2501"}),
        ("zhangsan", set()),
        ("lilawyer", set()),
    ],
)
def test_each_person_sees_their_courts_and_a_supervisor_those_below(demo, username, visible):
    ids = p.visible_court_ids(demo[username])
    assert set(Court.objects.filter(pk__in=ids).values_list("code", flat=True)) == visible


def test_only_administrators_manage_reference_data(demo):
    assert {u for u, user in demo.items() if p.can_manage_reference_data(user)} == {"admin"}


def test_only_public_users_file_online(demo):
    assert {u for u, user in demo.items() if p.can_file_online(user)} == {"zhangsan", "lilawyer"}


def test_judge_of_other_court_gets_404_like_a_missing_court(client, demo, login):
    login(demo["sarula"])
    assert client.get("/courts/内2502/").status_code == 404
    assert client.get("/courts/内9999/").status_code == 404
    assert client.get("/courts/内2501/").status_code == 200


def test_higher_court_supervisor_opens_a_lower_court(client, demo, login):
    login(demo["bayar"])
    page = client.get("/courts/内2502/").content.decode()
    assert "速裁快审团队" in page and "宝力根苏木诉讼服务点" in page


@pytest.mark.parametrize(
    "url", ["/workspace/", "/courts/", "/courts/内2502/", "/workspace/backups/"]
)
def test_litigant_cannot_open_staff_pages(client, demo, login, url):
    login(demo["zhangsan"])
    assert client.get(url).status_code in (403, 404)


def test_staff_cannot_open_the_litigant_portal_home(client, demo, login):
    login(demo["wangjun"])
    assert client.get("/portal/").status_code == 403


@pytest.mark.parametrize("username", ["wangjun", "zhoumei", "bayar", "zhangsan"])
def test_reference_data_admin_is_closed_to_everyone_but_administrators(
    client, demo, login, username
):
    login(demo[username])
    response = client.get("/admin/courts/court/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
