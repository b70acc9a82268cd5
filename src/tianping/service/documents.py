"""The service's printable documents, laid out once and kept (as `filings.documents`): the
address confirmation (送达地址确认书) of a party and the service certificate (送达回证 /
电子送达凭证) of a document and a party, with every attempt and the one that counts. The
HTML is cheap and says whether the stored PDF is still the document: a new attempt or a
new version makes a new PDF, kept beside the earlier ones."""

import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from tianping.lib import pdf
from tianping.service.choices import Channel
from tianping.service.models import ServicePdf
from tianping.service.queries import attempts_of


def stored_pdf(case, name: str, template: str, context: dict) -> bytes:
    html = pdf.render_html(template, context)
    digest = hashlib.sha256(html.encode()).hexdigest()
    kept = ServicePdf.objects.filter(case=case, name=name, html_sha256=digest).first()
    if kept is not None:
        try:
            with kept.file.open("rb") as stored:
                return stored.read()
        except FileNotFoundError:
            kept.delete()
    data = pdf.html_to_pdf(html)
    row = ServicePdf(case=case, name=name, html_sha256=digest)
    row.file.save(f"{name}.pdf", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:  # laid out at the same moment by another request: keep theirs
        row.file.delete(save=False)
    return data


def certificate_pdf(service) -> bytes:
    context = {"service": service, "case": service.case, "attempts": attempts_of(service)}
    return stored_pdf(service.case, f"certificate-{service.code}",
                      "service/documents/certificate.html", context)


def address_pdf(case, party, confirmation) -> bytes:
    channels = [str(Channel(c).label) for c in (confirmation.channels if confirmation else [])]
    context = {"case": case, "party": party, "confirmation": confirmation, "channels": channels}
    return stored_pdf(case, f"address-{party.pk}", "service/documents/address.html", context)
