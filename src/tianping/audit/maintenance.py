"""The only ways past the append-only triggers (audit record, filing and case timelines),
and why the application cannot take them.

The triggers refuse every UPDATE, DELETE, REPLACE, upsert and (PostgreSQL) TRUNCATE, for
every session: no setting a session may change opens them. Two ways past them exist, each
needing more than the application has:

- `allow_purge(connection)`: emptying a throwaway test database between transactional
  tests (the test suite's teardown, `tianping/conftest.py`). On PostgreSQL it sets
  `session_replication_role = replica` for this session, so that no ordinary trigger
  fires; only a superuser may set it (the test run connects as one; the application's
  role `tianping_app` is not one, docs/deployment.md), so the same call made by the
  application fails with "permission denied".
- `rewriting(connection, *tables)`: a data migration that must rewrite rows, run by the
  tables' owner. On PostgreSQL, `ALTER TABLE ... DISABLE TRIGGER USER` inside the
  migration's transaction, which only the owner (`tianping_owner`) may run. Retention
  follows the same way, by hand (docs/deployment.md).

SQLite has no roles: whoever can write the database file can drop the triggers, so there
SQLite holds only against the application's own SQL. Its update and delete triggers ask
`tianping_audit_locked()`, a function each Django connection registers (below); it
answers from an attribute of the Python connection object, which Python code sets through
the two functions here and which no SQL statement can reach or change (SQL cannot define
or replace functions in SQLite). A client other than Django lacks the function, so its
UPDATE or DELETE fails. The REPLACE and upsert triggers ask nothing and hold for everyone.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.backends.signals import connection_created
from django.dispatch import receiver

FLAG = "tianping_audit_purge"  # on the Django connection object, never in the database


@receiver(connection_created)
def on_new_connection(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "tianping_audit_locked",
            0,
            lambda: 0 if getattr(connection, FLAG, False) else 1,
        )
    elif connection.vendor == "postgresql" and getattr(connection, FLAG, False):
        _replication_role(connection, "replica")  # reconnected while a purge is allowed


def _replication_role(connection, role: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SET session_replication_role = {role}")


def allow_purge(connection, allowed: bool = True) -> None:
    """Let this connection (and only it) empty the append-only tables, for the teardown of
    a test database. On PostgreSQL this needs a superuser."""
    was = getattr(connection, FLAG, False)
    setattr(connection, FLAG, allowed)
    if connection.vendor == "postgresql" and (allowed or was):
        _replication_role(connection, "replica" if allowed else "origin")


@contextmanager
def rewriting(connection, *tables: str):
    """Open TABLES for rewriting rows within one transaction, for a data migration run by
    the tables' owner; they are closed again when it ends, whether it commits or not."""
    with transaction.atomic(using=connection.alias):
        if connection.vendor != "postgresql":
            setattr(connection, FLAG, True)
            try:
                yield
            finally:
                setattr(connection, FLAG, False)
            return
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            _run_pending_checks(cursor)
            for table in tables:
                cursor.execute(f"ALTER TABLE {quote(table)} DISABLE TRIGGER USER")
        yield
        with connection.cursor() as cursor:
            _run_pending_checks(cursor)
            for table in tables:
                cursor.execute(f"ALTER TABLE {quote(table)} ENABLE TRIGGER USER")


def _run_pending_checks(cursor) -> None:
    """ALTER TABLE refuses while foreign-key checks are pending (rows written in this
    transaction): run them now, then defer again."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
