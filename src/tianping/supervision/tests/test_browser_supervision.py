"""Supervision (督办) in a real browser, in Chinese, at phone and desktop widths: the head of
the first civil division 刘强 supervises every case of the list of cases pending over a
year, the president 陈志 supervises one case from its page, the judge 王军 replies on his
case's page, and 刘强 reads the reply in the leaders' list and closes the order."""

import pytest

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.supervision.models import SupervisedCase, SupervisionOrder
from tianping.supervision.tests.helpers import a_case

pytestmark = pytest.mark.browser


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def test_a_leader_supervises_and_the_judge_replies(page, demo):
    judge = demo["wangjun"]
    old = [a_case(judge, days=500), a_case(judge, days=420)]
    sign_in(page, "liuqiang")
    page.goto(page.base_url + "/time-limits/overdue/?months=12")
    assert old[0].number in page.inner_text("main")
    page.click("#supervise a")
    page.wait_for_url("**/supervision/new/**")
    assert old[1].number in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "issue-from-list")
    page.check("#id_whole_list")
    page.fill("#id_instructions", "请于答复期限前说明长期未结的原因及结案计划。")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/supervision/*/")
    order = SupervisionOrder.objects.get()
    assert order.items.count() == 2
    body = page.inner_text("main")
    assert old[0].number in body and "长期未结" in body
    assert_reads_well(page, "zh-hans")
    shoot(page, "order")

    switch(page, "chenzhi")
    page.goto(page.base_url + f"/cases/{old[0].code}/")
    page.click("#supervision a.button")
    page.wait_for_url("**/supervision/new/?case=*")
    page.select_option("#id_reason", "quality")
    page.fill("#id_instructions", "当事人反映审理质量问题，请核查。")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/supervision/*/")
    assert_reads_well(page, "zh-hans")

    switch(page, "wangjun")
    page.goto(page.base_url + "/notifications/")
    assert "督办" in page.inner_text("main")
    page.goto(page.base_url + f"/cases/{old[0].code}/")
    section = page.locator("#supervision")
    assert section.locator("form").count() == 2  # both orders wait for his reply
    assert_reads_well(page, "zh-hans")
    shoot(page, "case-page-judge")
    mine = page.locator(f"#supervision-{order.code} form")
    mine.locator("textarea").fill("已于本周开庭，预计下月结案。")
    mine.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "已于本周开庭" in page.inner_text("#supervision")
    assert SupervisedCase.objects.filter(status="replied").count() == 1
    shoot(page, "replied")

    switch(page, "liuqiang")
    page.goto(page.base_url + "/supervision/")
    assert order.code in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "leaders-list")
    page.goto(page.base_url + f"/supervision/{order.code}/")
    assert "已于本周开庭" in page.inner_text("main")
    page.fill("#close textarea", "已听取汇报，继续跟踪。")
    page.click("#close button[type=submit]")
    page.wait_for_load_state()
    order.refresh_from_db()
    assert order.status == "closed"
    assert_reads_well(page, "zh-hans")
    shoot(page, "closed")
