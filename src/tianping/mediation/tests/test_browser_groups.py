"""Group disputes in a real browser, in Chinese, at phone and desktop widths: the filing
clerk 李霞 downloads the template, uploads a workbook with a bad row (sees the row, the
column and the problem, with what she typed kept), then a good workbook of 120 applicants,
and takes the batch steps: one mediator for all, the acceptance recorded for a mediator
without an account, one session for the group."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import Workbook

from tianping.courts.models import Court
from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.mediation.models import MediationGroup, Mediator
from tianping.mediation.tests.test_groups import EMPLOYER, HEADERS, rows

pytestmark = pytest.mark.browser


def workbook_file(tmp_path, name, data) -> str:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in data:
        sheet.append(row)
    path = tmp_path / name
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    return str(path)


def test_a_group_of_120_is_imported_and_taken_through_the_steps(page, demo, tmp_path):
    court = Court.objects.get(code="内2502")
    sign_in(page, "lixia")
    page.goto(page.base_url + "/mediation/groups/")
    assert_reads_well(page, "zh-hans")
    page.click("text=导入群体纠纷")
    page.wait_for_url("**/mediation/groups/new/")
    assert page.locator("a[href$='template.xlsx']").count() == 1
    page.fill("#id_title", "恒达建筑拖欠农民工工资")
    page.fill("#id_respondent_name", EMPLOYER["name"])
    page.fill("#id_respondent_id_number", EMPLOYER["id_number"])
    page.fill("#id_respondent_address", EMPLOYER["address"])
    page.fill("#id_respondent_phone", EMPLOYER["phone"])
    bad = rows(3)
    bad[1][4] = "1200.125"
    bad[2][1] = bad[0][1]
    page.set_input_files("#id_workbook", workbook_file(tmp_path, "有错误.xlsx", bad))
    page.click("main form.card button[type=submit]")
    page.wait_for_load_state()
    problems = page.inner_text("#problems")
    assert "请求金额（元）" in problems and "与第 2 行的公民身份号码相同" in problems
    assert page.input_value("#id_respondent_name") == EMPLOYER["name"]  # kept
    assert MediationGroup.objects.count() == 0
    assert_reads_well(page, "zh-hans")
    shoot(page, "bad-row")

    page.set_input_files("#id_workbook", workbook_file(tmp_path, "工人.xlsx", rows(120)))
    page.click("main form.card button[type=submit]")
    page.wait_for_url("**/mediation/groups/*/", timeout=60_000)
    group = MediationGroup.objects.get()
    assert group.mediations.count() == 120
    body = page.inner_text("body")
    assert "120" in body and "民诉前调" in body
    assert_reads_well(page, "zh-hans")
    shoot(page, "imported")

    mediator = Mediator.objects.filter(court=court, user__isnull=True,
                                       delisted_on__isnull=True).first()
    page.click("#step-appoint summary")
    page.select_option("#id_appoint-mediator", str(mediator.pk))
    page.fill("#id_appoint-override", "群体纠纷，统一调解")
    page.click("#step-appoint button[type=submit]")
    page.wait_for_load_state()
    assert set(group.mediations.values_list("status", flat=True)) == {"appointed"}
    page.click("#step-accept summary")
    page.click("#step-accept button[type=submit]")
    page.wait_for_load_state()
    assert set(group.mediations.values_list("status", flat=True)) == {"in_progress"}
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.click("#step-session summary")
    page.fill("#id_session-starts_at", f"{tomorrow.isoformat()}T09:00")
    page.fill("#id_session-ends_at", f"{tomorrow.isoformat()}T12:00")
    page.select_option("#id_session-mode", "online")
    page.fill("#id_session-link", "https://meeting.court.example/room/group")
    page.click("#step-session button[type=submit]")
    page.wait_for_load_state()
    progress = page.inner_text("#progress")
    assert "120" in progress
    assert_reads_well(page, "zh-hans")
    shoot(page, "session")

    # a step refused for some members names them with the reason; the others go on
    page.check(f"#member-{group.mediations.order_by('id').first().code}")
    page.click("#step-accept summary") if page.locator("#step-accept").count() else None
    page.click("#step-end summary")
    page.select_option("#id_end-reason", "disagreement")
    page.click("#step-end button[type=submit]")
    page.wait_for_load_state()
    assert group.mediations.filter(status="failed").count() == 1
    assert_reads_well(page, "zh-hans")
    shoot(page, "ended-one")
