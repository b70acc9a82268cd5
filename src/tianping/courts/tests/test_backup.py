"""A/B backup (AB角): a staff member names a backup who may act for them while away."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.courts.actions import name_backup
from tianping.courts.permissions import can_act_for

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _away(demo, start=0, end=5):
    return name_backup(
        demo["wangjun"],
        actor=demo["wangjun"],
        backup=demo["zhaomin"],
        away_from=TODAY + datetime.timedelta(days=start),
        away_until=TODAY + datetime.timedelta(days=end),
        reason="出差",
    )


def test_judge_names_a_backup_through_the_page(client, demo, login):
    login(demo["wangjun"])
    response = client.post(
        "/workspace/backups/",
        {
            "backup": demo["zhaomin"].pk,
            "away_from": TODAY.isoformat(),
            "away_until": (TODAY + datetime.timedelta(days=3)).isoformat(),
            "reason": "培训",
        },
    )
    assert response.status_code == 302
    assert can_act_for(demo["zhaomin"], demo["wangjun"])
    assert AuditEntry.objects.filter(action="backup.named", actor=demo["wangjun"]).exists()


def test_dates_in_the_wrong_order_are_refused_and_the_form_keeps_its_input(client, demo, login):
    login(demo["wangjun"])
    response = client.post(
        "/workspace/backups/",
        {
            "backup": demo["zhaomin"].pk,
            "away_from": "2026-12-10",
            "away_until": "2026-12-01",
            "reason": "培训",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "缺席结束日期早于开始日期" in page
    assert 'value="培训"' in page


def test_backup_acts_for_the_principal_and_both_are_recorded(client, demo, login):
    # given
    _away(demo)
    login(demo["zhaomin"])
    # when
    response = client.post(f"/workspace/act-for/{demo['wangjun'].pk}/", follow=True)
    # then the workspace is the principal's, and the banner says so
    page = response.content.decode()
    assert "王军的工作台" in page and "您正在作为王军的AB角代为办理" in page
    entry = AuditEntry.objects.get(action="backup.acting_started")
    assert (entry.actor, entry.acted_for) == (demo["zhaomin"], demo["wangjun"])
    # the API says the same
    assert client.get("/api/v1/me").json()["acting_for"] == "wangjun"


def test_nobody_acts_for_a_colleague_who_is_not_away(client, demo, login):
    _away(demo, start=3, end=5)
    login(demo["zhaomin"])
    assert client.post(f"/workspace/act-for/{demo['wangjun'].pk}/").status_code == 403


def test_acting_ends_when_the_backup_is_cancelled(client, demo, login):
    entry = _away(demo)
    login(demo["zhaomin"])
    client.post(f"/workspace/act-for/{demo['wangjun'].pk}/")
    entry.is_active = False
    entry.save(update_fields=["is_active"])
    page = client.get("/workspace/").content.decode()
    assert "赵敏的工作台" in page


def test_a_public_user_cannot_be_a_backup(demo):
    with pytest.raises(ValidationError):
        name_backup(
            demo["wangjun"],
            actor=demo["wangjun"],
            backup=demo["zhangsan"],
            away_from=TODAY,
            away_until=TODAY,
        )


def test_backups_through_the_api(client, demo, login):
    login(demo["wangjun"])
    response = client.post(
        "/api/v1/backups",
        {
            "backup_username": "zhaomin",
            "away_from": TODAY.isoformat(),
            "away_until": TODAY.isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert [b["backup_username"] for b in client.get("/api/v1/backups").json()["items"]] == [
        "zhaomin"
    ]
    bad = client.post(
        "/api/v1/backups",
        {
            "backup_username": "zhangsan",
            "away_from": TODAY.isoformat(),
            "away_until": TODAY.isoformat(),
        },
        content_type="application/json",
    )
    assert bad.status_code == 422


def test_a_judge_of_another_court_cannot_be_named_backup_on_the_page_or_the_api(
    client, demo, login
):
    """A backup acts with the principal's authority: 内2501's judge named by 内2502's judge
    would open 内2502's cases to her. Refused on the page and the API alike."""
    login(demo["wangjun"])
    dates = {"away_from": TODAY.isoformat(), "away_until": TODAY.isoformat()}
    page = client.post("/workspace/backups/", {"backup": demo["sarula"].pk, **dates})
    assert page.status_code == 200 and "form" in page.context
    assert page.context["form"].errors
    api = client.post(
        "/api/v1/backups",
        {"backup_username": "sarula", **dates},
        content_type="application/json",
    )
    assert api.status_code == 422
    assert "own court" in str(api.json()) or "本院" in str(api.json())
    assert not can_act_for(demo["sarula"], demo["wangjun"])
    with pytest.raises(ValidationError):
        name_backup(demo["wangjun"], actor=demo["wangjun"], backup=demo["sarula"],
                    away_from=TODAY, away_until=TODAY)
