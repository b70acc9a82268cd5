"""The shared shape of timelines (a filing's, a case's): numbered, append-only events.

Append-only at every level: the model refuses to save an existing row or delete one, its
queryset refuses update() and delete(), and database triggers (filings migration 0003,
cases migration 0004) refuse UPDATE and DELETE from any client. The triggers share the
audit record's switch, so `tianping.audit.maintenance.allow_purge` (test teardown only)
opens them all at once.
"""

from django.conf import settings
from django.db import models


class AppendOnlyError(ValueError):
    """Raised on any attempt to change or remove a timeline event."""


CHANGE = "Timeline events are append-only: they cannot be changed."
REMOVE = "Timeline events are append-only: they cannot be deleted."


class TimelineQuerySet(models.QuerySet):
    """Reads and appends (create, get_or_create, bulk_create); never changes or removes."""

    def update(self, **kwargs):
        raise AppendOnlyError(CHANGE)

    update.alters_data = True

    def _update(self, values):
        raise AppendOnlyError(CHANGE)

    _update.alters_data = True
    _update.queryset_only = False

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError(CHANGE)

    bulk_update.alters_data = True

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise AppendOnlyError(CHANGE)

    update_or_create.alters_data = True

    def delete(self):
        raise AppendOnlyError(REMOVE)

    delete.alters_data = True
    delete.queryset_only = True

    def _raw_delete(self, using):
        raise AppendOnlyError(REMOVE)

    _raw_delete.alters_data = True


class TimelineManager(models.Manager.from_queryset(TimelineQuerySet)):
    pass


class TimelineEvent(models.Model):
    """One act on a timeline: its sequence number, kind, time, who acted and for whom.

    Written only by actions, inside their transaction; never changed or removed.
    """

    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=40)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    acted_for = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    details = models.JSONField(default=dict)

    objects = TimelineManager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError(CHANGE)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(REMOVE)
