"""The calendars' query counts do not grow with the hearings of the week (bench/
calendar_service_vs_bare.py times them at 100,000 hearings): measured with one hearing,
then with many more (of other cases, held and scheduled, in the room and for the judge),
the count must not change; and the judge's week shows a hearing held (its bookings
released) as well as one scheduled, once each."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.hearings.models import Booking, Hearing
from tianping.hearings.queries import judge_week, monday_of
from tianping.hearings.tests.helpers import a_case, room

pytestmark = pytest.mark.django_db
MONDAY = monday_of(timezone.localdate()) + datetime.timedelta(days=7)


def add(judge, n: int, *, start: int = 0, status: str = "scheduled") -> list[Hearing]:
    place = room()
    made = []
    for i in range(start, start + n):
        case = a_case(judge)
        day = MONDAY + datetime.timedelta(days=i % 5)
        starts = timezone.make_aware(datetime.datetime.combine(
            day, datetime.time(8 + i // 5 % 10, 0)))
        hearing = Hearing.objects.create(
            case=case, starts_at=starts, ends_at=starts + datetime.timedelta(minutes=50),
            place_kind="courtroom", courtroom=place, scheduled_by=judge, status=status)
        active = status == "scheduled"
        Booking.objects.bulk_create([
            Booking(hearing=hearing, resource=key, label="x", starts_at=hearing.starts_at,
                    ends_at=hearing.ends_at, active=active)
            for key in (f"room:{place.pk}", f"user:{judge.pk}")])
        made.append(hearing)
    return made


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_calendars_take_the_same_queries_however_busy(judge, president):
    add(judge, 1)
    urls = [f"/hearings/rooms/{room().pk}/?week={MONDAY}",
            f"/hearings/judges/{judge.pk}/?week={MONDAY}"]
    counts = {}
    for who in (judge, president):
        client = Client()
        client.force_login(who)
        counts[who.pk] = [count(client, url) for url in urls]
    add(judge, 20, start=1)
    add(judge, 10, start=21, status="held")
    for who in (judge, president):
        client = Client()
        client.force_login(who)
        assert [count(client, url) for url in urls] == counts[who.pk]


def test_the_judges_week_shows_held_and_scheduled_once(judge):
    scheduled = add(judge, 2)
    held = add(judge, 1, start=2, status="held")
    found = judge_week(judge, MONDAY)
    assert sorted(h.pk for h in found) == sorted(h.pk for h in scheduled + held)
