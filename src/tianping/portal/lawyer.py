"""A lawyer's desk (律师工作台): the filings and cases the lawyer represents, with their
parties, cause and client, a search by number or party, and the dates to watch across
them (answer a correction notice by, the court's review due by, the trial time limit).

Only through the permission modules (`filings_visible_to`, `cases_visible_to`): a lawyer
sees what they filed and the cases where they are an agent, nothing else.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tianping.cases.choices import PENDING_STATES
from tianping.cases.models import CaseRepresentative
from tianping.cases.permissions import cases_visible_to
from tianping.filings.choices import CLAIMANT_ROLES, OPPONENT_ROLES
from tianping.filings.choices import FilingStatus as S
from tianping.filings.models import FilingRepresentative
from tianping.filings.permissions import filings_visible_to
from tianping.lib.names import local_name

UNDER_REVIEW = (S.SUBMITTED, S.AT_ASSISTING_COURT)
MAX_ROWS = 200


@dataclass(frozen=True)
class Row:
    kind: str  # "filing" or "case"
    reference: str  # the case number, or the filing's code
    url: str
    court: str
    status: str
    cause: str
    claimants: list
    opponents: list
    clients: list


@dataclass(frozen=True)
class Deadline:
    on: datetime.date
    what: str
    reference: str
    url: str
    clients: list


def is_lawyer(user) -> bool:
    """A verified lawyer: the account is a lawyer's and holds a lawyer's profile."""
    return user.kind == "lawyer" and hasattr(user, "lawyer_profile")


def _licence(user) -> str:
    return getattr(getattr(user, "lawyer_profile", None), "licence_number", "")


def _mine(rep, user) -> bool:
    licence = _licence(user)
    return rep.user_id == user.pk or bool(licence and rep.licence_number == licence)


def _names(parties, roles) -> list[str]:
    return [p.name for p in parties if p.role in roles]


def _clients(parties, reps, user) -> list[str]:
    """The parties this lawyer represents; for a filing without a named agent, the
    claimants (the lawyer filed for them)."""
    ids = {r.party_id for r in reps if _mine(r, user)}
    return [p.name for p in parties if p.pk in ids] or _names(parties, CLAIMANT_ROLES)


def filings_of(user, q: str = ""):
    found = (
        filings_visible_to(user)
        .exclude(status__in=(S.ACCEPTED, S.DRAFT))
        .select_related("court", "cause")
        .prefetch_related(
            "parties",
            Prefetch("representatives", queryset=FilingRepresentative.objects.all()),
            "corrections",
        )
        .order_by("-submitted_at")
    )
    if q:
        found = found.filter(Q(code__iexact=q) | Q(parties__name__icontains=q)).distinct()
    return list(found[:MAX_ROWS])


def cases_of(user, q: str = ""):
    found = (
        cases_visible_to(user)
        .select_related("court", "cause", "time_limit", "judge")
        .prefetch_related(
            "parties",
            Prefetch("representatives", queryset=CaseRepresentative.objects.all()),
        )
        .order_by("-filed_on", "-pk")
    )
    if q:
        found = found.filter(
            Q(number__icontains=q) | Q(code__iexact=q) | Q(parties__name__icontains=q)
        ).distinct()
    return list(found[:MAX_ROWS])


def desk(user, q: str = "") -> dict:
    """The rows and the deadlines of the lawyer's desk, filtered by Q (number or party)."""
    q = (q or "").strip()[:100]
    rows, deadlines = [], []
    for f in filings_of(user, q):
        parties, reps = list(f.parties.all()), list(f.representatives.all())
        url = reverse("online:detail", args=[f.code])
        clients = _clients(parties, reps, user)
        rows.append(Row("filing", f.code, url, local_name(f.court), f.get_status_display(),
                        getattr(f.cause, "name", ""), _names(parties, CLAIMANT_ROLES),
                        _names(parties, OPPONENT_ROLES), clients))
        notice = next((n for n in f.corrections.all() if n.answered_at is None), None)
        if f.status == S.CORRECTION_REQUESTED and notice is not None:
            deadlines.append(Deadline(notice.respond_by, _("Answer the correction notice by"),
                                      f.code, url, clients))
        elif f.status in UNDER_REVIEW and f.review_due_on:
            deadlines.append(Deadline(f.review_due_on, _("The court decides on filing by"),
                                      f.code, url, clients))
    for c in cases_of(user, q):
        parties, reps = list(c.parties.all()), list(c.representatives.all())
        url = reverse("party_cases:detail", args=[c.code])
        clients = _clients(parties, reps, user)
        rows.append(Row("case", c.number, url, local_name(c.court), c.get_state_display(),
                        getattr(c.cause, "name", ""), _names(parties, CLAIMANT_ROLES),
                        _names(parties, OPPONENT_ROLES), clients))
        limit = getattr(c, "time_limit", None)
        if c.state in PENDING_STATES and limit is not None and limit.suspended_since is None:
            deadlines.append(Deadline(limit.expires_on, _("Trial time limit ends"),
                                      c.number, url, clients))
    deadlines.sort(key=lambda d: d.on)
    return {"rows": rows, "deadlines": deadlines, "q": q}
