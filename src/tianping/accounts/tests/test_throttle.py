"""One sign-in throttle for every entry point, and per-address counting that never locks
a whole court out behind its proxy."""

import time

import pytest
from django.contrib.auth import get_user_model

from tianping.accounts.choices import UserKind
from tianping.accounts.models import LoginFailure
from tianping.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

LOCKED = "登录失败次数过多"
ADMIN_LOGIN = "/admin/login/?next=/admin/"
ADMIN = "site-admin"


@pytest.fixture
def administrator(password):
    """Someone who may use the Django admin, made here, not a demo persona."""
    return get_user_model().objects.create_user(
        ADMIN,
        password=password,
        kind=UserKind.STAFF,
        full_name="管理员",
        is_staff=True,
        is_superuser=True,
    )


def _fail(client, url, username, times, **extra):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "wrong"}, **extra)
        assert response.status_code == 200


def test_wrong_guesses_on_the_admin_login_are_recorded_and_lock_it(
    client, administrator, password, settings
):
    # when thirty wrong guesses go to the admin's sign-in
    _fail(client, "/admin/login/", ADMIN, 30)
    # then they were counted, and the right password now waits there too
    assert LoginFailure.objects.filter(username=ADMIN).count() == settings.LOGIN_FAILURE_LIMIT
    response = client.post(ADMIN_LOGIN, {"username": ADMIN, "password": password})
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_locked_out_on_the_pages_login_the_admin_login_refuses_too(
    client, administrator, password, settings
):
    # given the administrator is locked out on the pages' sign-in
    _fail(client, "/accounts/login/", ADMIN, settings.LOGIN_FAILURE_LIMIT)
    # when the right password goes to /admin/login/
    response = client.post(ADMIN_LOGIN, {"username": ADMIN, "password": password})
    # then it is refused with the waiting time, and the admin stays closed
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_failures_on_the_admin_login_lock_the_pages_login(client, judge, password, settings):
    _fail(client, "/admin/login/", judge.username, settings.LOGIN_FAILURE_LIMIT)
    response = client.post("/accounts/login/", {"username": judge.username, "password": password})
    assert response.status_code == 200
    assert LOCKED in response.content.decode()


def test_a_locked_username_is_refused_by_authenticate_itself(client, judge, password, settings):
    # any entry point that checks a password (authenticate()) is refused while locked
    _fail(client, "/accounts/login/", judge.username, settings.LOGIN_FAILURE_LIMIT)
    assert not client.login(username=judge.username, password=password)


def test_admin_sign_in_clears_failures_and_is_recorded(client, administrator, password):
    _fail(client, "/admin/login/", ADMIN, 2)
    response = client.post(ADMIN_LOGIN, {"username": ADMIN, "password": password})
    assert response.status_code == 302
    assert not LoginFailure.objects.filter(username=ADMIN).exists()
    assert AuditEntry.objects.filter(action="user.logged_in", actor=administrator).count() == 1


def test_a_bystander_signs_in_from_an_address_that_failed_many_times(
    client, demo_network, password, settings
):
    # given one address (a court's proxy) with failures spread over many usernames
    settings.LOGIN_SLOW_DOWN_SECONDS = 0
    for i in range(settings.LOGIN_FAILURE_LIMIT * 5):
        client.post("/accounts/login/", {"username": f"guess{i}", "password": "x"})
    # when a colleague behind the same address signs in with the right password
    response = client.post("/accounts/login/", {"username": "lixia", "password": password})
    # then she is in
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_wrong_guesses_from_a_hot_address_are_slowed_down(
    client, demo_network, password, settings
):
    settings.LOGIN_SLOW_DOWN_SECONDS = 1
    settings.LOGIN_FAILURE_LIMIT = 2  # the address is hot after 8 failures
    for i in range(8):
        client.post("/accounts/login/", {"username": f"guess{i}", "password": "x"})
    # a wrong guess waits
    start = time.monotonic()
    client.post("/accounts/login/", {"username": "guess-next", "password": "x"})
    assert time.monotonic() - start >= 1
    # the right password of an account that is not locked does not
    start = time.monotonic()
    response = client.post("/accounts/login/", {"username": "lixia", "password": password})
    assert response.status_code == 302
    assert time.monotonic() - start < 1


def test_a_locked_user_stays_locked_from_a_hot_address(client, demo_network, password, settings):
    settings.LOGIN_SLOW_DOWN_SECONDS = 0
    for i in range(settings.LOGIN_FAILURE_LIMIT * 4):
        client.post("/accounts/login/", {"username": f"guess{i}", "password": "x"})
    _fail(client, "/accounts/login/", "wangjun", settings.LOGIN_FAILURE_LIMIT)
    response = client.post("/accounts/login/", {"username": "wangjun", "password": password})
    assert LOCKED in response.content.decode()


@pytest.mark.parametrize(
    ("header", "meta", "value", "recorded"),
    [
        # the last entry is the one our proxy appended; the first came from the client
        ("X-Forwarded-For", "HTTP_X_FORWARDED_FOR", "10.9.9.9, 203.0.113.7", "203.0.113.7"),
        ("X-Forwarded-For", "HTTP_X_FORWARDED_FOR", "2001:db8::7", "2001:db8::7"),
        ("X-Real-IP", "HTTP_X_REAL_IP", "203.0.113.8", "203.0.113.8"),
        # a malformed value is not taken: the connecting address stays
        ("X-Forwarded-For", "HTTP_X_FORWARDED_FOR", "203.0.113.7, not-an-address", "127.0.0.1"),
        ("X-Real-IP", "HTTP_X_REAL_IP", "", "127.0.0.1"),
        # outside the proxy (the default with DEBUG) no header is believed
        ("none", "HTTP_X_FORWARDED_FOR", "203.0.113.7", "127.0.0.1"),
        ("none", "HTTP_X_REAL_IP", "203.0.113.8", "127.0.0.1"),
    ],
)
def test_failures_are_counted_by_the_client_address_the_proxy_reports(
    client, judge, settings, header, meta, value, recorded
):
    settings.CLIENT_ADDRESS_HEADER = header
    _fail(client, "/accounts/login/", judge.username, 1, **{meta: value})
    assert LoginFailure.objects.get().ip_address == recorded


def test_behind_the_proxy_each_client_has_its_own_address_count(
    client, judge, password, settings
):
    # given one client behind the proxy failing with many usernames (a hot address)
    settings.CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    settings.LOGIN_SLOW_DOWN_SECONDS = 0
    for i in range(settings.LOGIN_FAILURE_LIMIT * 4):
        client.post(
            "/accounts/login/",
            {"username": f"guess{i}", "password": "x"},
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    # then the sign-in of another client is recorded with its own address
    response = client.post(
        "/accounts/login/",
        {"username": judge.username, "password": password},
        HTTP_X_FORWARDED_FOR="198.51.100.5",
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="user.logged_in", actor=judge)
    assert entry.ip_address == "198.51.100.5"
    assert set(LoginFailure.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
