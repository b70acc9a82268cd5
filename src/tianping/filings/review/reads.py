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
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.courts.models import Court
from tianping.filings.choices import FilingKind, FilingStatus
from tianping.filings.models import CorrectionNotice, Filing, FilingParty
from tianping.filings.permissions import (  # noqa: F401 (get_filing_for_clerk: pages, API)
    filings_visible_to,
    get_filing_for_clerk,
    get_filing_for_user,
    reviewing_court_ids,
)
from tianping.filings.queries import review_queue
from tianping.lib.labels import label

QUEUE_PAGE_SIZE = 50
DOCUMENTS = ("acceptance-notice", "response-notice", "correction-notice", "refusal-ruling")


def reviewing_courts(user) -> list[Court]:
    courts = list(Court.objects.filter(pk__in=reviewing_court_ids(user)).order_by("code"))
    if not courts:
        raise PermissionDenied(_("Only the filing division of a court can do that."))
    return courts


def pick_court(courts: list[Court], code: str | None) -> Court:
    return next((c for c in courts if c.code == code), courts[0])


def paused_on(filing: Filing) -> datetime.date | None:
    """The day the review clock stopped (the latest correction notice), while it waits for
    corrections; None while it runs."""
    if filing.status != FilingStatus.CORRECTION_REQUESTED:
        return None
    notices = filing.corrections.all()  # prefetched on the queue
    return timezone.localdate(notices[0].issued_at) if notices else None


def yuan(amount) -> str:
    """An amount as the pages show it: thousands separated, two decimals, 元."""
    if amount is None:
        return "—"
    return _("%(fee)s yuan") % {"fee": f"{amount:,.2f}"}


def clock_of(filing: Filing, today: datetime.date) -> tuple[int | None, str]:
    """Days left on the review clock and a flag: "soon", "overdue" (先行立案) or ""."""
    if filing.status != FilingStatus.SUBMITTED or filing.review_due_on is None:
        return None, ""
    left = (filing.review_due_on - today).days
    if left < 0:
        return left, "overdue"
    return left, "soon" if left <= settings.FILING_REVIEW_WARNING_DAYS else ""


def queue_queryset(user, court, *, status="", channel="", search="", show="", today=None):
    """The review queue of COURT as a queryset: green channel first, then the earliest due,
    with what every row shows (the page adds the correction notices its flags read).
    SEARCH: a receipt number (whole, any case) or part of a party's name. SHOW: "due" (the
    clock runs out TODAY or ran out), "answered" (corrections answered, back in review)."""
    rows = review_queue(user, court).select_related("assisting_court", "service_point", "cause")
    search = (search or "").strip()
    if search:
        named = FilingParty.objects.filter(name__icontains=search).values("filing_id")
        rows = rows.filter(Q(code__iexact=search) | Q(pk__in=named))
    if show == "due":
        rows = rows.filter(status=FilingStatus.SUBMITTED, review_due_on__lte=today)
    elif show == "answered":
        answered = CorrectionNotice.objects.filter(answered_at__isnull=False)
        rows = rows.filter(status=FilingStatus.SUBMITTED, pk__in=answered.values("filing_id"))
    if status:
        rows = rows.filter(status=status)
    if channel:
        rows = rows.filter(channel=channel)
    return rows


def queue_rows(user, court, *, status="", channel="", search="", show="", today, page=None):
    """The review queue with its clock: green channel first, then the earliest due.

    With PAGE (a number), one page of QUEUE_PAGE_SIZE as a Page; without it, every row.
    """
    rows = queue_queryset(
        user, court, status=status, channel=channel, search=search, show=show, today=today
    )
    rows = rows.prefetch_related("corrections")
    if page is not None:
        rows = Paginator(rows, QUEUE_PAGE_SIZE).get_page(page)
    shown = rows if page is None else rows.object_list
    for filing in shown:
        filing.days_left, filing.flag = clock_of(filing, today)
    return rows


