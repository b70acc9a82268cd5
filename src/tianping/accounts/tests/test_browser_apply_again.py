"""In a real browser: a lawyer whose registration the court refused reads why on the account
page, corrects the licence number and sends it again; the filing clerk finds it waiting,
with the earlier refusal beside it. In English (the new strings' Chinese comes with the
translation round); screenshots at both widths."""

import pytest

from tianping.accounts import registration
from tianping.courts.lawyers import decide_application
from tianping.courts.models import Court
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "Grassland-2027!x"
LICENCE, CORRECTED = "11501201910123456", "11501201910123457"
REASON = "执业证号查无此人，请核对执业证上的号码"


def in_english(page):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])


def test_a_refused_lawyer_corrects_and_applies_again(page, browser, live_server, demo):
    user = registration.register(
        full_name="巴图孟和", phone="13912340000", email="", id_type="resident_id",
        id_number="110105199001011232", password=PASSWORD,
        lawyer={"licence_number": LICENCE, "law_firm": "锡林郭勒盟草原律师事务所",
                "court": Court.objects.get(code="内2502")},
    )
    decide_application(user.lawyer_application, actor=demo["lixia"], verify=False,
                       reason=REASON)

    in_english(page)
    sign_in(page, "13912340000", PASSWORD)
    page.goto(page.base_url + "/accounts/profile/")
    told = page.locator("#lawyer-registration").inner_text()
    assert "Refused" in told and REASON in told
    assert_reads_well(page, "en")
    shoot(page, "profile-refused")

    page.click("a[href='/accounts/profile/lawyer/apply-again/']")
    assert REASON in page.locator("#refusal").inner_text()
    assert page.input_value("#id_licence_number") == LICENCE  # the refused details, to correct
    assert_reads_well(page, "en")
    shoot(page, "apply-again")
    page.fill("#id_licence_number", "1150120191012345")
    page.click("form.stacked button[type=submit]")
    assert "17 digits" in page.locator(".errorlist").last.inner_text()
    shoot(page, "apply-again-wrong-licence")
    page.fill("#id_licence_number", CORRECTED)
    page.click("form.stacked button[type=submit]")
    assert page.url.endswith("/accounts/profile/")
    assert "sent again" in page.locator(".messages").inner_text()
    assert "Pending verification" in page.locator("#lawyer-registration").inner_text()
    assert page.locator("a[href='/accounts/profile/lawyer/apply-again/']").count() == 0
    assert_reads_well(page, "en")
    shoot(page, "applied-again")

    clerk = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    desk = clerk.new_page()
    desk.base_url = live_server.url
    in_english(desk)
    sign_in(desk, "lixia")
    desk.goto(desk.base_url + "/courts/lawyers/")
    waiting = desk.locator("li.row-card").first.inner_text()
    assert CORRECTED in waiting and "Refused before" in waiting and REASON in waiting
    assert_reads_well(desk, "en")
    shoot(desk, "clerk-sees-it-again")
    clerk.close()
