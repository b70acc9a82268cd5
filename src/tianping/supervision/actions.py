"""Supervision orders (督办): issue on one case or many, the judge's reply, the closing.
Each is one transaction with its events on the cases' timelines (through
`cases.events.case_event`, which writes the audit entries) and the messages to the people
concerned (`supervision.messages`). Each checks `supervision.permissions` again."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.audit.actions import record
from tianping.cases.events import case_event
from tianping.cases.models import Case
from tianping.lib.text import clean_text
from tianping.lib.uploads import check_upload
from tianping.notifications.actions import notify
from tianping.supervision.choices import MAX_CASES, ItemStatus, OrderStatus, Reason
from tianping.supervision.models import SupervisedCase, SupervisionOrder
from tianping.supervision.permissions import (
    issuing_court_id,
    issuing_scopes,
    require_close,
    require_reply,
)

TEXT_MAX = 2000
LONGEST_WAIT = 365  # days a reply may be given: a bound of the platform


def _text(value, field: str, *, required: bool) -> str:
    value = (clean_text(value or "")).strip()
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    if len(value) > TEXT_MAX:
        raise ValidationError({field: _("At most %(n)d characters.") % {"n": TEXT_MAX}})
    return value


def _lock_cases(ids) -> list[Case]:
    return list(Case.objects.select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk"))


def issue(cases, *, actor, acted_for=None, reason: str, instructions: str = "",
          reply_due_on: datetime.date, today: datetime.date) -> SupervisionOrder:
    """A supervision order on CASES (at most MAX_CASES), replies due on REPLY_DUE_ON."""
    user = acted_for or actor
    cases = list({c.pk: c for c in cases}.values())
    if not cases:
        raise ValidationError({"cases": _("Choose at least one case.")})
    if len(cases) > MAX_CASES:
        raise ValidationError({"cases": _("One order covers at most %(n)d cases.")
                               % {"n": MAX_CASES}})
    if reason not in Reason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    if not today <= reply_due_on <= today + datetime.timedelta(days=LONGEST_WAIT):
        raise ValidationError({"reply_due_on": _(
            "The reply is due between today and %(n)d days from today.") % {"n": LONGEST_WAIT}})
    instructions = _text(instructions, "instructions", required=reason == Reason.OTHER)
    scopes = issuing_scopes(user)
    courts = {c.pk: issuing_court_id(user, c, scopes) for c in cases}
    refused = sorted(c.number for c in cases if courts[c.pk] is None)
    if refused:
        raise PermissionDenied(_("You may not supervise these cases: %(cases)s.")
                               % {"cases": "、".join(refused[:20])})
    if len(set(courts.values())) > 1:
        raise ValidationError({"cases": _("One order is issued in the name of one court: "
                                          "choose the cases of one court's reach.")})
    with transaction.atomic():
        locked = _lock_cases(courts)
        order = SupervisionOrder.objects.create(
            court_id=next(iter(courts.values())), issued_by=actor,
            issued_for=acted_for if getattr(acted_for, "pk", None) else None, reason=reason,
            instructions=instructions, reply_due_on=reply_due_on)
        SupervisedCase.objects.bulk_create([SupervisedCase(order=order, case=c) for c in locked])
        for case in locked:
            case_event(case, "supervised", actor=actor, acted_for=acted_for, is_public=False,
                       order=order.code, supervision_reason=reason, reply_due_on=reply_due_on,
                       instructions=instructions, cases_on_order=len(locked))
        record("supervision.issued", order, actor=actor, acted_for=acted_for,
               changes={"cases": len(locked), "reason": reason,
                        "reply_due_on": reply_due_on.isoformat()})
        per_judge: dict[int, int] = {}
        for case in locked:
            if case.judge_id and case.judge_id not in (actor.pk, user.pk):
                per_judge[case.judge_id] = per_judge.get(case.judge_id, 0) + 1
        for judge_id, n in per_judge.items():
            notify([judge_id], key=f"supervision:{order.pk}:issued", kind="supervision.issued",
                   code=order.code, n=n, day=reply_due_on.isoformat(), reason=reason)
    return order


def _locked_order(order) -> SupervisionOrder:
    return SupervisionOrder.objects.select_for_update().get(pk=order.pk)


def _settle(order: SupervisionOrder) -> None:
    """The order's status from its cases' (the order row locked)."""
    statuses = set(order.items.values_list("status", flat=True))
    if statuses <= {ItemStatus.CLOSED}:
        status = OrderStatus.CLOSED
    elif ItemStatus.OPEN in statuses:
        status = OrderStatus.OPEN
    else:
        status = OrderStatus.REPLIED
    if status != order.status:
        order.status = status
        if status == OrderStatus.CLOSED and order.closed_at is None:
            order.closed_at = timezone.now()
        order.save(update_fields=["status", "closed_at"])


def reply(item: SupervisedCase, *, actor, acted_for=None, text: str,
          attachment=None) -> SupervisedCase:
    """The judge's reply for one case of an order, with an optional attachment."""
    user = acted_for or actor
    text = _text(text, "reply", required=True)
    checked = check_upload(attachment) if attachment else None
    with transaction.atomic():
        order = _locked_order(item.order)
        [case] = _lock_cases([item.case_id])
        row = SupervisedCase.objects.select_for_update().get(pk=item.pk)
        row.order, row.case = order, case
        require_reply(user, row)
        row.status, row.reply = ItemStatus.REPLIED, text
        row.replied_by, row.replied_at = actor, timezone.now()
        if checked:
            row.attachment = attachment
            row.attachment_name = attachment.name[:200]
            row.attachment_size, row.attachment_sha256 = checked.size, checked.sha256
        row.save()
        case_event(case, "supervision_replied", actor=actor, acted_for=acted_for,
                   is_public=False, order=order.code, has_attachment=bool(checked))
        _settle(order)
        if order.issuer_id not in (actor.pk, user.pk):
            notify([order.issuer_id], key=f"supervision:{row.pk}:replied",
                   kind="supervision.replied", code=order.code, number=case.number)
    return row


