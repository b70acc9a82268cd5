"""Clients other than the test's own connection cannot rewrite the append-only tables.

PostgreSQL: an ordinary login role with the grants docs/deployment.md prescribes for the
application (`tianping_app`) may read and append, and nothing else: not UPDATE, DELETE,
TRUNCATE, an upsert or MERGE, not by setting the old switch or the replication role, not
by disabling, dropping or replacing a trigger. The same holds for a role granted every
privilege on the tables (the triggers alone), short of owning them.

SQLite has no roles: a client other than Django (here Python's sqlite3 on the same
database) may read and append, but its UPDATE and DELETE fail (it lacks the function the
triggers ask) and REPLACE and upserts fail for it as for everyone.
"""

import sqlite3
import uuid
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from tianping.audit.roles import (
    RETENTION_SQL,
    app_role_grants,
    append_only_tables,
    revoke_changes,
)
from tianping.lib.tests.conftest import APPEND_ONLY

pytestmark = pytest.mark.django_db(transaction=True)
POSTGRES_ONLY = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")
SQLITE_ONLY = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite")
REFUSALS = ["append-only", "permission denied", "must be owner"]
DEPLOYMENT = Path(__file__).resolve().parents[4] / "docs" / "deployment.md"


def _append(table) -> str:
    """INSERT a copy of row %s as a new row (a new id; for events, a free number)."""
    rewrite = {"seq": "seq + 1000"} if table.owner else {table.text: "'appended'"}
    return "INSERT " + table.copy_sql(rewrite, keep_id=False)


def _changes(table, vendor: str) -> dict[str, list[str]]:
    """Each attempt to change TABLE (row %s), as the statements of one session."""
    name, text = table.name, table.text
    update = f"UPDATE {name} SET {text} = 'rewritten' WHERE id = %s"
    upsert = "INSERT " + table.copy_sql({}) + (
        f" ON CONFLICT (id) DO UPDATE SET {text} = 'rewritten'"
    )
    attempts = {"update": [update], "delete": [f"DELETE FROM {name} WHERE id = %s"],
                "upsert": [upsert]}
    if vendor == "sqlite":
        attempts["replace"] = ["INSERT OR REPLACE " + table.copy_sql({text: "'rewritten'"})]
        return attempts
    function = {"audit_auditentry": "audit_entry", "filings_filingevent": "filing_event",
                "cases_caseevent": "case_event",
                "mediation_mediationevent": "mediation_event",
                "funds_entry": "funds_entry"}[name]
    attempts |= {
        "truncate": [f"TRUNCATE {name}"],
        "truncate-cascade": [f"TRUNCATE {name} CASCADE"],
        "merge": [f"MERGE INTO {name} t USING (SELECT %s::bigint AS id) s ON t.id = s.id"
                  " WHEN MATCHED THEN DELETE"],
        "old-switch": ["SET tianping.audit_maintenance = 'on'", update],
        "replication-role": ["SET session_replication_role = replica", update],
        "disable-trigger": [f"ALTER TABLE {name} DISABLE TRIGGER USER", update],
        "drop-trigger": [f"DROP TRIGGER {function}_no_change ON {name}", update],
        "replace-function": [
            f"CREATE OR REPLACE FUNCTION {function}_refuse_change() RETURNS trigger"
            " AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql",
            update,
        ],
    }
    return attempts


def _attack(client, table, vendor, error):
    """As CLIENT: reading and appending work, every change fails and changes nothing."""
    with connection.cursor() as cursor:
        before = table.snapshot(cursor)
    first = table.model._base_manager.order_by("id").values_list("id", flat=True)[0]
    failed, mark = [], "?" if vendor == "sqlite" else "%s"
    for what, statements in _changes(table, vendor).items():
        with pytest.raises(error) as refused:
            for sql in statements:
                client.execute(sql.replace("%s", mark), [first] if "%s" in sql else [])
        failed.append((what, str(refused.value).splitlines()[0]))
        if vendor == "sqlite":
            client.rollback()
    assert client.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0] == len(before)
    client.execute(_append(table).replace("%s", mark), [first])
    if vendor == "sqlite":
        client.commit()
    with connection.cursor() as cursor:
        after = table.snapshot(cursor)
    assert after[: len(before)] == before and len(after) == len(before) + 1
    return failed


@pytest.fixture(params=["prescribed", "every-privilege"])
def app_role(request):
    """A new ordinary login role (not a superuser, not the owner) with the grants the
    deployment page prescribes, or with every privilege on the append-only tables."""
    name = f"tianping_app_test_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
        try:
            for sql in app_role_grants(name):
                cursor.execute(sql)
            if request.param == "every-privilege":
                cursor.execute(f"GRANT ALL ON {', '.join(append_only_tables())} TO {name}")
            yield name
        finally:
            cursor.execute(f"DROP OWNED BY {name}")
            cursor.execute(f"DROP ROLE {name}")


@POSTGRES_ONLY
def test_the_application_role_may_read_and_append_and_nothing_else(filed, app_role):
    import psycopg

    settings = connection.settings_dict
    client = psycopg.connect(
        host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432,
        dbname=settings["NAME"], user=app_role, autocommit=True,
    )
    with client:
        for table in APPEND_ONLY.values():
            failed = _attack(client, table, "postgresql", psycopg.Error)
            for what, reason in failed:
                assert any(word in reason for word in REFUSALS), (table.name, what, reason)


@POSTGRES_ONLY
def test_every_migrate_takes_changes_back_from_any_role_but_the_owner(filed, app_role):
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT UPDATE, DELETE, TRUNCATE ON audit_auditentry TO {app_role}")
        assert ("audit_auditentry", app_role) in revoke_changes()
        for table in append_only_tables():
            for privilege in ["UPDATE", "DELETE", "TRUNCATE"]:
                cursor.execute("SELECT has_table_privilege(%s, %s, %s)",
                               [app_role, table, privilege])
                assert cursor.fetchone()[0] is False, (table, privilege)
            cursor.execute("SELECT has_table_privilege(%s, %s, 'INSERT')", [app_role, table])
            assert cursor.fetchone()[0] is True
    assert revoke_changes() == []


def test_the_deployment_page_prescribes_these_grants_and_this_retention():
    page = DEPLOYMENT.read_text(encoding="utf-8")
    for sql in app_role_grants("tianping_app"):
        assert sql in page, sql
    assert RETENTION_SQL in page


@SQLITE_ONLY
def test_another_sqlite_client_may_read_and_append_and_nothing_else(filed):
    client = sqlite3.connect(connection.settings_dict["NAME"], uri=True, timeout=5)
    try:
        for table in APPEND_ONLY.values():
            failed = _attack(client, table, "sqlite", sqlite3.Error)
            for what, reason in failed:  # without the function, or for everyone
                assert "append-only" in reason or (
                    what != "replace" and "no such function: tianping_audit_locked" in reason
                ), (table.name, what, reason)
    finally:
        client.close()


def test_during_a_transactional_test_they_hold_as_in_production(filed):
    """The suite opens them for the flush after a transactional test only (conftest)."""
    for table in APPEND_ONLY.values():
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {table.name}")
