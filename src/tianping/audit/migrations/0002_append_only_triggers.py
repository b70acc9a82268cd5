"""Database triggers that refuse UPDATE and DELETE on the audit record.

The model refuses them too; the triggers make sure raw SQL, the admin's shell or a
future bug cannot rewrite history either.
"""

from django.db import migrations

# tianping_audit_locked() is registered on every Django connection (audit/maintenance.py);
# any other client lacks it, so its UPDATE or DELETE fails too.
SQLITE = [
    """CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_auditentry
       WHEN tianping_audit_locked()
       BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""",
    """CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_auditentry
       WHEN tianping_audit_locked()
       BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update;",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete;",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
       BEGIN
         IF coalesce(current_setting('tianping.audit_maintenance', true), '') = 'on' THEN
           IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
           RETURN OLD;
         END IF;
         RAISE EXCEPTION 'audit entries are append-only';
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();""",
    """CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_auditentry
       FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_auditentry;",
    "DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry;",
    "DROP FUNCTION IF EXISTS audit_entry_refuse_change();",
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
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
