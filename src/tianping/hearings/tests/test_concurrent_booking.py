"""Two hearings booked at the same moment for one room or one judge: one is scheduled, the
other refused naming the clash; PostgreSQL's exclusion constraint decides (the action's
own check cannot see the other's uncommitted booking). PostgreSQL only."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, connections

from tianping.cases.models import Case
from tianping.courts.models import Court, Membership
from tianping.hearings import actions
from tianping.hearings.models import Booking, Hearing
from tianping.hearings.tests.helpers import a_case, at, next_working_day, room

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]


def at_once(work, count=2) -> list[str]:
    barrier = threading.Barrier(count)
    outcomes = []

    def run(i):
        barrier.wait()
        try:
            work(i)
            outcomes.append("done")
        except ValidationError as exc:
            outcomes.append("refused: " + " ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_judges_booking_one_room_at_the_same_moment(demo):
    other = get_user_model().objects.create_user("judge2", kind="staff", full_name="包青")
    Membership.objects.create(user=other, court=Court.objects.get(code="内2502"), role="judge")
    cases = [a_case(demo["wangjun"]), a_case(other)]
    day = next_working_day(3)

    def work(i):
        case = Case.objects.get(pk=cases[i].pk)
        actions.schedule(case, actor=case.judge, starts_at=at(day, 9), ends_at=at(day, 11),
                         place_kind="courtroom", courtroom=room())

    outcomes = at_once(work)

    assert outcomes[0] == "done"
    assert outcomes[1].startswith("refused") and "第一审判庭" in outcomes[1]
    assert Hearing.objects.filter(case__in=cases).count() == 1
    assert Booking.objects.filter(resource=f"room:{room().pk}", active=True).count() == 1


def test_one_judge_booked_in_two_rooms_at_the_same_moment(demo):
    judge = demo["wangjun"]
    cases = [a_case(judge), a_case(judge)]
    rooms = [room(), room("第二审判庭")]
    day = next_working_day(3)

    def work(i):
        actions.schedule(Case.objects.get(pk=cases[i].pk), actor=judge, starts_at=at(day, 9),
                         ends_at=at(day, 11), place_kind="courtroom", courtroom=rooms[i])

    outcomes = at_once(work)

    assert outcomes[0] == "done"
    assert outcomes[1].startswith("refused") and "王军" in outcomes[1]
    assert Booking.objects.filter(resource=f"user:{judge.pk}", active=True).count() == 1


def test_the_database_itself_refuses_an_overlapping_booking(demo):
    from django.db import IntegrityError, transaction

    judge = demo["wangjun"]
    day = next_working_day(3)
    hearing = actions.schedule(a_case(judge), actor=judge, starts_at=at(day, 9),
                               ends_at=at(day, 11), place_kind="online",
                               link="https://meet.example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(hearing=hearing, resource="room:999999", label="x",
                               starts_at=at(day, 9), ends_at=at(day, 10))
        Booking.objects.create(hearing=actions.schedule(
            a_case(judge), actor=judge, starts_at=at(day, 12), ends_at=at(day, 13),
            place_kind="online", link="https://meet.example.org/b"),
            resource="room:999999", label="y", starts_at=at(day, 9, 30), ends_at=at(day, 12))
