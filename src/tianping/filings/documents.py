"""The printable documents of a filing: the dated receipt (登记立案回执), the correction
notice (补正通知书), the ruling refusing it (不予受理裁定书), the notice of acceptance.

Making a document's HTML is cheap; laying it out as PDF is not (a receipt of 500 parties
took a minute, a ruling of 700,000 characters three). The first request for a document
lays it out and keeps the PDF (`FilingDocument`) under the hash of its HTML; every later
request, by anyone, is served from the stored file. When the content changes (parties
corrected, a later notice, the reader's other language) the new version is laid out once
and kept beside the earlier ones.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from tianping.filings.models import Filing, FilingDocument
from tianping.lib import pdf


def stored_pdf(filing: Filing, name: str, template: str, context: dict, request=None) -> bytes:
    """The PDF of the document NAME of FILING: the stored one, or laid out once and kept."""
    html = pdf.render_html(template, context, request)
    digest = hashlib.sha256(html.encode()).hexdigest()
    kept = FilingDocument.objects.filter(filing=filing, name=name, html_sha256=digest).first()
    if kept is not None:
        try:
            with kept.file.open("rb") as stored:
                return stored.read()
        except FileNotFoundError:  # the file was lost: lay it out again
            kept.delete()
    data = pdf.html_to_pdf(html)
    document = FilingDocument(filing=filing, name=name, html_sha256=digest)
    document.file.save(f"{name}.pdf", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:  # laid out at the same moment by another request: keep theirs
        document.file.delete(save=False)
    return data
