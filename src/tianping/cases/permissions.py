"""Who may act on a case. Reads go through `cases.queries` (the scope of cases a user sees);
acts are decided here, and actions, pages and API all ask these predicates."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from tianping.courts.permissions import can_assign_cases


def may_act_as_judge(user, case) -> bool:
    """The case's judge, or a leader who assigns the court's cases (pending the review of
    which acts a leader may take over, see docs/status.md)."""
    return case.judge_id == user.pk or can_assign_cases(user, case.court)


def require_case_judge(case, user) -> None:
    """Refuse unless USER (the person acted for, under A/B backup) may act as the judge."""
    if not may_act_as_judge(user, case):
        raise PermissionDenied(_("Only the case's judge can do that."))
