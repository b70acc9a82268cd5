"""A court's own reference range for an indicator (set by its trial management office):
it takes the place of the settings' and the registry's range for that court."""

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
