"""The deadline sweep raises each warning once, even with several workers at once."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.utils import translation

from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.deadlines.models import CaseTimeLimit, TimeLimitWarning
from tianping.deadlines.sweep import sweep
from tianping.notifications.models import Notification

TODAY = datetime.date(2026, 6, 1)


def _case(demo, number, expires_in, state="assigned"):
    court = Court.objects.get(code="内2502")
    case = Case.objects.create(
        number=number,
        court=court,
        type_code="民初",
        procedure="ordinary",
        filed_on=TODAY - datetime.timedelta(days=150),
        judge=demo["wangjun"],
        division=court.divisions.get(name="民事审判第一庭"),
    )
    Case.objects.filter(pk=case.pk).update(state=state)
    CaseTimeLimit.objects.create(
        case=case,
        rule_code="civil-ordinary",
        starts_on=case.filed_on,
        expires_on=TODAY + datetime.timedelta(days=expires_in),
    )
    return case


@pytest.mark.django_db
def test_each_warning_is_raised_once_for_judge_and_division_head(demo):
    # given a case 10 days from expiry, one 40 days away and a closed one 5 days away
    near = _case(demo, "（2026）内2502民初1号", 10)
    _case(demo, "（2026）内2502民初2号", 40)
    _case(demo, "（2026）内2502民初3号", 5, state="closed")
    # when the sweep runs twice
    sweep(TODAY)
    sweep(TODAY)
    # then the near case has its 30- and 15-day warnings, once each
    assert sorted(TimeLimitWarning.objects.values_list("case_id", "threshold")) == [
        (near.pk, 15),
        (near.pk, 30),
    ]
    judge_notes = Notification.objects.filter(user=demo["wangjun"])
    assert judge_notes.count() == 2
    assert near.number in judge_notes.first().text
    assert Notification.objects.filter(user=demo["liuqiang"]).count() == 2


@pytest.mark.django_db
def test_an_overdue_case_gets_all_warnings_and_says_overdue(demo):
    _case(demo, "（2026）内2502民初4号", -3)
    with translation.override("en"):
        call_command("sweep-deadlines", "--today", TODAY.isoformat())
    assert TimeLimitWarning.objects.count() == 3
    assert "overdue" in Notification.objects.filter(user=demo["wangjun"]).first().text


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_workers_sweeping_at_once_notify_once(demo):
    for i in range(30):
        _case(demo, f"（2026）内2502民初{i + 10}号", 3)
    barrier = threading.Barrier(4)

    def worker():
        barrier.wait()
        try:
            sweep(TODAY)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert TimeLimitWarning.objects.count() == 30 * 3
    assert Notification.objects.filter(user=demo["wangjun"]).count() == 30 * 3
