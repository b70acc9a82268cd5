"""Pre-filing mediation in a real browser, in Chinese, at phone and desktop widths: 张三
applies with the dispute he entered, the clerk appoints the recommended mediator (giving a
reason for the warning), the mediator accepts and schedules an online session, 张三 sees
the link, the mediation fails and the clerk finds the filing back in review with the
mediator's report and the undisputed facts."""

import datetime

import pytest
from django.utils import timezone

from tianping.courts.models import Court
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.mediation.models import Mediation, Mediator
from tianping.mediation.tests.test_mediations import draft

pytestmark = pytest.mark.browser


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def test_a_dispute_goes_to_a_mediator_and_back_to_review(page, demo):
    filing = draft(demo, Court.objects.get(code="内2502"))
    sign_in(page, "zhangsan")
    page.goto(page.base_url + "/mediation/")
    page.goto(page.base_url + "/mediation/mediations/")
    assert "申请调解" in page.inner_text("body")
    assert_reads_well(page, "zh-hans")
    page.click("text=申请调解")
    page.wait_for_url("**/mediation/apply/")
    assert filing.code in page.inner_text("main form.card")
    assert_reads_well(page, "zh-hans")
    shoot(page, "apply")
    page.click("main form.card button[type=submit]")
    page.wait_for_url("**/mediation/m/*/")
    m = Mediation.objects.get(filing=filing)
    body = page.inner_text("body")
    assert m.number in body and "Awaiting" not in body
    assert_reads_well(page, "zh-hans")
    shoot(page, "applied")

    switch(page, "lixia")
    page.goto(page.base_url + f"/mediation/m/{m.code}/")
    page.select_option("#id_mediator", str(Mediator.objects.get(user=demo["hutao"]).pk))
    page.click("#appoint button[type=submit]")
    page.wait_for_load_state()
    if page.locator("#appoint .errorlist").count():  # a warning: give the reason
        shoot(page, "appoint-warning")
        page.fill("#id_override", "本院专职调解员，熟悉借款纠纷")
        page.click("#appoint button[type=submit]")
        page.wait_for_load_state()
    assert "待调解员接受指派" in page.inner_text("h1") and "胡涛" in page.inner_text("#summary")
    shoot(page, "appointed")

    switch(page, "hutao")
    page.goto(page.base_url + "/workspace/")
    assert "/mediation/mediations/?tab=appointed" in page.content()
    page.goto(page.base_url + f"/mediation/m/{m.code}/")
    page.click("#acceptance form button[type=submit] >> nth=0")
    page.wait_for_load_state()
    assert m.number in page.inner_text("body")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.click("#sessions summary")
    page.fill("#id_starts_at", f"{tomorrow.isoformat()}T14:00")
    page.fill("#id_ends_at", f"{tomorrow.isoformat()}T15:00")
    page.select_option("#id_mode", "online")
    page.fill("#id_link", "https://meeting.court.example/room/1")
    page.click("#sessions form button[type=submit]")
    page.wait_for_load_state()
    assert_reads_well(page, "zh-hans")
    shoot(page, "session")

    switch(page, "zhangsan")
    page.goto(page.base_url + f"/mediation/m/{m.code}/")
    assert page.locator("a[href='https://meeting.court.example/room/1']").count() == 1
    assert_reads_well(page, "zh-hans")
    shoot(page, "party-sees-link")

    switch(page, "hutao")
    page.goto(page.base_url + f"/mediation/m/{m.code}/")
    page.click("#end summary")
    page.check("input[name=outcome][value=failed]")
    page.select_option("#id_reason", "disagreement")
    page.fill("#id_report", "双方对还款期限分歧较大")
    page.fill("#id_undisputed_facts", "被告于2025年向原告借款两万元")
    page.click("#end form button[type=submit]")
    page.wait_for_load_state()
    shoot(page, "ended")

    switch(page, "lixia")
    page.goto(page.base_url + f"/filing-review/{filing.code}/")
    body = page.inner_text("body")
    assert "双方对还款期限分歧较大" in body and "被告于2025年向原告借款两万元" in body
    assert "张三" in body and "判令被告归还借款两万元" in body
    assert_reads_well(page, "zh-hans")
    shoot(page, "back-in-review")
