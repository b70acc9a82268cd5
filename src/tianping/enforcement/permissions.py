"""Who may see and do what in enforcement: the one place. Pages, API and actions ask here,
with the person whose authority applies (`courts.permissions.effective_user`).

- See a 执 case's enforcement record (title, milestones, measures, clues): whoever sees
  the case (`cases.permissions.cases_visible_to`: the court's enforcement officers and
  finance, the bureau's head, the president, filing clerks ...), and the case's parties
  (through their case page, the public part). Nobody else: 404.
- Act on it (milestones, clue answers, closing): the case's officer (the case's `judge`)
  or a member of the case's enforcement team (its clerk).
- Assign: the bureau head (the division head of the case's division) for every case; the
  president also for a case that is not major (major cases are pooled under the bureau
  head).
- Apply online: a party (with an account) of an effective decision of the platform.
- Report a clue: the applicant of the 执 case (their account), while the case is open.
- Restore (执恢): the officer or the bureau head of a 终本 case.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from tianping.cases.choices import PENDING_STATES
from tianping.cases.models import CaseParty
from tianping.cases.permissions import cases_visible_to
from tianping.courts.choices import DivisionKind, Role
from tianping.courts.models import TeamMember
from tianping.courts.permissions import current_memberships, is_staff_member
from tianping.enforcement.choices import ClosingMode
from tianping.parties.choices import PartyRole


def is_enforcement_case(case) -> bool:
    return bool(case) and case.type_code.startswith("执")


def staff_sees(user, case) -> bool:
    return (is_staff_member(user) and is_enforcement_case(case)
            and cases_visible_to(user).filter(pk=case.pk).exists())


def party_of(user, case):
    """USER's party rows on CASE (their own account)."""
    if not getattr(user, "is_authenticated", False) or not user.is_public_user:
        return CaseParty.objects.none()
    return CaseParty.objects.filter(case=case, user=user)


def party_sees(user, case) -> bool:
    return is_enforcement_case(case) and party_of(user, case).exists()


def can_act(user, case) -> bool:
    if not getattr(user, "pk", None) or not is_enforcement_case(case):
        return False
    if case.state not in PENDING_STATES:
        return False
    if case.judge_id == user.pk:
        return True
    return bool(case.team_id and case.judge_id
                and TeamMember.objects.filter(team_id=case.team_id, user=user).exists())


def require_act(user, case) -> None:
    if not can_act(user, case):
        raise PermissionDenied(_("Only the case's enforcement officer or team can do that, "
                                 "while the case is open."))


def _heads(user, court_id):
    for m in current_memberships(user):
        if m.court_id == court_id:
            yield m


def is_bureau_head(user, court) -> bool:
    return any(m.role == Role.DIVISION_HEAD and m.division is not None
               and m.division.kind == DivisionKind.ENFORCEMENT
               for m in _heads(user, court.pk))


def is_president(user, court) -> bool:
    return any(m.role == Role.PRESIDENT for m in _heads(user, court.pk))


def may_oversee(user, court) -> bool:
    """The bureau's pool and overview: its head and the president."""
    return is_bureau_head(user, court) or is_president(user, court)


def can_assign(user, case, record=None) -> bool:
    if not is_enforcement_case(case) or case.state not in PENDING_STATES:
        return False
    if is_bureau_head(user, case.court):
        return True
    major = bool(record and record.is_major)
    return not major and is_president(user, case.court)


def require_assign(user, case, record=None) -> None:
    if not can_assign(user, case, record):
        raise PermissionDenied(_("Only the head of the enforcement bureau assigns this case "
                                 "(the president too, unless it is a major case)."))


def can_report_clue(user, record) -> bool:
    case = record.case
    return (case is not None and case.state in PENDING_STATES
            and party_of(user, case).filter(role=PartyRole.APPLICANT).exists())


def require_report_clue(user, record) -> None:
    if not can_report_clue(user, record):
        raise PermissionDenied(_("Only the applicant of an open enforcement case reports "
                                 "property clues on it."))


def can_restore(user, record) -> bool:
    case = record.case
    if case is None or record.closing_mode != ClosingMode.TERMINATED_CURRENT:
        return False
    if record.restorations.exists():
        return False
    return case.judge_id == getattr(user, "pk", None) or is_bureau_head(user, case.court)


def require_restore(user, record) -> None:
    if not can_restore(user, record):
        raise PermissionDenied(_("Only the officer or the bureau head restores a case closed "
                                 "as 终本, once."))


def can_check(user, record) -> bool:
    """A periodic property check of a 终本 case: its officer or the bureau head."""
    case = record.case
    return (case is not None and record.closing_mode == ClosingMode.TERMINATED_CURRENT
            and record.next_check_on is not None
            and (case.judge_id == getattr(user, "pk", None) or is_bureau_head(user, case.court)))


def can_record_title(user, case) -> bool:
    """A 执 case filed at the window without its title: the officer, the team, the bureau
    head or a filing clerk of the court enters it."""
    if not is_enforcement_case(case) or hasattr_record(case):
        return False
    return can_act(user, case) or is_bureau_head(user, case.court) or any(
        m.role == Role.FILING_CLERK for m in _heads(user, case.court_id))


def hasattr_record(case) -> bool:
    from tianping.enforcement.models import EnforcementRecord

    return EnforcementRecord.objects.filter(case=case).exists()
