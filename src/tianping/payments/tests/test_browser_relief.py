"""Fee relief in a real browser, in Chinese: 张三 applies on his phone with his proof;
陈志 (president) finds it on his workspace and grants a reduction on a desktop; 张三 sees
the reduced amount and its new due date."""

import pytest

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.payments.models import FeeDue, FeeStatus
from tianping.payments.tests.test_fees_due import filed

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n% proof\n%%EOF\n"


def test_a_party_applies_and_the_president_grants_a_reduction(page, demo, tmp_path):
    case = filed(demo)
    proof = tmp_path / "受灾证明.pdf"
    proof.write_bytes(PDF)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    page.click("text=申请缓交、减交或免交")
    page.wait_for_url(f"**/case-fees/cases/{case.code}/relief/")
    assert_reads_well(page, "zh-hans")
    page.select_option("#id_ground", "disaster")
    page.fill("#id_percent", "50")
    page.fill("#id_statement", "家中房屋受灾，正在接受社会救济")
    page.set_input_files("#id_proof", str(proof))
    shoot(page, "apply")
    with page.expect_navigation():
        page.click("form.card button[type=submit]")
    fee_text = page.inner_text("#fee")
    assert "等待法院决定" in fee_text and "第46条第1项" in fee_text
    assert_reads_well(page, "zh-hans")
    shoot(page, "applied")

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, "chenzhi")
    page.goto(page.base_url + "/workspace/")
    page.click("text=待决定的诉讼费用司法救助申请")
    page.wait_for_url("**/case-fees/reliefs/")
    assert case.number in page.inner_text("table")
    assert_reads_well(page, "zh-hans")
    shoot(page, "reliefs")
    with page.expect_navigation():
        page.click(f"text={case.number}")
    assert "受灾证明.pdf" in page.inner_text("body")
    page.select_option("#id_grant", "yes")
    page.fill("#id_percent", "50")
    assert_reads_well(page, "zh-hans")
    shoot(page, "decide")
    with page.expect_navigation():
        page.click("text=记录决定")
    assert "已准许" in page.inner_text("body")
    fee = FeeDue.objects.get(case=case)
    assert fee.status == FeeStatus.REDUCED

    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    fee_text = page.inner_text("#fee")
    assert f"{fee.reduced_amount:,.2f}" in fee_text and fee.due_on.isoformat() in fee_text
    assert_reads_well(page, "zh-hans")
    shoot(page, "reduced")
