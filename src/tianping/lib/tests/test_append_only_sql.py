"""The audit record and the timelines hold against every way of rewriting a row: the ORM,
raw UPDATE and DELETE, INSERT OR REPLACE, upserts, and session settings.

Each test runs for every append-only table (`conftest.APPEND_ONLY`) on the application's
own connection; `test_append_only_clients` does the same from other clients.
"""

import pytest
from django.db import DatabaseError, connection, transaction

from tianping.lib.append_only import AppendOnlyError, append_only_models
from tianping.lib.tests.conftest import APPEND_ONLY

pytestmark = pytest.mark.django_db

SQLITE_ONLY = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite syntax")
POSTGRES_ONLY = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")
REWRITTEN = "'rewritten'"


def _refused(table, *statements, params=()):
    """Run STATEMENTS in one transaction: the database must refuse, and nothing change."""
    with connection.cursor() as cursor:
        before = table.snapshot(cursor)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql, params if "%s" in sql else ())
    with connection.cursor() as cursor:
        assert table.snapshot(cursor) == before


def _first(table) -> int:
    return table.model._base_manager.order_by("id").values_list("id", flat=True)[0]


@SQLITE_ONLY
def test_insert_or_replace_cannot_rewrite_a_row(table):
    """REPLACE deletes the row in the way without firing DELETE triggers: the probe's
    rewrite of a `case.closed` audit entry."""
    sql = "INSERT OR REPLACE " + table.copy_sql({table.text: REWRITTEN})
    _refused(table, sql, params=[_first(table)])
    _refused(table, sql.replace("INSERT OR REPLACE", "REPLACE", 1), params=[_first(table)])


@SQLITE_ONLY
def test_replace_cannot_push_out_an_event_by_its_number(table):
    """A new row with the same (owner, seq) would replace the event under another id."""
    if table.owner is None:
        pytest.skip("the audit record has no second unique key")
    sql = "INSERT OR REPLACE " + table.copy_sql({table.text: REWRITTEN}, keep_id=False)
    _refused(table, sql, params=[_first(table)])


def test_an_upsert_cannot_rewrite_a_row(table):
    upsert = "INSERT " + table.copy_sql({}) + (
        f" ON CONFLICT (id) DO UPDATE SET {table.text} = {REWRITTEN}"
    )
    _refused(table, upsert, params=[_first(table)])
    if table.owner:
        by_number = "INSERT " + table.copy_sql({}, keep_id=False) + (
            f" ON CONFLICT ({table.owner}, seq) DO UPDATE SET {table.text} = {REWRITTEN}"
        )
        _refused(table, by_number, params=[_first(table)])


@SQLITE_ONLY
def test_update_or_replace_cannot_rewrite_a_row(table):
    _refused(table, f"UPDATE OR REPLACE {table.name} SET {table.text} = {REWRITTEN}")


@pytest.mark.parametrize(
    "setting",
    [
        "SET tianping.audit_maintenance = 'on'",
        "SELECT set_config('tianping.audit_maintenance', 'on', false)",
        "SET LOCAL tianping.audit_maintenance = 'on'",
    ],
)
@POSTGRES_ONLY
def test_no_session_setting_opens_the_triggers(table, setting):
    """The probe: any session could set the switch the triggers used to obey."""
    for change in [
        f"UPDATE {table.name} SET {table.text} = {REWRITTEN}",
        f"DELETE FROM {table.name}",
        f"SET CONSTRAINTS ALL IMMEDIATE; TRUNCATE {table.name}",
    ]:
        _refused(table, setting, change)


def test_raw_update_and_delete_are_refused(table):
    _refused(table, f"UPDATE {table.name} SET {table.text} = {REWRITTEN} WHERE id = %s",
             params=[_first(table)])
    _refused(table, f"DELETE FROM {table.name} WHERE id = %s", params=[_first(table)])


def _field(model) -> str:
    return next(f.name for f in model._meta.concrete_fields if not f.primary_key)


def _same(model, row) -> dict:
    return {_field(model): getattr(row, _field(model))}


ORM_CHANGES = {
    "save": lambda m, row: row.save(),
    "save-update-fields": lambda m, row: row.save(update_fields=[_field(m)]),
    "delete": lambda m, row: row.delete(),
    "update": lambda m, row: m.objects.filter(pk=row.pk).update(**_same(m, row)),
    "_update": lambda m, row: m.objects.filter(pk=row.pk)._update(_same(m, row)),
    "queryset-delete": lambda m, row: m.objects.filter(pk=row.pk).delete(),
    "_raw_delete": lambda m, row: m.objects.filter(pk=row.pk)._raw_delete(connection.alias),
    "bulk_update": lambda m, row: m.objects.bulk_update([row], [_field(m)]),
    "update_or_create": lambda m, row: m.objects.update_or_create(pk=row.pk, defaults={}),
    "bulk_create-upsert": lambda m, row: m.objects.bulk_create(
        [row], update_conflicts=True, unique_fields=["id"], update_fields=[_field(m)]
    ),
}


@pytest.mark.parametrize("change", sorted(ORM_CHANGES))
def test_the_orm_refuses_every_change(table, change):
    row = table.model._base_manager.order_by("id").first()
    with connection.cursor() as cursor:
        before = table.snapshot(cursor)
    with pytest.raises(AppendOnlyError), transaction.atomic():
        ORM_CHANGES[change](table.model, row)
    with connection.cursor() as cursor:
        assert table.snapshot(cursor) == before


@pytest.mark.parametrize("change", ["update", "delete"])
def test_the_plain_base_manager_meets_the_triggers(table, change):
    """Django's `_base_manager` (used by related deletes) is a plain manager: the
    database refuses what it would do."""
    rows = table.model._base_manager.filter(pk=_first(table))
    with connection.cursor() as cursor:
        before = table.snapshot(cursor)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        rows.update(id=_first(table)) if change == "update" else rows.delete()
    with connection.cursor() as cursor:
        assert table.snapshot(cursor) == before


def test_every_append_only_table_is_known_and_has_its_triggers():
    """A new append-only model (a new timeline) must come with triggers, and with a line
    in `conftest.APPEND_ONLY` so that every attack here is tried on it."""
    assert set(append_only_models()) == {t.model for t in APPEND_ONLY.values()}
    with connection.cursor() as cursor:
        for model in append_only_models():
            table = model._meta.db_table
            if connection.vendor == "sqlite":
                cursor.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                    [table],
                )
                sql = " ".join(row[0].upper() for row in cursor.fetchall())
                events = ["BEFORE UPDATE", "BEFORE DELETE", "BEFORE INSERT"]
            else:
                cursor.execute(
                    "SELECT pg_get_triggerdef(t.oid) || ' ' || p.prosrc FROM pg_trigger t"
                    " JOIN pg_proc p ON p.oid = t.tgfoid"
                    " WHERE t.tgrelid = %s::regclass AND NOT t.tgisinternal",
                    [table],
                )
                sql = " ".join(row[0].upper() for row in cursor.fetchall())
                events = ["UPDATE", "DELETE", "TRUNCATE"]
                assert "CURRENT_SETTING" not in sql, table
            assert all(event in sql for event in events), (table, sql)
