"""Who may do what: the one module of `can_*` predicates used by pages and API alike.

A predicate takes the acting user (for an A/B backup standing in, the principal: see
`effective_user`) and the object concerned, and answers True or False. Nothing else in
the code base decides permissions.
"""

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils import timezone

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


def is_superuser(user) -> bool:
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


def can_manage_reference_data(user) -> bool:
    """The Django admin and catalog imports (reference data of the whole network): the
    platform's superusers only. Neither `is_staff` nor a court's administrator role."""
    return is_superuser(user)


# Court administration: a court's administrator manages their own court only (its staff
# accounts, their roles there, its courtrooms and its own calendar days). They grant and
# remove the posts below; never a leader's (division head: assigns cases and decides
# extensions; president), nor the administrator's own (no peer is made or unmade): those
# are given by the platform's superusers. Superuser status never leaves the Django admin.
GRANTABLE_ROLES = frozenset(
    {
        Role.FILING_CLERK,
        Role.JUDGE,
        Role.JUDGE_ASSISTANT,
        Role.COURT_CLERK,
        Role.MEDIATOR,
        Role.ENFORCEMENT_OFFICER,
        Role.FINANCE,
        Role.PETITION_HANDLER,
        Role.TRIAL_MANAGEMENT,
    }
)


def can_administer_court(user, court: Court) -> bool:
    """The court administration pages of COURT: its administrators (and superusers)."""
    return is_superuser(user) or _has_role(user, court, {Role.ADMINISTRATOR})


def administered_courts(user):
    """The courts whose administration pages USER may open."""
    if is_superuser(user):
        return Court.objects.all()
    ids = {m.court_id for m in current_memberships(user) if m.role == Role.ADMINISTRATOR}
    return Court.objects.filter(pk__in=ids)


def grantable_roles(user, court: Court) -> set[str]:
    """The roles USER may grant or remove at COURT."""
    if not can_administer_court(user, court):
        return set()
    return set(Role.values) if is_superuser(user) else set(GRANTABLE_ROLES)


def can_manage_account(user, account, court: Court) -> bool:
    """USER may deactivate or reactivate ACCOUNT, issue its password reset and change its
    roles, from the administration pages of COURT. Only a staff account of COURT (one that
    has held a role there), never USER's own, never a superuser's; and only while every
    role ACCOUNT still holds (now or later) is at a court USER administers and one USER may
    grant: the president's or another administrator's account, or a judge of another
    court, stays out of reach."""
    return account.pk in manageable_account_ids(user, court, [account.pk])


def manageable_account_ids(user, court: Court, account_ids) -> set[int]:
    """Which of ACCOUNT_IDS USER may manage from COURT (`can_manage_account`), in two
    queries however many there are."""
    from django.contrib.auth import get_user_model

    from tianping.accounts.choices import UserKind

    if not can_administer_court(user, court):
        return set()
    candidates = set(
        get_user_model()
        .objects.filter(
            pk__in=account_ids, memberships__court=court, kind=UserKind.STAFF, is_superuser=False
        )
        .exclude(pk=user.pk)
        .values_list("pk", flat=True)
    )
    held = (
        Membership.objects.filter(user_id__in=candidates, is_active=True)
        .exclude(ends_on__lt=timezone.localdate())
        .select_related("court")
    )
    for m in held:
        if m.user_id in candidates and not (
            can_administer_court(user, m.court) and m.role in grantable_roles(user, m.court)
        ):
            candidates.discard(m.user_id)
    return candidates


def can_create_account(user, court: Court, role: str, division=None) -> bool:
    """USER may open a staff account at COURT whose first role is ROLE (in DIVISION)."""
    in_court = division is None or division.court_id == court.pk
    return in_court and role in grantable_roles(user, court)


def can_grant_role(user, account, court: Court, role: str, division=None) -> bool:
    """USER may give ACCOUNT the ROLE at COURT (in DIVISION, a division of COURT)."""
    return can_create_account(user, court, role, division) and can_manage_account(
        user, account, court
    )


def can_remove_membership(user, membership: Membership) -> bool:
    return can_grant_role(user, membership.user, membership.court, membership.role)


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


# The historical case import (`tianping cases import`, the import page): the trial
# management office, the leaders and the administrators of a court, for their court and,
# where they oversee the courts below (sees_lower_courts), for those.
IMPORT_ROLES = OVERSIGHT_ROLES | {Role.ADMINISTRATOR}


def can_import_cases(user, court: Court) -> bool:
    return is_superuser(user) or any(
        m.role in IMPORT_ROLES
        and (m.court_id == court.pk or (m.sees_lower_courts
                                        and court.pk in m.court.descendant_ids()))
        for m in current_memberships(user)
    )


def can_import_cases_below(user, court: Court) -> bool:
    """Cases of a court below COURT not yet on the platform (made from the catalog)."""
    return is_superuser(user) or any(
        m.role in IMPORT_ROLES and m.sees_lower_courts
        and (m.court_id == court.pk or court.pk in m.court.descendant_ids())
        for m in current_memberships(user)
    )


def can_view_import(user, court: Court | None, uploader_id: int | None) -> bool:
    """An import run: whoever started it, and those who may import for its court."""
    return is_superuser(user) or (uploader_id is not None and uploader_id == user.pk) or (
        court is not None and can_import_cases(user, court))


def import_courts(user):
    """The courts whose import page USER may open (their own, where they hold a post)."""
    if is_superuser(user):
        return Court.objects.all()
    return Court.objects.filter(pk__in={m.court_id for m in current_memberships(user)
                                        if m.role in IMPORT_ROLES})


LAWYER_VERIFYING_ROLES = {Role.FILING_CLERK, Role.ADMINISTRATOR}


def can_verify_lawyers(user, court: Court) -> bool:
    """A filing clerk or the administrator of COURT checks the lawyers who registered there
    (`courts.lawyers`). In the person's own name: a backup does not verify for another."""
    return bool(roles_in(user, court) & LAWYER_VERIFYING_ROLES)


def lawyer_verifying_court_ids(user) -> set[int]:
    return {m.court_id for m in current_memberships(user) if m.role in LAWYER_VERIFYING_ROLES}


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
