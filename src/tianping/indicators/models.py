"""The indicators' own records: a court's reference ranges and its big screens' tokens.

A court's own reference range for an indicator (set by its trial management office):
it takes the place of the settings' and the registry's range for that court."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceRange(models.Model):
    court = models.ForeignKey("courts.Court", on_delete=models.CASCADE,
                              related_name="indicator_ranges", verbose_name=_("court"))
    code = models.CharField(_("indicator"), max_length=40)
    low = models.DecimalField(_("lowest value in range"), max_digits=12, decimal_places=2,
                              null=True, blank=True)
    high = models.DecimalField(_("highest value in range"), max_digits=12, decimal_places=2,
                               null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["court", "code"],
                                               name="indicator_range_unique")]
        verbose_name = _("indicator reference range")
        verbose_name_plural = _("indicator reference ranges")

    def __str__(self) -> str:
        return f"{self.court_id} {self.code}: {self.low}–{self.high}"


class DisplayToken(models.Model):
    """A court's big screen (电子展示屏): the token in its address opens that screen and
    nothing else. Only the SHA-256 of the token is kept (`digest`) and its first characters
    (`prefix`) to tell tokens apart; the token itself is shown once, when it is made."""

    court = models.ForeignKey("courts.Court", on_delete=models.CASCADE,
                              related_name="display_tokens", verbose_name=_("court"))
    label = models.CharField(_("screen"), max_length=60)
    prefix = models.CharField(_("token begins with"), max_length=12, db_index=True)
    digest = models.CharField(_("token digest"), max_length=64, unique=True)
    include_lower = models.BooleanField(_("with the courts below"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("made by"))
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last shown at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("display token")
        verbose_name_plural = _("display tokens")

    def __str__(self) -> str:
        return f"{self.court_id} {self.label} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
