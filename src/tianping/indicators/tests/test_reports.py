"""The monthly and annual reports (issue 13 part 6): the workbook's cells are the engine's
results, read back with openpyxl, with exact two-place numbers and a notes sheet giving
every indicator's formula; the PDF; the download (who, audited, its file name); the CLI.

Hand-made cases in 2001, before any demo case (as in test_compute)."""

import datetime
import io
import re
import zipfile
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from tianping.audit.models import AuditEntry
from tianping.courts.models import Court
from tianping.indicators import compute, reads, registry, reports
from tianping.indicators.formulas import formula
from tianping.indicators.models import ReferenceRange
from tianping.indicators.tests.test_compute import D, case, many

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def court(demo_network):
    return Court.objects.get(code="内2502")


@pytest.fixture
def upper(demo_network):
    return Court.objects.get(code="内25")


@pytest.fixture
def year_2001(court):
    """March 2001: 结收比 141 / 153 = 92.16 (汪清's 140 / 152 and one case with a limit);
    cases a year and a month before."""
    many(court, 140, filed=D(2001, 3, 1), closed=D(2001, 3, 20))
    many(court, 12, filed=D(2001, 3, 2))
    many(court, 7, filed=D(2000, 3, 1), closed=D(2000, 3, 15))  # 同比
    many(court, 9, filed=D(2001, 2, 1), closed=D(2001, 2, 11))  # 环比
    case(court, "民初", D(2001, 3, 3), D(2001, 3, 9), limit=D(2001, 6, 1))
    ReferenceRange.objects.create(court=court, code="clearance_rate", low=95, high=None)


def sheet_rows(ws, first: int):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first)]


def test_the_workbook_holds_the_engines_results(court, year_2001):
    report = reports.build(court, year=2001, month=3)
    book = load_workbook(io.BytesIO(reports.workbook_bytes(report)))
    assert book.sheetnames == ["汇总", "逐月", "说明"]
    summary = book["汇总"]
    assert summary.freeze_panes == "C5"
    headers = [c.value for c in summary[4]]
    assert headers[:6] == ["法院", "指标", "数值", "单位", "分子", "分母"]
    s = compute.make_slice(court, D(2001, 3, 1), D(2001, 3, 31))
    expected = {r.now.code: r for r in reads.compared(s)}
    rows = [r for r in sheet_rows(summary, 5) if r[1]]
    assert len(rows) == len(registry.COMPUTED)
    for row, indicator in zip(rows, registry.COMPUTED, strict=True):
        item = expected[indicator.code]
        r = item.now
        assert row[0] == court.name and row[1] == indicator.name_zh
        got = None if row[2] is None else Decimal(str(row[2])).quantize(Decimal("0.01"))
        assert got == r.value, indicator.code
        assert (row[4], row[5]) == (r.numerator, r.denominator), indicator.code
        if item.yoy is not None:
            assert Decimal(str(row[10])).quantize(Decimal("0.01")) == item.yoy
    clearance = next(r for r in rows if r[1] == "结收比")
    assert clearance[2] == 92.16 and clearance[3] == "%" and clearance[6] == 95
    assert clearance[8] == "未达标"
    assert summary.cell(row=5 + rows.index(clearance), column=3).number_format == "0.00"
    # exact digits in the file: no float artefacts such as 92.10999999999999
    xml = zipfile.ZipFile(io.BytesIO(reports.workbook_bytes(report))).read(
        "xl/worksheets/sheet1.xml").decode()
    assert "<v>92.16</v>" in xml and not re.search(r"<v>-?\d+\.\d{5,}</v>", xml)


def test_the_notes_sheet_gives_every_formula(court, year_2001):
    book = load_workbook(io.BytesIO(reports.workbook_bytes(
        reports.build(court, year=2001, month=3))))
    notes = book["说明"]
    rows = {r[0]: r for r in sheet_rows(notes, 2) if r[0]}
    for indicator in registry.COMPUTED:
        row = rows[indicator.name_zh]
        assert row[1] == indicator.name_en and row[2] == formula(indicator) and row[2]
        assert row[4], indicator.code  # the scope (口径)
        assert row[6] == indicator.source
        if indicator.unsure:
            assert row[7]
    assert "÷" in rows["结收比"][2] and "不含" not in rows["结收比"][0]


