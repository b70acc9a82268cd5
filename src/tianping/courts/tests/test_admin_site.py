"""The Django admin belongs to the platform's superusers, and everything done there is in
the append-only audit record.

The attack these tests replay: a basic court's administrator (Django `is_staff`) set the
password of a judge of another court through the admin, signed in as that judge, and made
itself superuser, recorded only in Django's editable admin log.
"""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.courts.models import Court, Membership
from tianping.demo.network import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Taken-over-2026!"


def password_form(password=NEW_PASSWORD):
    return {"password1": password, "password2": password, "usable_password": "true"}


@pytest.fixture
def staff_flagged_administrator(administrator):
    """The court's administrator as the probe found them: with Django's `is_staff`."""
    administrator.is_staff = True
    administrator.save(update_fields=["is_staff"])
    return administrator


def test_a_court_administrator_cannot_set_another_courts_judge_password_in_admin(
    client, staff_flagged_administrator, judge_of_other_court
):
    client.force_login(staff_flagged_administrator)
    url = f"/admin/accounts/user/{judge_of_other_court.pk}/password/"

    response = client.post(url, password_form())

    assert response.status_code in (302, 403)
    assert "/admin/login/" in response.get("Location", "/admin/login/")
    judge_of_other_court.refresh_from_db()
    assert judge_of_other_court.check_password(DEMO_PASSWORD)
    assert not judge_of_other_court.check_password(NEW_PASSWORD)
    assert client.get("/admin/login/").status_code == 403  # no admin sign-in form either


def test_a_court_administrator_cannot_make_itself_superuser_in_admin(
    client, staff_flagged_administrator
):
    client.force_login(staff_flagged_administrator)
    me = staff_flagged_administrator

    response = client.post(
        f"/admin/accounts/user/{me.pk}/change/", user_change_form(me, is_superuser="on")
    )

    assert response.status_code in (302, 403) and "/admin/login/" in response["Location"]
    me.refresh_from_db()
    assert not me.is_superuser
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/accounts/user/").status_code == 302


def test_is_staff_alone_gives_no_admin(client, judge):
    judge.is_staff = True
    judge.save(update_fields=["is_staff"])
    client.force_login(judge)
    assert client.get("/admin/courts/court/").status_code == 302
    assert client.get("/admin/login/").status_code == 403


def test_a_superuser_password_change_in_admin_is_audited_without_the_password(
    client, superuser, judge_of_other_court
):
    client.force_login(superuser)

    response = client.post(
        f"/admin/accounts/user/{judge_of_other_court.pk}/password/", password_form()
    )

    assert response.status_code == 302
    judge_of_other_court.refresh_from_db()
    assert judge_of_other_court.check_password(NEW_PASSWORD)
    entry = AuditEntry.objects.get(action="user.password_changed")
    assert entry.actor == superuser and entry.object_id == str(judge_of_other_court.pk)
    assert "password" in entry.changes
    recorded = json.dumps(entry.changes, ensure_ascii=False)
    assert NEW_PASSWORD not in recorded and judge_of_other_court.password not in recorded


def user_change_form(user, **overrides):
    now = timezone.localtime()
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": user.email,
        "is_active": "on",
        "date_joined_0": now.strftime("%Y-%m-%d"),
        "date_joined_1": now.strftime("%H:%M:%S"),
        "kind": user.kind,
        "full_name": user.full_name,
        "phone": user.phone,
        "id_number": user.id_number,
        "lawyer_profile-TOTAL_FORMS": "0",
        "lawyer_profile-INITIAL_FORMS": "0",
        "lawyer_profile-MIN_NUM_FORMS": "0",
        "lawyer_profile-MAX_NUM_FORMS": "1",
    }
    data.update(overrides)
    return data


def test_a_superuser_granting_superuser_in_admin_is_audited_before_and_after(
    client, superuser, judge
):
    client.force_login(superuser)

    response = client.post(
        f"/admin/accounts/user/{judge.pk}/change/", user_change_form(judge, is_superuser="on")
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    judge.refresh_from_db()
    assert judge.is_superuser
    entry = AuditEntry.objects.get(action="user.changed", object_id=str(judge.pk))
    assert entry.actor == superuser
    assert entry.changes["is_superuser"] == {"from": False, "to": True}


def test_deleting_memberships_in_bulk_in_admin_records_each_one(client, superuser):
    client.force_login(superuser)
    chosen = list(
        Membership.objects.filter(court__code="内2502", role__in=["judge", "court_clerk"],
                                  user__username__in=["wangjun", "sunli"])
    )
    assert len(chosen) == 2

    response = client.post(
        "/admin/courts/membership/",
        {"action": "delete_selected", "_selected_action": [m.pk for m in chosen], "post": "yes"},
    )

    assert response.status_code == 302
    assert not Membership.objects.filter(pk__in=[m.pk for m in chosen]).exists()
    entries = AuditEntry.objects.filter(action="membership.deleted", actor=superuser)
    assert sorted(e.object_id for e in entries) == sorted(str(m.pk) for m in chosen)
    assert {e.changes["role"] for e in entries} == {"judge", "court_clerk"}


def test_an_inline_row_added_in_admin_is_audited(client, superuser):
    client.force_login(superuser)
    court = Court.objects.get(code="内2501")
    before = court.divisions.count()
    data = {
        "name": court.name,
        "short_name": court.short_name,
        "name_en": court.name_en,
        "code": court.code,
        "level": court.level,
        "special_kind": court.special_kind,
        "parent": court.parent_id,
        "address": court.address,
        "phone": court.phone,
        "is_active": "on",
        "divisions-TOTAL_FORMS": "1",
        "divisions-INITIAL_FORMS": "0",
        "divisions-MIN_NUM_FORMS": "0",
        "divisions-MAX_NUM_FORMS": "1000",
        "divisions-0-name": "民事审判第二庭",
        "divisions-0-name_en": "Second Civil Division",
        "divisions-0-kind": "civil",
    }

    response = client.post(f"/admin/courts/court/{court.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert court.divisions.count() == before + 1
    entry = AuditEntry.objects.get(action="division.created", actor=superuser)
    assert entry.changes["name"] == "民事审判第二庭"
    assert AuditEntry.objects.filter(action="court.changed", object_id=str(court.pk)).exists()


def test_django_admin_log_is_not_the_only_record(client, superuser, judge):
    """Each entry of Django's (editable) admin log has its audit entry beside it."""
    client.force_login(superuser)
    client.post(f"/admin/accounts/user/{judge.pk}/password/", password_form())
    client.post(
        f"/admin/accounts/user/{judge.pk}/change/", user_change_form(judge, is_staff="on")
    )
    assert LogEntry.objects.count() == 2
    actions = set(AuditEntry.objects.filter(actor=superuser).values_list("action", flat=True))
    assert {"user.password_changed", "user.changed"} <= actions
