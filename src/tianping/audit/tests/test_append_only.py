import pytest
from django.db import DatabaseError, connection, transaction

from tianping.audit.actions import record
from tianping.audit.maintenance import allow_purge
from tianping.audit.models import AppendOnlyError, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(demo):
    allow_purge(connection, False)
    return record("court.changed", demo["admin"], actor=demo["admin"], changes={"name": "x"})


def test_the_record_keeps_actor_and_acted_for(demo):
    entry = record("case.noted", None, actor=demo["zhaomin"], acted_for=demo["wangjun"])
    entry.refresh_from_db()
    assert (entry.actor, entry.acted_for) == (demo["zhaomin"], demo["wangjun"])


def test_an_entry_cannot_be_changed_through_the_model(entry):
    entry.action = "something.else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    assert AuditEntry.objects.get(pk=entry.pk).action == "court.changed"


def test_an_entry_cannot_be_deleted_through_the_model(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET action = 'rewritten'",
        "DELETE FROM audit_auditentry",
    ],
)
def test_even_raw_sql_cannot_rewrite_the_record(entry, sql):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql)
    assert AuditEntry.objects.get(pk=entry.pk).action == "court.changed"


def test_superusers_have_no_page_to_edit_or_delete_it(client, demo, login, entry):
    login(demo["platform"])
    assert client.get("/admin/").status_code == 200
    for url in [
        "/admin/audit/auditentry/",
        f"/admin/audit/auditentry/{entry.pk}/change/",
        f"/admin/audit/auditentry/{entry.pk}/delete/",
    ]:
        assert client.get(url).status_code == 404
