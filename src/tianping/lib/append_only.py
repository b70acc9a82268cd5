"""Append-only tables (the audit record, the filing and case timelines): the Python half.

A row of an `AppendOnlyModel` is written once and never changed or removed. Here the
model refuses `save()` of an existing row and `delete()`, and its queryset refuses every
path that changes rows: `update()` (and `bulk_update()`, `update_or_create()` through it),
`_update()`, `delete()`, `_raw_delete()` and `bulk_create(update_conflicts=True)` (an
upsert). Reading and appending (create, get_or_create, bulk_create) work.

The database half is each table's triggers (audit 0002-0003, filings 0003 and 0005,
cases 0004 and 0008) and, on PostgreSQL, the application role's privileges
(docs/deployment.md, "Database roles and the append-only tables"). The one way past the
triggers is `tianping.audit.maintenance`.
"""

from django.apps import apps
from django.db import models


class AppendOnlyError(ValueError):
    """Raised on any attempt to change or remove a row of an append-only table."""


class AppendOnlyQuerySet(models.QuerySet):
    """Reads and appends; never changes or removes. Subclasses name their error."""

    error = AppendOnlyError
    change_message = "These rows are append-only: they cannot be changed."
    remove_message = "These rows are append-only: they cannot be deleted."

    def _refuse_change(self):
        raise self.error(self.change_message)

    def update(self, **kwargs):
        self._refuse_change()

    update.alters_data = True

    def _update(self, values):
        self._refuse_change()

    _update.alters_data = True
    _update.queryset_only = False

    def bulk_update(self, objs, fields, batch_size=None):
        self._refuse_change()

    bulk_update.alters_data = True

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        self._refuse_change()

    update_or_create.alters_data = True

    def bulk_create(self, objs, *args, update_conflicts=False, **kwargs):
        if update_conflicts:
            self._refuse_change()
        return super().bulk_create(objs, *args, update_conflicts=update_conflicts, **kwargs)

    bulk_create.alters_data = True

    def delete(self):
        raise self.error(self.remove_message)

    delete.alters_data = True
    delete.queryset_only = True

    def _raw_delete(self, using):
        raise self.error(self.remove_message)

    _raw_delete.alters_data = True


class AppendOnlyModel(models.Model):
    """A model whose rows are never changed or removed. Its manager must be built on an
    `AppendOnlyQuerySet`; the messages and the error come from that queryset."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self._queryset()._refuse_change()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        queryset = self._queryset()
        raise queryset.error(queryset.remove_message)

    def _queryset(self) -> AppendOnlyQuerySet:
        return type(self)._default_manager.get_queryset()


def append_only_models() -> list[type[models.Model]]:
    """Every installed append-only model: each must have its triggers (a test checks)."""
    return [m for m in apps.get_models() if issubclass(m, AppendOnlyModel)]
