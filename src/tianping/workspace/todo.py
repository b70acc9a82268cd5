"""What waits for a staff member, as counts with links, on their workspace home: each count
one query, read through the permission module of its kind of object, so nobody is told of
work they may not see.

- the filing division: filings to review, due today or overdue (先行立案), corrections
  answered and back in review;
- judges: their open cases whose time limit runs out within 30 days, cases newly assigned
  to them (trial not started), refusals proposed to the judges of their court;
- presidents: extension requests to decide; division heads and presidents: cases without
  a judge; presidents and the filing division's head: applications for fee relief;
- the filing division: mediations awaiting a mediator; a mediator: mediations to accept
  and mediations under way.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tianping.cases.choices import CaseState
from tianping.cases.permissions import cases_visible_to
from tianping.courts.choices import Role
from tianping.courts.permissions import roles_in
from tianping.deadlines.permissions import extension_requests_to_decide
from tianping.filings.choices import FilingStatus
from tianping.filings.models import CorrectionNotice
from tianping.filings.permissions import filings_visible_to, refusals_to_decide, reviewing_court_ids
from tianping.mediation.choices import MediationStatus
from tianping.mediation.permissions import mediation_staff_court_ids, mediations_visible_to
from tianping.payments.permissions import relief_court_ids, reliefs_to_decide

DUE_WITHIN_DAYS = 30


@dataclass(frozen=True)
class Todo:
    key: str
    label: str
    count: int
    url: str


def todos(user, today: datetime.date) -> list[Todo]:
    """USER's to-do counts, in the order the home page shows them."""
    roles = roles_in(user)
    found = []
    if reviewing_court_ids(user):
        found += _filing_division(user, today)
    if Role.JUDGE in roles:
        found += _judge(user, today)
    if roles & {Role.JUDGE, Role.PRESIDENT}:
        found.append(
            Todo("refusals", _("Refusals to decide"), refusals_to_decide(user).count(),
                 reverse("review:refusals"))
        )
    if Role.PRESIDENT in roles:
        found.append(
            Todo("extensions", _("Extension requests to decide"),
                 extension_requests_to_decide(user).count(),
                 reverse("deadlines:extension_requests"))
        )
    if relief_court_ids(user):
        found.append(
            Todo("fee_reliefs", _("Applications for fee relief to decide"),
                 reliefs_to_decide(user).count(), reverse("payments:reliefs"))
        )
    found += _mediation(user, roles)
    if roles & {Role.PRESIDENT, Role.DIVISION_HEAD}:
        unassigned = cases_visible_to(user).filter(state=CaseState.FILED, judge__isnull=True)
        found.append(
            Todo("unassigned", _("Cases without a judge"), unassigned.count(),
                 reverse("cases:list") + "?state=pending")
        )
    return found


def _filing_division(user, today) -> list[Todo]:
    answered = CorrectionNotice.objects.filter(answered_at__isnull=False).values("filing_id")
    submitted = Q(status=FilingStatus.SUBMITTED)
    counts = (
        filings_visible_to(user)
        .filter(court_id__in=reviewing_court_ids(user))
        .aggregate(
            open=Count("pk", filter=submitted | Q(status=FilingStatus.CORRECTION_REQUESTED)),
            due=Count("pk", filter=submitted & Q(review_due_on__lte=today)),
            answered=Count("pk", filter=submitted & Q(pk__in=answered)),
        )
    )
    queue = reverse("review:queue")
    return [
        Todo("to_review", _("Filings to review"), counts["open"], queue),
        Todo("due_today", _("Review due today or overdue"), counts["due"],
             f"{queue}?show=due"),
        Todo("answered", _("Corrections answered, back in review"), counts["answered"],
             f"{queue}?show=answered"),
    ]


def _mediation(user, roles) -> list[Todo]:
    """The filing division's mediations awaiting a mediator; a mediator's own to accept and
    under way. One query."""
    staff = bool(reviewing_court_ids(user))
    mediator = Role.MEDIATOR in roles
    if not (staff or mediator):
        return []
    S = MediationStatus
    awaiting = Q(status=S.AWAITING_APPOINTMENT,
                 court_id__in=mediation_staff_court_ids(user))
    mine = Q(mediator__user=user)
    counts = mediations_visible_to(user).aggregate(
        awaiting=Count("pk", filter=awaiting),
        to_accept=Count("pk", filter=mine & Q(status=S.APPOINTED)),
        going=Count("pk", filter=mine & Q(status=S.IN_PROGRESS)),
    )
    page = reverse("mediation:mediations")
    found = []
    if staff:
        found.append(Todo("mediations_awaiting", _("Mediations awaiting a mediator"),
                          counts["awaiting"], f"{page}?tab=awaiting"))
    if mediator:
        found += [
            Todo("mediations_to_accept", _("Mediations appointed to me, to accept"),
                 counts["to_accept"], f"{page}?tab=appointed"),
            Todo("mediations_going", _("My mediations under way"), counts["going"],
                 f"{page}?tab=in_progress"),
        ]
    return found


def _judge(user, today) -> list[Todo]:
    soon = today + datetime.timedelta(days=DUE_WITHIN_DAYS)
    counts = cases_visible_to(user).filter(judge=user).aggregate(
        due=Count("pk", filter=Q(time_limit__runs_until__lte=soon)),
        new=Count("pk", filter=Q(state=CaseState.ASSIGNED)),
    )
    mine = reverse("cases:list") + "?mine=on"
    return [
        Todo("due_30", _("My cases due within 30 days"), counts["due"], mine),
        Todo("assigned", _("Newly assigned to me, trial not started"), counts["new"], mine),
    ]
