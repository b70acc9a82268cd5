import datetime
import re

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

pytestmark = pytest.mark.django_db


def _reset_link(mail):
    return re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.body).group(1)


def test_a_user_resets_a_forgotten_password_by_email(client, demo, mailoutbox):
    # when
    client.post("/accounts/password-reset/", {"email": "wangjun@court.example"})
    # then a link arrives and sets a new password
    assert len(mailoutbox) == 1
    link = _reset_link(mailoutbox[0])
    form_page = client.get(link, follow=True)
    assert "设置新密码" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Grassland-2027!", "new_password2": "Grassland-2027!"},
    )
    assert response.status_code == 302
    assert client.login(username="wangjun", password="Grassland-2027!")


def test_unknown_address_sends_nothing_and_reveals_nothing(client, demo, mailoutbox):
    response = client.post(
        "/accounts/password-reset/", {"email": "nobody@example.com"}, follow=True
    )
    assert mailoutbox == []
    assert "请查收邮件" in response.content.decode()


def test_an_expired_link_says_so(client, demo, settings):
    user = demo["wangjun"]

    class Yesterday(PasswordResetTokenGenerator):
        def _now(self):
            return datetime.datetime.now() - datetime.timedelta(
                days=settings.PASSWORD_RESET_TIMEOUT // 86400 + 1
            )

    token = Yesterday().make_token(user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    response = client.get(f"/accounts/reset/{uid}/{token}/", follow=True)
    page = response.content.decode()
    assert "链接已失效" in page
    assert "重新申请" in page


def test_one_account_gets_at_most_three_mails_an_hour(client, demo, mailoutbox, settings):
    # when someone asks thirteen times for the same account
    answers = [
        client.post("/accounts/password-reset/", {"email": "wangjun@court.example"})
        for _ in range(13)
    ]
    # then three mails went, and every answer was the same "sent"
    assert len(mailoutbox) == settings.PASSWORD_RESET_PER_ACCOUNT == 3
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/accounts/password-reset/sent/")
    }


def test_the_limit_per_account_answers_alike_for_an_unknown_address(client, demo, mailoutbox):
    known = [
        client.post("/accounts/password-reset/", {"email": "wangjun@court.example"})
        for _ in range(5)
    ]
    unknown = [
        client.post("/accounts/password-reset/", {"email": "nobody@example.com"})
        for _ in range(5)
    ]
    assert [(a.status_code, a["Location"]) for a in known] == [
        (a.status_code, a["Location"]) for a in unknown
    ]


def test_one_address_may_ask_ten_times_an_hour_then_is_told_to_wait(
    client, demo, mailoutbox, settings
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # given ten requests from one address for ten different (unknown) accounts
    for i in range(settings.PASSWORD_RESET_PER_ADDRESS):
        client.post("/accounts/password-reset/", {"email": f"someone{i}@example.com"})
    # when it asks for a real account, or for another unknown one
    for email in ("wangjun@court.example", "nobody@example.com"):
        response = client.post("/accounts/password-reset/", {"email": email})
        # then the same clear refusal, and no mail
        assert response.status_code == 200
        assert "Too many password-reset requests from your network" in response.content.decode()
    assert mailoutbox == []


def test_another_client_behind_the_proxy_is_not_limited_by_the_first(
    client, demo, mailoutbox, settings
):
    settings.CLIENT_ADDRESS_HEADER = "X-Real-IP"
    for i in range(settings.PASSWORD_RESET_PER_ADDRESS):
        client.post(
            "/accounts/password-reset/",
            {"email": f"someone{i}@example.com"},
            HTTP_X_REAL_IP="203.0.113.66",
        )
    response = client.post(
        "/accounts/password-reset/",
        {"email": "wangjun@court.example"},
        HTTP_X_REAL_IP="198.51.100.5",
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
