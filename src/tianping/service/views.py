"""The service pages: the case's service page for its staff (addresses, serve, results,
certificates), and the party's own: open a served document (the reading is recorded) and
confirm their address online. Each page makes one call to an action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import effective_user, public_user_page, require_staff
from tianping.lib.pdf import pdf_bytes_response
from tianping.service import actions, documents
from tianping.service.forms import (
    NAMED_DOCUMENTS,
    AddressForm,
    DirectForm,
    PublicNoticeForm,
    ReceiptForm,
    RetainedForm,
    ServeForm,
    SignedAddressForm,
)
from tianping.service.models import ServiceAttempt
from tianping.service.permissions import (
    can_serve,
    case_for_staff,
    party_for_user,
    service_for_party,
    service_for_staff,
    services_for_staff,
)
from tianping.service.queries import (
    QUEUE_KINDS,
    attempts_of,
    latest_addresses,
    queue_page,
    services_of_case,
)


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _staff_case(request, code):
    user = effective_user(request)
    return user, case_for_staff(user, code)


def _render_case(request, user, case, status=200, **forms):
    parties = list(case.parties.all())
    bound = forms.get("address_form")
    latest = latest_addresses(case)
    for party in parties:
        party.confirmation = latest.get(party.pk)
        party.address_form = (bound if bound is not None and bound.prefix == f"p{party.pk}"
                              else SignedAddressForm(prefix=f"p{party.pk}"))
    context = {
        "case": case, "parties": parties, "services": services_of_case(case),
        "can_serve": can_serve(user, case),
        "serve_form": forms.get("serve_form") or ServeForm(case=case),
        "address_open": bound is not None,
    }
    return render(request, "service/case.html", context, status=status)


@login_required
def case_service(request, code):
    user, case = _staff_case(request, code)
    record_view(request, case, "service_viewed")
    return _render_case(request, user, case)


@login_required
def queue(request):
    """The service queue (送达待办) of the court's clerks and judge assistants: across the
    cases they see, what is not yet served, the postal receipts awaited and the public
    notices running, oldest first, a keyset page."""
    user = require_staff(effective_user(request))
    kind = request.GET.get("kind")
    kind = kind if kind in QUEUE_KINDS else "all"
    page = queue_page(services_for_staff(user), kind=kind, after=request.GET.get("after"))
    return render(request, "service/queue.html", {"page": page, "kind": kind})


def _document(case, value: str):
    kind, _sep, ref = value.partition(":")
    if kind == "doc":
        return get_object_or_404(case.documents, pk=ref), "", ""
    return None, ref, str(NAMED_DOCUMENTS.get(ref, ref))


@login_required
@require_POST
def serve(request, code):
    user, case = _staff_case(request, code)
    if not can_serve(user, case):
        raise PermissionDenied
    form = ServeForm(request.POST, case=case)
    if form.is_valid():
        data = form.cleaned_data
        document, name, title = _document(case, data["document"])
        try:
            service = actions.serve(
                case, party=case.parties.get(pk=data["party"]), channels=data["channels"],
                key=data["key"], document=document, document_name=name, title=title,
                tracking_number=data["tracking_number"], posted_on=data["posted_on"],
                **_acting(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Sent. The service's record shows each channel."))
            return redirect("service:detail", service.code)
    return _render_case(request, user, case, status=400, serve_form=form)


@login_required
@require_POST
def record_address(request, code, pk):
    user, case = _staff_case(request, code)
    if not can_serve(user, case):
        raise PermissionDenied
    party = get_object_or_404(case.parties, pk=pk)
    form = SignedAddressForm(request.POST, request.FILES, prefix=f"p{party.pk}")
    if form.is_valid():
        try:
            actions.confirm_address(case, party, recorded_how="form",
                                    form=form.cleaned_data.pop("form_file"),
                                    **form.cleaned_data, **_acting(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The address confirmation is recorded."))
            return redirect("service:case", case.code)
    return _render_case(request, user, case, status=400, address_form=form)


@login_required
def address_pdf(request, code, pk):
    user = effective_user(request)
    case = get_case_for_user(user, code)
    if user.is_public_user:
        party = party_for_user(user, case, pk)
    else:
        case_for_staff(user, code)
        party = get_object_or_404(case.parties, pk=pk)
    record_view(request, case, "address_confirmation_read", party=party.name)
    data = documents.address_pdf(case, party, actions.latest_address(party))
    return pdf_bytes_response(data, filename=f"address-{case.code}-{party.pk}.pdf")


def _render_detail(request, user, service, status=200, **forms):
    context = {
        "service": service, "case": service.case, "attempts": attempts_of(service),
        "can_serve": can_serve(user, service.case),
        "receipt_form": forms.get("receipt_form") or ReceiptForm(),
        "direct_form": forms.get("direct_form") or DirectForm(),
        "retained_form": forms.get("retained_form") or RetainedForm(),
        "notice_form": forms.get("notice_form") or PublicNoticeForm(),
    }
    return render(request, "service/detail.html", context, status=status)


@login_required
def detail(request, code):
    user = effective_user(request)
    service = service_for_staff(user, code)
    return _render_detail(request, user, service)


def _result(request, code, form_class, name, call):
    user = effective_user(request)
    service = service_for_staff(user, code)
    if not can_serve(user, service.case):
        raise PermissionDenied
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            call(service, form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Recorded."))
            return redirect("service:detail", service.code)
    return _render_detail(request, user, service, status=400, **{name: form})


@login_required
@require_POST
def postal_receipt(request, code, pk):
    def call(service, data):
        attempt = get_object_or_404(ServiceAttempt, service=service, pk=pk)
        actions.record_postal_receipt(attempt, receipt_on=data["receipt_on"], **_acting(request))

    return _result(request, code, ReceiptForm, "receipt_form", call)


@login_required
@require_POST
def direct(request, code):
    return _result(request, code, DirectForm, "direct_form", lambda service, data: (
        actions.record_direct(service, signed_on=data["signed_on"], recipient=data["recipient"],
                              key=data["key"], **_acting(request))))


@login_required
@require_POST
def retained(request, code):
    return _result(request, code, RetainedForm, "retained_form", lambda service, data: (
        actions.record_retained(service, left_on=data["left_on"], witness=data["witness"],
                                reason=data["reason"], photo=data["photo"], key=data["key"],
                                **_acting(request))))


@login_required
@require_POST
def public_notice(request, code):
    return _result(request, code, PublicNoticeForm, "notice_form", lambda service, data: (
        actions.record_public_notice(service, published_on=data["published_on"],
                                     where=data["where"], abroad=data["abroad"] or None,
                                     key=data["key"], **_acting(request))))


@login_required
def certificate(request, code):
    user = effective_user(request)
    service = (service_for_party(user, code) if user.is_public_user
               else service_for_staff(user, code))
    record_view(request, service.case, "service_certificate_read", title=service.title)
    return pdf_bytes_response(documents.certificate_pdf(service),
                              filename=f"certificate-{service.code}.pdf")


@public_user_page
def open_served(request, code):
    """The party opens what was served on them: the reading is recorded, then the document."""
    service = service_for_party(request.user, code)
    actions.record_reading(service, **_acting(request))
    record_view(request, service.case, "served_document_read", title=service.title)
    if service.document_id:
        item = service.document
        return FileResponse(item.file.open("rb"), content_type=item.content_type,
                            filename=item.title)
    if service.document_name in NAMED_DOCUMENTS:
        return redirect(reverse("portal:case_document",
                                args=[service.case.code, service.document_name]))
    raise Http404


@public_user_page
def my_address(request, code, pk):
    """The party confirms their own address for service online, with their account."""
    case = get_case_for_user(request.user, code)
    party = party_for_user(request.user, case, pk)
    latest = actions.latest_address(party)
    status = 200
    if request.method == "POST":
        form = AddressForm(request.POST)
        if form.is_valid():
            try:
                actions.confirm_address(case, party, recorded_how="online",
                                        **form.cleaned_data, **_acting(request))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Your address for service is confirmed."))
                return redirect("party_cases:detail", case.code)
        status = 400
    else:
        initial = {"postal_address": party.address, "phone": party.phone}
        if latest is not None:
            initial = {f: getattr(latest, f) for f in (
                "postal_address", "postal_code", "recipient", "phone", "email", "abroad",
                "consent", "channels", "consented_on")}
        form = AddressForm(initial=initial)
    return render(request, "service/my_address.html",
                  {"case": case, "party": party, "form": form, "latest": latest},
                  status=status)
