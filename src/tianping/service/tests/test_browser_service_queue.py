"""The service queue in a real browser: the clerk 孙丽 opens it from the menu on a phone and
at desktop width, in Chinese and in English, and reads what waits (court post whose
receipt is not back, a public notice running)."""

import pytest

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.service.tests.test_service import served_case
from tianping.service.tests.test_service_queue import add_services

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_clerk_reads_the_queue(page, demo, language):
    case, *_rest = served_case(demo)
    add_services(case, demo["wangjun"], 6)
    page.context.add_cookies([{"name": "django_language", "value": language,
                               "url": page.base_url}])
    sign_in(page, "sunli")
    page.click("[data-menu-toggle]")
    page.click("#nav > a[href='/service/queue/']")
    page.wait_for_url("**/service/queue/")
    text = page.inner_text("main")
    assert "EMS0" in text and "通知书5" in text and "通知书1" not in text
    assert_reads_well(page, language)
    shoot(page, f"queue-{language}")
    page.click("nav.tabs a[href='?kind=postal']")
    assert "EMS3" in page.inner_text("main") and "通知书5" not in page.inner_text("main")
