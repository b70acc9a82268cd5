"""Retention as docs/deployment.md prescribes it: the owner removes old audit entries in
one transaction that records the removal, and the triggers are on again afterwards."""

import pytest
from django.db import DatabaseError, connection, transaction

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.audit.roles import RETENTION_SQL

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL roles"),
]


def test_the_owner_removes_entries_older_than_the_date_and_records_it(demo):
    old = record("case.viewed", None, actor=demo["wangjun"])
    kept = record("case.viewed", None, actor=demo["wangjun"])
    with connection.cursor() as cursor:  # (no foreign-key checks may be pending for ALTER)
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
        cursor.execute("UPDATE audit_auditentry SET at = '2015-06-01' WHERE id = %s", [old.pk])
        cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER USER")
    older = AuditEntry.objects.filter(at__year__lt=2016).count()
    body = [sql for sql in RETENTION_SQL.split(";\n") if sql not in ("BEGIN", "COMMIT", "")]
    assert len(body) == 3
    with transaction.atomic(), connection.cursor() as cursor:  # the test's own transaction
        for statement in body:
            cursor.execute(statement)
    assert not AuditEntry.objects.filter(pk=old.pk).exists()
    assert AuditEntry.objects.filter(pk=kept.pk).exists()
    pruned = AuditEntry.objects.get(action="audit.pruned")
    assert pruned.changes == {"before": "2016-01-01", "entries": older}
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [kept.pk])
