"""Who may issue, read, answer and close supervision orders (督办): the one place for them.
Pages, API and actions all ask here, with the person whose authority applies (under A/B
backup, the principal: `courts.permissions.effective_user`).

- Issue an order on a case: the president or the trial management office of the case's
  court, a division head of its court for the cases of their division; the president or
  a division head of a higher court whose membership sees the courts below
  (`sees_lower_courts`). Always only on a case they see (`cases.permissions`).
- Reply for a case of an order: the case's judge (`cases.permissions.can_act_as_judge`),
  never the order's issuer, while that case is open.
- Close an order or one of its cases: the issuer, or the president of the issuing court.
- Read: the issuer reads the whole order; a leader (president, division head, trial
  management) the order's cases they see; a judge the cases they judge. Anything else,
  and anything missing, is the same 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.cases.permissions import can_act_as_judge, cases_visible_to
from tianping.courts.choices import Role
from tianping.courts.permissions import current_memberships, is_staff_member
from tianping.supervision.choices import ItemStatus, OrderStatus
from tianping.supervision.models import SupervisedCase, SupervisionOrder

LEADER_ROLES = frozenset({Role.PRESIDENT, Role.DIVISION_HEAD, Role.TRIAL_MANAGEMENT})


def issuing_scopes(user) -> list[tuple[int, frozenset, int | None]]:
    """(issuing court id, court ids it reaches, division id or None) for each membership
    through which USER may issue orders."""
    scopes = []
    for m in current_memberships(user):
        if m.role not in LEADER_ROLES:
            continue
        division = m.division_id if m.role == Role.DIVISION_HEAD else None
        scopes.append((m.court_id, frozenset({m.court_id}), division))
        if m.sees_lower_courts and m.role in (Role.PRESIDENT, Role.DIVISION_HEAD):
            scopes.append((m.court_id, frozenset(m.court.descendant_ids()), None))
    return scopes


def may_issue_at_all(user) -> bool:
    return bool(issuing_scopes(user))


def issuing_court_id(user, case, scopes=None) -> int | None:
    """The court in whose name USER may supervise CASE (their own court first), or None."""
    found = None
    for court_id, reach, division in scopes if scopes is not None else issuing_scopes(user):
        if case.court_id not in reach:
            continue
        if division is not None and case.division_id != division:
            continue
        if court_id == case.court_id:
            return court_id
        found = found or court_id
    return found


def can_issue(user, case) -> bool:
    return issuing_court_id(user, case) is not None


def can_reply(user, item: SupervisedCase) -> bool:
    return (
        bool(getattr(user, "pk", None))
        and item.status == ItemStatus.OPEN
        and item.order.status != OrderStatus.CLOSED
        and user.pk != item.order.issuer_id
        and can_act_as_judge(user, item.case)
    )


def require_reply(user, item) -> None:
    if not can_reply(user, item):
        raise PermissionDenied(_("Only the case's judge replies to a supervision order, "
                                 "and only while it is open."))


def can_close(user, order: SupervisionOrder) -> bool:
    if not getattr(user, "pk", None) or order.status == OrderStatus.CLOSED:
        return False
    if user.pk == order.issuer_id:
        return True
    return any(m.role == Role.PRESIDENT and m.court_id == order.court_id
               for m in current_memberships(user))


def require_close(user, order) -> None:
    if not can_close(user, order):
        raise PermissionDenied(_("Only whoever issued the order, or the president, closes it."))


def _leads(user) -> bool:
    return any(m.role in LEADER_ROLES for m in current_memberships(user))


def items_visible_to(user):
    """The cases of orders USER may read (not the issuer's view: see `order_items`)."""
    if not is_staff_member(user):
        return SupervisedCase.objects.none()
    if user.is_superuser:
        return SupervisedCase.objects.all()
    condition = Q(case__judge=user)
    if _leads(user):
        condition |= Q(case__in=cases_visible_to(user).values("pk"))
    return SupervisedCase.objects.filter(condition)


def orders_visible_to(user):
    """The orders USER issued, and those with a case USER may read."""
    if not is_staff_member(user):
        return SupervisionOrder.objects.none()
    if user.is_superuser:
        return SupervisionOrder.objects.all()
    mine = Q(issued_by=user) | Q(issued_for=user)
    seen = Exists(items_visible_to(user).filter(order_id=OuterRef("pk")))
    return SupervisionOrder.objects.filter(mine | seen)


def get_order_for_user(user, code: str) -> SupervisionOrder:
    order = (orders_visible_to(user).select_related("court", "issued_by", "issued_for")
             .filter(code=code).first())
    if order is None:
        raise Http404("No such supervision order.")
    return order


def order_items(user, order: SupervisionOrder):
    """The cases of ORDER that USER reads: all of them for the issuer."""
    items = order.items.select_related("case", "case__judge", "case__court", "replied_by",
                                       "closed_by")
    if user.pk in (order.issued_by_id, order.issued_for_id) or user.is_superuser:
        return items
    return items.filter(pk__in=items_visible_to(user).filter(order=order).values("pk"))


def get_item_for_user(user, order: SupervisionOrder, case_code: str) -> SupervisedCase:
    item = order_items(user, order).filter(case__code=case_code).first()
    if item is None:
        raise Http404("No such case in this order.")
    item.order = order
    return item
