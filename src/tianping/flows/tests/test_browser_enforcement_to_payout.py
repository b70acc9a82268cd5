"""Issue 14's journey in a real browser, in Chinese, at phone and desktop widths: a
judgment of 王军's is effective; 张三 applies for its enforcement from his case page; 李霞
accepts the filing; the bureau head 韩磊 assigns the 执 case to 高峰, who records the
enforcement notice, the network search and its answer, and a deduction. The deducted money
arrives in the court's master account (finance 钱慧); 高峰 claims it to the case and asks to
pay it to 张三; 韩磊 approves; 钱慧 confirms it paid with the bank's reference; 张三 sees what
was received and paid for him. On a second case, filed four months ago, 高峰 tries to close
as 终本: the page names what is missing; once the checklist is complete the case closes as
终本 and goes on the bureau's review list."""

from decimal import Decimal

import pytest
from django.utils import timezone

from tianping.enforcement import actions, queries
from tianping.enforcement.choices import MilestoneKind
from tianping.enforcement.tests.helpers import assigned_case, effective_judgment, pdf
from tianping.filings.models import Filing
from tianping.funds.models import Entry
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def submit(page):
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def milestone(page, case, kind, amount=""):
    page.goto(page.base_url + f"/enforcement/cases/{case.code}/milestone/")
    page.select_option("#id_kind", kind)
    if amount:
        page.fill("#id_amount", amount)
    submit(page)


