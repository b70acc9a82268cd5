"""Every response carries the Content-Security-Policy; nothing a signed-in user (or an API
token) sees may be kept by a browser or a proxy cache."""

import pytest
from django.conf import settings

from tianping.accounts.tokens import issue_token

pytestmark = pytest.mark.django_db


def _no_store(response):
    assert "no-store" in response["Cache-Control"]
    assert response["Pragma"] == "no-cache"


def test_a_page_carries_the_policy_for_everyone(client, demo_network):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy  # no 'unsafe-inline' or 'unsafe-eval' for scripts
    assert "frame-ancestors 'none'" in policy
    assert policy == settings.CONTENT_SECURITY_POLICY


def test_a_signed_in_page_is_neither_cached_nor_framed(client, judge, login):
    login(judge)
    response = client.get("/workspace/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    _no_store(response)


def test_an_api_answer_with_personal_data_is_not_cached(client, judge, login):
    login(judge)
    response = client.get("/api/v1/me")
    assert response.status_code == 200
    _no_store(response)
    assert "Content-Security-Policy" in response


def test_an_api_answer_to_a_token_is_not_cached(client, judge):
    token = issue_token(judge, name="test")
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    _no_store(response)


def test_pages_run_no_inline_script(client, litigant, login):
    # the policy refuses inline scripts and handlers: none may be left in the pages
    login(litigant)
    page = client.get("/portal/").content.decode()
    assert "<script>" not in page
    assert "onchange=" not in page
    assert "tianping/js/app.js" in page
    assert '"allowEval": false' in page  # htmx never evaluates text from a page


def test_no_template_holds_an_inline_script_or_handler():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    forbidden = re.compile(r"<script(?![^>]*\bsrc=)|\son[a-z]+=|hx-on|javascript:|\bjs:", re.I)
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in root.rglob("templates/**/*.html")
        for match in forbidden.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
