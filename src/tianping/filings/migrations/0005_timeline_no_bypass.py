"""The filing timeline's triggers hold for every session, and against REPLACE on SQLite.

PostgreSQL: the trigger function (migration 0003) no longer obeys the session setting
`tianping.audit_maintenance`, which any session could set. Nothing a session may set
opens it now; test teardown and the owner have their own ways (audit/maintenance.py).

SQLite: `INSERT OR REPLACE` (and an upsert) deletes the rows in its way without firing
DELETE triggers; a BEFORE INSERT trigger refuses any row whose id, or whose filing and
number (seq), is taken, for every client (it asks no function).
"""

from django.db import migrations

TABLE = "filings_filingevent"

SQLITE = [
    f"""CREATE TRIGGER filing_event_no_replace BEFORE INSERT ON {TABLE}
        WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id)
          OR EXISTS (SELECT 1 FROM {TABLE} WHERE filing_id = NEW.filing_id AND seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'filing events are append-only'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS filing_event_no_replace;"]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION filing_event_refuse_change() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION 'filing events are append-only';
       END; $$ LANGUAGE plpgsql;""",
]
POSTGRES_REVERSE = [  # as migration 0003 made it
    """CREATE OR REPLACE FUNCTION filing_event_refuse_change() RETURNS trigger AS $$
       BEGIN
         IF coalesce(current_setting('tianping.audit_maintenance', true), '') = 'on' THEN
           IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
           RETURN OLD;
         END IF;
         RAISE EXCEPTION 'filing events are append-only';
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
    dependencies = [("filings", "0004_green_priority_column")]
    operations = [migrations.RunPython(create, drop)]
