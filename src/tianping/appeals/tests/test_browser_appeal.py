"""The appeal in a real browser, in Chinese: the judgment is served on both parties; the
defendant 赵六 appeals on a phone; the filing clerk 李霞 records the fee and transfers the
file; the intermediate court's filing clerk files the linked 民终 case; its judge remands;
the new first-instance case and the outcome show on the original case, staff and party."""

import pytest
from django.utils import timezone

from tianping.appeals.models import Appeal
from tianping.appeals.tests.helpers import DAY, appeal_court_staff, judged_case, serve_by_post
from tianping.cases.tests.closing import PDF
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser
TODAY = timezone.localdate()


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def test_served_appealed_transferred_filed_remanded(page, demo, other_litigant):
    case, judgment = judged_case(demo, defendant_user=other_litigant)
    appeal_court_staff()  # 高原 (filing clerk) and 包文 (judge) of 内25
    for party in case.parties.all():
        serve_by_post(case, party, judgment, TODAY - 3 * DAY, actor=demo["wangjun"])
    defendant = case.parties.get(role="defendant")

    sign_in(page, "zhaoliu")  # on a phone (the page's default viewport)
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    section = page.inner_text("#appeal")
    assert "生效与上诉" in section and "上诉期至" in section
    assert_reads_well(page, "zh-hans")
    shoot(page, "party-periods")
    page.click("#appeal a.button")
    page.wait_for_url("**/appeal/")
    page.select_option("#id_party", str(defendant.pk))
    page.fill("#id_grounds", "一审认定借款已交付的事实错误，被告并未收到借款。")
    page.fill("#id_requests", "撤销原判，改判驳回原告的全部诉讼请求。")
    page.fill("#id_amount", "20000")
    assert_reads_well(page, "zh-hans")
    shoot(page, "appeal-form")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/portal/cases/{case.code}/#appeal")
    assert "上诉已提交" in page.inner_text("body")
    assert "300.00" in page.inner_text("#appeal")
    shoot(page, "appealed")

    switch(page, "lixia")
    page.goto(page.base_url + f"/cases/{case.code}/")
    page.fill("#id_fee-paid_on", TODAY.isoformat())
    page.fill("#id_fee-receipt", "SF-2026-0001")
    page.click("#appeal form[action*='/fees/'] button")
    page.wait_for_load_state()
    page.click("#appeal form[action$='/transfer/'] button")
    page.wait_for_load_state()
    assert "案卷已移送" in page.inner_text("#appeal")
    assert_reads_well(page, "zh-hans")
    shoot(page, "transferred")

    switch(page, "gaoyuan")
    page.goto(page.base_url + "/appeals/incoming/")
    assert case.number in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "incoming")
    page.click("main form button")
    page.wait_for_url("**/cases/*/")
    appeal = Appeal.objects.get(case=case)
    second = appeal.second_case
    assert "内25民终" in second.number and case.number in page.inner_text("#appeal")
    shoot(page, "second-instance")

    switch(page, "baowen")
    page.goto(page.base_url + f"/cases/{second.code}/")
    page.click(f"form[action$='/{second.code}/start-trial/'] button")
    page.wait_for_load_state()
    page.click("#appeal a.button")
    page.wait_for_url("**/outcome/")
    page.select_option("#id_outcome", "remanded")
    page.fill("#id_decided_on", TODAY.isoformat())
    page.set_input_files("#id_document", files=[{
        "name": "民事裁定书.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    assert_reads_well(page, "zh-hans")
    shoot(page, "outcome-form")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/cases/{second.code}/#appeal")

    appeal.refresh_from_db()
    remand = case.dispute_link.dispute.links.get(stage="remand").case
    switch(page, "wangjun")
    page.goto(page.base_url + f"/cases/{case.code}/")
    section = page.inner_text("#appeal")
    assert "发回重审" in section and remand.number in section and second.number in section
    assert "二审已裁判" in page.inner_text("body")  # on the timeline
    assert_reads_well(page, "zh-hans")
    shoot(page, "original-case-staff")

    switch(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    section = page.inner_text("#appeal")
    assert "发回重审" in section and remand.number in section
    assert_reads_well(page, "zh-hans")
    shoot(page, "original-case-party")
