"""Supervision pages: the leaders' list of orders (tabs, keyset pages), issuing an order
(on a case, named cases, or cases of the overdue and long-pending lists), an order with its
cases, the judges' replies and the closing. Reads through `supervision.permissions` and
`queries`; every change one call of `supervision.actions`, as the API does."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.cases.permissions import get_case_for_user
from tianping.courts.permissions import effective_user, require_staff
from tianping.deadlines.queries import LONG_PENDING_MONTHS
from tianping.supervision import actions, queries
from tianping.supervision.forms import CloseForm, IssueForm, ReplyForm
from tianping.supervision.permissions import (
    can_close,
    can_reply,
    get_item_for_user,
    get_order_for_user,
    may_issue_at_all,
    order_items,
)

PICKS = 50  # cases of a list offered to tick on the issuing page


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def _put_errors(form, exc) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None,
                           [m for e in errors for m in e.messages])
    else:
        form.add_error(None, exc.messages if hasattr(exc, "messages") else [str(exc)])


@login_required
def orders(request):
    user = require_staff(effective_user(request))
    tab = request.GET.get("tab") if request.GET.get("tab") in queries.TABS else "open"
    today = timezone.localdate()
    page = queries.orders_page(user, tab, today, after=request.GET.get("after"))
    return render(request, "supervision/orders.html", {
        "page": page, "tab": tab, "today": today, "may_issue": may_issue_at_all(user)})


def _source(value: str) -> tuple[str, int]:
    which, _sep, months = (value or "").partition(":")
    months = int(months) if months.isdigit() and int(months) in LONG_PENDING_MONTHS else 12
    return (which, months) if which in queries.LISTS else ("", 0)


def _picks(user, source: str, today) -> list[tuple[str, str]]:
    which, months = _source(source)
    if not which:
        return []
    rows = queries.list_cases(user, which, months, today).select_related("judge")[:PICKS]
    return [(c.code, f"{c.number} · {c.judge.full_name if c.judge else '—'}") for c in rows]


def _initial(request) -> dict:
    initial = {}
    if request.GET.get("list") == "overdue":
        initial.update(source="overdue", reason="overdue")
    elif request.GET.get("list") == "long_pending":
        months = request.GET.get("months", "12")
        initial.update(source=f"long_pending:{months}", reason="long_pending")
    return initial


@login_required
def issue(request):
    """Issue an order: on the case of `?case=`, or on cases of a list (`?list=overdue`,
    `?list=long_pending&months=18`): ticked, named, or the whole list."""
    user = require_staff(effective_user(request))
    if not may_issue_at_all(user):
        raise PermissionDenied
    today = timezone.localdate()
    case = get_case_for_user(user, request.GET["case"]) if request.GET.get("case") else None
    initial = _initial(request)
    if case is not None:
        initial["cases"] = case.number
    source = request.POST.get("source", initial.get("source", ""))
    form = IssueForm(request.POST or None, initial=initial, picks=_picks(user, source, today))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                which, months = _source(data["source"])
                if data["whole_list"]:
                    chosen = queries.whole_list(user, which, months, today)
                else:
                    tokens = queries.split_tokens(data["cases"]) + list(data.get("picked") or [])
                    chosen = queries.cases_named(user, tokens)
                order = actions.issue(chosen, **_acting(request), reason=data["reason"],
                                      instructions=data["instructions"],
                                      reply_due_on=data["reply_due_on"], today=today)
            except (ValidationError, PermissionDenied) as exc:
                _put_errors(form, exc)
                status = 403 if isinstance(exc, PermissionDenied) else 400
            else:
                messages.success(request, _("Supervision order issued on %(n)d case(s).")
                                 % {"n": order.items.count()})
                return redirect("supervision:detail", order.code)
    return render(request, "supervision/issue.html",
                  {"form": form, "case": case, "max": actions.MAX_CASES}, status=status)


def _order_page(request, user, order, *, status=200, bound=None):
    items = list(order_items(user, order))
    may_close = can_close(user, order)
    for item in items:
        item.order = order
        item.may_reply = can_reply(user, item)
        item.reply_form = (bound or {}).get(("reply", item.pk)) or (
            ReplyForm(prefix=f"r{item.pk}") if item.may_reply else None)
        item.may_close = may_close and item.status != "closed"
    return render(request, "supervision/order.html", {
        "order": order, "items": items, "may_close": may_close,
        "close_form": (bound or {}).get("close") or CloseForm(),
        "today": timezone.localdate()}, status=status)


@login_required
def detail(request, code):
    user = require_staff(effective_user(request))
    order = get_order_for_user(user, code)
    record_view(request, order, "supervision_viewed")
    return _order_page(request, user, order)


def _back(request, order, item=None):
    if item is not None and request.POST.get("back") == "case":
        return redirect("cases:detail", item.case.code)
    return redirect("supervision:detail", order.code)


@login_required
@require_POST
def reply(request, code, case):
    user = require_staff(effective_user(request))
    order = get_order_for_user(user, code)
    item = get_item_for_user(user, order, case)
    if not can_reply(user, item):
        raise PermissionDenied
    form = ReplyForm(request.POST, request.FILES, prefix=f"r{item.pk}")
    if form.is_valid():
        try:
            actions.reply(item, **_acting(request), text=form.cleaned_data["reply"],
                          attachment=form.cleaned_data["attachment"])
        except ValidationError as exc:
            _put_errors(form, exc)
        else:
            messages.success(request, _("Reply sent to whoever issued the order."))
            return _back(request, order, item)
    return _order_page(request, user, order, status=400, bound={("reply", item.pk): form})


def _close(request, code, case=None):
    user = require_staff(effective_user(request))
    order = get_order_for_user(user, code)
    item = get_item_for_user(user, order, case) if case else None
    if not can_close(user, order):
        raise PermissionDenied
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            if item is None:
                actions.close_order(order, **_acting(request), note=form.cleaned_data["note"])
            else:
                actions.close_item(item, **_acting(request), note=form.cleaned_data["note"])
        except ValidationError as exc:
            _put_errors(form, exc)
        else:
            messages.success(request, _("Supervision closed."))
            return _back(request, order, item)
    return _order_page(request, user, order, status=400, bound={"close": form})


@login_required
@require_POST
def close(request, code):
    return _close(request, code)


@login_required
@require_POST
def close_item(request, code, case):
    return _close(request, code, case)


@login_required
def attachment(request, code, case):
    user = require_staff(effective_user(request))
    item = get_item_for_user(user, get_order_for_user(user, code), case)
    if not item.attachment:
        raise Http404
    record_view(request, item.case, "supervision_attachment_read", order=code)
    return FileResponse(item.attachment.open("rb"), filename=item.attachment_name or "reply")
