"""A report as a PDF (WeasyPrint through `lib.pdf`, the machine's Noto CJK fonts): the
same content as the workbook on A4 landscape pages, numbered "page / pages"."""

from tianping.indicators import compute
from tianping.indicators.reports import notes as words
from tianping.indicators.views_common import figure
from tianping.lib import pdf


def context(report) -> dict:
    parts = []
    for part in report.parts:
        rows = []
        for item in part.rows:
            r = item.now
            rows.append({
                "name": r.name, "value": words.show(r.value, r.unit),
                "numerator": figure(r.numerator),
                "denominator": "" if r.denominator is None else figure(r.denominator),
                "range": words.range_text(r.range, r.unit) if r.range is not None else "—",
                "status": words.status_word(r.status),
                "not_met": r.status == compute.NOT_MET,
                "year_before": words.show(item.year_before.value, r.unit),
                "yoy": words.change(item.yoy, r.unit),
                "period_before": words.show(item.period_before.value, r.unit),
                "mom": words.change(item.mom, r.unit)})
        parts.append({"label": part.label, "total": part.total, "rows": rows})
    last = report.months[-1].results
    trend = [{"name": last[i.code].name,
              "values": [words.show(m.results[i.code].value, i.unit) for m in report.months]}
             for i in report.indicators]
    return {"report": report, "parts": parts, "months": [m.label for m in report.months],
            "trend": trend, "notes": words.notes(report.indicators),
            "general": words.general_notes()}


def pdf_bytes(report) -> bytes:
    return pdf.render_pdf("indicators/report_pdf.html", context(report))
