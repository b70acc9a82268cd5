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
