"""The deadline sweep raises each warning once, even with several workers at once."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings
from django.utils import translation
from django_tasks import TaskResultStatus

from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.deadlines.models import CaseTimeLimit, TimeLimitWarning
from tianping.deadlines.sweep import sweep
from tianping.deadlines.tasks import sweep_deadlines
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
    assert near.number in judge_notes.first().message
    assert Notification.objects.filter(user=demo["liuqiang"]).count() == 2


@pytest.mark.django_db
def test_an_overdue_case_gets_all_warnings_and_says_overdue(demo):
    _case(demo, "（2026）内2502民初4号", -3)
    with translation.override("en"):
        call_command("sweep-deadlines", "--today", TODAY.isoformat())
    assert TimeLimitWarning.objects.count() == 3
    assert "overdue" in Notification.objects.filter(user=demo["wangjun"]).first().message


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_workers_sweeping_at_once_notify_once(demo, monkeypatch):
    monkeypatch.setattr("tianping.deadlines.sweep.BATCH", 7)  # many batches, interleaved
    for i in range(30):
        _case(demo, f"（2026）内2502民初{i + 10}号", 3)
    barrier = threading.Barrier(4)
    raised = []

    def worker():
        barrier.wait()
        try:
            raised.append(sweep(TODAY))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert TimeLimitWarning.objects.count() == 30 * 3
    assert sum(raised) == 30 * 3  # each warning counted by the one worker that inserted it
    assert Notification.objects.filter(user=demo["wangjun"]).count() == 30 * 3


@pytest.mark.django_db
def test_a_second_sweep_finds_nothing_new_in_one_query(demo, django_assert_max_num_queries):
    for i in range(20):
        _case(demo, f"（2026）内2502民初{i + 100}号", i * 3 - 10)
    _case(demo, "（2026）内2502民初200号", 2, state="closed")
    suspended = _case(demo, "（2026）内2502民初201号", 2)
    CaseTimeLimit.objects.filter(case=suspended).update(suspended_since=TODAY)
    raised = sweep(TODAY)
    # 30 days: 14 cases (-10 to 29 days left); 15 days: 9; 7 days: 6
    assert raised == TimeLimitWarning.objects.count() == 14 + 9 + 6
    messages = Notification.objects.count()
    assert messages == raised * 2  # the judge and the division head

    with django_assert_max_num_queries(1):
        assert sweep(TODAY) == 0
    assert TimeLimitWarning.objects.count() == raised
    assert Notification.objects.count() == messages


@pytest.mark.django_db
def test_a_case_whose_expiry_moved_is_warned_again_for_the_new_date(demo):
    case = _case(demo, "（2026）内2502民初300号", 10)
    assert sweep(TODAY) == 2  # 30 and 15 days
    moved = TODAY + datetime.timedelta(days=20)
    CaseTimeLimit.objects.filter(case=case).update(expires_on=moved)  # e.g. an extension

    assert sweep(TODAY) == 1  # 30 days, for the new date
    assert sweep(TODAY) == 0
    assert sorted(
        TimeLimitWarning.objects.filter(expires_on=moved).values_list("threshold", flat=True)
    ) == [30]
    judge_notes = Notification.objects.filter(user=demo["wangjun"])
    assert judge_notes.count() == 3
    assert str(moved) in judge_notes.first().message
    assert "20 days left" in judge_notes.first().message


@pytest.mark.django_db
def test_enqueuing_the_sweep_task_runs_it(demo):
    _case(demo, "（2026）内2502民初400号", 5)
    result = sweep_deadlines.enqueue(TODAY.isoformat())
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    assert result.return_value == 3
    assert TimeLimitWarning.objects.count() == 3
    # the command queues it the same way (here the test backend runs it at once)
    _case(demo, "（2026）内2502民初401号", 5)
    with translation.override("en"):
        call_command("sweep-deadlines", "--today", TODAY.isoformat(), "--enqueue")
    assert TimeLimitWarning.objects.count() == 6


@pytest.mark.django_db(transaction=True)
def test_a_database_worker_runs_the_queued_sweep(demo):
    from django_tasks_db.models import DBTaskResult

    _case(demo, "（2026）内2502民初500号", 5)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        call_command("sweep-deadlines", "--today", TODAY.isoformat(), "--enqueue")
        assert TimeLimitWarning.objects.count() == 0  # queued, not run
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert TimeLimitWarning.objects.count() == 3
    tasks = {t.task_path.rsplit(".", 1)[-1]: t for t in DBTaskResult.objects.all()}
    # every clock's sweep: time limits, mediation clocks, supervision replies
    assert set(tasks) == {"sweep_deadlines", "sweep_mediation_clocks",
                          "sweep_supervision_replies"}
    assert all(t.status == TaskResultStatus.SUCCESSFUL for t in tasks.values())
    assert tasks["sweep_deadlines"].return_value == 3


@pytest.mark.django_db
def test_a_limit_taken_on_weekends_only_is_computed_again_once_its_year_is_published(
    demo, django_capture_on_commit_callbacks
):
    """A case filed before the next year's holiday schedule exists has its expiry computed
    with weekends only, flagged. When the schedule is entered and the year marked covered,
    the limit is computed again as that commits: a holiday on the old expiry moves it, on
    the timeline, by the platform."""
    from tianping.courts.models import CalendarDay, CoveredYear
    from tianping.deadlines.actions import recompute_provisional, refresh_time_limit

    case = _case(demo, "（2026）内2502民初4号", 0)
    Case.objects.filter(pk=case.pk).update(filed_on=datetime.date(2031, 1, 6))
    case.refresh_from_db()
    CaseTimeLimit.objects.filter(case=case).delete()
    limit = refresh_time_limit(case, actor=demo["lixia"], why="filed")
    assert limit.expires_on == datetime.date(2031, 7, 7)  # six months on: Monday 2031-07-07
    assert limit.provisional_year == 2031
    limit.refresh_from_db()
    assert limit.expires_on == datetime.date(2031, 7, 7) and limit.provisional_year == 2031

    # the 2031 schedule arrives, with (for the test) 7 and 8 July as rest days
    for day in (7, 8):
        CalendarDay.objects.create(day=datetime.date(2031, 7, day), is_rest_day=True,
                                   name="测试假日")
    with django_capture_on_commit_callbacks(execute=True):
        CoveredYear.objects.create(year=2031, source="国务院办公厅关于2031年部分节假日安排的通知")
    limit.refresh_from_db()
    assert limit.expires_on == datetime.date(2031, 7, 9) and limit.provisional_year is None
    event = case.events.filter(kind="time_limit_set").last()
    assert event.details["why"] == "holiday schedule" and event.actor is None
    assert event.details["expires_on"] == "2031-07-09"
    recompute_provisional()  # once only
    assert case.events.filter(kind="time_limit_set").count() == 2
