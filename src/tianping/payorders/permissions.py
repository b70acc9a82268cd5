"""Who may see and act on a payment order or a special-procedure notice. Pages, API and
actions all ask here (the actions again, so a page that forgot opens no hole).

- Reads: whoever sees the case (`cases.permissions.get_case_for_user`): its staff, its
  parties and their representatives. Anything else is a 404.
- The judge's acts (issue or dismiss the order, terminate the procedure, record it in
  effect, record a public notice): the case's judge (`can_act_as_judge`; a backup acts for
  them).
- An objection: the debtor (a respondent of the case, or their representative with an
  account) online; at the window, the court's filing division or the case's judge.
- The creditor's answer after termination (a suit, or none): the applicant or their
  representative with an account; once the seven days have passed without an answer, the
  case's judge or the filing division hands the suit in.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from tianping.cases.models import CaseParty
from tianping.cases.permissions import can_act_as_judge, get_case_for_user
from tianping.courts.permissions import can_review_filings
from tianping.parties.choices import PartyRole


def case_for(user, code: str):
    """The case CODE for whoever may see it; 404 otherwise."""
    return get_case_for_user(user, code)


def can_judge(user, case) -> bool:
    return can_act_as_judge(user, case)


def require_judge(user, case) -> None:
    if not can_judge(user, case):
        raise PermissionDenied(_("Only the case's judge can do that."))


def answered_parties(user, case, role: str):
    """The parties of CASE in ROLE that USER answers for (their own, or represented)."""
    if not getattr(user, "is_authenticated", False) or not user.is_public_user:
        return CaseParty.objects.none()
    return case.parties.filter(role=role).filter(
        Q(user=user) | Q(representatives__user=user)).distinct()


def debtor_parties(user, case):
    return answered_parties(user, case, PartyRole.RESPONDENT)


def creditor_parties(user, case):
    return answered_parties(user, case, PartyRole.APPLICANT)


def can_record_at_window(user, case) -> bool:
    """Enter a paper objection or the creditor's answer handed in at the court."""
    return can_review_filings(user, case.court) or can_act_as_judge(user, case)


def require_window(user, case) -> None:
    if not can_record_at_window(user, case):
        raise PermissionDenied(
            _("Only the court's filing division or the case's judge can enter this."))


def _debtor(user, case) -> None:
    if not debtor_parties(user, case).exists():
        raise PermissionDenied(_("Only the debtor can object to the payment order."))


def _creditor_or_window(user, case) -> None:
    if not creditor_parties(user, case).exists():
        require_window(user, case)


# Who may take each act at all: asked by pages and API before any input is read (the
# actions ask again).
MAY = {
    "issue": require_judge, "dismiss": require_judge, "terminate": require_judge,
    "effect": require_judge, "notice": require_judge, "object": _debtor,
    "window": require_window, "answer": _creditor_or_window, "suit": require_window,
}


def require_may(act: str, user, case) -> None:
    MAY[act](user, case)
