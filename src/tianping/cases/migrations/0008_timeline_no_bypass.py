"""The case timeline's triggers hold for every session, and against REPLACE on SQLite.

PostgreSQL: the trigger function (migration 0004) no longer obeys the session setting
`tianping.audit_maintenance`, which any session could set. Nothing a session may set
opens it now; test teardown and the owner have their own ways (audit/maintenance.py).

SQLite: `INSERT OR REPLACE` (and an upsert) deletes the rows in its way without firing
DELETE triggers; a BEFORE INSERT trigger refuses any row whose id, or whose case and
number (seq), is taken, for every client (it asks no function).
"""

from django.db import migrations

TABLE = "cases_caseevent"

SQLITE = [
    f"""CREATE TRIGGER case_event_no_replace BEFORE INSERT ON {TABLE}
        WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id)
          OR EXISTS (SELECT 1 FROM {TABLE} WHERE case_id = NEW.case_id AND seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS case_event_no_replace;"]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION case_event_refuse_change() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION 'case events are append-only';
       END; $$ LANGUAGE plpgsql;""",
]
POSTGRES_REVERSE = [  # as migration 0004 made it
    """CREATE OR REPLACE FUNCTION case_event_refuse_change() RETURNS trigger AS $$
       BEGIN
         IF coalesce(current_setting('tianping.audit_maintenance', true), '') = 'on' THEN
           IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
           RETURN OLD;
         END IF;
         RAISE EXCEPTION 'case events are append-only';
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
    dependencies = [("cases", "0007_list_indexes")]
    operations = [migrations.RunPython(create, drop)]