def test_the_annual_report_has_the_months_and_the_courts_below(upper, court, year_2001):
    report = reports.build(upper, year=2001, include_lower=True)
    assert [p.code for p in report.parts][:2] == ["内25", "内25"] and report.parts[0].total
    assert court.code in [p.code for p in report.parts]
    book = load_workbook(io.BytesIO(reports.workbook_bytes(report)))
    months = sheet_rows(book["逐月"], 2)
    assert [m[0] for m in months] == [f"2001-{m:02d}" for m in range(1, 13)]
    header = [c.value for c in book["逐月"][1]]
    column = header.index("新收（件）") if "新收（件）" in header else next(
        i for i, h in enumerate(header) if h and h.startswith("新收"))
    assert months[2][column] == 140 + 12 + 1 and months[1][column] == 9
    courts = {r[0] for r in sheet_rows(book["汇总"], 5) if r[0]}
    assert court.name in courts and any("下级" in c for c in courts)


def test_a_period_not_ended_is_counted_to_today_and_said(court):
    today = timezone.localdate()
    report = reports.build(court, year=today.year)
    assert report.end == today and report.cut_short
    assert "统计至" in report.period_note or today.isoformat() in report.period_note
    later = today.replace(day=1) + datetime.timedelta(days=40)
    with pytest.raises(ValidationError):
        reports.build(court, year=later.year, month=later.month, today=today)
    with pytest.raises(ValidationError):
        reports.build(court, year=2001, month=13)


def test_the_pdf(court, year_2001):
    report = reports.build(court, year=2001, month=3)
    data = reports.pdf_bytes(report)
    assert data.startswith(b"%PDF")
    import weasyprint

    from tianping.indicators.reports.document import context
    from tianping.lib.pdf import render_html

    html = render_html("indicators/report_pdf.html", context(report))
    laid_out = weasyprint.HTML(string=html).render()
    assert laid_out.metadata.title.startswith(court.name) and "审判质效" in html
    assert len(laid_out.pages) >= 3 and "92.16" in html and "结收比" in html
    assert reports.filename(report, "pdf") == "内2502-2001年3月-审判质效月报.pdf"


def test_the_download_for_who_sees_the_indicators_audited(client, demo, court, year_2001):
    url = reverse("indicators:report") + "?court=内2502&period=month&year=2001&month=3&format=xlsx"
    for name in ("zhangsan", "wangjun", "lixia"):
        client.force_login(demo[name])
        assert client.get(url).status_code == 403, name
    client.force_login(demo["chenzhi"])
    assert client.get(reverse("indicators:reports")).status_code == 200
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"filename*=UTF-8''{quote('内2502-2001年3月-审判质效月报.xlsx')}" in \
        response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert "汇总" in book.sheetnames
    entry = AuditEntry.objects.get(action="indicators.report_downloaded")
    assert entry.actor == demo["chenzhi"] and entry.changes["format"] == "xlsx"
    pdf = client.get(url.replace("xlsx", "pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    bad = client.get(url.replace("month=3", "month=13"))
    assert bad.status_code == 422 and "form" in bad.content.decode()
    other = client.get(url.replace("内2502", "内2501"))
    assert other.status_code == 422  # not a court of his: not among the choices


def test_the_cli_writes_the_file(court, year_2001, tmp_path):
    out = tmp_path / "r.xlsx"
    call_command("indicators", "report", "--court", "内2502", "--year", "2001", "--month",
                 "3", "--format", "xlsx", "--output", str(out))
    book = load_workbook(out)
    assert book["汇总"].cell(row=5, column=1).value == court.name
    pdf = tmp_path / "r.pdf"
    call_command("indicators", "report", "--court", "内2502", "--year", "2001",
                 "--format", "pdf", "--output", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