def _close_items(order, items, *, actor, acted_for, note) -> None:
    cases = {c.pk: c for c in _lock_cases([i.case_id for i in items])}
    now = timezone.now()
    for item in sorted(items, key=lambda i: i.case_id):
        item.status, item.closed_by, item.closed_at, item.close_note = (
            ItemStatus.CLOSED, actor, now, note)
        item.save(update_fields=["status", "closed_by", "closed_at", "close_note"])
        case = cases[item.case_id]
        case_event(case, "supervision_closed", actor=actor, acted_for=acted_for,
                   is_public=False, order=order.code, note=note)
        people = {case.judge_id} - {None, actor.pk, getattr(acted_for, "pk", None)}
        notify(people, key=f"supervision:{item.pk}:closed", kind="supervision.closed",
               code=order.code, number=case.number)


def close_item(item: SupervisedCase, *, actor, acted_for=None, note: str = "") -> SupervisedCase:
    """Close one case of an order (the issuer, or the president of the issuing court)."""
    note = _text(note, "note", required=False)
    with transaction.atomic():
        order = _locked_order(item.order)
        require_close(acted_for or actor, order)
        row = SupervisedCase.objects.select_for_update().get(pk=item.pk)
        if row.status == ItemStatus.CLOSED:
            raise ValidationError(_("This case of the order is already closed."))
        _close_items(order, [row], actor=actor, acted_for=acted_for, note=note)
        _settle(order)
    return row


def close_order(order: SupervisionOrder, *, actor, acted_for=None,
                note: str = "") -> SupervisionOrder:
    """Close the order and every case of it still open or replied."""
    note = _text(note, "note", required=False)
    with transaction.atomic():
        row = _locked_order(order)
        require_close(acted_for or actor, row)
        items = list(SupervisedCase.objects.select_for_update().filter(order=row)
                     .exclude(status=ItemStatus.CLOSED))
        _close_items(row, items, actor=actor, acted_for=acted_for, note=note)
        row.status, row.closed_at, row.closed_by, row.close_note = (
            OrderStatus.CLOSED, timezone.now(), actor, note)
        row.save(update_fields=["status", "closed_at", "closed_by", "close_note"])
        record("supervision.closed", row, actor=actor, acted_for=acted_for,
               changes={"cases": len(items), "note": note})
    return row
