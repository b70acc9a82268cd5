"""Reads of petitions shared by the pages, the API and the indicators.

Indicators (for a court and a period [start, end], by the day received / replied):
- `registered_proper`: petitions proper received, routed litigation matters excluded;
- `replied`: replies given in the period; `replied_in_time`: of those, given by the reply
  due date (extension included);
- `repeats`: petitions proper received in the period that repeat an earlier one;
- `counts` returns all four; `per_hundred(n, cases)` turns a count into one per 100
  cases (the case count is the indicators' business).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q

from tianping.lib.keyset import rows_page
from tianping.petitions.choices import OPEN, Status
from tianping.petitions.models import Petition, ReceptionDay
from tianping.petitions.permissions import petitions_visible_to

TABS = ("open", "overdue", "all")


def with_repeats(rows):
    return rows.annotate(n_earlier=Count("earlier", distinct=True))


def queue_page(user, tab: str, today: datetime.date, *, status: str = "", channel: str = "",
               q: str = "", after=None, size: int = 50):
    """The handler's queue: open petitions by their next due date (overdue first), or all
    petitions newest first."""
    rows = petitions_visible_to(user)
    if status in Status.values:
        rows = rows.filter(status=status)
    if channel:
        rows = rows.filter(channel=channel)
    if q:
        rows = rows.filter(Q(code=q.strip()) | Q(name__icontains=q.strip())
                           | Q(cases__number=q.strip())).distinct()
    rows = with_repeats(rows.select_related("court", "handler"))
    if tab == "all":
        return rows_page(rows, ("-registered_at", "-id"), after=after, size=size)
    rows = rows.filter(status__in=OPEN, due_on__isnull=False)
    if tab == "overdue":
        rows = rows.filter(due_on__lt=today)
    return rows_page(rows, ("due_on", "id"), after=after, size=size)


def mine(user):
    return with_repeats(Petition.objects.filter(petitioner=user)).order_by("-registered_at",
                                                                           "-id")


def case_petitions(user, case):
    """The petitions on CASE that USER reads: staff every one they see, a party theirs."""
    return with_repeats(petitions_visible_to(user).filter(cases=case)).order_by(
        "-registered_at", "-id")


def is_overdue(petition, today) -> bool:
    return bool(petition.due_on) and petition.status in OPEN and petition.due_on < today


def upcoming_receptions(court_ids=None, today=None):
    rows = ReceptionDay.objects.filter(day__gte=today or datetime.date.today())
    if court_ids is not None:
        rows = rows.filter(court_id__in=court_ids)
    return rows.select_related("court", "leader").annotate(
        n_booked=Count("bookings", filter=~Q(bookings__status="cancelled")))


def registered_proper(court, start: datetime.date, end: datetime.date) -> int:
    """Received in the period, routed litigation matters excluded (those not yet
    classified are counted: they are petitions until routed)."""
    return Petition.objects.filter(court=court, received_on__range=(start, end)).exclude(
        status=Status.ROUTED).count()


def replied(court, start, end) -> int:
    return Petition.objects.filter(court=court, replied_on__range=(start, end)).count()


def replied_in_time(court, start, end) -> int:
    return Petition.objects.filter(court=court, replied_on__range=(start, end),
                                   replied_on__lte=F("reply_due_on")).count()


def repeats(court, start, end) -> int:
    return (Petition.objects.filter(court=court, received_on__range=(start, end),
                                    earlier__isnull=False)
            .exclude(status=Status.ROUTED).values("pk").distinct().count())


def counts(court, start, end) -> dict:
    return {"registered": registered_proper(court, start, end),
            "replied": replied(court, start, end),
            "replied_in_time": replied_in_time(court, start, end),
            "repeats": repeats(court, start, end)}


def per_hundred(count: int, cases: int) -> Decimal | None:
    """COUNT per 100 cases, to two places (None when there are no cases)."""
    if not cases:
        return None
    return (Decimal(count) * 100 / Decimal(cases)).quantize(Decimal("0.01"), ROUND_HALF_UP)

