"""Who may see a case and who may act on it: the one place for cases. Pages, API and
actions all ask here. Every function takes the person whose authority applies (under A/B
backup, the principal: `courts.permissions.effective_user`).

Who sees which case:
- a litigant or lawyer: the cases where they are a party or an agent, or that they filed;
- the president, the trial management office and the filing division: every case of their
  court (and of the courts below, where their membership gives that sight);
- a division head: the cases of their division; a higher court's division head whose
  membership sees the courts below, also the cases of the lower courts' divisions of the
  same kind (业务指导: the line of work they guide and supervise);
- a judge: the cases they judge, those of their teams and those of their division (its
  judges sit on each other's panels and discuss its cases in the division's meetings of
  judges), never the rest of the court;
- a judge assistant or court clerk: the cases of their teams;
- an enforcement officer, and a finance officer (who books the case funds, 案款): the
  enforcement cases of their court;
- a petition handler (涉诉信访): every case of their court, to read the case a petition
  concerns;
- any staff member seated on a case's bench now (a panel's judge from another division,
  the judge assistant, the court clerk): that case;
- whoever sees a case of a later stage of the dispute (the second instance, the review of
  a retrial application, the retrial after remand) opens the earlier case it came from: the
  file sent up (registered by the appeals app: `register_case_sight`), to read, not to act.
Anything else, and anything missing, is the same 404.

Who acts on a case:
- the trial acts (start, time-limit acts, documents, procedure, closing, archiving): the
  case's judge only. A leader does not close a judge's case; a judge who is away is
  stood in for through A/B backup;
- assignment: the president of the case's court, or the head of the case's division.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from tianping.cases.models import Case, CaseMember, CaseParty, CaseRepresentative
from tianping.courts.choices import Role
from tianping.courts.models import Division, TeamMember
from tianping.courts.permissions import current_memberships

COURT_WIDE = {Role.PRESIDENT, Role.TRIAL_MANAGEMENT, Role.FILING_CLERK, Role.PETITION_HANDLER}
TRIAL = {Role.JUDGE, Role.JUDGE_ASSISTANT, Role.COURT_CLERK}


def _below_condition(m) -> Q:
    """The cases of the courts below that a higher court's division head whose membership
    sees them guides (业务指导): those of the lower courts' divisions of the same kind
    (the intermediate court's civil division the basic courts' civil divisions), all of
    theirs for a head without a division."""
    lower = m.court.descendant_ids()
    if not m.division_id:
        return Q(court_id__in=lower)
    kind = Division.objects.filter(pk=m.division_id).values("kind")
    return Q(court_id__in=lower, division_id__in=Division.objects.filter(
        court_id__in=lower, kind__in=kind).values("pk"))


def _staff_condition(user) -> Q:
    condition = Q(pk__in=[])
    memberships = current_memberships(user)
    if memberships:
        # whoever sits on a case's bench now (a panel's judges from another division or
        # team, its judge assistant, its clerk) sees that case
        seated = CaseMember.objects.filter(user=user, until__isnull=True)
        condition |= Q(pk__in=seated.values("case_id"))
    for m in memberships:
        courts = {m.court_id} | (m.court.descendant_ids() if m.sees_lower_courts else set())
        if m.role in COURT_WIDE:
            condition |= Q(court_id__in=courts)
        elif m.role == Role.DIVISION_HEAD:
            scope = Q(division_id=m.division_id) if m.division_id else Q()
            condition |= Q(court_id=m.court_id) & scope
            if m.sees_lower_courts:
                condition |= _below_condition(m)
        elif m.role in TRIAL:
            teams = TeamMember.objects.filter(user=user).values("team_id")
            own = Q(judge=user) | Q(team_id__in=teams)
            if m.role == Role.JUDGE and m.division_id:
                own |= Q(division_id=m.division_id)
            condition |= Q(court_id=m.court_id) & own
        elif m.role in (Role.ENFORCEMENT_OFFICER, Role.FINANCE):
            condition |= Q(court_id=m.court_id, type_code__startswith="执")
    return condition


def cases_visible_to(user):
    """Every case the user may see; chain filters and ordering onto it."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    if user.is_superuser:
        return Case.objects.all()
    if user.is_public_user:
        # Subqueries rather than joins: no duplicate rows, so no DISTINCT over the list.
        condition = (
            Q(pk__in=CaseParty.objects.filter(user=user).values("case_id"))
            | Q(pk__in=CaseRepresentative.objects.filter(user=user).values("case_id"))
            | Q(filing__filer=user)
        )
    else:
        condition = _staff_condition(user)
    return Case.objects.filter(condition)


# Sight of a single case that the lists do not give: an app above this one registers a
# function USER -> Q over cases (or None), e.g. the appeals app: the second-instance judge
# reads the first-instance file sent up to them (案卷移送). Only whole-case reads ask these
# (`get_case_for_user`, `can_read_case`), never the lists.
_CASE_SIGHT: list = []


def register_case_sight(source) -> None:
    if source not in _CASE_SIGHT:
        _CASE_SIGHT.append(source)


def _linked_sight(user) -> Q | None:
    if not getattr(user, "is_authenticated", False) or user.is_public_user:
        return None
    found = [q for q in (source(user) for source in _CASE_SIGHT) if q is not None]
    if not found:
        return None
    condition = found[0]
    for q in found[1:]:
        condition |= q
    return condition


def can_read_case(user, case) -> bool:
    """Whether USER may open CASE: their scope, or a registered sight of it."""
    if cases_visible_to(user).filter(pk=case.pk).exists():
        return True
    sight = _linked_sight(user)
    return sight is not None and Case.objects.filter(sight, pk=case.pk).exists()


def get_case_for_user(user, code: str) -> Case:
    """The case with CODE if the user may see it; a 404 otherwise (missing or not theirs)."""
    related = ("court", "division", "team", "judge", "cause", "filing", "time_limit")
    case = cases_visible_to(user).select_related(*related).filter(code=code).first()
    if case is None and (sight := _linked_sight(user)) is not None:
        case = Case.objects.filter(sight, code=code).select_related(*related).first()
    if case is None:
        raise Http404("No such case.")
    return case


def can_act_as_judge(user, case) -> bool:
    """The trial acts: the case's judge (the principal, when a backup stands in)."""
    return bool(getattr(user, "pk", None)) and case.judge_id == user.pk


def can_assign(user, case) -> bool:
    """Assign or reassign the judge (分案): the court's president, or the head of the case's
    division (any division head of the court while the case has no division)."""
    for m in current_memberships(user):
        if m.court_id != case.court_id:
            continue
        if m.role == Role.PRESIDENT:
            return True
        if m.role == Role.DIVISION_HEAD and (
            case.division_id is None or m.division_id in (None, case.division_id)
        ):
            return True
    return False


def require_case_judge(case, user) -> None:
    """Refuse unless USER may act as the case's judge."""
    if not can_act_as_judge(user, case):
        raise PermissionDenied(_("Only the case's judge can do that."))


def require_assigner(case, user) -> None:
    if not can_assign(user, case):
        raise PermissionDenied(_("Only a division head or the president can assign cases."))
