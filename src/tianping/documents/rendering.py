"""Laying out a document: one print stylesheet for every kind (`documents/print.html`: A4,
the machine's Noto CJK serif, court and title centred, the case number on the right, 第 X 页
共 Y 页 at the foot, the court's seal placeholder beside the date). The body is filled,
made full-width and escaped by `placeholders`; the page template only places it."""

from django.utils.safestring import mark_safe

from tianping.documents import placeholders
from tianping.lib import pdf


def html(*, title: str, body: str, values: dict[str, str], preview: bool = False) -> str:
    text = placeholders.full_width(placeholders.fill(body, values))
    context = {
        "court": values.get("法院名称", ""), "title": placeholders.full_width(title),
        "number": values.get("案号", ""), "date": values.get("日期", ""),
        "paragraphs": [mark_safe(p) for p in placeholders.paragraphs(text)],  # escaped there
        "preview": preview,
    }
    return pdf.render_html("documents/print.html", context)


def to_pdf(page: str) -> bytes:
    return pdf.html_to_pdf(page)
