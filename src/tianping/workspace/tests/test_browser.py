"""Signing in with a real browser (headless Chromium driven by Playwright)."""

import pytest

from tianping.lib.testing.browser import sign_in

pytestmark = pytest.mark.browser

def test_judge_lands_on_the_workspace_in_chinese_then_english(page):
    sign_in(page, "wangjun")
    assert page.url.endswith("/workspace/")
    assert page.locator("h1").inner_text() == "王军的工作台"
    with page.expect_navigation():
        page.select_option("#language", "en")
    assert page.url.endswith("/workspace/")
    assert page.locator("h1").inner_text() == "Workspace of 王军"
    assert page.locator("nav.nav").text_content().count("Courts") == 1  # under "More"


def test_litigant_lands_on_the_portal_in_chinese_then_english(page):
    sign_in(page, "zhangsan")
    assert page.url.endswith("/portal/")
    assert page.locator("h1").inner_text() == "欢迎，张三"
    with page.expect_navigation():
        page.select_option("#language", "en")
    assert page.url.endswith("/portal/")
    assert page.locator("h1").inner_text() == "Welcome, 张三"
    assert "152502********0022" in page.content()


def test_wrong_password_shows_a_message_and_keeps_the_username(page):
    page.goto(page.base_url + "/accounts/login/")
    page.fill("#id_username", "wangjun")
    page.fill("#id_password", "wrong")
    page.click("form.stacked button[type=submit]")
    assert "用户名或密码错误" in page.locator("[role=alert]").inner_text()
    assert page.input_value("#id_username") == "wangjun"


def watch_for_policy_violations(page) -> list[str]:
    """Everything the Content-Security-Policy refused on PAGE, as the browser reports it."""
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )
    page.on("pageerror", lambda error: refused.append(str(error)))
    return refused


def test_pages_work_under_the_content_security_policy(page):
    from tianping.catalog.builtin import sync_builtin_catalogs
    from tianping.catalog.choices import CatalogKind

    sync_builtin_catalogs([CatalogKind.CIVIL_CAUSES])
    refused = watch_for_policy_violations(page)
    # the sign-in page, the workspace, then the window filing with its catalog picker
    sign_in(page, "lixia")
    assert page.url.endswith("/workspace/")
    page.goto(page.base_url + "/filing-review/window/new/")
    # htmx searches as one types; a click on a result fills the hidden field (app.js)
    page.fill("#cause-picker", "mmht")
    choice = page.locator("#cause-picker-results [data-code]").first
    choice.wait_for()
    code = choice.get_attribute("data-code")
    choice.click()
    assert page.input_value("[data-picker] input[type=hidden]") == code
    assert page.locator("#cause-picker-results [data-code]").count() == 0
    # typing again clears the choice
    page.fill("#cause-picker", "借款")
    assert page.input_value("[data-picker] input[type=hidden]") == ""
    # the language switch (app.js, no inline handler) still switches
    with page.expect_navigation():
        page.select_option("#language", "en")
    assert "Window filing" in page.locator("h1").inner_text()
    # the API's documentation and the admin's sign-in load nothing from elsewhere either
    page.goto(page.base_url + "/api/v1/docs")
    page.locator(".swagger-ui .info").wait_for()
    page.goto(page.base_url + "/admin/login/")
    assert refused == []
