"""Who may do what: the one module of `can_*` predicates used by pages and API alike.

A predicate takes the acting user (for an A/B backup standing in, the principal: see
`effective_user`) and the object concerned, and answers True or False. Nothing else in
the code base decides permissions.
"""

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from tianping.courts.choices import Role
from tianping.courts.models import Backup, Court, Membership

FILING_ROLES = {Role.FILING_CLERK, Role.DIVISION_HEAD, Role.PRESIDENT}
TRIAL_ROLES = {Role.JUDGE, Role.JUDGE_ASSISTANT, Role.COURT_CLERK}
OVERSIGHT_ROLES = {Role.DIVISION_HEAD, Role.PRESIDENT, Role.TRIAL_MANAGEMENT}


def current_memberships(user) -> list[Membership]:
    """The user's current memberships, read once per user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_court_staff:
        return []
    cached = getattr(user, "_tianping_memberships", None)
    if cached is None:
        cached = list(Membership.objects.current().filter(user=user).select_related("court"))
        user._tianping_memberships = cached
    return cached


def roles_in(user, court: Court | None = None) -> set[str]:
    """The user's roles in COURT, or in any court when COURT is None."""
    return {m.role for m in current_memberships(user) if court is None or m.court_id == court.pk}


def visible_court_ids(user) -> set[int]:
    """Courts whose staff pages the user may see: their own, and those below where allowed."""
    cached = getattr(user, "_tianping_visible_courts", None)
    if cached is not None:
        return cached
    if getattr(user, "is_superuser", False):
        ids = set(Court.objects.values_list("pk", flat=True))
    else:
        ids = set()
        for membership in current_memberships(user):
            ids.add(membership.court_id)
            if membership.sees_lower_courts:
                ids |= membership.court.descendant_ids()
    if getattr(user, "pk", None):
        user._tianping_visible_courts = ids  # computed once per request (per user object)
    return ids


def _has_role(user, court: Court, roles: set[str]) -> bool:
    return bool(roles_in(user, court) & roles)


def is_staff_member(user) -> bool:
    return bool(current_memberships(user)) or getattr(user, "is_superuser", False)


def require_staff(user):
    """The one gate of staff pages and API: USER (the person whose authority applies) if
    they hold a current membership of a court; 403 otherwise."""
    if not is_staff_member(user):
        raise PermissionDenied
    return user


def can_view_court(user, court: Court) -> bool:
    return court.pk in visible_court_ids(user)


def can_administer_court(user, court: Court) -> bool:
    return getattr(user, "is_superuser", False) or _has_role(user, court, {Role.ADMINISTRATOR})


def can_manage_reference_data(user) -> bool:
    """Django admin is for reference data: administrators only."""
    return getattr(user, "is_superuser", False) or Role.ADMINISTRATOR in roles_in(user)


def can_review_filings(user, court: Court) -> bool:
    return _has_role(user, court, FILING_ROLES)


def can_try_cases(user, court: Court) -> bool:
    return _has_role(user, court, {Role.JUDGE})


def can_assist_trial(user, court: Court) -> bool:
    return _has_role(user, court, TRIAL_ROLES)


def can_mediate(user, court: Court) -> bool:
    return _has_role(user, court, {Role.MEDIATOR, Role.JUDGE})


def can_enforce(user, court: Court) -> bool:
    return _has_role(user, court, {Role.ENFORCEMENT_OFFICER})


def can_view_dashboard(user, court: Court) -> bool:
    """Leaders and the trial management office see indicators of the courts they can see."""
    return any(
        m.role in OVERSIGHT_ROLES
        and (
            m.court_id == court.pk or (m.sees_lower_courts and court.pk in visible_court_ids(user))
        )
        for m in current_memberships(user)
    )


def can_file_online(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_public_user


def public_user_page(view):
    """The gate of the litigants' and lawyers' pages (portal): signed in, and a public user;
    staff follow filings and cases in their workspace."""

    @login_required
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_file_online(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def can_name_backup(user) -> bool:
    return is_staff_member(user)


def backup_candidates(principal):
    """Who PRINCIPAL may name as backup (B): active staff of a court where PRINCIPAL is a
    member now, never PRINCIPAL. A backup acts with the principal's authority, so one in
    another court would open that court's cases to someone outside it."""
    from django.contrib.auth import get_user_model

    courts = [m.court_id for m in current_memberships(principal)]
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__in=Membership.objects.current().filter(court_id__in=courts),
        )
        .exclude(pk=principal.pk)
        .distinct()
    )


def may_be_backup_of(backup, principal) -> bool:
    return backup_candidates(principal).filter(pk=backup.pk).exists()


def can_act_for(user, principal, on=None) -> bool:
    """A backup (B) may act for the principal (A) while A is away."""
    if not getattr(user, "is_authenticated", False) or principal is None or user.pk == principal.pk:
        return False
    return Backup.objects.in_force(on).filter(principal=principal, backup=user).exists()


def effective_user(request):
    """The person whose authority applies: the principal when acting as their backup."""
    return getattr(request, "acting_for", None) or request.user
