from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.lib import append_only


class AppendOnlyError(append_only.AppendOnlyError):
    """Raised on any attempt to change or remove an audit entry."""


class AuditEntryQuerySet(append_only.AppendOnlyQuerySet):
    error = AppendOnlyError
    change_message = "Audit entries cannot be changed."
    remove_message = "Audit entries cannot be deleted."


class AuditEntry(append_only.AppendOnlyModel):
    """One auditable change: who acted, for whom (A/B backup), when, and what changed.

    Append-only (`lib/append_only.py`): the model and its queryset refuse every change,
    database triggers refuse UPDATE, DELETE, REPLACE, upserts and TRUNCATE (migrations
    0002 and 0003), and on PostgreSQL the application's role may only insert and read
    (docs/deployment.md), so neither code nor the application's SQL can rewrite it.
    """

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    acted_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("acted for"),
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"
