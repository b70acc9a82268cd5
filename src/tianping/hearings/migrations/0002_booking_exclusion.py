"""No two active bookings of one resource at overlapping times, enforced by PostgreSQL
(an exclusion constraint over btree_gist); on SQLite the action checks in its transaction,
SQLite running one writer at a time (hearings/actions.py)."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "ALTER TABLE hearings_booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist "
    "(resource WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (active)",
]
DROP = ["ALTER TABLE hearings_booking DROP CONSTRAINT IF EXISTS booking_no_overlap"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("hearings", "0001_initial")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
