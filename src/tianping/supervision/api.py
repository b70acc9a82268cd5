"""Supervision orders in the REST API (/api/v1/supervision): the leaders' list, issuing on
cases or a whole list, an order with its cases, the judge's reply, the closing. The same
permissions, queries and actions as the pages: 404 for what one may not see, 403 for an
act one may not take, 422 for bad input."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Path, Query, Router, Status
from ninja.files import UploadedFile
from pydantic import Field

from tianping.audit.actions import record_view
from tianping.courts.permissions import effective_user, require_staff
from tianping.lib.api_pages import PageIn
from tianping.supervision import actions, queries
from tianping.supervision.api_schemas import (
    SupervisionCloseIn,
    SupervisionIssueIn,
    SupervisionOrderOut,
    SupervisionOrderPageOut,
    SupervisionReplyIn,
)
from tianping.supervision.permissions import (
    get_item_for_user,
    get_order_for_user,
    may_issue_at_all,
    order_items,
)

router = Router(tags=["supervision"])
CODE = Path(..., min_length=1, max_length=12)
CASE = Path(..., min_length=1, max_length=12)


class SupervisionPageIn(PageIn):
    tab: str = Field("open", pattern="^(open|overdue|closed)$",
                     description="open, overdue (replies past their date) or closed.")


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _staff(request):
    return require_staff(effective_user(request))


def _name(user) -> str:
    return user.full_name or user.username


def _order_out(user, order) -> dict:
    return {
        "code": order.code, "court": order.court.code, "issued_by": _name(order.issued_by),
        "issued_at": order.issued_at, "reason": order.reason,
        "instructions": order.instructions, "reply_due_on": order.reply_due_on,
        "status": order.status, "closed_at": order.closed_at, "close_note": order.close_note,
        "cases": [{
            "case": i.case.code, "case_number": i.case.number,
            "judge": _name(i.case.judge) if i.case.judge_id else None, "status": i.status,
            "reply": i.reply, "replied_at": i.replied_at, "has_attachment": bool(i.attachment),
            "closed_at": i.closed_at, "close_note": i.close_note,
        } for i in order_items(user, order)],
    }


@router.get("/orders", response=SupervisionOrderPageOut,
            summary="Supervision orders the caller issued or reads, newest first")
def orders(request, paging: Query[SupervisionPageIn]):
    user = _staff(request)
    page = queries.orders_page(user, paging.tab, timezone.localdate(), after=paging.after,
                               size=paging.limit)
    return {"items": [{
        "code": o.code, "court": o.court.code, "issued_by": _name(o.issued_by),
        "issued_at": o.issued_at, "reason": o.reason, "reply_due_on": o.reply_due_on,
        "status": o.status, "cases": o.n_cases, "replied": o.n_replied,
    } for o in page.items], "next": page.next}


@router.post("/orders", response={201: SupervisionOrderOut},
             summary="Issue a supervision order (督办) on cases or a whole list")
def issue(request, payload: SupervisionIssueIn):
    user = _staff(request)
    if not may_issue_at_all(user):
        raise PermissionDenied
    today = timezone.localdate()
    if payload.from_list:
        if payload.from_list not in queries.LISTS:
            raise ValidationError(_("The list is overdue or long_pending."))
        chosen = queries.whole_list(user, payload.from_list, payload.months, today)
    else:
        chosen = queries.cases_named(user, list(payload.cases))
    order = actions.issue(chosen, **_acting(request), reason=payload.reason,
                          instructions=payload.instructions,
                          reply_due_on=payload.reply_due_on, today=today)
    return Status(201, _order_out(user, order))


@router.get("/orders/{code}", response=SupervisionOrderOut,
            summary="A supervision order with the cases the caller reads")
def order_detail(request, code: str = CODE):
    user = _staff(request)
    order = get_order_for_user(user, code)
    record_view(request, order, "supervision_viewed")
    return _order_out(user, order)


@router.post("/orders/{code}/cases/{case}/reply", response=SupervisionOrderOut,
             summary="The case's judge replies (JSON; with a file: .../reply/file)")
def reply(request, payload: SupervisionReplyIn, code: str = CODE, case: str = CASE):
    user = _staff(request)
    order = get_order_for_user(user, code)
    item = get_item_for_user(user, order, case)
    actions.reply(item, **_acting(request), text=payload.text)
    return _order_out(user, get_order_for_user(user, code))


@router.post("/orders/{code}/cases/{case}/reply/file", response=SupervisionOrderOut,
             summary="The case's judge replies with an attached file (multipart)",
             description="Form fields: `text`, and `attachment` (PDF, JPEG, PNG or OFD, "
                         "checked by its content and bounded in size as on the page).")
def reply_with_file(request, payload: Form[SupervisionReplyIn],
                    attachment: File[UploadedFile], code: str = CODE, case: str = CASE):
    user = _staff(request)
    order = get_order_for_user(user, code)
    item = get_item_for_user(user, order, case)
    actions.reply(item, **_acting(request), text=payload.text, attachment=attachment)
    return _order_out(user, get_order_for_user(user, code))


@router.get("/orders/{code}/cases/{case}/attachment", response={200: bytes},
            summary="The file attached to the judge's reply (the read is recorded)")
def reply_attachment(request, code: str = CODE, case: str = CASE):
    user = _staff(request)
    item = get_item_for_user(user, get_order_for_user(user, code), case)
    if not item.attachment:
        raise Http404
    record_view(request, item.case, "supervision_attachment_read", order=code)
    return FileResponse(item.attachment.open("rb"), filename=item.attachment_name or "reply")


@router.post("/orders/{code}/cases/{case}/close", response=SupervisionOrderOut,
             summary="Close the order for one case (the issuer or the president)")
def close_item(request, payload: SupervisionCloseIn, code: str = CODE, case: str = CASE):
    user = _staff(request)
    order = get_order_for_user(user, code)
    item = get_item_for_user(user, order, case)
    actions.close_item(item, **_acting(request), note=payload.note)
    return _order_out(user, get_order_for_user(user, code))


@router.post("/orders/{code}/close", response=SupervisionOrderOut,
             summary="Close the order and all its cases (the issuer or the president)")
def close(request, payload: SupervisionCloseIn, code: str = CODE):
    user = _staff(request)
    order = get_order_for_user(user, code)
    actions.close_order(order, **_acting(request), note=payload.note)
    return _order_out(user, get_order_for_user(user, code))
