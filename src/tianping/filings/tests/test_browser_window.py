"""Window filing in a real browser, as lixia on a phone: the complaint with the green
channel worded as online, a representative with the power of attorney, the papers."""

import pytest
from playwright.sync_api import expect

from tianping.filings.models import Filing
from tianping.filings.tests.test_browser_refusal import reads_well
from tianping.lib.testing.browser import shoot, sign_in

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def test_window_filing_with_a_representative_and_papers(page):
    page.set_default_timeout(15000)
    sign_in(page, "lixia")
    page.goto(page.base_url + "/filing-review/window/new/")
    page.fill("#id_claims", "判令被告支付工资8000元")
    page.fill("#id_amount", "8000")
    page.fill("#id_facts", "原告在被告处务工，被告拖欠工资。")
    page.check("#id_is_migrant_wages")
    rows = page.locator("#party-rows fieldset")
    rows.nth(0).locator("input[name=party_name]").fill("张三")
    rows.nth(0).locator("input[name=party_id_number]").fill("152502198503120022")
    rows.nth(0).locator("input[name=party_phone]").fill("13800000001")
    rows.nth(1).locator("input[name=party_name]").fill("李四")
    rows.nth(1).locator("input[name=party_address]").fill("锡林浩特市")
    # a representative: a plain submit adds the row, what was typed is kept
    with page.expect_navigation():
        page.click("button[name=add_rep]")
    expect(page.locator("input[name=party_name]").first).to_have_value("张三")
    rep = page.locator("input[name=rep_name]").locator("xpath=ancestor::fieldset[1]")
    rep.locator("select[name=rep_kind]").select_option("lawyer")
    rep.locator("input[name=rep_name]").fill("王律师")
    rep.locator("input[name=rep_licence_number]").fill("11501201810123456")
    rep.locator("input[name=rep_law_firm]").fill("锡林律师事务所")
    rep.locator("input[name=rep_authorisation_0]").set_input_files(pdf("授权委托书.pdf"))
    page.set_input_files("#id_files", pdf("起诉状.pdf"))
    page.select_option("#id_upload_kind", "complaint")
    shoot(page, "window-form")
    reads_well(page)
    with page.expect_navigation():
        page.click("button[name=hand_in]")
    filing = Filing.objects.get()
    assert page.url.endswith(f"/filing-review/{filing.code}/receipt/")
    assert filing.representatives.get().name == "王律师"
    assert sorted(a.kind for a in filing.attachments.all()) == ["authorisation", "complaint"]
    page.goto(page.base_url + f"/filing-review/{filing.code}/")
    shoot(page, "window-filed-detail")
    reads_well(page)
