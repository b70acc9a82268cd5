"""A hearing scheduled in a real browser, in Chinese, at phone and desktop widths: 王军
schedules from the case page (a clash first, then a free room), the courtroom's week shows
it, 张三 reads the time and place on his portal, and anyone reads the public notice
board."""

import pytest

from tianping.hearings.models import Hearing
from tianping.hearings.tests.helpers import a_case, at, next_working_day, room
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser


def switch(page, who):
    page.context.clear_cookies()
    sign_in(page, who)


def local(moment) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_the_judge_schedules_a_hearing_the_party_and_the_public_read_it(page, demo):
    from tianping.hearings import actions

    judge = demo["wangjun"]
    day = next_working_day(5)
    taken = actions.schedule(a_case(judge), actor=judge, starts_at=at(day, 9),
                             ends_at=at(day, 11), place_kind="courtroom", courtroom=room())
    case = a_case(judge)
    case.parties.filter(role="plaintiff").update(user=demo["zhangsan"])

    sign_in(page, "wangjun")
    page.goto(page.base_url + f"/cases/{case.code}/")
    assert "庭审安排" in page.inner_text("#hearings")
    page.click("#hearings a.button")
    page.wait_for_url("**/new/")
    assert_reads_well(page, "zh-hans")
    shoot(page, "schedule-form")
    page.fill("#id_starts_at", local(at(day, 10)))
    page.fill("#id_ends_at", local(at(day, 11, 30)))
    page.check("input[name=place_kind][value=courtroom]")
    page.select_option("#id_courtroom", str(room().pk))
    page.click("main form.card button[type=submit]")
    page.wait_for_load_state()
    body = page.inner_text("main")
    assert "已有安排" in body and "第一审判庭" in body  # the clash named
    assert_reads_well(page, "zh-hans")
    shoot(page, "schedule-clash")
    page.select_option("#id_courtroom", str(room("第二审判庭").pk))
    page.fill("#id_starts_at", local(at(day, 14)))
    page.fill("#id_ends_at", local(at(day, 16)))
    page.click("main form.card button[type=submit]")
    page.wait_for_url("**/hearings/*/")
    hearing = Hearing.objects.get(case=case)
    assert "第二审判庭" in page.inner_text("main") and hearing.courtroom == room("第二审判庭")
    assert_reads_well(page, "zh-hans")
    shoot(page, "scheduled")

    page.goto(page.base_url + f"/hearings/rooms/{room('第二审判庭').pk}/?week={at(day, 9).date()}")
    assert case.number in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "courtroom-week")
    page.goto(page.base_url + f"/hearings/judges/{judge.pk}/?week={at(day, 9).date()}")
    assert taken.case.number in page.inner_text("main")
    shoot(page, "judge-week")

    switch(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    assert "第二审判庭" in page.inner_text("#hearings")
    assert_reads_well(page, "zh-hans")
    shoot(page, "party-sees-hearing")

    page.context.clear_cookies()
    page.goto(page.base_url + "/notices/")
    text = page.inner_text("main")
    assert case.number in text and "张三" in text and "152502198503120022" not in text
    assert_reads_well(page, "zh-hans")
    shoot(page, "notice-board")
