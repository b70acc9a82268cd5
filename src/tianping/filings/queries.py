"""Reads of filings through the permission choke point.

A filer sees their own filings. The filing division of a court sees the filings handed
in to it and those it takes in for other courts (跨域立案) — never someone else's draft.
Anything else, and anything missing, is the same 404.
"""

from django.db.models import Q
from django.http import Http404

from tianping.courts.permissions import FILING_ROLES, current_memberships
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing


def reviewing_court_ids(user) -> set[int]:
    return {m.court_id for m in current_memberships(user) if m.role in FILING_ROLES}


def filings_visible_to(user):
    if not getattr(user, "is_authenticated", False):
        return Filing.objects.none()
    if user.is_public_user:
        return Filing.objects.filter(filer=user)
    courts = reviewing_court_ids(user)
    handed_in = Q(court_id__in=courts) & ~Q(status=FilingStatus.DRAFT)
    taken_in = Q(assisting_court_id__in=courts)
    return Filing.objects.filter(handed_in | taken_in | Q(entered_by=user))


def get_filing_for_user(user, code: str) -> Filing:
    filing = (
        filings_visible_to(user)
        .select_related("court", "assisting_court", "filer", "cause")
        .filter(code=code)
        .first()
    )
    if filing is None:
        raise Http404("No such filing.")
    return filing


def review_queue(user, court):
    """Filings awaiting review at COURT: green channel first, then by the clock."""
    return (
        filings_visible_to(user)
        .filter(court=court)
        .open_for_review()
        .select_related("court", "filer")
        .prefetch_related("parties")
        .green_first()
    )
