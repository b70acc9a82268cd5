"""What the pages and the API both read: a case's hearings, the week of a courtroom or a
judge, the public notice board. A few queries each, however many hearings."""

import datetime
from collections import defaultdict

from django.utils import timezone

from tianping.cases.models import CaseParty
from tianping.hearings.choices import HearingStatus
from tianping.hearings.models import Hearing
from tianping.hearings.permissions import visible_case_ids
from tianping.lib.keyset import rows_page

ON_CALENDAR = (HearingStatus.SCHEDULED, HearingStatus.HELD)
NOTICE_DAYS = 30


def case_hearings(case):
    return list(case.hearings.select_related("courtroom", "postponed_to")
                .order_by("starts_at", "id"))


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _week_bounds(monday: datetime.date):
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    return start, start + datetime.timedelta(days=7)


def courtroom_week(room, monday: datetime.date):
    start, end = _week_bounds(monday)
    return list(Hearing.objects.filter(courtroom=room, status__in=ON_CALENDAR,
                                       starts_at__gte=start, starts_at__lt=end)
                .select_related("case", "courtroom").order_by("starts_at", "id"))


def judge_week(judge, monday: datetime.date):
    start, end = _week_bounds(monday)
    # A person is booked once per hearing (`booking_once`: no DISTINCT needed), and a
    # booking has its hearing's times, kept after it is released (held, postponed,
    # cancelled): the filter on the week's bookings reads the index `booking_resource_time`.
    return list(Hearing.objects.filter(bookings__resource=f"user:{judge.pk}",
                                       bookings__starts_at__gte=start,
                                       bookings__starts_at__lt=end,
                                       status__in=ON_CALENDAR, starts_at__gte=start,
                                       starts_at__lt=end)
                .select_related("case", "courtroom").order_by("starts_at", "id"))


def week_days(hearings, monday: datetime.date, viewer) -> list[dict]:
    """Seven days, each with its hearings; the case shown only to those who see it."""
    seen = visible_case_ids(viewer, [h.case_id for h in hearings])
    by_day = defaultdict(list)
    for h in hearings:
        h.case_visible = h.case_id in seen
        by_day[timezone.localtime(h.starts_at).date()].append(h)
    days = [monday + datetime.timedelta(days=i) for i in range(7)]
    return [{"day": day, "hearings": by_day.get(day, [])} for day in days]


def public_hearings(*, after: str | None = None, size: int = 50, now=None):
    """Public hearings of the next 30 days for the notice board (开庭公告), a keyset page."""
    now = now or timezone.now()
    rows = (Hearing.objects.filter(status=HearingStatus.SCHEDULED, is_public=True,
                                   starts_at__gte=now,
                                   starts_at__lt=now + datetime.timedelta(days=NOTICE_DAYS))
            .select_related("case", "case__court", "case__cause", "courtroom"))
    page = rows_page(rows, ("starts_at", "id"), after=after, size=size)
    names = party_names([h.case_id for h in page.items])
    for h in page.items:
        h.party_names = names.get(h.case_id, [])
    return page


def party_names(case_ids) -> dict[int, list[tuple[str, str]]]:
    """Each case's parties as (role, name), in order: names only, never an identity
    number (a hearing announcement names the parties)."""
    found = defaultdict(list)
    for case_id, role, name in (CaseParty.objects.filter(case_id__in=set(case_ids))
                                .order_by("case_id", "position", "id")
                                .values_list("case_id", "role", "name")):
        found[case_id].append((role, name))
    return found
