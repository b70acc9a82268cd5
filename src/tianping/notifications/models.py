from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An in-app message to one person (SMS and e-mail backends can follow the same rows).

    `key` makes sending idempotent: the same key for the same person is stored once, so
    a retried or concurrent sweep never notifies twice.

    A message is stored as a `kind` and its `params` (codes and plain values) and worded
    when read, in the reader's language (`notifications.messages`); `text` and `link` are
    only for messages written before, in the language of whoever sent them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(max_length=120)
    kind = models.CharField(max_length=60, blank=True)
    params = models.JSONField(default=dict, blank=True)
    text = models.CharField(_("message"), max_length=500, blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_once")]
        indexes = [  # a person's messages, newest first, a keyset page at a time
            models.Index(fields=["user", "-created_at", "-id"], name="notification_inbox")
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.message

    @property
    def message(self) -> str:
        from tianping.notifications.messages import read

        return read(self)[0]

    @property
    def url(self) -> str:
        from tianping.notifications.messages import read

        return read(self)[1]
