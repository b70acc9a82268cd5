"""Actions of a payment order (督促程序, 民事诉讼法 arts. 225-228): each one transaction under
the case's lock, asking `payorders.permissions`, with its event on the case's timeline.

Closing the case (a dismissal, a termination, an order in effect) and turning it into a
suit span apps: those are `flows.payment_orders`, which calls the pieces here.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.actions import attach_case_documents, lock_case, start_trial
from tianping.cases.choices import CaseState
from tianping.cases.events import case_event
from tianping.courts.holidays import court_calendar
from tianping.deadlines.actions import stop_time_limit
from tianping.filings.fee_estimate import acceptance_fee
from tianping.law import special_procedure as law
from tianping.lib import pdf
from tianping.lib.text import bounded_text
from tianping.payorders import permissions as perms
from tianping.payorders.choices import ObjectionChannel, OrderStatus
from tianping.payorders.models import PaymentOrder
from tianping.service.queries import effective_service_date

TEXT_LENGTH = 5000


def open_order(case, *, amount: Decimal | None, basis: str) -> PaymentOrder:
    """The order of a 民督 case just accepted (`flows.filing.accept_filing`)."""
    return PaymentOrder.objects.create(case=case, amount=amount or Decimal("0"), basis=basis)


def order_of(case) -> PaymentOrder:
    order = PaymentOrder.objects.filter(case=case).first()
    if order is None:
        raise ValidationError(_("This case is not an application for a payment order."))
    return order


def _locked(case) -> tuple:
    case = lock_case(case)
    return case, PaymentOrder.objects.select_for_update().get(case=case)


def _require_status(order: PaymentOrder, *statuses) -> None:
    if order.status not in statuses:
        raise ValidationError(
            _("This cannot be done while the payment order is “%(status)s”.")
            % {"status": order.get_status_display()}
        )


def debtors(case) -> list:
    return list(case.parties.filter(role="respondent").order_by("position", "id"))


def render_document(case, template: str, name: str, *, actor, today, **extra):
    """A document of the case laid out from TEMPLATE, as an upload to store with it."""
    context = {
        "case": case,
        "parties": list(case.parties.order_by("position", "id")),
        "judge": actor.get_full_name() if hasattr(actor, "get_full_name") else "",
        "day": today,
        **extra,
    }
    data = pdf.render_pdf(template, context)
    return SimpleUploadedFile(f"{name}.pdf", data, content_type="application/pdf")


def ready_for_ruling(case, *, actor, acted_for=None):
    if case.state == CaseState.ASSIGNED:
        start_trial(case, actor=actor, acted_for=acted_for)
        case.refresh_from_db()
    return case


def issue(case, *, actor, acted_for=None, today=None) -> PaymentOrder:
    """The judge issues the payment order (支付令, art. 227): laid out as a PDF, stored as a
    document of the case (to be served on the debtor through `service`). The limit of the
    case (15 days from acceptance to issue it) is then met and stops running."""
    today = today or timezone.localdate()
    perms.require_judge(acted_for or actor, case)
    with transaction.atomic():
        case = ready_for_ruling(case, actor=actor, acted_for=acted_for)
        case, order = _locked(case)
        _require_status(order, OrderStatus.ACCEPTED)
        if order.amount <= 0:
            raise ValidationError(_("The order needs the amount owed."))
        fee = acceptance_fee(case.filing.kind, order.amount, summary=False) \
            if case.filing_id else None
        upload = render_document(
            case, "payorders/documents/payment_order.html", _("Payment order"),
            actor=actor, today=today, amount=order.amount,
            claims=case.claims, facts=case.filing.facts if case.filing_id else "",
            fee=fee.fee if fee else None)
        (document,) = attach_case_documents(case, [upload], actor=actor, acted_for=acted_for)
        order.status = OrderStatus.ISSUED
        order.issued_on, order.issued_by, order.order_document = today, actor, document
        order.save()
        stop_time_limit(case)
        case_event(case, "payment_order_issued", actor=actor, acted_for=acted_for,
                   amount=order.amount, issued_on=today)
    return order


def objection_window(case, party, order: PaymentOrder) -> dict:
    """When PARTY was served the order and until when they may object, with the steps."""
    served_on = (effective_service_date(case, party, document=order.order_document)
                 if order.order_document_id else None)
    if served_on is None:
        return {"served_on": None, "due": None, "steps": []}
    result = law.objection_due(served_on, court_calendar(court=case.court))
    return {"served_on": served_on, "due": result.expires_on, "steps": result.steps}


def object_to(case, *, actor, party, text: str, received_on: datetime.date | None = None,
              channel: str = ObjectionChannel.ONLINE, acted_for=None,
              today=None) -> PaymentOrder:
    """The debtor's written objection (书面异议, art. 228): online by the debtor (or their
    representative), or entered at the window with the day it was handed in. Refused after
    the fifteen days from service, with the dates."""
    today = today or timezone.localdate()
    received_on = received_on or today
    user = acted_for or actor
    if channel == ObjectionChannel.ONLINE:
        if not perms.debtor_parties(user, case).filter(pk=party.pk).exists():
            raise PermissionDenied(_("Only the debtor can object to the payment order."))
        received_on = today
    else:
        perms.require_window(user, case)
        if party.case_id != case.pk or party.role != "respondent":
            raise ValidationError(_("Only a respondent of this case can object."))
        if received_on > today:
            raise ValidationError(_("The day it was handed in cannot be in the future."))
    text = bounded_text(text, TEXT_LENGTH, "text", required=True,
                        message=_("Write the objection."))
    with transaction.atomic():
        case, order = _locked(case)
        _require_status(order, OrderStatus.ISSUED)
        if received_on < order.issued_on:
            raise ValidationError(_("An objection cannot come before the order was issued."))
        window = objection_window(case, party, order)
        if window["due"] is not None and received_on > window["due"]:
            raise ValidationError(
                _("The objection is late: the order was served on %(served)s, the fifteen days "
                  "ended on %(due)s and the objection came on %(received)s. The order stands.")
                % {"served": window["served_on"], "due": window["due"],
                   "received": received_on})
        order.status = OrderStatus.OBJECTED
        order.objection_by_party = party
        order.objection_text = text
        order.objection_on = received_on
        order.objection_channel = channel
        order.objection_recorded_by = actor
        order.save()
        case_event(case, "payment_order_objected", actor=actor, acted_for=acted_for,
                   party=party.name, received_on=received_on, objection_channel=channel)
    return order


def effective_date(case, order: PaymentOrder) -> dict:
    """When the order takes effect if nobody objects: the day after the last debtor's
    objection period ends (each debtor's service and period in ROWS). None while a debtor
    is not served."""
    rows = [{"party": p, **objection_window(case, p, order)} for p in debtors(case)]
    dues = [r["due"] for r in rows]
    day = max(dues) + datetime.timedelta(days=1) if rows and all(dues) else None
    return {"rows": rows, "effective_on": day}


def check_can_take_effect(case, order: PaymentOrder, today) -> datetime.date:
    _require_status(order, OrderStatus.ISSUED)
    day = effective_date(case, order)["effective_on"]
    if day is None:
        raise ValidationError(_("The order is not yet served on every debtor."))
    if today < day:
        raise ValidationError(
            _("The debtor may still object: the order takes effect on %(day)s.") % {"day": day})
    return day


def mark(order: PaymentOrder, status: str, **fields) -> PaymentOrder:
    """Record a new status of the order (for `flows.payment_orders`, inside its
    transaction, the case locked)."""
    order.status = status
    for name, value in fields.items():
        setattr(order, name, value)
    order.save()
    return order


def creditor_window(case, order: PaymentOrder) -> dict:
    """Until when the creditor may say they want no suit: seven days from the service of
    the ruling terminating the procedure on them (the first applicant served)."""
    if not order.ruling_document_id:
        return {"served_on": None, "due": None, "steps": []}
    days = [d for p in case.parties.filter(role="applicant")
            if (d := effective_service_date(case, p, document=order.ruling_document))]
    if not days:
        return {"served_on": None, "due": None, "steps": []}
    served_on = min(days)
    result = law.creditor_due(served_on, court_calendar(court=case.court))
    return {"served_on": served_on, "due": result.expires_on, "steps": result.steps}
