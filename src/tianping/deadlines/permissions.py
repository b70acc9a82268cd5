"""Who may act on a case's time limit and who decides an extension: the one place for
time limits. Pages, API and actions all ask here.

- Suspension, resumption, excluded periods and extension requests are trial acts: the
  case's judge (`cases.permissions.require_case_judge`, asked by the actions).
- An extension request is decided by the approver its rule names for that step, derived
  from the extensions approved so far: the president of the case's court (本院院长批准:
  Civil Procedure Law art. 152, 2019 延长审限规定 art. 1), or for `higher_court` the
  president of a court above it (报请上级人民法院批准). Nobody decides a request they made.
"""

from django.db.models import Q

from tianping.courts.choices import Role
from tianping.courts.permissions import current_memberships
from tianping.deadlines.models import ExtensionRequest, ExtensionStatus

HIGHER_COURT = "higher_court"
MAX_COURT_DEPTH = 3  # SPC > high court > intermediate court > basic court


def _courts_where(user, role) -> set[int]:
    return {m.court_id for m in current_memberships(user) if m.role == role}


def _deciding_condition(user) -> Q:
    """The open requests USER may decide, as a filter on ExtensionRequest."""
    presides = _courts_where(user, Role.PRESIDENT)
    own_court = Q(approver=Role.PRESIDENT, case__court_id__in=presides)
    above = Q(pk__in=[])
    path = "case__court__parent"
    for _level in range(MAX_COURT_DEPTH):
        above |= Q(**{f"{path}_id__in": presides})
        path += "__parent"
    condition = own_court | (Q(approver=HIGHER_COURT) & above)
    if getattr(user, "pk", None):
        condition &= ~Q(requested_by=user)
    return condition


def extension_requests_to_decide(user):
    """Open extension requests the user may decide, in one query (no filtering in Python)."""
    if not current_memberships(user):
        return ExtensionRequest.objects.none()
    return (
        ExtensionRequest.objects.filter(status=ExtensionStatus.REQUESTED)
        .filter(_deciding_condition(user))
        .select_related("case__court__parent", "case__judge", "requested_by", "case__time_limit")
        .order_by("requested_on", "pk")
    )


def may_decide(user, request: ExtensionRequest) -> bool:
    """Whether USER may decide REQUEST as it stands (its approver set for the current step)."""
    if getattr(user, "pk", None) == request.requested_by_id:
        return False
    presides = _courts_where(user, Role.PRESIDENT)
    court = request.case.court
    if request.approver == HIGHER_COURT:
        higher = court.parent
        while higher is not None:
            if higher.pk in presides:
                return True
            higher = higher.parent
        return False
    return request.approver == Role.PRESIDENT and court.pk in presides
