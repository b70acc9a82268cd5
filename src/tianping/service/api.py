"""Service of documents in the REST API (/api/v1/service): the same permissions
(`service.permissions`) and actions (`service.actions`) as the pages. 404 for what one may
not see (as for what is missing), 403 for an act on a visible case one may not take, 422
for bad input (an electronic channel without consent, public notice in a summary case...).
"""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.cases.reads import document_ref
from tianping.courts.permissions import effective_user, require_staff
from tianping.lib.api_pages import PageOut, page_response
from tianping.lib.keyset import rows_page
from tianping.lib.pdf import pdf_bytes_response
from tianping.lib.text import ApiText
from tianping.service import actions, documents
from tianping.service.api_schemas import (
    KEY,
    DirectServiceIn,
    Key,
    PostalReceiptIn,
    PublicNoticeIn,
    QueueItemOut,
    QueuePageIn,
    ServedItemOut,
    ServedPageIn,
    ServeIn,
    ServiceAddressIn,
    ServiceAddressOut,
    ServiceOut,
)
from tianping.service.models import ServiceAttempt
from tianping.service.permissions import (
    case_for_staff,
    party_for_user,
    require_server,
    service_for_party,
    service_for_reader,
    service_for_staff,
    services_for_staff,
    services_served_on,
)
from tianping.service.queries import queue_page

router = Router(tags=["service"])


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _case_and_party(request, code: str, party: int):
    """(user, case, party, is_party): the party's own side, or the case's staff."""
    user = effective_user(request)
    if not 1 <= party <= 2**62:
        raise Http404
    if getattr(user, "is_public_user", False):
        case = get_case_for_user(user, code)
        return user, case, party_for_user(user, case, party), True
    case = case_for_staff(user, code)
    return user, case, get_object_or_404(case.parties, pk=party), False


def _address_out(party, row) -> dict:
    out = {"party": party.pk, "party_name": party.name, "version": None}
    if row is not None:
        out.update(version=row.version, postal_address=row.postal_address,
                   postal_code=row.postal_code, recipient=row.recipient, phone=row.phone,
                   email=row.email, account=row.account.username if row.account_id else "",
                   abroad=row.abroad, consent=row.consent, channels=row.channels,
                   consented_on=row.consented_on, recorded_how=row.recorded_how,
                   recorded_at=row.recorded_at)
    return out


def _service_out(service) -> dict:
    attempts = [
        {f: getattr(a, f) for f in (
            "channel", "status", "address", "sent_at", "effective_at", "effective_on",
            "tracking_number", "posted_on", "receipt_on", "recipient", "witness", "reason",
            "published_on", "published_where", "abroad")} | {"id": a.pk}
        for a in sorted(service.attempts.all(), key=lambda a: (a.sent_at, a.pk))]
    effective = service.effective_attempt
    return {
        "code": service.code, "case": service.case.code, "case_number": service.case.number,
        "party": service.party_id, "party_name": service.party.name, "title": service.title,
        "document": document_ref(service.document) if service.document_id else "",
        "document_name": service.document_name, "effective_on": service.effective_on,
        "effective_channel": effective.channel if effective else "",
        "first_read_at": service.first_read_at, "attempts": attempts,
    }


@router.get("/cases/{code}/parties/{party}/address", response=ServiceAddressOut,
            summary="A party's address for service (latest version)")
def address(request, code: str, party: int):
    _user, case, row, _own = _case_and_party(request, code, party)
    record_view(request, case, "address_confirmation_read", party=row.name)
    return _address_out(row, actions.latest_address(row))


@router.post("/cases/{code}/parties/{party}/address", response={201: ServiceAddressOut},
             summary="Record a party's address confirmation: its next version",
             description="The party's own account confirms online (no file); the case's "
                         "judge, assistant or clerk records the signed form (file required).")
def record_address(request, code: str, party: int, payload: Form[ServiceAddressIn],
                   form_file: File[UploadedFile | None] = None):
    _user, case, row, own = _case_and_party(request, code, party)
    confirmation = actions.confirm_address(
        case, row, recorded_how="online" if own else "form", form=None if own else form_file,
        **payload.dict(), **_acting(request))
    return Status(201, _address_out(row, confirmation))


@router.get("/cases/{code}/parties/{party}/address/pdf",
            summary="The party's address confirmation (送达地址确认书) as PDF",
            response={200: bytes})
def address_confirmation_pdf(request, code: str, party: int):
    _user, case, row, _own = _case_and_party(request, code, party)
    record_view(request, case, "address_confirmation_read", party=row.name)
    data = documents.address_pdf(case, row, actions.latest_address(row))
    return pdf_bytes_response(data, filename=f"address-{case.code}-{row.pk}.pdf")


@router.get("/cases/{code}/services", response=list[ServiceOut],
            summary="Every service of a case, per document and party (staff)")
def case_services(request, code: str):
    case = case_for_staff(effective_user(request), code)
    return [_service_out(s) for s in case.services.select_related(
        "case", "party", "document", "effective_attempt").prefetch_related("attempts")
        .order_by("created_at", "id")[:500]]


@router.post("/cases/{code}/services", response={201: ServiceOut},
             summary="Serve a document on a party by one or more channels")
