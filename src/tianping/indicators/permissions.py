"""Who may see which indicator figures (pages and API alike).

A court's figures, its divisions' and its judges': the leaders and the trial management
office of the court, or of a court above with sight of the courts below
(`courts.permissions.can_view_dashboard`). A judge may also see their own figures."""

from tianping.courts.choices import Role
from tianping.courts.models import Court
from tianping.courts.permissions import (
    can_view_dashboard,
    current_memberships,
    is_superuser,
    roles_in,
    visible_court_ids,
)


def can_view_indicators(user, court: Court) -> bool:
    return can_view_dashboard(user, court)


def can_view_slice(user, s) -> bool:
    """May USER see the figures of slice S (`compute.Slice`)? The same rule for the API as
    for the pages (`can_view_page_slice`): a division head their division, a judge their
    own figures."""
    return can_view_page_slice(user, s)


def oversees_any_court(user) -> bool:
    return any(can_view_dashboard(user, m.court) for m in current_memberships(user))


def may_ask(user, court: Court) -> bool:
    """May USER ask for figures of COURT at all (a viewer, or a member: their own)?"""
    return can_view_indicators(user, court) or any(
        m.court_id == court.pk for m in current_memberships(user))


# The pages (`views*`): a division head sees their division, not the whole court --------

COURT_WIDE = {Role.PRESIDENT, Role.TRIAL_MANAGEMENT}


def sees_whole_court(user, court: Court) -> bool:
    """The president or trial management office of COURT, or of a court above with sight
    of the courts below: every slice of the court on the pages."""
    return any(
        m.role in COURT_WIDE
        and (m.court_id == court.pk
             or (m.sees_lower_courts and court.pk in visible_court_ids(user)))
        for m in current_memberships(user))


def headed_division_ids(user, court: Court) -> set[int]:
    """The divisions of COURT that USER heads."""
    return {m.division_id for m in current_memberships(user)
            if m.role == Role.DIVISION_HEAD and m.court_id == court.pk and m.division_id}


def indicator_courts(user) -> list[Court]:
    """The courts whose indicator pages USER may open (a division head: their own court,
    for their division), in code order."""
    visible = Court.objects.filter(pk__in=visible_court_ids(user)).order_by("code")
    return [c for c in visible if sees_whole_court(user, c) or headed_division_ids(user, c)]


def can_view_page_slice(user, s) -> bool:
    """The pages' rule for slice S: any slice of the court for its president or trial
    management office (or a court above's); a slice within their division for a division
    head; a judge their own figures."""
    if sees_whole_court(user, s.court):
        return True
    heads = headed_division_ids(user, s.court)
    if heads and s.division_ids and set(s.division_ids) <= heads and not s.include_lower:
        return True
    if heads and s.judge_id and not s.include_lower:  # a judge of their division
        from django.contrib.auth import get_user_model

        judge = get_user_model().objects.filter(pk=s.judge_id).first()
        if judge is not None and can_view_scorecard(user, judge, s.court):
            return True
    return _own(user, s)


def _own(user, s) -> bool:
    own = s.judge_id == getattr(user, "pk", None) or (
        s.judge_name and s.judge_name == getattr(user, "full_name", None))
    return bool(own and not s.include_lower
                and any(m.court_id == s.court.pk for m in current_memberships(user)))


def can_view_scorecard(user, judge, court: Court) -> bool:
    """The scorecard (成绩单) of JUDGE (a user) at COURT: the judge themself, the president
    and trial management office of the court (or of a court above), the head of a division
    the judge sits in."""
    if getattr(user, "pk", None) == judge.pk and any(
            m.court_id == court.pk for m in current_memberships(user)):
        return True
    if sees_whole_court(user, court):
        return True
    heads = headed_division_ids(user, court)
    return bool(heads) and judge.memberships.current().filter(
        court=court, division_id__in=heads).exists()


def can_view_name_scorecard(user, name: str, court: Court) -> bool:
    """The scorecard of a judge known by NAME only (imported history): the court's
    president and trial management office (or a court above's), or the judge themself."""
    return sees_whole_court(user, court) or (
        name == getattr(user, "full_name", None)
        and any(m.court_id == court.pk for m in current_memberships(user)))


def can_set_ranges(user, court: Court) -> bool:
    """A court's own reference ranges: its president or trial management office."""
    return any(m.role in COURT_WIDE and m.court_id == court.pk
               for m in current_memberships(user))


def range_courts(user) -> list[Court]:
    ids = {m.court_id for m in current_memberships(user) if m.role in COURT_WIDE}
    return list(Court.objects.filter(pk__in=ids).order_by("code"))


# The big screen (电子展示屏) and the reports ------------------------------------------

DISPLAY_KEEPERS = {Role.PRESIDENT, Role.TRIAL_MANAGEMENT, Role.ADMINISTRATOR}


def can_manage_display_tokens(user, court: Court) -> bool:
    """Who makes and revokes COURT's big-screen tokens: its president, its trial
    management office and its administrator (their own court only), and superusers."""
    return is_superuser(user) or bool(roles_in(user, court) & DISPLAY_KEEPERS)


def display_token_courts(user) -> list[Court]:
    """The courts whose screens USER keeps, in code order."""
    if is_superuser(user):
        return list(Court.objects.order_by("code"))
    ids = {m.court_id for m in current_memberships(user) if m.role in DISPLAY_KEEPERS}
    return list(Court.objects.filter(pk__in=ids).order_by("code"))


def report_courts(user) -> list[Court]:
    """The courts whose reports USER may download (those whose indicators they see)."""
    if not oversees_any_court(user):
        return []
    visible = Court.objects.filter(pk__in=visible_court_ids(user)).order_by("code")
    return [c for c in visible if can_view_indicators(user, c)]
