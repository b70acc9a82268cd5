import pytest

from tianping.accounts.models import LoginFailure
from tianping.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_judge_signs_in_and_lands_on_the_workspace(client, judge, password):
    # when
    response = client.post(
        "/accounts/login/", {"username": judge.username, "password": password}, follow=True
    )
    # then
    assert response.redirect_chain[-1][0] == "/workspace/"
    assert "王军的工作台" in response.content.decode()
    assert AuditEntry.objects.filter(action="user.logged_in", actor=judge).exists()


def test_litigant_signs_in_and_lands_on_the_portal(client, litigant, password):
    response = client.post(
        "/accounts/login/", {"username": litigant.username, "password": password}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/portal/"
    page = response.content.decode()
    assert "欢迎，张三" in page
    # the identity number is masked on the portal
    assert "152502********0022" in page
    assert "152502198503120022" not in page


def test_wrong_password_is_refused_with_a_clear_message(client, judge):
    response = client.post("/accounts/login/", {"username": judge.username, "password": "nope"})
    assert response.status_code == 200
    assert "用户名或密码错误" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_user_gets_the_same_message_as_a_wrong_password(client, demo_network):
    response = client.post("/accounts/login/", {"username": "nobody", "password": "nope"})
    assert "用户名或密码错误" in response.content.decode()


def test_message_is_in_english_after_switching(client, judge):
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    response = client.post("/accounts/login/", {"username": judge.username, "password": "nope"})
    assert "The username or password is wrong" in response.content.decode()


def test_repeated_failures_lock_the_account_even_for_the_right_password(
    client, demo_network, password, settings
):
    # given five failures
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "wangjun", "password": "wrong"})
    # when the right password comes next
    response = client.post("/accounts/login/", {"username": "wangjun", "password": password})
    # then it is refused with the waiting time
    assert response.status_code == 200
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_another_user_is_not_locked_by_someone_elses_failures(
    client, demo_network, password, settings
):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "wangjun", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "lixia", "password": password})
    assert response.status_code == 302


def test_successful_sign_in_clears_earlier_failures(client, demo_network, password):
    client.post("/accounts/login/", {"username": "wangjun", "password": "wrong"})
    client.post("/accounts/login/", {"username": "wangjun", "password": password})
    assert not LoginFailure.objects.filter(username="wangjun").exists()


def test_sign_out_ends_the_session(client, judge, login):
    login(judge)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/workspace/").status_code == 302  # back to the login page


def test_changing_a_password_in_admin_keeps_the_hash_out_of_the_audit_record(judge):
    from tianping.audit.actions import field_values

    values = field_values(judge)
    assert judge.password not in str(values)
    assert values["password"].startswith("[secret")
