"""Database triggers that refuse UPDATE, DELETE, REPLACE and TRUNCATE on the funds ledger.

The model and its queryset refuse them too (funds/models.py); the triggers make sure raw
SQL, the admin's shell or a future bug cannot rewrite a case's money either. As for the
audit record and the timelines (audit/maintenance.py): on SQLite they ask
`tianping_audit_locked()`, so test teardown (`allow_purge`) may empty the table; on
PostgreSQL nothing a session may set opens them (the test teardown uses a superuser's
`session_replication_role`).
"""

from django.db import migrations

TABLE = "funds_entry"

SQLITE = [
    f"""CREATE TRIGGER funds_entry_no_update BEFORE UPDATE ON {TABLE}
        WHEN tianping_audit_locked()
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;""",
    f"""CREATE TRIGGER funds_entry_no_delete BEFORE DELETE ON {TABLE}
        WHEN tianping_audit_locked()
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;""",
    f"""CREATE TRIGGER funds_entry_no_replace BEFORE INSERT ON {TABLE}
        WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS funds_entry_no_update;",
    "DROP TRIGGER IF EXISTS funds_entry_no_delete;",
    "DROP TRIGGER IF EXISTS funds_entry_no_replace;",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION funds_entry_refuse_change() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION 'ledger entries are append-only';
       END; $$ LANGUAGE plpgsql;""",
    f"""CREATE TRIGGER funds_entry_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION funds_entry_refuse_change();""",
    f"""CREATE TRIGGER funds_entry_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION funds_entry_refuse_change();""",
]
POSTGRES_REVERSE = [
    f"DROP TRIGGER IF EXISTS funds_entry_no_truncate ON {TABLE};",
    f"DROP TRIGGER IF EXISTS funds_entry_no_change ON {TABLE};",
    "DROP FUNCTION IF EXISTS funds_entry_refuse_change();",
]


def create(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in POSTGRES_REVERSE if vendor == "postgresql" else SQLITE_REVERSE:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("funds", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
