"""Printable documents (receipts, notices) rendered to PDF with WeasyPrint.

Fonts are the machine's own (Debian's fonts-noto-cjk); nothing is fetched from outside:
the URL fetcher refuses every address that is not a local file.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string


def _no_network(url, *args, **kwargs):
    raise ValueError(f"Documents may not load {url}: no network access.")


def render_pdf(template: str, context: dict, request=None) -> bytes:
    import weasyprint  # imported here: it loads native libraries

    html = render_to_string(template, context, request=request)
    return weasyprint.HTML(string=html, url_fetcher=_no_network).write_pdf()


def pdf_response(template: str, context: dict, *, filename: str, request=None) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
