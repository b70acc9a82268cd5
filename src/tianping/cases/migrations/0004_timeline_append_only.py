"""Database triggers that refuse UPDATE and DELETE (and TRUNCATE) on the case timeline.

The model and its queryset refuse them too (lib/timeline.py); the triggers make sure raw
SQL, the admin's shell or a future bug cannot rewrite a case's history either. They use
the audit record's switch (audit/maintenance.py), so `allow_purge` opens them as well.
"""

from django.db import migrations

TABLE = "cases_caseevent"

# tianping_audit_locked() is registered on every Django connection (audit/maintenance.py);
# any other client lacks it, so its UPDATE or DELETE fails too.
SQLITE = [
    f"""CREATE TRIGGER case_event_no_update BEFORE UPDATE ON {TABLE}
        WHEN tianping_audit_locked()
        BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;""",
    f"""CREATE TRIGGER case_event_no_delete BEFORE DELETE ON {TABLE}
        WHEN tianping_audit_locked()
        BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS case_event_no_update;",
    "DROP TRIGGER IF EXISTS case_event_no_delete;",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION case_event_refuse_change() RETURNS trigger AS $$
       BEGIN
         IF coalesce(current_setting('tianping.audit_maintenance', true), '') = 'on' THEN
           IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
           RETURN OLD;
         END IF;
         RAISE EXCEPTION 'case events are append-only';
       END; $$ LANGUAGE plpgsql;""",
    f"""CREATE TRIGGER case_event_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change();""",
    f"""CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION case_event_refuse_change();""",
]
POSTGRES_REVERSE = [
    f"DROP TRIGGER IF EXISTS case_event_no_truncate ON {TABLE};",
    f"DROP TRIGGER IF EXISTS case_event_no_change ON {TABLE};",
    "DROP FUNCTION IF EXISTS case_event_refuse_change();",
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
    dependencies = [("cases", "0003_party_legal_representative")]
    operations = [migrations.RunPython(create, drop)]
