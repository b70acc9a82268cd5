"""What the browser tests share: headless Chromium (Debian's) driven by Playwright against the
live test server, signing in as a demo persona, screenshots at phone and desktop widths, and
a scan of what a page shows for raw keys, Python literals and the other language's words.

The fixtures (`browser`, `page`) are offered to every test by the project's conftest; a
browser test file imports the helpers it uses:

    from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

Screenshots go to $TIANPING_SCREENSHOTS (default: <tmp>/tianping-screenshots), one PNG per
width, named after the test and the step, for a person to look at.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

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
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
# The personas' password: the project's conftest sets it to the demo's (lib sits below the
# demo and does not import it).
PASSWORD: str | None = None
SCREENSHOTS = Path(
    os.environ.get("TIANPING_SCREENSHOTS", Path(tempfile.gettempdir()) / "tianping-screenshots")
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's event loop runs beside the ORM in this thread; allow it for these tests only.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=ARGS
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server, demo_network):
    """A phone-sized page in Chinese on the live server with the demo network loaded."""
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def sign_in(page, username, password: str | None = None):
    page.goto(page.base_url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password or PASSWORD)
    page.click("form.stacked button[type=submit]")
    page.wait_for_load_state()


def shoot(page, name: str) -> list[Path]:
    """Screenshots of PAGE as it is now, at phone and at desktop width (whole page), named
    after the running test and NAME; the viewport is put back afterwards."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "test").split(" ")[0]
    stem = re.sub(r"[^\w.-]+", "_", f"{test.rsplit('::', 1)[-1]}-{name}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    before = page.viewport_size
    paths = []
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        path = SCREENSHOTS / f"{stem}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        paths.append(path)
    page.set_viewport_size(before)
    return paths


# What a reader must never see on a page: a field's key, a Python value, a choice code.
RAW = [
    (re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b"), "a raw key"),  # review_due_on
    (re.compile(r"(?m)^[ \t]*[a-z][a-z_]{2,}:"), "a raw key as a caption"),  # channel: online
    (re.compile(r"\[\s*'|'\s*\]|\{\s*'|\[\s*\]|\{\s*\}"), "a Python value"),  # ['a'], {}
    (re.compile(r"\d+\.\d{3,}\s*(?:元|yuan)"), "an amount with too many decimals"),
]
# ... and on a Chinese page besides: Python's words, ASCII punctuation set in Chinese text,
# a label said twice (天平 天平), English sentences.
RAW_ZH = [
    (re.compile(r"\b(?:None|True|False|nan)\b"), "a Python value"),
    (re.compile(r"[\u4e00-\u9fff][ \t]?[,;:(]|\)[\u4e00-\u9fff]"), "ASCII punctuation in Chinese"),
    # brackets around Chinese wherever they stand: after a digit or a Latin word too
    # ("02 (判决)", "2026-12-09 (剩余 7 天)"); Chinese takes （）
    (re.compile(r"\([^()\n]*[\u4e00-\u9fff][^()\n]*\)"), "ASCII brackets around Chinese"),
    (re.compile(r"([\u4e00-\u9fff]{2,}) +\1(?![\u4e00-\u9fff])"), "a label said twice"),
]
CJK = re.compile(r"[\u4e00-\u9fff]")
# three words in a row, on one line (words of two elements are not one sentence)
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{3,}(?:[ \t]+[A-Za-z]{2,}){2,}\b")
# Legitimate content that looks like a problem: e-mail addresses and web addresses (a
# username or a domain may hold "_"), file names, and the product's name in Latin letters.
LEGITIMATE = [
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"\bhttps?://\S+"),
    re.compile(r"[\w\u4e00-\u9fff（）()-]+\.(?:pdf|ofd|jpg|jpeg|png|docx?|zip)\b", re.IGNORECASE),
]


def visible_text(page) -> str:
    """The text a reader sees: the body without scripts, plus form values and titles.
    Waits for the page that a click has just opened to have its body."""
    page.wait_for_load_state("domcontentloaded")
    page.wait_for_function("document.body !== null")
    return page.evaluate(
        """() => {
            const parts = [document.body.innerText];
            for (const el of document.querySelectorAll('input[placeholder], [title]'))
                parts.push(el.getAttribute('placeholder') || '', el.getAttribute('title') || '');
            return parts.join('\\n');
        }"""
    )


def problems(text: str, language: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with TEXT for a reader of LANGUAGE ("zh-hans" or "en"): raw keys, Python
    values, over-long amounts; on a Chinese page also ASCII punctuation in Chinese text,
    labels said twice and sentences in English. ALLOWED: fragments that may appear (a
    person's name in another script, a username shown as such). Usernames, case numbers,
    court codes (内2502), e-mail and web addresses and file names are never a problem."""
    for fragment in allowed:
        text = text.replace(fragment, " ")
    for pattern in LEGITIMATE:
        text = pattern.sub(" ", text)
    patterns = RAW + (RAW_ZH if language.startswith("zh") else [])
    found = [f"{what}: {m.group(0)!r}" for rule, what in patterns for m in rule.finditer(text)]
    if language.startswith("zh"):
        english = ENGLISH_WORDS.finditer(text)
        found += [f"English on a Chinese page: {m.group(0)!r}" for m in english]
    return found


def assert_reads_well(page, language: str = "zh-hans", allowed: tuple[str, ...] = ()) -> None:
    """Fail when PAGE shows a raw key, a Python value or the other language's sentences."""
    found = problems(visible_text(page), language, allowed)
    assert found == [], f"{page.url}: {found}"