GREEN_BADGES = (
    ("is_livelihood", gettext_lazy("Green channel: livelihood (民生)")),
    ("is_enterprise", gettext_lazy("Green channel: enterprise (涉企)")),
    ("is_migrant_wages", gettext_lazy("Green channel: migrant workers' wages (农民工工资)")),
)
FLAGS = {
    "overdue": ("flag-overdue", gettext_lazy("Overdue: file first (先行立案)")),
    "soon": ("flag-soon", gettext_lazy("Due soon")),
}


def queue_display(filings) -> None:
    """What each row of the queue page shows, worked out here once per page rather than
    by the template once per row (labels in the reader's language, local times, the link,
    the badges and the flag): the queue page's template only places them."""
    link = reverse("review:detail", args=["CODE"]).replace("CODE", "{}")
    # our own labels, shown as the templates' {% translate %} shows them (not escaped)
    green = [(flag, mark_safe(str(text))) for flag, text in GREEN_BADGES]
    flags = {name: (css, mark_safe(str(text))) for name, (css, text) in FLAGS.items()}
    waiting = _("Waiting for corrections")
    for filing in filings:
        filing.url = link.format(filing.code)
        filing.badges = [label for flag, label in green if getattr(filing, flag)]
        if filing.assisting_court_id:
            filing.badges_cross = mark_safe(
                _("Cross-region from %(court)s")
                % {"court": conditional_escape(filing.assisting_court.name)}
            )
        at = timezone.localtime(filing.submitted_at) if filing.submitted_at else None
        filing.received = (f"{at:%Y-%m-%d}", f"{at:%H:%M}") if at else ("", "")
        filing.kind_label = label(filing, "kind")
        filing.channel_label = label(filing, "channel")
        filing.party_list = [(p.name, label(p, "role")) for p in filing.parties.all()]
        filing.due = filing.review_due_on.isoformat() if filing.review_due_on else "—"
        filing.cause_name = filing.cause.name if filing.cause_id else "—"
        filing.amount_text = yuan(filing.amount)
        if filing.status == FilingStatus.CORRECTION_REQUESTED:
            notices = filing.corrections.all()
            day = paused_on(filing)
            filing.due = _("Paused since %(day)s") % {"day": day.isoformat()} if day else "—"
            text = waiting
            if notices:
                text += " · " + _("by %(day)s") % {"day": notices[0].respond_by.isoformat()}
            filing.flag_badge = ("flag-waiting", mark_safe(text))
        else:
            filing.flag_badge = flags.get(filing.flag)


def taken_in_for_others(user, court):
    """Filings this court took in for other courts (跨域立案), newest first."""
    rows = filings_visible_to(user).filter(assisting_court=court)
    rows = rows.select_related("court", "assisting_court", "service_point", "case")
    rows = rows.prefetch_related("parties")
    return rows.order_by("-created_at")


def reviews_or_forwards(user, code: str) -> bool:
    """Whether USER sees the filing CODE as its filing division (or the assisting one)."""
    try:
        get_filing_for_clerk(user, code)
    except Http404:
        return False
    return True


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


def latest_refusal(filing: Filing):
    """The filing's latest proposal to refuse (waiting or decided), or None."""
    return filing.refusals.select_related("proposed_by", "decided_by").first()


def documents_of(filing: Filing) -> list[str]:
    """The printable documents the filing has: acceptance notice (受理通知书) and the
    defendants' notice to respond (应诉通知书) once a civil complaint is filed (民事诉讼法
    art. 128; other kinds have their own), correction notice (补正通知书) once one was
    issued, refusal ruling once refused."""
    present = {
        "acceptance-notice": case_of(filing) is not None,
        "response-notice": case_of(filing) is not None and filing.kind == FilingKind.CIVIL,
        "correction-notice": filing.corrections.exists(),
        "refusal-ruling": filing.status == FilingStatus.REFUSED,
    }
    return [name for name in DOCUMENTS if present[name]]
