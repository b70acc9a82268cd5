"""Who may see and move a case's funds (执行案款): the one place for it. Pages, API and
actions all ask here, with the person whose authority applies (`effective_user`).

- Read a case's funds (balance, movements, payouts): staff who see the case
  (`cases.permissions`: the enforcement officers and finance of its court see its 执
  cases; its division head and the president see it) — a 404 otherwise. A party (or
  their agent with an account) reads only the movements concerning them (the party view).
- The officer's acts (claim master-account money to the case, request a payout or a
  deferral, end a deferral): the case's officer (its assigned judge/officer) or an
  enforcement officer of the case's court.
- Finance's acts (record an arrival, pay an approved payout, deduct the fee, import a
  bank statement): a finance officer of the court.
- Approve a payout: the roles of the tier of its amount (`conf.approval_tiers`): the
  division head of the case's division, or the president of the case's court; a deferral:
  the division head or the president. Nobody approves their own request.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.cases.models import CaseParty
from tianping.cases.permissions import can_read_case, cases_visible_to
from tianping.courts.choices import Role
from tianping.courts.permissions import current_memberships, is_staff_member
from tianping.funds.conf import approval_tiers


def _staff(user) -> bool:
    return is_staff_member(user) and not getattr(user, "is_public_user", False)


def can_read(user, case) -> bool:
    return _staff(user) and can_read_case(user, case)


def case_for(user, code: str):
    """The case CODE for staff who see it; 404 otherwise."""
    case = cases_visible_to(user).filter(code=code).select_related("court", "division").first()
    if case is None or not _staff(user):
        raise Http404("No such case.")
    return case


def is_officer(user, case) -> bool:
    if not getattr(user, "pk", None):
        return False
    if case.judge_id == user.pk:
        return True
    return any(m.role == Role.ENFORCEMENT_OFFICER and m.court_id == case.court_id
               for m in current_memberships(user)) and case.type_code.startswith("执")


def require_officer(user, case) -> None:
    if not is_officer(user, case):
        raise PermissionDenied(_("Only the enforcement officer of the case can do that."))


def is_finance(user, court) -> bool:
    court_id = getattr(court, "pk", court)
    return any(m.role == Role.FINANCE and m.court_id == court_id
               for m in current_memberships(user))


def require_finance(user, court) -> None:
    if not is_finance(user, court):
        raise PermissionDenied(_("Only the court's finance officer can do that."))


def finance_courts(user) -> set[int]:
    return {m.court_id for m in current_memberships(user) if m.role == Role.FINANCE}


def officer_courts(user) -> set[int]:
    return {m.court_id for m in current_memberships(user)
            if m.role == Role.ENFORCEMENT_OFFICER}


def tier_for(amount) -> tuple[str, ...]:
    """The roles that approve a payout of AMOUNT."""
    for bound, roles in approval_tiers():
        if bound is None or amount < bound:
            return tuple(roles)
    return (Role.PRESIDENT,)


def holds(user, case, roles) -> bool:
    for m in current_memberships(user):
        if m.court_id != case.court_id:
            continue
        if m.role == Role.PRESIDENT and Role.PRESIDENT in roles:
            return True
        if (m.role == Role.DIVISION_HEAD and Role.DIVISION_HEAD in roles
                and m.division_id and m.division_id == case.division_id):
            return True
    return False


def can_approve_payout(user, payout) -> bool:
    return (bool(getattr(user, "pk", None)) and user.pk != payout.requested_by_id
            and holds(user, payout.case, payout.tier.split(",")))


def require_approve_payout(user, payout) -> None:
    if getattr(user, "pk", None) == payout.requested_by_id:
        raise PermissionDenied(_("Nobody approves their own request."))
    if not can_approve_payout(user, payout):
        raise PermissionDenied(_("A payout of this amount is approved by: %(who)s.")
                               % {"who": tier_label(payout.tier.split(","))})


def can_approve_deferral(user, deferral) -> bool:
    return (bool(getattr(user, "pk", None)) and user.pk != deferral.requested_by_id
            and holds(user, deferral.case, (Role.DIVISION_HEAD, Role.PRESIDENT)))


def require_approve_deferral(user, deferral) -> None:
    if getattr(user, "pk", None) == deferral.requested_by_id:
        raise PermissionDenied(_("Nobody approves their own request."))
    if not can_approve_deferral(user, deferral):
        raise PermissionDenied(_("A deferral is approved by the division head or the "
                                 "president."))


def tier_label(roles) -> str:
    return "、".join(str(Role(r).label) for r in roles)


def approver_scope(user) -> Q:
    """The cases whose payouts and deferrals USER may be asked to approve."""
    condition = Q(pk__in=[])
    for m in current_memberships(user):
        if m.role == Role.PRESIDENT:
            condition |= Q(court_id=m.court_id)
        elif m.role == Role.DIVISION_HEAD and m.division_id:
            condition |= Q(court_id=m.court_id, division_id=m.division_id)
    return condition


def is_approver(user) -> bool:
    return any(m.role in (Role.PRESIDENT, Role.DIVISION_HEAD) for m in current_memberships(user))


def parties_of(user, case):
    """The parties of CASE that USER (a litigant or agent) answers for."""
    if not getattr(user, "is_authenticated", False) or not user.is_public_user:
        return CaseParty.objects.none()
    return case.parties.filter(Q(user=user) | Q(representatives__user=user)).distinct()
