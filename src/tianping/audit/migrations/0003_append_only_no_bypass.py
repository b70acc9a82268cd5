"""The audit record's triggers hold for every session, and against REPLACE on SQLite.

PostgreSQL: the trigger function no longer obeys the session setting
`tianping.audit_maintenance`, which any session could set. Nothing a session may set
opens it now; test teardown and the owner have their own ways (audit/maintenance.py).

SQLite: `INSERT OR REPLACE` (and an upsert) deletes the row in its way without firing
DELETE triggers; a BEFORE INSERT trigger refuses any row whose key is taken, for every
client (it asks no function).
"""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER audit_entry_no_replace BEFORE INSERT ON audit_auditentry
       WHEN EXISTS (SELECT 1 FROM audit_auditentry WHERE id = NEW.id)
       BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS audit_entry_no_replace;"]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION 'audit entries are append-only';
       END; $$ LANGUAGE plpgsql;""",
]
POSTGRES_REVERSE = [  # as migration 0002 made it
    """CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
       BEGIN
         IF coalesce(current_setting('tianping.audit_maintenance', true), '') = 'on' THEN
           IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
           RETURN OLD;
         END IF;
         RAISE EXCEPTION 'audit entries are append-only';
       END; $$ LANGUAGE plpgsql;""",
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
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [migrations.RunPython(create, drop)]
