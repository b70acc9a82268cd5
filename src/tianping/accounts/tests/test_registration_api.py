"""Registering and the profile through the API (/api/v1/registrations, /api/v1/profile):
the same checks, limits and audit as the pages, errors said in Chinese beside their field."""

import json

import pytest

from tianping.accounts.models import User
from tianping.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

PASSWORD = "Grassland-2027!x"
LICENCE = "11501201910123456"
BODY = {
    "full_name": "巴图孟和",
    "phone": "13912345678",
    "id_type": "resident_id",
    "id_number": "110105 19900101 1232",
    "password": PASSWORD,
}
LAWYER = {"licence_number": LICENCE, "law_firm": "草原律师事务所", "court": "内2502"}


def post(client, url, body, method="post"):
    data = json.dumps(body, ensure_ascii=False)
    return getattr(client, method)(url, data, content_type="application/json")


def problems(response) -> dict:
    """{field: message} of a 422 answer's located problems."""
    return {".".join(p["loc"][2:]): p["msg"] for p in response.json()["detail"]}


def test_anyone_registers_through_the_api_and_signs_in(client, demo_network):
    response = post(client, "/api/v1/registrations", BODY)
    assert response.status_code == 201, response.content
    assert response.json()["username"] == "13912345678"
    assert response.json()["lawyer_application"] is None
    user = User.objects.get(username="13912345678")
    assert (user.kind, user.id_number) == ("litigant", "110105199001011232")  # normalised
    assert AuditEntry.objects.filter(action="user.registered", object_id=str(user.pk)).exists()
    page = client.post("/accounts/login/", {"username": "13912345678", "password": PASSWORD})
    assert page.status_code == 302
    assert client.get("/api/v1/profile").json()["full_name"] == "巴图孟和"


def test_a_wrong_identity_number_is_said_in_chinese_beside_the_field(client, demo_network):
    response = post(client, "/api/v1/registrations", {**BODY, "id_number": "110105199001011233"})
    assert response.status_code == 422
    assert problems(response) == {"id_number": "校验码（最后一位）不符，号码有误。"}
    assert not User.objects.filter(username="13912345678").exists()


def test_the_page_and_the_api_say_the_same(client, demo_network):
    page = client.post("/accounts/register/", {
        **BODY, "id_number": "110105199001011233", "password1": PASSWORD, "password2": PASSWORD,
        "phone": "", "email": ""}).content.decode()
    assert "校验码（最后一位）不符，号码有误。" in page
    assert "请填写手机号码或电子邮箱。" in page
    response = post(client, "/api/v1/registrations",
                    {**BODY, "id_number": "110105199001011233", "phone": ""})
    assert problems(response) == {"id_number": "校验码（最后一位）不符，号码有误。",
                                  "phone": "请填写手机号码或电子邮箱。"}


def test_a_weak_password_a_bad_phone_and_a_taken_number_are_refused(client, demo_network):
    response = post(client, "/api/v1/registrations",
                    {**BODY, "password": "13912345678", "phone": "1391234"})
    assert set(problems(response)) == {"password", "phone"}
    assert post(client, "/api/v1/registrations", BODY).status_code == 201
    again = post(client, "/api/v1/registrations", {**BODY, "full_name": "赵二"})
    assert again.status_code == 422
    assert again.json()["detail"] == [
        "已有账户使用该手机号码或电子邮箱。请直接登录，或在登录页重置密码。"
    ]
    assert User.objects.filter(phone="13912345678").count() == 1


def test_a_lawyer_registers_and_waits_for_the_court(client, demo_network):
    response = post(client, "/api/v1/registrations", {**BODY, "lawyer": LAWYER})
    assert response.status_code == 201
    application = response.json()["lawyer_application"]
    assert (application["status"], application["court"]) == ("pending", "内2502")
    user = User.objects.get(username="13912345678")
    assert user.kind == "litigant" and not hasattr(user, "lawyer_profile")


def test_a_lawyers_details_are_checked_where_they_are(client, demo_network):
    bad = {**BODY, "lawyer": {**LAWYER, "licence_number": "1234", "court": "火星1"}}
    response = post(client, "/api/v1/registrations", bad)
    assert set(problems(response)) == {"lawyer.licence_number", "lawyer.court"}
    assert not User.objects.filter(username="13912345678").exists()


def test_registering_is_bounded_per_address_across_the_page_and_the_api(client, demo_network,
                                                                        settings):
    settings.REGISTRATIONS_PER_ADDRESS = 2
    client.post("/accounts/register/", {"full_name": "x"})  # counted, though wrong
    assert post(client, "/api/v1/registrations", BODY).status_code == 201
    response = post(client, "/api/v1/registrations", {**BODY, "phone": "13912345679"})
    assert response.status_code == 429
    assert "注册请求过多" in response.json()["detail"]
    assert not User.objects.filter(username="13912345679").exists()
    page = client.post("/accounts/register/", {**BODY, "phone": "13912345670",
                                               "password1": PASSWORD, "password2": PASSWORD})
    assert "注册请求过多" in page.content.decode()


def test_the_profile_masks_the_identity_number(client, litigant, login):
    assert client.get("/api/v1/profile").status_code == 401
    login(litigant)
    profile = client.get("/api/v1/profile").json()
    assert profile["id_number"] == litigant.masked_id_number
    assert litigant.id_number not in json.dumps(profile)
    assert profile["kind"] == "litigant" and profile["lawyer"] is None


def test_the_profile_changes_only_what_is_given_as_the_page_would(client, litigant, login):
    login(litigant)
    before = (litigant.phone, litigant.email)
    response = post(client, "/api/v1/profile", {"address": "锡林浩特市额尔敦路1号"}, "patch")
    assert response.status_code == 200
    litigant.refresh_from_db()
    assert (litigant.phone, litigant.email, litigant.address) == (*before, "锡林浩特市额尔敦路1号")
    assert AuditEntry.objects.filter(action="user.profile_changed", actor=litigant).exists()
    wrong = post(client, "/api/v1/profile", {"phone": "12345", "email": "not-an-address"},
                 "patch")
    assert wrong.status_code == 422
    assert problems(wrong)["phone"] == "手机号码为以 1 开头的 11 位数字。"
    assert "email" in problems(wrong)
    litigant.refresh_from_db()
    assert litigant.phone == before[0]
