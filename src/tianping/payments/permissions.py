"""Who may see and act on a case's fee: the one place for fees.

- the court's filing division (filing clerks, a division head, the president) records
  payments and the day the notice was received;
- a party to the case, their agent or the filer applies for judicial aid (缓、减、免交);
  the filing division may enter an application made at the window for them;
- the court decides an application (《诉讼费用交纳办法》 arts. 44–51 say "the court"
  without naming who in it): by default the president of the case's court or the head of
  its filing division (`FEE_RELIEF_DECIDERS`, see docs/architecture.md), never the person
  who entered the application;
- whoever may see the case sees its fee and its applications.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from tianping.cases.models import CaseParty, CaseRepresentative
from tianping.courts.choices import DivisionKind, Role
from tianping.courts.permissions import can_review_filings, current_memberships

DEFAULT_DECIDERS = ("president", "filing_division_head")


def can_record_payment(user, case) -> bool:
    return can_review_filings(user, case.court)


def require_recorder(user, case) -> None:
    if not can_record_payment(user, case):
        raise PermissionDenied(_("Only the filing division of the case's court records fees."))


def is_party_side(user, case) -> bool:
    """A litigant or lawyer on the case (a party, an agent, or its filer)."""
    if not getattr(user, "is_authenticated", False) or not user.is_public_user:
        return False
    return (
        CaseParty.objects.filter(case=case, user=user).exists()
        or CaseRepresentative.objects.filter(case=case, user=user).exists()
        or (case.filing_id is not None and case.filing.filer_id == user.pk)
    )


def can_apply_for_relief(user, case) -> bool:
    return is_party_side(user, case) or can_record_payment(user, case)


def _decider_roles() -> set[str]:
    return set(getattr(settings, "FEE_RELIEF_DECIDERS", DEFAULT_DECIDERS))


def can_decide_relief(user, case) -> bool:
    """The court's decision on an application, by the roles the court set."""
    roles = _decider_roles()
    for m in current_memberships(user):
        if m.court_id != case.court_id:
            continue
        if "president" in roles and m.role == Role.PRESIDENT:
            return True
        if (
            "filing_division_head" in roles
            and m.role == Role.DIVISION_HEAD
            and m.division_id is not None
            and m.division.kind == DivisionKind.FILING
        ):
            return True
        if "case_judge" in roles and m.role == Role.JUDGE and case.judge_id == user.pk:
            return True
    return False


def relief_court_ids(user) -> set[int]:
    """The courts in which USER decides applications for fee relief."""
    roles, courts = _decider_roles(), set()
    for m in current_memberships(user):
        if ("president" in roles and m.role == Role.PRESIDENT) or (
            "filing_division_head" in roles
            and m.role == Role.DIVISION_HEAD
            and m.division_id is not None
            and m.division.kind == DivisionKind.FILING
        ):
            courts.add(m.court_id)
    return courts


def reliefs_to_decide(user):
    """Applications awaiting USER's decision (a case judge decides only where the court
    set it so, from the fee page): none they entered themselves, oldest first."""
    from tianping.payments.models import FeeRelief, ReliefStatus

    return (
        FeeRelief.objects.filter(
            status=ReliefStatus.PENDING, fee__case__court_id__in=relief_court_ids(user)
        )
        .exclude(submitted_by=user)
        .order_by("submitted_at", "id")
    )


def require_relief_decider(user, case, relief) -> None:
    if not can_decide_relief(user, case):
        raise PermissionDenied(
            _("Only the president or the head of the filing division decides fee relief.")
        )
    if relief.submitted_by_id == getattr(user, "pk", None):
        raise PermissionDenied(_("Nobody decides an application they entered themselves."))
