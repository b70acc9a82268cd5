"""A filing's documents served to its filer on the portal: the notice of acceptance, the
correction notice and the ruling, the same kept PDF the court prints (`filings.documents`).
Only the filer's own filings (`filings.permissions`): anything else is 404."""

from django.http import Http404

from tianping.audit.actions import record_view
from tianping.courts.permissions import public_user_page
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.filings.documents import stored_pdf
from tianping.filings.permissions import get_filing_for_user
from tianping.filings.review import reads
from tianping.filings.review.views import document_context
from tianping.lib.pdf import pdf_bytes_response


@public_user_page
def filing_document(request, code, name):
    filing = get_filing_for_user(request.user, code)
    if name not in reads.documents_of(filing):
        raise Http404("No such document.")
    context = document_context(filing, name)
    if context is None:
        raise Http404("No such document.")
    context.update(
        filing=filing,
        claimants=filing.parties_in(CLAIMANT_ROLES),
        opponents=filing.parties_in(OPPONENT_ROLES),
    )
    record_view(request, filing, "document_read", name=name)
    template = f"filings/documents/{name.replace('-', '_')}.html"
    data = stored_pdf(filing, name, template, context, request)
    return pdf_bytes_response(data, filename=f"{name}-{filing.code}.pdf")
