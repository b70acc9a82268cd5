"""The big screen and the reports in a real browser, in Chinese: the screen opened by its
token (no sign-in) at 1920×1080 and 1366×768 with its chart drawn; the president 陈志 makes
a screen's address on the tokens page, and downloads his court's monthly report as Excel
from the report form."""

import datetime
import os

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tianping.cases.models import CaseParty
from tianping.courts.models import Court, Division
from tianping.indicators import display
from tianping.indicators.models import ReferenceRange
from tianping.indicators.tests.test_compute import case, many
from tianping.lib.testing.browser import SCREENSHOTS, assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser


def at(page, width, height, name):
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_timeout(400)  # the chart follows the window's size
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"display-{name}-{width}x{height}.png"))


def cases_this_year(court):
    """A year of hand-made cases, a range missed and one met, and two cases overdue."""
    today = timezone.localdate()
    division = Division.objects.filter(court=court).first()
    for month in range(1, today.month + 1):
        filed = datetime.date(today.year, month, 1)
        closed = min(filed + datetime.timedelta(days=20), today)
        many(court, 10 + month, filed=filed, closed=closed, division=division)
        many(court, 3, filed=filed, division=division)
    for days in (12, 40):
        c = case(court, "民初", today - datetime.timedelta(days=200), division=division,
                 limit=today - datetime.timedelta(days=days))
        CaseParty.objects.create(case=c, role="plaintiff", kind="natural", name="赵秘密",
                                 doc_type="resident_id", id_number="152502199001019999")
    ReferenceRange.objects.create(court=court, code="clearance_rate", low=95, high=None)
    ReferenceRange.objects.create(court=court, code="closure_rate", low=50, high=None)


def test_the_screen_by_its_token(page, demo):
    court = Court.objects.get(code="内2502")
    cases_this_year(court)
    _row, token = display.create_token(court=court, label="立案大厅屏", actor=demo["chenzhi"])
    page.goto(page.base_url + f"/indicators/display/{token}/")
    page.wait_for_selector("#trend canvas")
    text = page.inner_text("body")
    assert court.name in text and "结收比" in text and "超审限案件" in text
    assert "登录" not in text and not page.locator("nav").count()  # no menu, no sign-in
    assert "赵秘密" not in page.content() and "152502199001019999" not in page.content()
    assert page.locator(".d-tile.not-met").count() >= 1 and "未达标" in text
    # the figures the page fetches every minute
    status = page.evaluate(
        "fetch(document.getElementById('screen').dataset.src).then(r => r.status)")
    assert status == 200 and page.context.cookies() == []
    assert_reads_well(page, "zh-hans")
    for width, height in ((1920, 1080), (1366, 768)):
        at(page, width, height, "screen")
        # one screen high: nothing scrolls
        assert page.evaluate("document.documentElement.scrollHeight") <= height + 1
        box = page.locator("#trend canvas").bounding_box()
        assert box["width"] > 300 and box["height"] > 150


def test_the_president_makes_a_screen_and_downloads_the_excel_report(page, demo, tmp_path):
    sign_in(page, "chenzhi")
    page.goto(page.base_url + "/indicators/display/tokens/")
    page.fill("input[name=label]", "审委会会议室屏")
    page.click("main form.stacked button[type=submit]")
    page.wait_for_load_state()
    address = page.inner_text("#made-url")
    assert "/indicators/display/" in address and "审委会会议室屏" in page.inner_text("main")
    assert_reads_well(page, "zh-hans")
    shoot(page, "tokens")

    page.goto(page.base_url + "/indicators/reports/")
    assert_reads_well(page, "zh-hans")
    shoot(page, "report-form")
    page.select_option("select[name=court]", "内2502")
    page.check("input[name=period][value=month]")
    page.fill("input[name=year]", "2026")
    page.fill("input[name=month]", "11")
    page.check("input[name=format][value=xlsx]") if page.locator(
        "input[name=format]").count() else page.select_option("select[name=format]", "xlsx")
    with page.expect_download() as info:
        page.click("#report-form button[type=submit]")
    download = info.value
    assert download.suggested_filename == "内2502-2026年11月-审判质效月报.xlsx"
    path = tmp_path / "report.xlsx"
    download.save_as(path)
    book = load_workbook(path)
    assert book.sheetnames == ["汇总", "逐月", "说明"]
    assert book["汇总"].cell(row=5, column=1).value == Court.objects.get(code="内2502").name
    assert os.path.getsize(path) > 5000
