"""Issue 13's "Done when" journey in a real browser, in Chinese: 周梅 of 内2502's trial
management office imports the court's 2025 history from the older system's export, opens
the indicator page for 2025, drills from 结案率 to the cases behind its numerator (as many
as the figure, the imported ones among them), and downloads the annual Excel report whose
figures are the engine's."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from tianping.cases.models import Case
from tianping.demo.history import HEADERS, History
from tianping.indicators import compute
from tianping.lib.testing.browser import DESKTOP, assert_reads_well, shoot, sign_in

pytestmark = pytest.mark.browser

COURTS = [{"code": "内2502", "level": "basic", "parent_code": "内25"}]


def history_file(tmp_path):
    """About 120 rows of 内2502's 2025 (no pre-filing mediations: their own test)."""
    import csv

    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(HEADERS)
    rows = History(out, COURTS, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31),
                   seed=7, judges={"内2502": ["王军", "老法官"]})
    rows.write(120)
    lines = [line for line in buffer.getvalue().splitlines() if "诉前调" not in line]
    path = tmp_path / "锡林浩特历史案件.csv"
    path.write_text("\n".join(lines) + "\n", encoding="gb18030")  # as older systems export
    return path, len(lines) - 1


def test_import_then_dashboard_then_drill_then_excel(page, demo, tmp_path):
    """`shoot` takes each page at phone and desktop widths."""
    page.set_viewport_size(DESKTOP)
    path, rows = history_file(tmp_path)
    sign_in(page, "zhoumei")

    page.goto(page.base_url + "/cases/import/")
    assert_reads_well(page, "zh-hans")
    page.set_input_files("input[type=file]", str(path))
    page.click("#import button[type=submit]")
    page.wait_for_selector("#import-progress progress[value='100']")
    assert "完成" in page.inner_text("#import-progress")
    assert Case.objects.filter(import_run__isnull=False).count() == rows
    shoot(page, "history-import")

    page.goto(page.base_url + "/indicators/?court=内2502&start=2025-01-01&end=2025-12-31")
    page.wait_for_selector(".ind-chart canvas")
    assert_reads_well(page, "zh-hans")
    shoot(page, "history-indicators")
    s = compute.make_slice("内2502", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    engine = {r.code: r for r in compute.compute(s)}
    closure = engine["closure_rate"]
    assert closure.numerator > 20
    row = page.locator("tr[data-code=closure_rate]")
    assert f"{closure.value}" in row.inner_text()

    numerator = row.locator("td:nth-child(3) a").first
    assert int(numerator.inner_text().replace(",", "")) == closure.numerator
    with page.expect_navigation():
        numerator.click()
    assert f"{closure.numerator}件案件" in page.inner_text(".ind-total")
    listed = page.locator("table.ind-cases tbody tr")
    assert listed.count() == min(closure.numerator, 50)
    assert "内2502民初" in listed.first.inner_text()
    assert_reads_well(page, "zh-hans")
    shoot(page, "history-drill")

    page.goto(page.base_url + "/indicators/reports/")
    page.select_option("select[name=court]", "内2502")
    page.check("input[name=period][value=year]")
    page.fill("input[name=year]", "2025")
    if page.locator("input[name=format]").count():
        page.check("input[name=format][value=xlsx]")
    else:
        page.select_option("select[name=format]", "xlsx")
    with page.expect_download() as info:
        page.click("#report-form button[type=submit]")
    download = info.value
    assert download.suggested_filename.endswith(".xlsx") and "2025" in \
        download.suggested_filename
    saved = tmp_path / "report.xlsx"
    download.save_as(saved)
    sheet = load_workbook(saved)["汇总"]
    cells = [str(c.value) for r in sheet.iter_rows() for c in r if c.value is not None]
    assert str(closure.value) in cells and str(engine["clearance_rate"].value) in cells
