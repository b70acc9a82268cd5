"""A petition in a real browser, in Chinese, at phone and desktop widths: 张三 petitions
online about his case; 方宇 (诉讼服务中心) classifies it as a petition proper and accepts it,
then replies; 张三 reads the reply and rates it; the case page shows the petition."""

import pytest

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.petitions.models import Petition
from tianping.petitions.tests.helpers import zhangsans_case

pytestmark = pytest.mark.browser


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def test_an_online_petition_is_accepted_replied_and_rated(page, demo):
    case = zhangsans_case(demo["zhangsan"], demo["wangjun"])
    sign_in(page, "zhangsan")
    page.goto(page.base_url + f"/petitions/my/new/?case={case.code}")
    page.fill("#id_matter", "案件审理已超过三个月，一直没有开庭通知。")
    page.fill("#id_requests", "请法院尽快安排开庭。")
    assert_reads_well(page, "zh-hans")
    shoot(page, "new")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/petitions/my/*/")
    petition = Petition.objects.get()
    assert petition.cases.get() == case and "待分类" in page.inner_text("main")

    switch(page, "fangyu")
    page.goto(page.base_url + "/petitions/")
    assert petition.code in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "queue")
    page.goto(page.base_url + f"/petitions/{petition.code}/")
    page.check("#act-classify input[value=accept]")
    page.click("#act-classify button[type=submit]")
    page.wait_for_load_state()
    assert "已受理" in page.inner_text("main")
    page.fill("#act-reply textarea", "已督促承办法官，定于下周开庭，传票将依法送达。")
    page.click("#act-reply button[type=submit]")
    page.wait_for_load_state()
    assert_reads_well(page, "zh-hans")
    shoot(page, "replied")

    switch(page, "zhangsan")
    page.goto(page.base_url + "/petitions/my/")
    page.click(f"text={petition.code}")
    page.wait_for_url(f"**/petitions/my/{petition.code}/")
    assert "定于下周开庭" in page.inner_text("main")
    page.check("#act-rate input[value=satisfied]")
    page.fill("#act-rate textarea", "答复及时。")
    page.click("#act-rate button[type=submit]")
    page.wait_for_load_state()
    petition.refresh_from_db()
    assert petition.satisfaction == "satisfied"
    assert_reads_well(page, "zh-hans")
    shoot(page, "rated")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    assert petition.code in page.inner_text("#petitions")

    switch(page, "fangyu")
    page.goto(page.base_url + f"/cases/{case.code}/")
    assert petition.code in page.inner_text("#petitions")
    shoot(page, "case-page")
