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
from django.db.models import F, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.courts.models import Court
from tianping.courts.permissions import current_memberships
from tianping.filings.choices import FilingKind, FilingStatus
from tianping.filings.models import CorrectionNotice, Filing, FilingParty
from tianping.filings.permissions import (  # noqa: F401 (get_filing_for_clerk: pages, API)
    filings_visible_to,
    get_filing_for_clerk,
    get_filing_for_user,
    reviewing_court_ids,
)
from tianping.filings.queries import review_queue
from tianping.lib.html_rows import cell, rows_html
from tianping.lib.labels import labels_of
from tianping.lib.masking import mask_id_number

QUEUE_PAGE_SIZE = 50
DOCUMENTS = ("acceptance-notice", "response-notice", "correction-notice", "refusal-ruling")


def reviewing_courts(user) -> list[Court]:
    """The courts whose filing division USER belongs to, by code: those of the memberships
    read for the request (with their courts), no further query."""
    ids = reviewing_court_ids(user)
    held = {m.court_id: m.court for m in current_memberships(user) if m.court_id in ids}
    courts = sorted(held.values(), key=lambda court: court.code)
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
    return _clock(filing.status, filing.review_due_on, today)


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


# What a row of the queue shows, read as plain values (no model objects, no prefetch):
# the queue's ordering fields among them, so that the next page's token comes from the
# last row. Small tables through LEFT JOINs (three, cheap to plan).
QUEUE_FIELDS = (
    "id", "code", "status", "kind", "channel", "priority", "submitted_at", "review_due_on",
    "amount", "is_livelihood", "is_enterprise", "is_migrant_wages", "assisting_court_id",
    "service_point_id", "cause_id",
)  # fmt: skip
QUEUE_RELATED = {
    "assisting_court_code": F("assisting_court__code"),
    "assisting_court_name": F("assisting_court__name"),
    "service_point_name": F("service_point__name"),
    "cause_name": F("cause__name"),
}


def queue_values(rows):
    """ROWS of `queue_queryset` as plain value rows (dicts)."""
    return rows.select_related(None).prefetch_related(None).values(*QUEUE_FIELDS, **QUEUE_RELATED)


def queue_details(rows: list[dict], today: datetime.date) -> list[dict]:
    """ROWS of `queue_values` with what the queue shows besides, in two queries however
    many rows: `parties` (each a dict of role, kind, name, doc_type, masked number, in
    their order), `notice` (the latest correction notice's issued_at and respond_by, for a
    filing waiting for corrections; else None), and the clock (`days_left`, `flag`)."""
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        row["parties"], row["notice"] = [], None
    wanted = list(by_id) or [-1]
    parties = FilingParty.objects.filter(filing_id__in=wanted)
    parties = parties.order_by("filing_id", "position", "id")
    for party in parties.values("filing_id", "role", "kind", "name", "doc_type", "id_number"):
        party["id_number_masked"] = mask_id_number(party.pop("id_number"))
        by_id[party.pop("filing_id")]["parties"].append(party)
    waiting = [row["id"] for row in rows if row["status"] == FilingStatus.CORRECTION_REQUESTED]
    notices = CorrectionNotice.objects.filter(filing_id__in=waiting or [-1])
    for notice in notices.order_by("filing_id", "-issued_at").values(
        "filing_id", "issued_at", "respond_by"
    ):  # the latest first
        row = by_id[notice["filing_id"]]
        row["notice"] = row["notice"] or notice
    for row in rows:
        row["days_left"], row["flag"] = _clock(row["status"], row["review_due_on"], today)
    return rows


def _clock(status, due, today) -> tuple[int | None, str]:
    if status != FilingStatus.SUBMITTED or due is None:
        return None, ""
    left = (due - today).days
    if left < 0:
        return left, "overdue"
    return left, "soon" if left <= settings.FILING_REVIEW_WARNING_DAYS else ""


def queue_rows(user, court, *, status="", channel="", search="", show="", today, page=None):
    """The review queue with its clock, as value rows (`queue_values`, `queue_details`):
    green channel first, then the earliest due.

    With PAGE (a number), one page of QUEUE_PAGE_SIZE as a Page; without it, every row.
    """
    rows = queue_values(
        queue_queryset(
            user, court, status=status, channel=channel, search=search, show=show, today=today
        )
    )
    if page is None:
        return queue_details(list(rows), today)
    page = Paginator(rows, QUEUE_PAGE_SIZE).get_page(page)
    page.object_list = queue_details(list(page.object_list), today)
    return page


