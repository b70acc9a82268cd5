"""Printable documents (receipts, notices) rendered to PDF with WeasyPrint.

Fonts are the machine's own (Debian's fonts-noto-cjk); nothing is fetched from outside:
the URL fetcher refuses every address that is not a local file. Laying out a PDF costs a
second or more a page: a document that is asked for again is kept once laid out (a
filing's documents: `filings.documents`), and `render_html` and `html_to_pdf` are apart so
that the cheap HTML says whether the stored PDF is still the document.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string


def _no_network(url, *args, **kwargs):
    raise ValueError(f"Documents may not load {url}: no network access.")


def render_html(template: str, context: dict, request=None) -> str:
    return render_to_string(template, context, request=request)


def html_to_pdf(html: str) -> bytes:
    import weasyprint  # imported here: it loads native libraries

    return weasyprint.HTML(string=html, url_fetcher=_no_network).write_pdf()


def render_pdf(template: str, context: dict, request=None) -> bytes:
    return html_to_pdf(render_html(template, context, request))


def pdf_bytes_response(data: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def pdf_response(template: str, context: dict, *, filename: str, request=None) -> HttpResponse:
    return pdf_bytes_response(render_pdf(template, context, request), filename=filename)
