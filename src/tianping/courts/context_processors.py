"""Role-aware navigation for every page."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as _reverse
from django.utils.translation import gettext_lazy as _

from tianping.courts import permissions
from tianping.courts.choices import Role


def reverse(name: str, args=()) -> str:
    """The URL of NAME, worked out once per process (and URLconf and prefix): the menu
    asks for about fifteen on every page, and they never change."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _url(urlconf, get_script_prefix(), name, tuple(args))


@functools.lru_cache(maxsize=512)
def _url(urlconf, prefix: str, name: str, args: tuple) -> str:
    return _reverse(name, urlconf=urlconf, args=args)


def _public_items(user):
    lawyer = user.kind == "lawyer" and hasattr(user, "lawyer_profile")  # verified
    return [
        (reverse("online:list"), _("My filings")),
        (reverse("mediation:mediations"), _("My mediations")),
        (reverse("party_cases:list"), _("My cases")),
        (reverse("petitions:mine"), _("My petitions")),  # 信访 (petitions app)
        *([(reverse("portal:lawyer"), _("My clients' matters"))] if lawyer else []),
        (reverse("tools:fees"), _("Fee calculator")),
        (reverse("portal:courts"), _("Courts and service points")),
        (reverse("hearings:notices"), _("Public notice board")),
    ]


SERVICE_ROLES = {Role.JUDGE, Role.JUDGE_ASSISTANT, Role.COURT_CLERK, Role.FILING_CLERK}
SERVICE_FIRST = {Role.JUDGE_ASSISTANT, Role.COURT_CLERK, Role.FILING_CLERK}


def _staff_items(user) -> tuple[list, list]:
    """(the menu's first line, what folds under "More"): each role's daily pages first,
    the reference pages and tools after, so the menu keeps to one line at desktop width."""
    roles = permissions.roles_in(user)
    items = [(reverse("workspace:home"), _("Workspace"))]
    more = []
    if roles & permissions.FILING_ROLES:  # the leaders decide refusals: theirs under More
        (items if Role.FILING_CLERK in roles else more).append(
            (reverse("review:queue"), _("Filing review")))
    items.append((reverse("cases:list"), _("Cases")))
    if Role.FILING_CLERK in roles:  # appeals and retrial applications to file (appeals app)
        more.append((reverse("appeals:incoming"), _("Incoming appeals")))
    (items if roles & (permissions.TRIAL_ROLES | {Role.FILING_CLERK}) else more).append(
        (reverse("hearings:calendars"), _("Hearings")))
    if roles & SERVICE_ROLES:  # the service queue (送达待办)
        (items if roles & SERVICE_FIRST else more).append(
            (reverse("service:queue"), _("Service queue")))
    if roles & (permissions.FILING_ROLES | permissions.OVERSIGHT_ROLES | {Role.MEDIATOR}):
        (items if roles & {Role.FILING_CLERK, Role.MEDIATOR} else more).append(
            (reverse("mediation:mediations"), _("Mediations")))
    more.append((reverse("mediation:roster"), _("Mediators")))  # the roster (mediation app)
    if roles & (permissions.OVERSIGHT_ROLES | {Role.ADMINISTRATOR}):  # FIGURE_ROLES (mediation)
        more.append((reverse("mediation:figures"), _("Mediation figures")))
    if roles & permissions.OVERSIGHT_ROLES:
        items += [
            (reverse("indicators:court"), _("Dashboard")),  # the indicator pages
            (reverse("deadlines:overdue"), _("Overdue cases")),
        ]
    if Role.JUDGE in roles:  # the judge's own indicators (成绩单, indicators app)
        more.append((reverse("indicators:scorecard", args=(user.pk,)), _("My scorecard")))
    if roles & (permissions.OVERSIGHT_ROLES | {Role.JUDGE}):  # supervision orders (督办)
        items.append((reverse("supervision:orders"), _("Supervision")))
    if roles & {Role.ENFORCEMENT_OFFICER, Role.DIVISION_HEAD, Role.PRESIDENT}:  # enforcement
        (items if Role.ENFORCEMENT_OFFICER in roles else more).append(
            (reverse("enforcement:queue"), _("Enforcement")))
    if roles & {Role.PETITION_HANDLER, Role.PRESIDENT, Role.DIVISION_HEAD}:  # 信访 (petitions)
        (items if Role.PETITION_HANDLER in roles else more).append(
            (reverse("petitions:queue"), _("Petitions")))
    if Role.FINANCE in roles:  # case funds (执行案款, funds app): finance's desk
        items.append((reverse("funds:desk"), _("Case funds")))
    if roles & {Role.DIVISION_HEAD, Role.PRESIDENT}:  # payouts to approve (funds app)
        more.append((reverse("funds:approvals"), _("Case funds approvals")))
    if Role.PRESIDENT in roles:  # the approver of extensions (deadlines.permissions)
        items.append((reverse("deadlines:extension_requests"), _("Extensions")))
    if roles & permissions.LAWYER_VERIFYING_ROLES:  # lawyers registered at their court
        more.append((reverse("courts:lawyers"), _("Lawyers to verify")))
    more += [
        (reverse("courts:list"), _("Courts")),
        (reverse("catalog:index"), _("Catalogs")),
        (reverse("tools:case_numbers"), _("Case-number check")),
        (reverse("tools:fees"), _("Fee calculator")),
        (reverse("workspace:backups"), _("A/B backup")),
    ]
    return items, more


def _administration_items(user):
    """In the signed-in person's own name (administration is not delegated to a backup):
    their court's administration pages; the Django admin for platform superusers only."""
    items = [
        (reverse("courts:admin_home", args=(m.court.code,)), _("Court administration"))
        for m in permissions.current_memberships(user)
        if m.role == Role.ADMINISTRATOR
    ][:1]
    if permissions.can_manage_reference_data(user):
        items.append((reverse("admin:index"), _("Reference data")))
    return items


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "nav_items": [
                (reverse("tools:fees"), _("Fee calculator")),
                (reverse("tools:case_numbers"), _("Case-number check")),
                (reverse("catalog:index"), _("Catalogs")),
                (reverse("portal:courts"), _("Courts and service points")),
                (reverse("hearings:notices"), _("Public notice board")),
            ]
        }
    unread = user.notifications.filter(read_at__isnull=True).count()
    inbox = (reverse("notifications:inbox"), _("Messages") + (f" ({unread})" if unread else ""))
    if user.is_public_user:
        return {"nav_items": [(reverse("portal:home"), _("My home")), *_public_items(user), inbox]}
    items, more = _staff_items(permissions.effective_user(request))
    return {"nav_items": [*items, inbox], "nav_more": [*more, *_administration_items(user)]}
