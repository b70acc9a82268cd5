"""The mediation figures in a real browser, in Chinese, at phone and desktop widths: the
president 陈志 reads his court's figures per court, partner and mediator with the formulas,
tries a period too long and is told so; the 工商联's coordinator 娜森 finds the figures
from the roster and sees only her organisation's mediators."""

import pytest

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.mediation.tests.test_figures import court, world  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_the_president_and_a_coordinator_read_the_figures(page, demo, world):  # noqa: F811
    sign_in(page, "chenzhi")
    page.goto(page.base_url + "/workspace/")
    assert page.locator("a[href='/mediation/figures/']", has_text="调解数据").count()
    page.goto(page.base_url + "/mediation/figures/")
    page.fill("input[name=from]", "2026-01-01")
    page.fill("input[name=to]", "2026-12-31")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    body = page.inner_text("main")
    assert "按法院" in body and "按合作单位" in body and "按调解员" in body
    assert "胡涛" in page.inner_text("#by-mediator") and "萨仁" in body
    assert "诉前调解成功率" in body and "%%" not in body
    assert_reads_well(page, "zh-hans")
    shoot(page, "figures-president")

    page.goto(page.base_url + "/mediation/figures/?from=2019-01-01&to=2026-01-01")
    assert "统计期间最长为 5 年" in page.inner_text("main form")
    assert_reads_well(page, "zh-hans")
    shoot(page, "figures-too-long")

    page.context.clear_cookies()
    sign_in(page, "nasen")
    page.goto(page.base_url + "/mediation/")
    page.click("text=本单位调解数据")
    page.wait_for_url("**/mediation/figures/")
    page.goto(page.base_url + "/mediation/figures/?from=2026-01-01&to=2026-12-31")
    body = page.inner_text("main")
    assert "萨仁" in body and "胡涛" not in body and "民事一审立案数" not in body
    assert_reads_well(page, "zh-hans")
    shoot(page, "figures-coordinator")
