import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_judge_workspace_shows_posts_and_team(client, judge, login):
    login(judge)
    page = client.get("/workspace/").content.decode()
    assert "法官" in page and "锡林浩特市人民法院" in page
    assert "速裁快审团队" in page


def test_navigation_follows_the_role(client, administrator, superuser, judge, login):
    login(administrator)  # the court's administrator: their court's pages, no Django admin
    page = client.get("/workspace/").content.decode()
    assert reverse("courts:admin_home", args=("内2502",)) in page and "/admin/" not in page
    client.post("/accounts/logout/")
    login(superuser)
    assert "/admin/" in client.get("/workspace/").content.decode()
    client.post("/accounts/logout/")
    login(judge)
    page = client.get("/workspace/").content.decode()
    assert "/admin/" not in page and "/administration/" not in page


def test_only_the_approver_of_extensions_is_offered_the_extension_list(
    client, president, division_head, login
):
    login(president)
    assert 'href="/time-limits/extensions/"' in client.get("/workspace/").content.decode()
    client.post("/accounts/logout/")
    login(division_head)  # a division head no longer decides extensions (本院院长批准)
    assert 'href="/time-limits/extensions/"' not in client.get("/workspace/").content.decode()


@pytest.mark.parametrize("url", ["/accounts/login/", "/portal/courts/"])
def test_pages_load_nothing_from_outside(client, demo_network, url):
    page = client.get(url).content.decode()
    external = re.findall(r'(?:src|href)="(https?:)?//', page)
    assert external == []
    assert "/static/django_htmx/htmx" in page


def test_public_directory_lists_service_points_and_liaisons(client, demo_network):
    page = client.get("/portal/courts/").content.decode()
    assert "宝力根苏木诉讼服务点" in page and "乌日娜" in page


def test_every_stylesheet_and_script_a_page_links_is_served_locally(client, demo_network):
    from django.contrib.staticfiles import finders

    page = client.get("/accounts/login/").content.decode()
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', page)
    assert "tianping/css/app.css" in assets
    assert [a for a in assets if not finders.find(a)] == []


def test_the_backup_page_reads_the_time_away_in_full_width_brackets(client, demo, login):
    import datetime

    from django.utils import timezone

    from tianping.courts.actions import name_backup

    today = timezone.localdate()
    until = today + datetime.timedelta(days=3)
    name_backup(demo["wangjun"], actor=demo["wangjun"], backup=demo["zhaomin"],
                away_from=today, away_until=until)
    login(demo["zhaomin"])
    page = client.get("/workspace/backups/").content.decode()
    assert f"（{today:%Y-%m-%d} – {until:%Y-%m-%d}）" in page
    assert f"({today:%Y-%m-%d}" not in page
