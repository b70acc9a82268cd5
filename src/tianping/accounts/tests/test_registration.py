"""Self-registration of litigants and lawyers, the profile page, and a court verifying a
lawyer (courts.lawyers)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tianping.accounts.models import LawyerApplication, User
from tianping.audit.models import AuditEntry
from tianping.courts.models import Court

pytestmark = pytest.mark.django_db

PASSWORD = "Grassland-2027!x"
FORM = {
    "full_name": "巴图孟和",
    "phone": "13912345678",
    "email": "",
    "id_type": "resident_id",
    "id_number": "110105199001011232",
    "password1": PASSWORD,
    "password2": PASSWORD,
}
LICENCE = "11501201910123456"


def lawyer_form(**extra):
    return {**FORM, "licence_number": LICENCE, "law_firm": "草原律师事务所", "court": "内2502",
            **extra}


def test_a_litigant_registers_and_signs_in_with_the_phone(client, demo_network):
    response = client.post("/accounts/register/", FORM)
    assert response.status_code == 302
    user = User.objects.get(username="13912345678")
    assert (user.kind, user.full_name, user.id_type) == ("litigant", "巴图孟和", "resident_id")
    assert user.check_password(PASSWORD)
    assert AuditEntry.objects.filter(action="user.registered", object_id=str(user.pk)).exists()
    assert client.login(username="13912345678", password=PASSWORD)


def test_a_wrong_identity_number_or_weak_password_is_refused(client, demo_network):
    bad = {**FORM, "id_number": "110105199001011233", "password1": "1", "password2": "1"}
    page = client.post("/accounts/register/", bad).content.decode()
    assert "校验" in page or "check" in page.lower()
    assert not User.objects.filter(username="13912345678").exists()


def test_neither_phone_nor_email_is_refused(client, demo_network):
    client.post("/accounts/register/", {**FORM, "phone": ""})
    assert not User.objects.filter(full_name="巴图孟和").exists()


def test_the_same_phone_cannot_register_twice(client, demo_network):
    client.post("/accounts/register/", FORM)
    client.post("/accounts/register/", {**FORM, "full_name": "赵二"})
    assert User.objects.filter(phone="13912345678").count() == 1


def test_registration_is_throttled_per_address(client, demo_network, settings):
    settings.REGISTRATIONS_PER_ADDRESS = 2
    for n in range(3):
        client.post("/accounts/register/", {**FORM, "phone": f"1391234567{n}"})
    assert User.objects.filter(full_name="巴图孟和").count() == 2


def test_a_lawyer_waits_for_verification_as_a_litigant(client, demo_network):
    client.post("/accounts/register/lawyer/", lawyer_form())
    user = User.objects.get(username="13912345678")
    assert user.kind == "litigant"
    assert not hasattr(user, "lawyer_profile")
    application = user.lawyer_application
    assert (application.status, application.court.code) == ("pending", "内2502")


def test_a_lawyer_chooses_among_the_courts_that_have_someone_to_verify(client, demo_network):
    # the demo's high court and the Supreme People's Court have no filing clerk or
    # administrator on the platform: a registration sent there would wait for nobody
    page = client.get("/accounts/register/lawyer/").content.decode()
    assert 'value="内2502"' in page and 'value="内2501"' in page
    assert 'value="最高法"' not in page and 'value="内"' not in page
    response = client.post("/accounts/register/lawyer/", lawyer_form(court="最高法"))
    assert response.status_code == 200 and not User.objects.filter(username="13912345678")


def test_a_licence_number_has_17_digits(client, demo_network):
    client.post("/accounts/register/lawyer/", lawyer_form(licence_number="1234"))
    assert not User.objects.filter(username="13912345678").exists()


def test_the_filing_clerk_verifies_and_the_lawyer_is_told(client, demo, login):
    client.post("/accounts/register/lawyer/", lawyer_form())
    application = LawyerApplication.objects.get()
    login(demo["lixia"])
    page = client.get("/courts/lawyers/").content.decode()
    assert LICENCE in page
    client.post(f"/courts/lawyers/{application.pk}/decision/", {"decision": "verify"})
    user = User.objects.get(pk=application.user_id)
    assert user.kind == "lawyer"
    assert user.lawyer_profile.licence_number == LICENCE
    assert AuditEntry.objects.filter(action="lawyer.verified", actor=demo["lixia"]).exists()
    [note] = user.notifications.all()
    assert "可以代理" in note.message or "verified" in note.message


def test_refusing_needs_a_reason_and_leaves_a_litigant(demo):
    from tianping.accounts import registration
    from tianping.courts.lawyers import decide_application

    user = registration.register(
        full_name="巴图孟和", phone="13912345678", email="", id_type="resident_id",
        id_number="110105199001011232", password=PASSWORD,
        lawyer={"licence_number": LICENCE, "law_firm": "所", "court": Court.objects.get(
            code="内2502")},
    )
    with pytest.raises(ValidationError):
        decide_application(user.lawyer_application, actor=demo["lixia"], verify=False)
    decided = decide_application(
        user.lawyer_application, actor=demo["lixia"], verify=False, reason="执业证号查无此人"
    )
    assert decided.status == "refused"
    assert User.objects.get(pk=user.pk).kind == "litigant"


def test_only_the_courts_clerk_or_administrator_verifies(demo, client, login):
    from tianping.accounts import registration
    from tianping.courts.lawyers import decide_application

    user = registration.register(
        full_name="巴图孟和", phone="13912345678", email="", id_type="resident_id",
        id_number="110105199001011232", password=PASSWORD,
        lawyer={"licence_number": LICENCE, "law_firm": "所", "court": Court.objects.get(
            code="内2502")},
    )
    for who in ("wangjun", "sarula", "zhangsan"):
        with pytest.raises(PermissionDenied):
            decide_application(user.lawyer_application, actor=demo[who], verify=True)
    decide_application(user.lawyer_application, actor=demo["admin"], verify=True)
    login(demo["sarula"])
    assert client.get("/courts/lawyers/").status_code == 403


def test_profile_changes_contact_details_and_masks_the_identity_number(client, litigant, login):
    login(litigant)
    page = client.get("/accounts/profile/").content.decode()
    assert litigant.id_number not in page
    assert litigant.masked_id_number in page
    client.post("/accounts/profile/", {"phone": "13800000001", "email": "z@example.com",
                                       "address": "锡林浩特市额尔敦路1号"})
    litigant.refresh_from_db()
    assert (litigant.phone, litigant.address) == ("13800000001", "锡林浩特市额尔敦路1号")
    assert AuditEntry.objects.filter(action="user.profile_changed", actor=litigant).exists()


def test_changing_the_password(client, litigant, login):
    login(litigant)
    response = client.post("/accounts/password/", {
        "old_password": "Tianping-demo-2026", "new_password1": PASSWORD,
        "new_password2": PASSWORD})
    assert response.status_code == 302
    litigant.refresh_from_db()
    assert litigant.check_password(PASSWORD)
    assert AuditEntry.objects.filter(action="user.password_changed", actor=litigant).exists()


def test_the_lock_out_message_links_to_the_password_reset(client, demo_network, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT + 1):
        response = client.post("/accounts/login/", {"username": "zhangsan", "password": "x"})
    assert "/accounts/password-reset/" in response.content.decode()
    assert "/accounts/register/" in response.content.decode()