GREEN_BADGES = (
    ("is_livelihood", gettext_lazy("Green channel: livelihood (民生)")),
    ("is_enterprise", gettext_lazy("Green channel: enterprise (涉企)")),
    ("is_migrant_wages", gettext_lazy("Green channel: migrant workers' wages (农民工工资)")),
)
FLAGS = {
    "overdue": ("flag-overdue", gettext_lazy("Overdue: file first (先行立案)")),
    "soon": ("flag-soon", gettext_lazy("Due soon")),
}


# A row of the queue page: written once per page, in Python (lib/html_rows.py), not by
# the template once per cell. Its cells are escaped by `cell`, or are our own labels.
QUEUE_ROW = (
    '<tr class="{css}">\n<td><a href="{url}"><strong>{code}</strong></a>{badges}</td>\n'
    '<td data-label="{h_received}" class="nowrap">{day}<br class="wide-only"> {time}</td>\n'
    '<td data-label="{h_kind}">{kind}</td>\n<td data-label="{h_cause}">{cause}</td>\n'
    '<td data-label="{h_amount}" class="nowrap num">{amount}</td>\n'
    '<td data-label="{h_channel}">{channel}</td>\n<td data-label="{h_parties}">{parties}</td>\n'
    '<td data-label="{h_due}"><span class="nowrap">{due}</span>{days}{flag}</td>\n</tr>\n'
)


def queue_rows_html(rows) -> str:
    """The queue page's rows (those of `queue_rows`) as HTML: labels in the reader's
    language, local times, the link, the badges and the flag."""
    link = reverse("review:detail", args=["CODE"]).replace("CODE", "{}")
    # our own labels, shown as the templates' {% translate %} shows them (not escaped)
    green = [
        (flag, f' <span class="badge green-channel">{text}</span>') for flag, text in GREEN_BADGES
    ]
    flags = {
        name: f'<br><span class="badge {css}">{text}</span>' for name, (css, text) in FLAGS.items()
    }
    kinds, channels = labels_of(Filing, "kind"), labels_of(Filing, "channel")
    roles = labels_of(FilingParty, "role")
    headings = {
        "h_received": cell(_("Received at")),
        "h_kind": cell(_("Kind")),
        "h_cause": cell(_("Cause of action (案由)")),
        "h_amount": cell(_("Amount claimed")),
        "h_channel": cell(_("Channel")),
        "h_parties": cell(_("Parties")),
        "h_due": cell(_("Review due")),
    }

    def cells(row) -> dict:
        badges = "".join(text for flag, text in green if row[flag])
        if row["assisting_court_id"]:
            cross = _("Cross-region from %(court)s") % {"court": cell(row["assisting_court_name"])}
            badges += f' <span class="badge cross-region">{cross}</span>'
        at = timezone.localtime(row["submitted_at"]) if row["submitted_at"] else None
        due = row["review_due_on"].isoformat() if row["review_due_on"] else "—"
        flag = flags.get(row["flag"], "")
        if row["status"] == FilingStatus.CORRECTION_REQUESTED:
            notice = row["notice"]
            paused = timezone.localdate(notice["issued_at"]) if notice else None
            due = _("Paused since %(day)s") % {"day": paused.isoformat()} if paused else "—"
            text = cell(_("Waiting for corrections"))
            if notice:
                text += " · " + _("by %(day)s") % {"day": notice["respond_by"].isoformat()}
            flag = f'<br><span class="badge flag-waiting">{text}</span>'
        left = row["days_left"]
        days = ""
        if left is not None:
            # the same words as the lists of cases (lib/time_left.py): "2 days left"
            if left < 0:
                text = _("%(n)d days overdue") % {"n": -left}
                text = f'<strong class="overdue-text">{text}</strong>'
            else:
                text = _("%(n)d days left") % {"n": left}
            days = f'<br><span class="muted nowrap">{text}</span>'
        parties = "、".join(
            f'<span title="{cell(roles.get(p["role"], p["role"]))}">{cell(p["name"], "")}</span>'
            for p in row["parties"]
        )
        is_green = row["is_livelihood"] or row["is_enterprise"] or row["is_migrant_wages"]
        return {
            "css": "row-overdue" if row["flag"] == "overdue" else "row-green" if is_green else "",
            "url": cell(link.format(row["code"])),
            "code": cell(row["code"]),
            "badges": badges,
            "day": f"{at:%Y-%m-%d}" if at else "",
            "time": f"{at:%H:%M}" if at else "",
            "kind": cell(kinds.get(row["kind"], row["kind"]), ""),
            "cause": cell(row["cause_name"]),
            "amount": cell(yuan(row["amount"])),
            "channel": cell(channels.get(row["channel"], row["channel"]), ""),
            "parties": parties or '<span class="muted">—</span>',
            "due": cell(due),
            "days": days,
            "flag": flag,
        }

    return rows_html(QUEUE_ROW, (cells(row) for row in rows), **headings)


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
