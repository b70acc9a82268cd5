"""The parties' view (当事人查看): a litigant or lawyer follows their own cases.

Only through cases_visible_to / get_case_for_user: a case of someone else is the same 404
as a case that does not exist. Only public timeline events (流程公开) and documents marked
for the parties are shown; identity numbers are masked.
"""


from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone

from tianping.audit.actions import record_view
from tianping.cases.actions_panel import current_seats
from tianping.cases.forms_panel import RecusalForm
from tianping.cases.permissions import cases_visible_to, get_case_for_user
from tianping.cases.reads import case_next, document_ref, parties_in_order, public_events
from tianping.cases.views_party_acts import party_context
from tianping.courts.permissions import public_user_page
from tianping.payments.queries import fee_of, is_overdue, reliefs_of
from tianping.portal.documents import case_documents

party_view = public_user_page


@party_view
def my_cases(request):
    cases = cases_visible_to(request.user).select_related("court", "judge", "time_limit")
    rows = [{"case": case, "next": case_next(case)} for case in cases]
    return render(request, "cases/party/list.html", {"rows": rows})


@party_view
def case_detail(request, code):
    case = get_case_for_user(request.user, code)
    record_view(request, case)
    documents = [(d, document_ref(d)) for d in case.documents.filter(is_public=True)]
    # what the court issued on the filing: to its filer the notice of acceptance ..., to a
    # defendant the notice to respond
    issued = case_documents(case, request.user)
    fee = fee_of(case)
    reliefs = reliefs_of(fee)
    context = {
        "fee": fee,
        "fee_reliefs": reliefs,
        "fee_pending_relief": any(r.status == "pending" for r in reliefs),
        "overdue": is_overdue(fee, timezone.localdate()),
        "case": case,
        "parties": parties_in_order(case),
        "events": public_events(case),
        "documents": documents,
        "issued": issued,
        "next": case_next(case),
        "bench": (bench := current_seats(case)),
        "recusal_form": RecusalForm(seats=bench) if bench and case.is_pending else None,
        **party_context(request.user, case),
    }
    return render(request, "cases/party/detail.html", context)


@party_view
def document(request, code, ref):
    case = get_case_for_user(request.user, code)
    for item in case.documents.filter(is_public=True):
        if document_ref(item) == ref:
            record_view(request, case, "document_read", title=item.title)
            return FileResponse(
                item.file.open("rb"), content_type=item.content_type, filename=item.title
            )
    raise Http404
