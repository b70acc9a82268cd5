"""Who may do what with appeals, the chain of a dispute and retrial applications. Pages,
API and actions all ask here; a refusal to see is a 404 like for cases.

- appeal: a party of the case (their own account) or their representative, for that party
  only; the filing division of the case's court records a paper petition at the window,
  and only it records a ground for a late appeal (the court decides, CPL art. 86);
- the appeal fee's payment and the transfer of the file (移送): the case's court only (its
  filing division, or the case's judge);
- the second-instance case (民终 ...): the filing division of the appeal court only;
- the outcome: the judge of the second-instance case (closing it);
- retrial: a party applies; the filing division of the court applied to files the review
  case; its judge decides;
- the chain of cases: whoever sees one of its cases sees the numbers of the others, each
  linked only when they may open it; nobody else sees anything;
- the file sent up: whoever sees a later case of the dispute (the second instance, a
  retrial review, a retrial after remand) opens the case it came from, to read
  (`earlier_cases_sight`, registered with `cases.permissions.register_case_sight`).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from tianping.appeals.choices import Stage
from tianping.appeals.models import DisputeCase
from tianping.cases.models import CaseParty
from tianping.cases.permissions import can_act_as_judge, can_read_case, cases_visible_to
from tianping.courts.choices import Role
from tianping.courts.permissions import current_memberships


def parties_acted_for(user):
    """The case parties USER may act for: their own, or as representative."""
    if not getattr(user, "is_authenticated", False) or not user.is_public_user:
        return CaseParty.objects.none()
    return CaseParty.objects.filter(Q(user=user) | Q(representatives__user=user)).distinct()


def is_filing_clerk(user, court_id) -> bool:
    return any(m.court_id == court_id and m.role == Role.FILING_CLERK
               for m in current_memberships(user))


def can_appeal_for(user, party) -> bool:
    return parties_acted_for(user).filter(pk=party.pk).exists()


def can_record_at_window(user, case) -> bool:
    return is_filing_clerk(user, case.court_id)


def can_transfer(user, case) -> bool:
    return is_filing_clerk(user, case.court_id) or can_act_as_judge(user, case)


def can_record_fee(user, case) -> bool:
    return is_filing_clerk(user, case.court_id)


def can_docket(user, court_id) -> bool:
    return is_filing_clerk(user, court_id)


def can_decide(user, second_case) -> bool:
    return can_act_as_judge(user, second_case)


def require(allowed: bool, message=None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do that on this case."))


def dockets_of(user) -> list[int]:
    """The courts whose incoming appeals and retrial applications USER files."""
    return sorted({m.court_id for m in current_memberships(user)
                   if m.role == Role.FILING_CLERK})


def can_see_case(user, case) -> bool:
    return can_read_case(user, case)


def earlier_cases_sight(user) -> Q:
    """The cases of a dispute USER reads because they see a later stage of it: the case
    each second instance, retrial review or retrial after remand came from, e.g. the first
    instance's file for the second-instance court (registered with
    `cases.permissions.register_case_sight`)."""
    later = DisputeCase.objects.filter(
        stage__in=(Stage.SECOND, Stage.RETRIAL_REVIEW, Stage.REMAND),
        case__in=cases_visible_to(user), origin__isnull=False)
    return Q(pk__in=later.values("origin_id"))
