"""A filing's documents served to its filer on the portal: the notice of acceptance, the
correction notice and the ruling, the same kept PDF the court prints (`filings.documents`).
Only the filer's own filings (`filings.permissions`): anything else is 404. A defendant
(or their agent) gets the notice to respond of their case (`cases.permissions`)."""

from django.http import Http404

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import public_user_page
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.filings.documents import stored_pdf
from tianping.filings.permissions import get_filing_for_user
from tianping.filings.review import reads
from tianping.filings.review.views import document_context
from tianping.lib.pdf import pdf_bytes_response
from tianping.portal.documents import OPPONENTS_DOCUMENTS, on_the_opponents_side


@public_user_page
def filing_document(request, code, name):
    filing = get_filing_for_user(request.user, code)
    if name not in reads.documents_of(filing) or name in OPPONENTS_DOCUMENTS:
        raise Http404("No such document.")
    record_view(request, filing, "document_read", name=name)
    return _pdf(request, filing, name)


@public_user_page
def case_document(request, code, name):
    case = get_case_for_user(request.user, code)
    if name not in OPPONENTS_DOCUMENTS or not on_the_opponents_side(case, request.user):
        raise Http404("No such document.")
    if case.filing is None or name not in reads.documents_of(case.filing):
        raise Http404("No such document.")
    record_view(request, case, "document_read", name=name)
    return _pdf(request, case.filing, name)


def _pdf(request, filing, name):
    context = document_context(filing, name)
    if context is None:
        raise Http404("No such document.")
    context.update(
        filing=filing,
        claimants=filing.parties_in(CLAIMANT_ROLES),
        opponents=filing.parties_in(OPPONENT_ROLES),
    )
    template = f"filings/documents/{name.replace('-', '_')}.html"
    data = stored_pdf(filing, name, template, context, request)
    return pdf_bytes_response(data, filename=f"{name}-{filing.code}.pdf")
