"""Who may see which indicator figures (pages and API alike).

A court's figures, its divisions' and its judges': the leaders and the trial management
office of the court, or of a court above with sight of the courts below
(`courts.permissions.can_view_dashboard`). A judge may also see their own figures."""

from tianping.courts.models import Court
from tianping.courts.permissions import can_view_dashboard, current_memberships


def can_view_indicators(user, court: Court) -> bool:
    return can_view_dashboard(user, court)


def can_view_slice(user, s) -> bool:
    """May USER see the figures of slice S (`compute.Slice`)?"""
    if can_view_indicators(user, s.court):
        return True
    own = s.judge_id == getattr(user, "pk", None) or (
        s.judge_name and s.judge_name == getattr(user, "full_name", None))
    return bool(own and not s.include_lower
                and any(m.court_id == s.court.pk for m in current_memberships(user)))


def oversees_any_court(user) -> bool:
    return any(can_view_dashboard(user, m.court) for m in current_memberships(user))


def may_ask(user, court: Court) -> bool:
    """May USER ask for figures of COURT at all (a viewer, or a member: their own)?"""
    return can_view_indicators(user, court) or any(
        m.court_id == court.pk for m in current_memberships(user))
