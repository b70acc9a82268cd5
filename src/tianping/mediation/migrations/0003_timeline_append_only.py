"""Database triggers that refuse UPDATE, DELETE, REPLACE, upserts and (PostgreSQL)
TRUNCATE on the mediation timeline, for every session, as for the case timeline (cases
migrations 0004 and 0008; audit/maintenance.py has the only ways past them)."""

from django.db import migrations

TABLE = "mediation_mediationevent"

SQLITE = [
    f"""CREATE TRIGGER mediation_event_no_update BEFORE UPDATE ON {TABLE}
        WHEN tianping_audit_locked()
        BEGIN SELECT RAISE(ABORT, 'mediation events are append-only'); END;""",
    f"""CREATE TRIGGER mediation_event_no_delete BEFORE DELETE ON {TABLE}
        WHEN tianping_audit_locked()
        BEGIN SELECT RAISE(ABORT, 'mediation events are append-only'); END;""",
    f"""CREATE TRIGGER mediation_event_no_replace BEFORE INSERT ON {TABLE}
        WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id)
          OR EXISTS (SELECT 1 FROM {TABLE}
                     WHERE mediation_id = NEW.mediation_id AND seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'mediation events are append-only'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS mediation_event_no_update;",
    "DROP TRIGGER IF EXISTS mediation_event_no_delete;",
    "DROP TRIGGER IF EXISTS mediation_event_no_replace;",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION mediation_event_refuse_change() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION 'mediation events are append-only';
       END; $$ LANGUAGE plpgsql;""",
    f"""CREATE TRIGGER mediation_event_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION mediation_event_refuse_change();""",
    f"""CREATE TRIGGER mediation_event_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION mediation_event_refuse_change();""",
]
POSTGRES_REVERSE = [
    f"DROP TRIGGER IF EXISTS mediation_event_no_truncate ON {TABLE};",
    f"DROP TRIGGER IF EXISTS mediation_event_no_change ON {TABLE};",
    "DROP FUNCTION IF EXISTS mediation_event_refuse_change();",
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
    dependencies = [("mediation", "0002_mediations")]
    operations = [migrations.RunPython(create, drop)]
