"""Pages that fit: the navigation folds behind a menu button on phones and tablets (app.js,
no inline script), staff tables keep their column heads and status pills on one line at
1,366 px, and at 768 px a wide table scrolls inside its frame, never the whole page."""

import pytest

from tianping.demo.cases import load_demo_cases
from tianping.lib.testing.browser import shoot, sign_in

pytestmark = pytest.mark.browser

WRAPPED = """(selector) => [...document.querySelectorAll(selector)].filter(el => {
    const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
    const box = el.getBoundingClientRect();
    const pad = parseFloat(getComputedStyle(el).paddingTop)
        + parseFloat(getComputedStyle(el).paddingBottom);
    return box.height - pad > line * 1.5;
}).map(el => el.innerText)"""


def test_the_menu_button_folds_the_navigation_on_a_phone(page):
    sign_in(page, "wangjun")
    button, nav = page.locator("[data-menu-toggle]"), page.locator("nav.nav")
    assert button.is_visible() and not nav.is_visible()
    button.click()
    assert nav.is_visible() and button.get_attribute("aria-expanded") == "true"
    shoot(page, "menu-open")
    nav.get_by_role("link", name="案件", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith("/cases/")


def test_staff_tables_fit_at_desktop_and_tablet_width(page):
    load_demo_cases()
    sign_in(page, "chenzhi")
    for path in ("/cases/", "/time-limits/overdue/", "/filing-review/"):
        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto(page.base_url + path)
        assert page.locator("[data-menu-toggle]").is_hidden()
        assert page.locator("nav.nav").is_visible()
        assert page.evaluate(WRAPPED, "th") == [], path
        assert page.evaluate(WRAPPED, ".badge") == [], path
        page.set_viewport_size({"width": 768, "height": 1024})
        assert page.evaluate("document.documentElement.scrollWidth") <= 768, path
        shoot(page, path.strip("/").replace("/", "-"))


def test_a_missing_page_keeps_the_site_s_layout_and_a_way_on(page):
    response = page.goto(page.base_url + "/no-such-page/")
    assert response.status == 404
    assert page.locator("header.topbar").is_visible()
    assert page.locator(".error-links a").count() == 4
    shoot(page, "not-found")