def test_from_an_effective_judgment_to_a_payout_and_a_termination(page, demo):
    today = timezone.localdate()
    origin = effective_judgment(demo)

    # 张三 applies online from his case page
    sign_in(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{origin.code}/")
    page.click("#enforcement a.button")
    page.wait_for_url(f"**/enforcement/cases/{origin.code}/apply/")
    assert "李四" in page.inner_text("main")
    page.fill("#id_amount", "86,000")
    page.fill("#id_request", "强制执行判决确定的借款本金及利息")
    assert_reads_well(page, "zh-hans")
    shoot(page, "apply")
    submit(page)
    filing = Filing.objects.get(kind="enforcement")
    assert filing.status == "submitted"

    # 李霞 accepts it: a 执 case
    switch(page, "lixia")
    page.goto(page.base_url + f"/filing-review/{filing.code}/")
    page.check("#id_accept_confirm")
    page.click("form[action$='/accept/'] button[type=submit]")
    page.wait_for_load_state()
    filing.refresh_from_db()
    case = filing.case
    assert case.type_code == "执" and case.judge is None

    # 韩磊, head of the enforcement bureau, assigns it to 高峰 from the pool
    switch(page, "hanlei")
    page.goto(page.base_url + "/enforcement/bureau/")
    assert case.number in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "bureau")
    page.goto(page.base_url + f"/enforcement/cases/{case.code}/assign/")
    page.select_option("#id_officer", str(demo["gaofeng"].pk))
    submit(page)
    case.refresh_from_db()
    assert case.judge == demo["gaofeng"]

    # 高峰 records the notice, the search and its answer, and a deduction
    switch(page, "gaofeng")
    page.goto(page.base_url + "/enforcement/")
    assert case.number in page.inner_text("main")
    shoot(page, "queue")
    milestone(page, case, MilestoneKind.NOTICE)
    milestone(page, case, MilestoneKind.SEARCH_REQUESTED)
    milestone(page, case, MilestoneKind.SEARCH_ANSWERED)
    milestone(page, case, MilestoneKind.DEDUCTION, "30,000.5")
    panel = page.inner_text("#enforcement")
    assert "86,000.00" in panel and "30,000.50" in panel and "扣划" in panel
    main = page.inner_text("main")  # an enforcement case: no trial sections
    assert "申请执行书" in main and "开始审理" not in main and "庭审安排" not in main
    assert_reads_well(page, "zh-hans")
    shoot(page, "case-panel")

    # the deducted money arrives in the master account; 高峰 claims it and asks to pay it
    switch(page, "qianhui")
    page.goto(page.base_url + "/funds/")
    page.fill("#id_amount", "30000.50")
    page.fill("#id_payer", "中国银行（扣划）")
    page.fill("#id_reference", "BK20261201")
    page.fill("#id_purpose", f"{case.number}执行款")
    page.click("#arrival button[type=submit]")
    page.wait_for_url("**/funds/")
    assert "30,000.50" in page.inner_text("#unclaimed")
    assert_reads_well(page, "zh-hans")
    shoot(page, "desk")

    switch(page, "gaofeng")
    page.goto(page.base_url + f"/funds/cases/{case.code}/")
    with page.expect_navigation():
        page.click("#claim button[type=submit]")
    assert "30,000.50" in page.inner_text("#summary")
    page.select_option("#id_party", str(case.parties.get(role="applicant").pk))
    page.fill("#id_amount", "30000.50")
    page.fill("#id_bank", "中国银行锡林浩特分行")
    page.fill("#id_account_name", "张三")
    page.fill("#id_account_number", "6217000012345678")
    with page.expect_navigation():
        page.click("#payouts button[type=submit]")
    assert "待审批" in page.inner_text("#payouts") and "5678" in page.inner_text("#payouts")
    assert "6217000012345678" not in page.inner_text("main")  # masked on display
    assert_reads_well(page, "zh-hans")
    shoot(page, "funds-officer")

    switch(page, "hanlei")
    page.goto(page.base_url + "/funds/approvals/")
    with page.expect_navigation():
        page.click("#payouts button[value=approve]")
    assert "没有待您审批的事项" in page.inner_text("#payouts")

    switch(page, "qianhui")
    page.goto(page.base_url + "/funds/")
    page.fill("#to-pay input[name$=reference]", "ZZ20261202")
    page.click("#to-pay button[type=submit]")
    page.wait_for_url("**/funds/")
    assert "没有待付款项" in page.inner_text("#to-pay")
    assert Entry.objects.filter(case=case, kind="disbursed").count() == 1

    # 张三 follows the progress and the money on his 执 case
    switch(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    assert "30,000.50" in page.inner_text("#enforcement")
    assert "您的案件由执行员高峰承办" in page.inner_text("main")
    funds = page.inner_text("#funds")
    assert "发放" in funds and "30,000.50" in funds and "已发放" in funds
    assert_reads_well(page, "zh-hans")
    shoot(page, "party-progress")

    # a second case filed four months ago: 终本 only once the checklist is complete
    second = assigned_case(demo, filed_days_ago=125)
    for kind in (MilestoneKind.NOTICE, MilestoneKind.SEARCH_REQUESTED,
                 MilestoneKind.SEARCH_ANSWERED, MilestoneKind.INVESTIGATION_DONE):
        actions.record_milestone(second, actor=demo["gaofeng"], kind=kind, done_on=today)
    switch(page, "gaofeng")
    page.goto(page.base_url + f"/enforcement/cases/{second.code}/close/")
    page.select_option("#id_mode", "terminated_current")
    page.set_input_files("#id_document", files=[{
        "name": "终本裁定书.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    submit(page)
    errors = page.inner_text("main form")
    assert "已采取限制消费措施" in errors and "已约谈申请执行人" in errors
    assert "无财产可供执行" in errors and "已发出执行通知书" not in errors
    assert_reads_well(page, "zh-hans")
    shoot(page, "termination-refused")
    actions.record_milestone(second, actor=demo["gaofeng"],
                             kind=MilestoneKind.CONSUMPTION_RESTRICTION, done_on=today,
                             document=pdf())
    actions.record_milestone(second, actor=demo["gaofeng"],
                             kind=MilestoneKind.APPLICANT_INTERVIEWED, done_on=today)
    actions.record_milestone(second, actor=demo["gaofeng"], kind=MilestoneKind.NO_PROPERTY,
                             done_on=today, note="名下无可供执行财产")
    page.goto(page.base_url + f"/enforcement/cases/{second.code}/close/")
    page.select_option("#id_mode", "terminated_current")
    page.set_input_files("#id_document", files=[{
        "name": "终本裁定书.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    submit(page)
    row = queries.record_of(second)
    assert row.closing_mode == "terminated_current" and row.met_preconditions
    assert "终结本次执行程序" in page.inner_text("#enforcement")
    assert queries.recovered(queries.record_of(case)) == Decimal("30000.50")
    switch(page, "hanlei")
    page.goto(page.base_url + "/enforcement/bureau/")
    assert second.number in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