def serve(request, code: str, payload: ServeIn):
    user = effective_user(request)
    case = case_for_staff(user, code)
    require_server(user, case)
    party = get_object_or_404(case.parties, pk=payload.party)
    document = None
    if payload.document:
        document = next((d for d in case.documents.all()
                         if document_ref(d) == payload.document), None)
        if document is None:
            raise Http404
    service = actions.serve(
        case, party=party, channels=payload.channels, key=payload.idempotency_key,
        document=document, document_name=payload.document_name, title=payload.title,
        tracking_number=payload.tracking_number, posted_on=payload.posted_on,
        **_acting(request))
    return Status(201, _service_out(service))


@router.get("/services/{code}", response=ServiceOut, summary="One service with its attempts")
def service_detail(request, code: str):
    service = service_for_reader(effective_user(request), code)
    return _service_out(service)


def _staff_service(request, code):
    user = effective_user(request)
    service = service_for_staff(user, code)
    require_server(user, service.case)
    return service


@router.post("/services/{code}/postal-receipt", response=ServiceOut,
             summary="Record the date on the returned receipt of court post")
def postal_receipt(request, code: str, payload: PostalReceiptIn):
    service = _staff_service(request, code)
    attempt = get_object_or_404(ServiceAttempt, service=service, pk=payload.attempt)
    return _service_out(actions.record_postal_receipt(attempt, receipt_on=payload.receipt_on,
                                                      **_acting(request)))


@router.post("/services/{code}/direct", response=ServiceOut,
             summary="Record direct service (直接送达): the day the receipt was signed")
def direct(request, code: str, payload: DirectServiceIn):
    service = _staff_service(request, code)
    return _service_out(actions.record_direct(
        service, signed_on=payload.signed_on, recipient=payload.recipient,
        key=payload.idempotency_key, **_acting(request)))


class RetainedServiceIn(Schema):
    left_on: datetime.date
    witness: ApiText(200) = Field(..., min_length=1)
    reason: ApiText(500) = Field(..., min_length=1)
    idempotency_key: Key = KEY


@router.post("/services/{code}/retained", response=ServiceOut,
             summary="Record service by leaving at the address (留置送达), with the photo")
def retained(request, code: str, payload: Form[RetainedServiceIn], photo: File[UploadedFile]):
    service = _staff_service(request, code)
    return _service_out(actions.record_retained(
        service, left_on=payload.left_on, witness=payload.witness, reason=payload.reason,
        photo=photo, key=payload.idempotency_key, **_acting(request)))


@router.post("/services/{code}/public-notice", response=ServiceOut,
             summary="Record service by public notice (公告送达): 30 days, 60 abroad")
def public_notice(request, code: str, payload: PublicNoticeIn):
    service = _staff_service(request, code)
    return _service_out(actions.record_public_notice(
        service, published_on=payload.published_on, where=payload.where,
        abroad=payload.abroad, key=payload.idempotency_key, **_acting(request)))


@router.get("/services/{code}/certificate", response={200: bytes},
            summary="The service certificate (送达回证 / 电子送达凭证) as PDF")
def certificate(request, code: str):
    service = service_for_reader(effective_user(request), code)
    record_view(request, service.case, "service_certificate_read", title=service.title)
    return pdf_bytes_response(documents.certificate_pdf(service),
                              filename=f"certificate-{service.code}.pdf")


@router.post("/services/{code}/read", response=ServiceOut,
             summary="The party reads a document served on them (the reading is recorded)")
def read(request, code: str):
    service = service_for_party(request.user, code)
    service = actions.record_reading(service, **_acting(request))
    record_view(request, service.case, "served_document_read", title=service.title)
    return _service_out(service)


@router.get("/served", response=PageOut[ServedItemOut],
            summary="What was served on me (my parties), newest first")
def served(request, paging: Query[ServedPageIn]):
    rows = services_served_on(request.user).select_related("case", "party")
    page = rows_page(rows, ("-created_at", "-id"), after=paging.after, size=paging.limit)
    return {"items": [
        {"code": s.code, "case": s.case.code, "case_number": s.case.number,
         "party_name": s.party.name, "title": s.title, "effective_on": s.effective_on,
         "first_read_at": s.first_read_at} for s in page.items], "next": page.next}


@router.get("/queue", response=PageOut[QueueItemOut],
            summary="The service queue: what is waiting to be served, oldest first (staff)",
            description="Across the cases the staff member sees: services not yet effective, "
                        "court post whose receipt is not back, public notices running.")
def queue(request, paging: Query[QueuePageIn]):
    user = require_staff(effective_user(request))
    page = queue_page(services_for_staff(user), kind=paging.kind, after=paging.after,
                      size=paging.limit)
    return page_response([
        {"code": s.code, "case": s.case.code, "case_number": s.case.number,
         "party": s.party_id, "party_name": s.party.name, "title": s.title,
         "created_at": s.created_at, "waiting_days": s.waiting_days,
         "pending": [{"id": a.pk, "channel": a.channel, "tracking_number": a.tracking_number,
                      "posted_on": a.posted_on, "effective_on": a.effective_on}
                     for a in s.pending]} for s in page.items], page.next)
