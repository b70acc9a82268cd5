"""What the filing division reads, the same on its pages and in the API: the courts it
reviews for, a filing it may see, the review queue and its clock, the filings it took in
for other courts, the printable documents a filing has.

Reads start from `filings.queries` (the permission choke point): a filing is shown only
to the filing division of its court or of the court that took it in for it (跨域立案);
anyone else gets the same 404 as for a filing that does not exist.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from tianping.courts.models import Court
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.filings.permissions import (  # noqa: F401 (get_filing_for_clerk: pages, API)
    filings_visible_to,
    get_filing_for_clerk,
    get_filing_for_user,
    reviewing_court_ids,
)
from tianping.filings.queries import review_queue

QUEUE_PAGE_SIZE = 50
DOCUMENTS = ("acceptance-notice", "correction-notice", "refusal-ruling")


def reviewing_courts(user) -> list[Court]:
    courts = list(Court.objects.filter(pk__in=reviewing_court_ids(user)).order_by("code"))
    if not courts:
        raise PermissionDenied(_("Only the filing division of a court can do that."))
    return courts


def pick_court(courts: list[Court], code: str | None) -> Court:
    return next((c for c in courts if c.code == code), courts[0])


def clock_of(filing: Filing, today: datetime.date) -> tuple[int | None, str]:
    """Days left on the review clock and a flag: "soon", "overdue" (先行立案) or ""."""
    if filing.status != FilingStatus.SUBMITTED or filing.review_due_on is None:
        return None, ""
    left = (filing.review_due_on - today).days
    if left < 0:
        return left, "overdue"
    return left, "soon" if left <= settings.FILING_REVIEW_WARNING_DAYS else ""


def queue_queryset(user, court, *, status="", channel=""):
    """The review queue of COURT as a queryset: green channel first, then the earliest due."""
    rows = review_queue(user, court).select_related("assisting_court", "cause")
    rows = rows.prefetch_related("corrections")
    if status:
        rows = rows.filter(status=status)
    if channel:
        rows = rows.filter(channel=channel)
    return rows


def queue_rows(user, court, *, status="", channel="", today, page=None):
    """The review queue with its clock: green channel first, then the earliest due.

    With PAGE (a number), one page of QUEUE_PAGE_SIZE as a Page; without it, every row.
    """
    rows = queue_queryset(user, court, status=status, channel=channel)
    if page is not None:
        rows = Paginator(rows, QUEUE_PAGE_SIZE).get_page(page)
    for filing in rows if page is None else rows.object_list:
        filing.days_left, filing.flag = clock_of(filing, today)
    return rows


def taken_in_for_others(user, court):
    """Filings this court took in for other courts (跨域立案), newest first."""
    rows = filings_visible_to(user).filter(assisting_court=court)
    rows = rows.select_related("court", "assisting_court", "case").prefetch_related("parties")
    return rows.order_by("-created_at")


def status_changed(filing: Filing, seen: str | None) -> bool:
    """True when the filing is no longer in the state the clerk saw (another clerk acted)."""
    current = Filing.objects.filter(pk=filing.pk).values_list("status", flat=True).first()
    return current != (seen or filing.status)


def case_of(filing: Filing):
    """The case the filing became, or None."""
    try:
        return filing.case
    except Filing.case.RelatedObjectDoesNotExist:
        return None


def documents_of(filing: Filing) -> list[str]:
    """The printable documents the filing has: acceptance notice (受理通知书) once filed,
    correction notice (补正通知书) once one was issued, refusal ruling once refused."""
    present = {
        "acceptance-notice": case_of(filing) is not None,
        "correction-notice": filing.corrections.exists(),
        "refusal-ruling": filing.status == FilingStatus.REFUSED,
    }
    return [name for name in DOCUMENTS if present[name]]
