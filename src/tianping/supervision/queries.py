"""Reads of supervision shared by the pages and the API: the leaders' list (tabs, keyset
pages), the cases an order is issued on (typed numbers or codes, or a whole list of
overdue or long-pending cases), and a case's supervision."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from tianping.cases.permissions import cases_visible_to
from tianping.deadlines.queries import LONG_PENDING_MONTHS, long_pending_cases, overdue_cases
from tianping.lib.keyset import rows_page
from tianping.supervision.choices import MAX_CASES, ItemStatus, OrderStatus
from tianping.supervision.permissions import items_visible_to, orders_visible_to

TABS = ("open", "overdue", "closed")
LISTS = ("overdue", "long_pending")


def orders_page(user, tab: str, today: datetime.date, *, after=None, size=50):
    orders = orders_visible_to(user)
    if tab == "closed":
        orders = orders.filter(status=OrderStatus.CLOSED)
    elif tab == "overdue":
        orders = orders.filter(status=OrderStatus.OPEN, reply_due_on__lt=today)
    else:
        orders = orders.exclude(status=OrderStatus.CLOSED)
    orders = orders.select_related("court", "issued_by").annotate(
        n_cases=Count("items"),
        n_replied=Count("items", filter=Q(items__status__in=[ItemStatus.REPLIED,
                                                              ItemStatus.CLOSED])))
    return rows_page(orders, ("-issued_at", "-id"), after=after, size=size)


def split_tokens(text: str) -> list[str]:
    """Case numbers or codes as typed: one a line, or separated by commas or spaces."""
    return [t for t in re.split(r"[\s,，、;；]+", text or "") if t][: MAX_CASES + 1]


def cases_named(user, tokens: list[str]) -> list:
    """The cases USER sees among TOKENS (numbers or codes); a token not found is named."""
    if len(tokens) > MAX_CASES:
        raise ValidationError({"cases": _("One order covers at most %(n)d cases.")
                               % {"n": MAX_CASES}})
    found = list(cases_visible_to(user).filter(Q(code__in=tokens) | Q(number__in=tokens))
                 .select_related("court"))
    known = {c.code for c in found} | {c.number for c in found}
    missing = [t for t in tokens if t not in known]
    if missing:
        raise ValidationError({"cases": _("No such case, or not one you see: %(cases)s.")
                               % {"cases": "、".join(missing[:20])}})
    return found


def list_cases(user, which: str, months: int, today: datetime.date):
    """The overdue list, or the list of cases pending over MONTHS months, as USER sees it."""
    if which == "long_pending":
        return long_pending_cases(user, today, months if months in LONG_PENDING_MONTHS else 12)
    return overdue_cases(user, today)


def whole_list(user, which: str, months: int, today: datetime.date) -> list:
    cases = list(list_cases(user, which, months, today).select_related("court")[: MAX_CASES + 1])
    if len(cases) > MAX_CASES:
        raise ValidationError({"cases": _(
            "This list has more than %(n)d cases: one order covers at most %(n)d. Pick the "
            "cases, or narrow the list.") % {"n": MAX_CASES}})
    return cases


def case_items(user, case):
    """The supervision of CASE that USER reads, newest order first."""
    return (items_visible_to(user).filter(case=case)
            .select_related("order", "order__issued_by", "replied_by")
            .order_by("-order__issued_at", "-id"))
