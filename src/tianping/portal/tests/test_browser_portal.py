"""The portal in a real browser: a new litigant registers, signs in and edits the profile; a
lawyer registers and is verified by the filing clerk; a lawyer's desk; a litigant finds the
correction notice and a message after the clerk asks for corrections. The pages new in this
round read well in English (their Chinese comes with the translation round); the filer's
filing page and inbox are checked in Chinese. Screenshots at both widths."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "Grassland-2027!x"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def in_english(page):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])


def fill_registration(page, phone, **extra):
    page.fill("#id_full_name", "巴图孟和")
    page.fill("#id_phone", phone)
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", "110105199001011232")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    for field, value in extra.items():
        if field == "court":
            page.select_option("#id_court", value)
        else:
            page.fill(f"#id_{field}", value)


def test_a_new_litigant_registers_signs_in_and_edits_the_profile(page):
    in_english(page)
    page.goto(page.base_url + "/accounts/login/")
    page.click("a[href='/accounts/register/']")
    page.wait_for_url("**/accounts/register/")
    assert_reads_well(page, "en")
    shoot(page, "register")
    fill_registration(page, "13912345678", id_number="110105199001011233")
    page.click("form.stacked button[type=submit]")
    assert "check" in page.locator(".errorlist").inner_text().lower()
    shoot(page, "register-wrong-id")
    page.fill("#id_id_number", "110105199001011232")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("form.stacked button[type=submit]")
    assert page.url.endswith("/accounts/login/")
    assert "13912345678" in page.locator(".messages").inner_text()
    shoot(page, "registered")

    sign_in(page, "13912345678", PASSWORD)
    assert page.url.endswith("/portal/")
    page.click("main a[href='/accounts/profile/']")
    assert "110105********1232" in page.content()
    assert "110105199001011232" not in page.content()
    page.fill("#id_address", "锡林浩特市额尔敦路1号")
    page.fill("#id_email", "batu@example.com")
    page.click("form.stacked button[type=submit]")
    assert "saved" in page.locator(".messages").inner_text()
    assert page.input_value("#id_address") == "锡林浩特市额尔敦路1号"
    assert_reads_well(page, "en")
    shoot(page, "profile")
    page.click("a[href='/accounts/password/']")
    assert_reads_well(page, "en")
    shoot(page, "password-change")


def test_a_lawyer_registers_and_the_filing_clerk_verifies(page, browser, live_server):
    in_english(page)
    page.goto(page.base_url + "/accounts/register/lawyer/")
    fill_registration(page, "13912340000", licence_number="11501201910123456",
                      law_firm="锡林郭勒盟草原律师事务所", court="内2502")
    shoot(page, "lawyer-register")
    page.click("form.stacked button[type=submit]")
    assert page.url.endswith("/accounts/login/")
    sign_in(page, "13912340000", PASSWORD)
    assert "My clients' matters" not in page.content()  # a litigant until verified
    page.goto(page.base_url + "/accounts/profile/")
    assert "Pending verification" in page.content()
    shoot(page, "lawyer-pending")

    clerk = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    desk = clerk.new_page()
    desk.base_url = live_server.url
    in_english(desk)
    sign_in(desk, "lixia")
    desk.goto(desk.base_url + "/courts/lawyers/")
    assert "11501201910123456" in desk.content()
    assert_reads_well(desk, "en")
    shoot(desk, "clerk-lawyers")
    desk.click("button[value=verify]")
    assert "verified" in desk.locator(".messages").inner_text()
    shoot(desk, "clerk-verified")
    clerk.close()

    page.goto(page.base_url + "/notifications/")
    assert "verified your bar licence" in page.content()
    shoot(page, "lawyer-told")
    page.goto(page.base_url + "/portal/")
    page.click("main a[href='/portal/lawyer/']")
    assert page.url.endswith("/portal/lawyer/")
    assert_reads_well(page, "en")


def _lawyers_filing(lawyer, court):
    filing = actions.start_filing(actor=lawyer, court=court, channel=Channel.ONLINE, filer=lawyer)
    actions.save_draft(filing, actor=lawyer, amount=Decimal("20000"),
                       claims="判令被告归还借款2万元", facts="2025年被告借款未还")
    actions.set_parties(filing, [PLAINTIFF, {**DEFENDANT, "address": "北京市"}], actor=lawyer)
    actions.add_representative(
        filing, actor=lawyer, party=0, kind="lawyer", name=lawyer.full_name, user=lawyer,
        licence_number=lawyer.lawyer_profile.licence_number, law_firm="内蒙古草原律师事务所",
        authorisation=SimpleUploadedFile("委托书.pdf", PDF),
    )
    return actions.submit_filing(filing, actor=lawyer, today=timezone.localdate())


def test_the_lawyers_desk_lists_matters_and_dates(page, demo):
    from tianping.flows.filing import accept_filing

    court = Court.objects.get(code="内2502")
    lawyer = demo["lilawyer"]
    waiting = _lawyers_filing(lawyer, court)
    actions.request_correction(waiting, actor=demo["lixia"], items=["补充借条原件"],
                               respond_by=waiting.review_due_on)
    case = accept_filing(_lawyers_filing(lawyer, court), actor=demo["lixia"])
    in_english(page)
    sign_in(page, "lilawyer")
    page.goto(page.base_url + "/portal/lawyer/")
    text = page.locator("main").inner_text()
    assert case.number in text and waiting.code in text and "张三" in text
    assert_reads_well(page, "en")
    shoot(page, "lawyer-desk")
    page.fill("#q", case.number)
    page.click("form.search button[type=submit]")
    text = page.locator("main").inner_text()
    assert case.number in text and waiting.code not in text
    shoot(page, "lawyer-desk-search")


def test_a_litigant_sees_the_correction_notice_and_a_message(page, demo):
    court = Court.objects.get(code="内2502")
    filer = demo["zhangsan"]
    filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE, filer=filer)
    actions.save_draft(filing, actor=filer, amount=Decimal("20000"),
                       claims="判令被告归还借款2万元", facts="2025年被告借款未还")
    actions.set_parties(filing, [PLAINTIFF, {**DEFENDANT, "address": "北京市"}], actor=filer)
    filing = actions.submit_filing(filing, actor=filer, today=timezone.localdate())
    actions.request_correction(filing, actor=demo["lixia"], items=["补充借条原件"],
                               respond_by=filing.review_due_on)

    sign_in(page, "zhangsan")
    page.goto(page.base_url + "/notifications/")
    message = page.locator("li.unread a").first
    assert filing.code in message.inner_text() and "补正" in message.inner_text()
    shoot(page, "litigant-messages")
    message.click()
    assert page.url.endswith(f"/portal/filings/{filing.code}/")
    documents = page.locator("#documents")
    assert "补正通知书" in documents.inner_text()
    assert_reads_well(page, "zh-hans")
    shoot(page, "litigant-filing-documents")
    pdf = page.request.get(
        page.base_url + f"/portal/filings/{filing.code}/documents/correction-notice.pdf"
    )
    assert pdf.ok and pdf.body().startswith(b"%PDF")
