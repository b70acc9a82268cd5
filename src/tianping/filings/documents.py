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
from django.utils.translation import gettext as _

from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES, FilingKind
from tianping.filings.models import Filing, FilingDocument
from tianping.lib import pdf


def ruling_context(filing: Filing) -> dict:
    """What the refusal ruling (不予受理裁定书) shows: the parties, the reasons, the statutory
    basis the clerk proposed, the law of the ruling (行政诉讼法 art. 51 for administrative
    complaints, 民事诉讼法 arts. 126 and 157 otherwise), the appeal within ten days to the
    court above (民事诉讼法 art. 171; 行政诉讼法 art. 85) and the judge who decided it.

    It carries the filing's receipt number: the sources at hand (domain reference, case
    numbers) give a refusal ruling no case number of its own."""
    administrative = filing.kind == FilingKind.ADMINISTRATIVE
    return {
        "filing": filing,
        "claimants": filing.parties_in(CLAIMANT_ROLES),
        "opponents": filing.parties_in(OPPONENT_ROLES),
        "judge": filing.decided_by,
        "basis_label": filing.get_refusal_basis_display() if filing.refusal_basis else "",
        "ruling_law": _("Administrative Litigation Law art. 51")
        if administrative
        else _("Civil Procedure Law arts. 126 and 157"),
        "appeal_court": filing.court.parent,
    }


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
