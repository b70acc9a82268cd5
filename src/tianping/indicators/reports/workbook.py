"""A report as an Excel workbook (openpyxl): the summary sheet (every indicator of the
court, then of each court below, with numerator, denominator, range, status, 同比 and 环比),
the monthly sheet and the notes sheet (说明: formulas, scope, source, UNSURE notes).

Values are written as numbers with their exact two places (a Decimal's own digits, never
a float's: 92.10, not 92.09999999999999), rates as the number with % in the unit column."""

import io
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tianping.indicators import compute, registry
from tianping.indicators.reports import notes as words

TWO = "0.00"
WHOLE = "0"
SIGNED = "+0.00;-0.00;0.00"
SIGNED_WHOLE = "+0;-0;0"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(bold=True, size=14)
RED = Font(color="C00000", bold=True)
GREEN = Font(color="1E7B34")
WRAP = Alignment(wrap_text=True, vertical="top")


def _figure_format(value) -> str:
    """A count as a whole number, a sum of money (Decimal) with two places."""
    return TWO if isinstance(value, Decimal) else WHOLE


def put_number(cell, value, fmt: str = TWO) -> None:
    """VALUE (Decimal, int or None) into CELL as a number with its exact digits."""
    if value is None:
        cell.value = None
        return
    whole = fmt in (WHOLE, SIGNED_WHOLE)
    if isinstance(value, Decimal) and whole and value == value.to_integral_value():
        cell.value = int(value)  # a count
    elif isinstance(value, Decimal):
        cell.value = value
        # openpyxl writes numbers with "%.16g" of a float; the Decimal's own text is exact
        # and still a number to Excel (the cell's type stays "n").
        cell._value = format(value, "f")
    else:
        cell.value = value
    cell.number_format = fmt


def _header(ws, row: int, titles: list[str], widths: list[int]) -> None:
    for column, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = ws.cell(row=row, column=column, value=title)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(column)].width = width


def _value_format(unit: str) -> str:
    return WHOLE if unit == registry.CASES else TWO


def summary_sheet(ws, report) -> None:
    ws.title = pgettext("report sheet", "Summary")
    ws.cell(row=1, column=1, value=f"{report.court_name} {report.title}").font = TITLE_FONT
    ws.cell(row=2, column=1, value=report.period_note)
    titles = [_("Court"), _("Indicator"), _("Value"), _("Unit"), _("Numerator"),
              _("Denominator"), _("Range: lowest"), _("Range: highest"), _("Status"),
              _("同比: a year before"), _("同比: change"), _("环比: period before"),
              _("环比: change")]
    _header(ws, 4, titles, [26, 22, 11, 6, 11, 11, 10, 10, 16, 13, 11, 13, 11])
    ws.freeze_panes = "C5"
    row = 5
    for part in report.parts:
        for item in part.rows:
            r = item.now
            fmt = _value_format(r.unit)
            ws.cell(row=row, column=1, value=part.label)
            ws.cell(row=row, column=2, value=r.name)
            put_number(ws.cell(row=row, column=3), r.value, fmt)
            ws.cell(row=row, column=4, value=words.unit_word(r.unit))
            put_number(ws.cell(row=row, column=5), r.numerator, _figure_format(r.numerator))
            put_number(ws.cell(row=row, column=6), r.denominator,
                       _figure_format(r.denominator))
            low, high = r.range if r.range is not None else (None, None)
            put_number(ws.cell(row=row, column=7), low)
            put_number(ws.cell(row=row, column=8), high)
            status = ws.cell(row=row, column=9, value=words.status_word(r.status))
            if r.status == compute.NOT_MET:
                status.font = RED
                ws.cell(row=row, column=3).font = RED
            elif r.status == compute.MET:
                status.font = GREEN
            put_number(ws.cell(row=row, column=10), item.year_before.value, fmt)
            signed = SIGNED_WHOLE if r.unit == registry.CASES else SIGNED
            put_number(ws.cell(row=row, column=11), item.yoy, signed)
            put_number(ws.cell(row=row, column=12), item.period_before.value, fmt)
            put_number(ws.cell(row=row, column=13), item.mom, signed)
            if part.total:
                ws.cell(row=row, column=1).font = Font(bold=True)
            row += 1


def monthly_sheet(ws, report) -> None:
    ws.title = pgettext("report sheet", "By month")
    indicators = report.indicators
    titles = [_("Month")] + [
        f"{m.name}（{words.unit_word(m.unit)}）" if words.unit_word(m.unit) else m.name
        for m in (report.months[-1].results[i.code] for i in indicators)]
    _header(ws, 1, titles, [10] + [12] * len(indicators))
    ws.row_dimensions[1].height = 48
    ws.freeze_panes = "B2"
    for row, month in enumerate(report.months, start=2):
        ws.cell(row=row, column=1, value=month.label)
        for column, indicator in enumerate(indicators, start=2):
            r = month.results[indicator.code]
            put_number(ws.cell(row=row, column=column), r.value, _value_format(r.unit))


def notes_sheet(ws, report) -> None:
    ws.title = pgettext("report sheet", "Notes")
    titles = [_("Indicator"), _("English name"), _("Formula"), _("Unit"), _("Scope (口径)"),
              _("Direction"), _("Source"), _("UNSURE")]
    _header(ws, 1, titles, [18, 28, 48, 6, 40, 16, 48, 60])
    ws.freeze_panes = "B2"
    row = 2
    for note in words.notes(report.indicators):
        values = [note.name_zh, note.name_en, note.formula, note.unit, note.scope,
                  note.direction, note.source, note.unsure]
        for column, value in enumerate(values, start=1):
            ws.cell(row=row, column=column, value=value).alignment = WRAP
        row += 1
    row += 1
    for text in [report.period_note, *words.general_notes()]:
        ws.cell(row=row, column=1, value=text)
        row += 1


def workbook_bytes(report) -> bytes:
    book = Workbook()
    summary_sheet(book.active, report)
    monthly_sheet(book.create_sheet(), report)
    notes_sheet(book.create_sheet(), report)
    book.properties.title = f"{report.court_name} {report.title}"
    book.properties.creator = "Tianping"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
