"""PostgreSQL roles and the append-only tables (docs/deployment.md, "Database roles and
the append-only tables").

The tables belong to the owner role that runs migrations (`tianping_owner`); the
application connects as `tianping_app`, which may read and insert rows of the append-only
tables but not update, delete or truncate them. The triggers refuse those anyway; the
privileges make the refusal hold even if a trigger were dropped by mistake, and they
refuse an upsert before it starts.

`app_role_grants` and `RETENTION_SQL` are the SQL the deployment page prescribes (tests
check the page says the same, try the grants with a real role and run the retention).
After every `migrate`, `revoke_changes` takes UPDATE, DELETE and TRUNCATE on these tables
back from any role but their owner, so that default privileges or a broad GRANT cannot
hand them out by the next release.
"""

from django.db import DEFAULT_DB_ALIAS, connections

from tianping.lib.append_only import append_only_models


def append_only_tables() -> list[str]:
    return sorted(model._meta.db_table for model in append_only_models())


def app_role_grants(app_role: str, schema: str = "public") -> list[str]:
    """What the owner grants the application's role, in the application's database."""
    tables = ", ".join(append_only_tables())
    return [
        f"GRANT USAGE ON SCHEMA {schema} TO {app_role};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app_role};",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {app_role};",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {tables} FROM {app_role};",
    ]


# Removing audit entries older than a date (here 2016-01-01), as the owner and only if
# the court's rules on keeping records allow it; the removal is itself recorded. ALTER
# TABLE holds an exclusive lock until COMMIT, so nobody writes while the triggers are off,
# and a failure rolls back with them on. Timelines are part of the case file: not pruned.
RETENTION_SQL = """\
BEGIN;
ALTER TABLE audit_auditentry DISABLE TRIGGER USER;
WITH gone AS (DELETE FROM audit_auditentry WHERE at < '2016-01-01' RETURNING 1)
INSERT INTO audit_auditentry (at, action, object_type, object_id, object_repr, changes)
SELECT now(), 'audit.pruned', '', '', '',
       jsonb_build_object('before', '2016-01-01', 'entries', count(*)) FROM gone;
ALTER TABLE audit_auditentry ENABLE TRIGGER USER;
COMMIT;
"""

HOLDERS = """
    SELECT DISTINCT c.oid::regclass::text,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.oid = ANY (SELECT to_regclass(t) FROM unnest(%s::text[]) t)
      AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
      AND a.grantee <> c.relowner
"""


def revoke_changes(using: str = DEFAULT_DB_ALIAS, **kwargs) -> list[tuple[str, str]]:
    """Take UPDATE, DELETE and TRUNCATE on the append-only tables back from every role
    but the owner (PostgreSQL; a post_migrate receiver). Returns what it took back."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(HOLDERS, [append_only_tables()])
        holders = sorted(cursor.fetchall())
        for table, role in holders:
            cursor.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {role}")
    return holders
