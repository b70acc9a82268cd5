"""The filing and case timelines are append-only: through the model, its queryset and SQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from tianping.audit.maintenance import allow_purge, rewriting
from tianping.cases.actions import start_trial
from tianping.cases.models import CaseEvent
from tianping.filings.models import FilingEvent
from tianping.lib.timeline import AppendOnlyError

pytestmark = pytest.mark.django_db

TIMELINES = {
    "filing": (FilingEvent, "filing", "filings_filingevent"),
    "case": (CaseEvent, "case", "cases_caseevent"),
}


@pytest.fixture(params=sorted(TIMELINES))
def timeline(request, filed):
    model, owner_field, table = TIMELINES[request.param]
    owner = filed[owner_field]
    assert owner.events.count() >= 2
    return model, owner, table


def _history(owner):
    return [(e.pk, e.seq, e.kind, e.at, e.actor_id, e.details) for e in owner.events.all()]


def test_an_event_cannot_be_saved_again(timeline):
    model, owner, _ = timeline
    before = _history(owner)
    event = owner.events.first()
    event.kind = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.save(update_fields=["kind"])
    assert _history(owner) == before


def test_an_event_cannot_be_deleted(timeline):
    model, owner, _ = timeline
    before = _history(owner)
    with pytest.raises(AppendOnlyError):
        owner.events.last().delete()
    assert _history(owner) == before


@pytest.mark.parametrize(
    "change",
    [
        lambda model, owner: model.objects.filter(pk=owner.events.first().pk).update(kind="x"),
        lambda model, owner: model.objects.all().update(details={}),
        lambda model, owner: owner.events.update(kind="x"),
        lambda model, owner: owner.events.all().update(kind="x"),
        lambda model, owner: model.objects.bulk_update(
            [model(pk=e.pk, kind="x") for e in owner.events.all()], ["kind"]
        ),
        lambda model, owner: model.objects.update_or_create(
            pk=owner.events.first().pk, defaults={"kind": "x"}
        ),
        lambda model, owner: owner.events.update_or_create(seq=1, defaults={"kind": "x"}),
    ],
    ids=[
        "filter-update",
        "all-update",
        "related-update",
        "related-all-update",
        "bulk_update",
        "update_or_create",
        "related-update_or_create",
    ],
)
def test_the_queryset_refuses_to_change_events(timeline, change):
    model, owner, _ = timeline
    before = _history(owner)
    with pytest.raises(AppendOnlyError):
        change(model, owner)
    assert _history(owner) == before


@pytest.mark.parametrize(
    "remove",
    [
        lambda model, owner: model.objects.filter(pk=owner.events.first().pk).delete(),
        lambda model, owner: model.objects.all().delete(),
        lambda model, owner: owner.events.all().delete(),
        lambda model, owner: model.objects.all()._raw_delete(connection.alias),
    ],
    ids=["filter-delete", "all-delete", "related-delete", "raw-delete"],
)
def test_the_queryset_refuses_to_delete_events(timeline, remove):
    model, owner, _ = timeline
    before = _history(owner)
    with pytest.raises(AppendOnlyError):
        remove(model, owner)
    assert _history(owner) == before


def _raw_statements():
    statements = ["UPDATE {table} SET kind = 'rewritten'", "DELETE FROM {table}"]
    if connection.vendor == "postgresql":  # first the foreign-key checks still pending
        statements.append("SET CONSTRAINTS ALL IMMEDIATE; TRUNCATE {table}")
    return statements


@pytest.mark.parametrize("statement", range(3), ids=["UPDATE", "DELETE", "TRUNCATE"])
def test_even_raw_sql_cannot_rewrite_a_timeline(timeline, statement):
    model, owner, table = timeline
    statements = _raw_statements()
    if statement >= len(statements):
        pytest.skip("TRUNCATE is PostgreSQL's")
    before = _history(owner)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(statements[statement].format(table=table))
    assert _history(owner) == before


def test_even_raw_sql_cannot_change_one_event(timeline):
    model, owner, table = timeline
    event = owner.events.first()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET details = %s WHERE id = %s", ["{}", event.pk])
    assert model.objects.get(pk=event.pk).details == event.details


def test_the_next_action_still_appends(demo, filed):
    case, filing = filed["case"], filed["filing"]
    before, filing_before = _history(case), _history(filing)
    start_trial(case, actor=demo["wangjun"])
    after = _history(case)
    assert after[: len(before)] == before
    assert [(seq, kind) for _, seq, kind, *_ in after[len(before) :]] == [
        (len(before) + 1, "trial_started")
    ]
    assert _history(filing) == filing_before


def test_appending_directly_still_works(timeline, demo):
    model, owner, _ = timeline
    field = "case" if model is CaseEvent else "filing"
    last = owner.events.last().seq
    model.objects.create(**{field: owner}, seq=last + 1, kind="noted", actor=demo["lixia"])
    model.objects.bulk_create(
        [
            model(**{field: owner}, seq=last + 2, kind="noted"),
            model(**{field: owner}, seq=last + 3, kind="noted"),
        ]
    )
    assert [e.seq for e in owner.events.all()][-3:] == [last + 1, last + 2, last + 3]


def test_only_allow_purge_opens_them_for_emptying_a_test_database(timeline):
    model, owner, table = timeline
    field = "case" if model is CaseEvent else "filing"
    try:
        allow_purge(connection)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")
        assert not owner.events.exists()
    finally:
        allow_purge(connection, False)
    # closed again: a new event is as fixed as the old ones were
    event = model.objects.create(**{field: owner}, seq=1, kind="noted")
    for sql in [f"UPDATE {table} SET kind = 'rewritten'", f"DELETE FROM {table}"]:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert model.objects.get(pk=event.pk).kind == "noted"


def _fixed(model, event, table):
    for sql in [f"UPDATE {table} SET kind = 'rewritten'", f"DELETE FROM {table}"]:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert model.objects.get(pk=event.pk).kind == event.kind


def test_a_data_migration_run_by_the_owner_may_rewrite_them_within_its_transaction(timeline):
    """`rewriting` (cases migration 0005): on PostgreSQL the owner disables the triggers in
    its transaction; they are on again when it ends, committed or not."""
    model, owner, table = timeline
    event = owner.events.first()
    model.objects.create(**{owner._meta.model_name: owner}, seq=99, kind="noted")  # FK pending
    with rewriting(connection, table), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET details = %s WHERE id = %s", ['{"x": 1}', event.pk])
    assert model.objects.get(pk=event.pk).details == {"x": 1}
    _fixed(model, event, table)
    with pytest.raises(RuntimeError), rewriting(connection, table):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")
        raise RuntimeError("the migration fails")
    assert model.objects.get(pk=event.pk).details == {"x": 1}  # the delete rolled back
    _fixed(model, event, table)
