"""The shared shape of timelines (a filing's, a case's): numbered, append-only events.

Append-only at every level (`lib/append_only.py`): the model refuses to save an existing
row or delete one, its queryset refuses every bulk change, and database triggers
(filings migrations 0003 and 0005, cases 0004 and 0008) refuse UPDATE, DELETE, REPLACE
and upserts from any client, and on PostgreSQL TRUNCATE too. No setting opens them; see
`tianping.audit.maintenance` for the one way past them (test teardown, the owner).
"""

from django.conf import settings
from django.db import models

from tianping.lib.append_only import AppendOnlyError, AppendOnlyModel, AppendOnlyQuerySet

__all__ = ["AppendOnlyError", "TimelineEvent", "TimelineManager", "TimelineQuerySet"]

CHANGE = "Timeline events are append-only: they cannot be changed."
REMOVE = "Timeline events are append-only: they cannot be deleted."


class TimelineQuerySet(AppendOnlyQuerySet):
    """Reads and appends (create, get_or_create, bulk_create); never changes or removes."""

    change_message = CHANGE
    remove_message = REMOVE


class TimelineManager(models.Manager.from_queryset(TimelineQuerySet)):
    pass


class TimelineEvent(AppendOnlyModel):
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
