"""Service in a real browser, in Chinese, at phone and desktop widths: 张三 confirms his
address and consents to the platform inbox; the clerk 孙丽 serves the judgment on him
electronically and on 李四 by court post, then records the receipt's date; 张三 finds it in
his inbox and on his case page on a phone and opens it: the reading is recorded."""

import pytest

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.service.models import Service
from tianping.service.tests.test_service import TODAY, served_case

pytestmark = pytest.mark.browser


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def test_the_clerk_serves_and_the_plaintiff_reads_on_a_phone(page, demo):
    case, document, plaintiff, defendant = served_case(demo)

    sign_in(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    page.click("#served a.button")
    page.wait_for_url("**/my-address/")
    page.fill("#id_postal_address", "锡林浩特市额尔敦路1号")
    page.check("#id_consent")
    page.check("input[name=channels][value=platform]")
    assert_reads_well(page, "zh-hans")
    shoot(page, "address")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/portal/cases/{case.code}/")
    assert "您的送达地址已确认" in page.inner_text("body")

    switch(page, "sunli")
    page.goto(page.base_url + f"/cases/{case.code}/")
    assert "文书送达" in page.inner_text("#service")
    page.click("#service a.button")
    page.wait_for_url(f"**/service/cases/{case.code}/")
    page.select_option("#id_party", str(plaintiff.pk))
    page.select_option("#id_document", f"doc:{document.pk}")
    page.check("#serve input[name=channels][value=platform]")
    assert_reads_well(page, "zh-hans")
    shoot(page, "serve-form")
    page.click("#serve button[type=submit]")
    page.wait_for_url("**/service/s/*/")
    assert "已于" in page.inner_text("#summary")
    shoot(page, "served-electronically")

    page.goto(page.base_url + f"/service/cases/{case.code}/")
    page.select_option("#id_party", str(defendant.pk))
    page.select_option("#id_document", f"doc:{document.pk}")
    page.check("#serve input[name=channels][value=postal]")
    page.fill("#id_tracking_number", "1190012345678")
    page.fill("#id_posted_on", TODAY.isoformat())
    page.click("#serve button[type=submit]")
    page.wait_for_url("**/service/s/*/")
    assert "尚未送达" in page.inner_text("#summary")
    page.fill("#id_receipt_on", TODAY.isoformat())
    page.click("#attempts button[type=submit]")
    page.wait_for_load_state()
    assert "已于" in page.inner_text("#summary") and "1190012345678" in page.inner_text("body")
    assert_reads_well(page, "zh-hans")
    shoot(page, "served-by-post")
    page.goto(page.base_url + f"/cases/{case.code}/")
    assert page.inner_text("#service").count("已于") == 2
    shoot(page, "case-page")

    switch(page, "zhangsan")
    page.goto(page.base_url + "/notifications/")
    assert "已向您送达" in page.inner_text("body")
    assert_reads_well(page, "zh-hans")
    shoot(page, "inbox")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    served = page.inner_text("#served")
    assert document.title in served and "已阅读" not in served
    assert_reads_well(page, "zh-hans")
    shoot(page, "party-case")
    href = page.get_attribute("#served a[href$='/open/']", "href")
    opened = page.context.request.get(page.base_url + href)  # the PDF, in this session
    assert opened.ok and opened.body().startswith(b"%PDF")
    service = Service.objects.get(party=plaintiff)
    assert service.first_read_by_id == demo["zhangsan"].pk and service.first_read_at
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    assert "已阅读" in page.inner_text("#served")
    shoot(page, "party-read")
