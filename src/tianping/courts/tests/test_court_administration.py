"""Court administration: the administrator of 锡林浩特 (内2502, persona admin) manages
their own court's staff accounts, roles, courtrooms and calendar days, and nothing else.
Each refusal replays an attack and checks nothing changed; each allowed change is in the
audit record."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.courts import administration
from tianping.courts.choices import Role
from tianping.courts.holidays import court_calendar
from tianping.courts.models import CalendarDay, Court, Courtroom, Membership
from tianping.demo.network import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def admin_url(name, *args, code="内2502"):
    return reverse(f"courts:admin_{name}", args=(code, *args))


@pytest.fixture
def as_admin(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def court():
    return Court.objects.get(code="内2502")


def audited(action, actor, obj):
    return AuditEntry.objects.filter(action=action, actor=actor, object_id=str(obj.pk))


# Refused: another court, a role above, its own account, superuser.


def test_another_courts_pages_are_missing_to_the_administrator(as_admin, judge_of_other_court):
    other = Court.objects.get(code="内2501")
    room = Courtroom.objects.create(court=other, name="第一法庭")
    for url in [
        admin_url("home", code="内2501"),
        admin_url("new_account", code="内2501"),
        admin_url("account", judge_of_other_court.pk, code="内2501"),
        admin_url("courtrooms", code="内2501"),
        admin_url("courtroom", room.pk, code="内2501"),
        admin_url("courtroom", room.pk),  # another court's room through our own court
        admin_url("calendar", code="内2501"),
        admin_url("account", judge_of_other_court.pk),  # not one of our staff
    ]:
        assert as_admin.get(url).status_code == 404, url


def test_the_administrator_cannot_reset_another_courts_judge_password(
    as_admin, administrator, judge_of_other_court, court
):
    sarula = judge_of_other_court
    for code in ("内2501", "内2502"):
        response = as_admin.post(admin_url("reset_password", sarula.pk, code=code))
        assert response.status_code == 404
        response = as_admin.post(admin_url("set_active", sarula.pk, code=code), {"active": "0"})
        assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        administration.issue_password_reset(sarula, actor=administrator, court=court)
    sarula.refresh_from_db()
    assert sarula.check_password(DEMO_PASSWORD) and sarula.is_active
    assert not AuditEntry.objects.filter(object_id=str(sarula.pk), actor=administrator).exists()


def test_a_judge_who_also_holds_a_role_at_another_court_is_out_of_reach(
    as_admin, administrator, judge, court
):
    Membership.objects.create(user=judge, court=Court.objects.get(code="内2501"), role=Role.JUDGE)

    assert as_admin.post(admin_url("reset_password", judge.pk)).status_code == 403
    with pytest.raises(PermissionDenied):
        administration.set_account_active(judge, actor=administrator, court=court, active=False)
    judge.refresh_from_db()
    assert judge.check_password(DEMO_PASSWORD) and judge.is_active


@pytest.mark.parametrize("leader", ["president", "division_head"])
def test_a_leaders_account_is_out_of_reach(request, as_admin, leader):
    leader = request.getfixturevalue(leader)
    assert as_admin.post(admin_url("reset_password", leader.pk)).status_code == 403
    assert as_admin.post(admin_url("set_active", leader.pk), {"active": "0"}).status_code == 403
    leader.refresh_from_db()
    assert leader.check_password(DEMO_PASSWORD) and leader.is_active


@pytest.mark.parametrize("role", [Role.PRESIDENT, Role.ADMINISTRATOR, Role.DIVISION_HEAD])
def test_no_role_above_or_beside_the_administrators_own_is_granted(
    as_admin, administrator, judge, court, role
):
    response = as_admin.post(admin_url("grant_role", judge.pk), {"role": role})

    assert response.status_code == 400
    with pytest.raises(PermissionDenied):
        administration.grant_role(judge, actor=administrator, court=court, role=role)
    with pytest.raises(PermissionDenied):
        administration.create_staff_account(
            court, actor=administrator, username="newboss", full_name="新领导", role=role
        )
    assert not Membership.objects.filter(user=judge, role=role).exists()
    assert not get_user_model().objects.filter(username="newboss").exists()


def test_nobody_changes_their_own_roles_or_account(as_admin, administrator, court):
    mine = Membership.objects.get(user=administrator, court=court)

    assert as_admin.post(admin_url("remove_role", mine.pk)).status_code == 403
    response = as_admin.post(admin_url("grant_role", administrator.pk), {"role": Role.JUDGE})
    assert response.status_code == 403
    assert as_admin.post(admin_url("reset_password", administrator.pk)).status_code == 403
    mine.refresh_from_db()
    assert mine.is_active
    assert list(administrator.memberships.values_list("role", flat=True)) == [Role.ADMINISTRATOR]


def test_no_superuser_and_no_django_staff_from_the_new_account_form(as_admin, court):
    response = as_admin.post(
        admin_url("new_account"),
        {"username": "boss", "full_name": "某人", "role": Role.JUDGE,
         "is_superuser": "on", "is_staff": "on", "kind": "litigant"},
    )

    assert response.status_code == 200
    boss = get_user_model().objects.get(username="boss")
    assert not boss.is_superuser and not boss.is_staff and boss.is_court_staff


def test_only_the_administrator_of_the_court_opens_its_pages(client, demo):
    for username in ("wangjun", "chenzhi", "bayar", "lixia", "zhangsan", "sarula"):
        client.force_login(demo[username])
        assert client.get(admin_url("home")).status_code == 404, username
    client.force_login(demo["admin"])
    assert client.get(admin_url("home")).status_code == 200


# Allowed, and recorded.


def test_a_new_account_gets_a_one_time_link_to_set_its_password(client, as_admin, administrator):
    response = as_admin.post(
        admin_url("new_account"),
        {"username": "wulan", "full_name": "乌兰", "role": Role.JUDGE_ASSISTANT, "phone": ""},
    )

    assert response.status_code == 200
    link = response.context["link"]
    wulan = get_user_model().objects.get(username="wulan")
    assert not wulan.has_usable_password()
    assert Membership.objects.get(user=wulan).role == Role.JUDGE_ASSISTANT
    assert audited("user.created", administrator, wulan).exists()
    assert AuditEntry.objects.filter(action="membership.created", actor=administrator).exists()
    # the owner sets a password through the link, once
    client.logout()
    form = client.get(link, follow=True)
    new = {"new_password1": "Wulan-sets-2026!", "new_password2": "Wulan-sets-2026!"}
    assert client.post(form.redirect_chain[-1][0], new).status_code == 302
    wulan.refresh_from_db()
    assert wulan.check_password("Wulan-sets-2026!")
    assert client.get(link, follow=True).context["validlink"] is False


def test_a_password_reset_stops_the_old_password_and_is_recorded_without_secrets(
    as_admin, administrator, judge
):
    response = as_admin.post(admin_url("reset_password", judge.pk))

    assert response.status_code == 200
    judge.refresh_from_db()
    assert not judge.check_password(DEMO_PASSWORD)
    entry = audited("user.password_reset_issued", administrator, judge).get()
    token = response.context["link"].rstrip("/").rsplit("/", 1)[-1]
    recorded = json.dumps(entry.changes)
    assert token not in recorded and judge.password not in recorded


def test_deactivating_and_reactivating_an_account(client, as_admin, administrator, judge):
    as_admin.post(admin_url("set_active", judge.pk), {"active": "0"})
    judge.refresh_from_db()
    assert not judge.is_active
    assert audited("user.deactivated", administrator, judge).get().changes["is_active"] == {
        "from": True, "to": False}
    as_admin.post(admin_url("set_active", judge.pk), {"active": "1"})
    judge.refresh_from_db()
    assert judge.is_active and audited("user.reactivated", administrator, judge).exists()


def test_granting_and_removing_a_role(as_admin, administrator, judge, court):
    division = court.divisions.get(name="执行局")
    role = {"role": Role.ENFORCEMENT_OFFICER, "division": division.pk}
    response = as_admin.post(admin_url("grant_role", judge.pk), role)
    assert response.status_code == 302
    granted = Membership.objects.get(user=judge, role=Role.ENFORCEMENT_OFFICER)
    assert granted.division == division and not granted.sees_lower_courts
    assert audited("membership.created", administrator, granted).exists()

    assert as_admin.post(admin_url("remove_role", granted.pk)).status_code == 302
    granted.refresh_from_db()
    assert not granted.is_active
    entry = audited("membership.removed", administrator, granted).get()
    assert entry.changes["is_active"] == {"from": True, "to": False}


def test_a_division_of_another_court_is_refused(as_admin, judge):
    other = Court.objects.get(code="内2501").divisions.first()
    response = as_admin.post(
        admin_url("grant_role", judge.pk), {"role": Role.MEDIATOR, "division": other.pk}
    )
    assert response.status_code == 400
    assert not Membership.objects.filter(user=judge, role=Role.MEDIATOR).exists()


def test_courtrooms_are_added_changed_and_deleted_with_audit(as_admin, administrator, court):
    room = {"name": "第三审判庭", "location": "四层", "seats": "40"}
    as_admin.post(admin_url("courtrooms"), room)
    room = Courtroom.objects.get(court=court, name="第三审判庭")
    as_admin.post(admin_url("courtroom", room.pk), {"name": "第三审判庭", "seats": "60"})
    room.refresh_from_db()
    assert room.seats == 60
    assert audited("courtroom.changed", administrator, room).get().changes["seats"] == {
        "from": 40, "to": 60}
    as_admin.post(admin_url("delete_courtroom", room.pk))
    assert not Courtroom.objects.filter(pk=room.pk).exists()
    assert {"courtroom.created", "courtroom.deleted"} <= set(
        AuditEntry.objects.filter(actor=administrator).values_list("action", flat=True)
    )


def test_the_courts_own_days_count_for_it_alone(as_admin, administrator, court):
    day = timezone.localdate().replace(month=7, day=11)  # 那达慕
    response = as_admin.post(
        admin_url("calendar"), {"day": day.isoformat(), "is_rest_day": "1", "name": "那达慕"}
    )
    assert response.status_code == 302
    entry = CalendarDay.objects.get(court=court, day=day)
    assert audited("calendarday.created", administrator, entry).exists()
    assert court_calendar(court=court).is_rest_day(day)
    other = Court.objects.get(code="内2501")
    assert court_calendar(court=other).extra.get(day) is None
    assert court_calendar().extra.get(day) is None  # the national table is untouched
    as_admin.post(admin_url("delete_calendar_day", entry.pk))
    assert not CalendarDay.objects.filter(pk=entry.pk).exists()
    assert AuditEntry.objects.filter(action="calendarday.deleted", actor=administrator).exists()


def test_the_staff_list_offers_only_the_accounts_within_reach(as_admin, judge, president):
    as_admin.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = as_admin.get(admin_url("home")).content.decode()
    assert admin_url("account", judge.pk) in page
    assert admin_url("account", president.pk) not in page and "not yours to manage" in page
    page = as_admin.get(admin_url("account", president.pk)).content.decode()
    assert "This account is not yours to manage" in page
    assert admin_url("reset_password", president.pk) not in page
    for name in ("new_account", "courtrooms", "calendar"):
        assert as_admin.get(admin_url(name)).status_code == 200


def test_a_courts_own_rest_day_moves_its_own_review_deadline_only(court):
    import datetime

    from tianping.filings.actions.common import start_clock
    from tianping.filings.choices import FilingKind
    from tianping.filings.models import Filing

    received = datetime.date(2025, 3, 3)
    ours = Filing(court=court, kind=FilingKind.CIVIL)
    theirs = Filing(court=Court.objects.get(code="内2501"), kind=FilingKind.CIVIL)
    start_clock(ours, received)
    due = ours.review_due_on
    CalendarDay.objects.create(court=court, day=due, is_rest_day=True, name="闭院")

    start_clock(ours, received)
    start_clock(theirs, received)

    assert ours.review_due_on > due and theirs.review_due_on == due
