"""The staff menu keeps to one line at desktop width (1280 px) for the president and the
filing clerk, in Chinese and English: each role's daily pages first, the rest under
"More" (a disclosure); on a phone (390 px) it folds behind the menu button and "More"
opens in place."""

import pytest

from tianping.lib.testing.browser import SCREENSHOTS, assert_reads_well, sign_in

pytestmark = pytest.mark.browser
ONE_LINE = """() => {
  const tops = [...document.querySelectorAll('#nav > a, #nav > details > summary')]
    .map(e => Math.round(e.getBoundingClientRect().top));
  return new Set(tops).size;
}"""


@pytest.mark.parametrize("who", ["chenzhi", "lixia"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_menu_fits_one_line_and_folds_on_a_phone(page, who, language):
    page.context.add_cookies([{"name": "django_language", "value": language,
                               "url": page.base_url}])
    sign_in(page, who)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(page.base_url + "/workspace/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"menu-{who}-{language}-1280.png"))
    assert page.evaluate(ONE_LINE) == 1
    top = page.locator("header.topbar").bounding_box()
    assert top["height"] < 70  # brand, menu and session on one line
    more = page.locator("#nav details.nav-more")
    more.locator("summary").click()
    assert page.locator(".nav-more-items a").first.is_visible()
    assert_reads_well(page, language)
    page.screenshot(path=str(SCREENSHOTS / f"menu-{who}-{language}-1280-more.png"))
    queue = "送达待办" if language == "zh-hans" else "Service queue"
    if who == "lixia":  # the filing clerk's daily page, on the first line
        assert page.locator("#nav > a", has_text=queue).is_visible()
    page.goto(page.base_url + "/workspace/")
    page.set_viewport_size({"width": 390, "height": 844})
    assert not page.locator("#nav").is_visible()
    page.click("[data-menu-toggle]")
    assert page.locator("#nav > a").first.is_visible()
    page.locator("#nav details.nav-more summary").click()
    assert page.locator(".nav-more-items a").last.is_visible()
    page.screenshot(path=str(SCREENSHOTS / f"menu-{who}-{language}-390.png"), full_page=True)
