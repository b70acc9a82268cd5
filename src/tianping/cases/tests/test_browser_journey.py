"""The whole journey in a real browser: online filing, correction, filing, closing, dashboard."""

import os
import re
import shutil

import pytest

from tianping.cases.tests.closing import PDF
from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.demo.network import DEMO_PASSWORD

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("TIANPING_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop beside the ORM
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def person(browser, live_server, demo_network):
    sync_builtin_catalogs()
    contexts = []

    def sign_in(username, phone=False):
        size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
        context = browser.new_context(locale="zh-CN", viewport=size)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.base = live_server.url
        page.goto(live_server.url + "/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("form.stacked button[type=submit]")
        page.wait_for_load_state()
        return page

    yield sign_in
    for context in contexts:
        context.close()


def _dashboard_totals(page):
    """["", received, closed] this year on the indicator page (the old dashboard's address
    leads there)."""
    page.goto(page.base + "/cases/dashboard/")
    page.wait_for_url("**/indicators/**")

    def value(code):
        text = page.locator(f"tr[data-code={code}] .ind-value").first.inner_text()
        return text.split()[0].replace(",", "")

    return ["", value("received"), value("closed")]


def _next_step(page):
    """Save and continue (a button on form steps, a link on the representatives step)."""
    forward = page.locator(
        ".step-nav button[name=go]:not(.secondary), .step-nav a.button:not(.secondary)"
    )
    page.wait_for_load_state("networkidle")  # let autosave and identity checks finish
    forward.first.wait_for()
    with page.expect_navigation():
        forward.first.click()
    page.wait_for_load_state()


def test_file_correct_accept_close_and_the_dashboard_counts(person):
    president = person("chenzhi")
    before = _dashboard_totals(president)

    # a litigant files online, on a phone
    litigant = person("zhangsan", phone=True)
    litigant.goto(litigant.base + "/portal/filings/new/")
    litigant.select_option("[name=court]", "内2502")
    litigant.select_option("[name=kind]", "civil")
    with litigant.expect_navigation():
        litigant.click("form.stacked button[type=submit]")
    assert "/parties/" in litigant.url
    for i, (role, name, number) in enumerate(
        [("plaintiff", "张三", "152502198503120022"), ("defendant", "李四", "110105199001011232")]
    ):
        if litigant.locator(f"[name='party-{i}-name']").count() == 0:
            litigant.click("button[name=op][value=add]")
            litigant.wait_for_selector(f"[name='party-{i}-name']")
        litigant.select_option(f"[name='party-{i}-role']", role)
        litigant.select_option(f"[name='party-{i}-kind']", "natural")
        litigant.fill(f"[name='party-{i}-name']", name)
        litigant.select_option(f"[name='party-{i}-doc_type']", "resident_id")
        litigant.fill(f"[name='party-{i}-id_number']", number)
        litigant.fill(f"[name='party-{i}-phone']", "1380000000" + str(i))  # reachable
    _next_step(litigant)  # to representatives
    while "/claims/" not in litigant.url:
        _next_step(litigant)
    litigant.fill("[name=claims]", "判令被告归还借款二万元")
    litigant.fill("[name=amount]", "20000")
    litigant.fill("[name=facts]", "被告于2025年借款二万元，到期未还。")
    while "/review/" not in litigant.url:
        _next_step(litigant)
    with litigant.expect_navigation():
        litigant.click("form[action$='/submit/'] button[type=submit]")
    code = re.search(r"/portal/filings/([A-Z0-9]+)/", litigant.url).group(1)
    assert code in litigant.content()

    # the clerk asks for one correction
    clerk = person("lixia")
    clerk.goto(clerk.base + f"/filing-review/{code}/")
    clerk.locator("details:has(form[action$='/correction/']) > summary").click()
    clerk.locator("form[action$='/correction/'] [name=item]").first.fill("请补充借条复印件")
    with clerk.expect_navigation():
        clerk.click("form[action$='/correction/'] button[type=submit]:not([name=add_item])")

    # the litigant sees it and corrects
    litigant.goto(litigant.base + f"/portal/filings/{code}/correction/")
    assert "请补充借条复印件" in litigant.content()
    litigant.fill("#answer", "已补充借条复印件")
    with litigant.expect_navigation():
        litigant.click("form.stacked button[type=submit]")

    # the clerk files the case
    clerk.goto(clerk.base + f"/filing-review/{code}/")
    clerk.check("#id_accept_confirm")  # filing the case cannot be undone: confirmed first
    with clerk.expect_navigation():
        clerk.click("form[action$='/accept/'] button[type=submit]")
    number = re.search(r"（\d{4}）内2502民初\d+号", clerk.content()).group(0)

    # the litigant sees the case number
    litigant.goto(litigant.base + "/portal/cases/")
    assert number in litigant.content()

    # the judge closes it
    judge = person("wangjun")
    judge.goto(judge.base + "/cases/")
    judge.click(f"text={number}")
    judge.wait_for_load_state()
    with judge.expect_navigation():  # the trial starts first
        judge.click("form[action$='/start-trial/'] button[type=submit]")
    with judge.expect_navigation():  # closing is a page of its own, with a confirmation
        judge.click("#close a.button")
    judge.select_option("#close [name=mode]", "mediation")
    today = judge.evaluate("new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Shanghai'})")
    judge.fill("#close [name=closed_on]", today)
    judge.set_input_files(
        "#close [name=documents]",
        {"name": "调解书.pdf", "mimeType": "application/pdf", "buffer": PDF},
    )
    judge.check("#close [name=confirm]")
    with judge.expect_navigation():
        judge.click("#close button[type=submit]")
    assert "调解" in judge.content() or "mediation" in judge.content().lower()

    # the dashboard counts one more received and one more closed
    after = _dashboard_totals(president)
    assert int(after[1]) == int(before[1]) + 1  # received
    assert int(after[2]) == int(before[2]) + 1  # closed
