import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tianping.catalog.choices import CatalogKind


class CatalogVersionQuerySet(models.QuerySet):
    def in_force(self, kind: str, on: datetime.date):
        """Versions of KIND in force on the date ON (the newest first)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
            kind=kind,
        ).order_by("-valid_from")


class CatalogVersion(models.Model):
    """One version of a catalog: e.g. the 2025 revision of the civil causes of action.

    A case's cause is chosen from the version in force on its filing date, so cases filed
    before 2026 keep their 2020 cause while new ones use the 2025 revision.
    """

    kind = models.CharField(_("catalog"), max_length=32, choices=CatalogKind.choices)
    label = models.CharField(_("version"), max_length=40)
    source = models.CharField(_("source document"), max_length=300)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    is_builtin = models.BooleanField(_("shipped with Tianping"), default=False)
    # For built-in versions: a digest of the shipped file, so a sync reloads only what changed.
    checksum = models.CharField(_("checksum"), max_length=64, blank=True)
    entry_count = models.PositiveIntegerField(_("entries"), default=0)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    objects = CatalogVersionQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-valid_from", "label"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "label"], name="catalog_version_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="catalog_version_dates_ordered",
            ),
        ]
        verbose_name = _("catalog version")
        verbose_name_plural = _("catalog versions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.label}"


class CatalogEntry(models.Model):
    """One entry of a catalog version: a case type, a cause, a charge or a court code.

    `initials` holds the pinyin initials of the name (买卖合同纠纷 -> mmhtjf) and `pinyin`
    the full pinyin without spaces, both for the pickers' search. `path` names the entry's
    ancestors (第四部分 … › 合同纠纷), so a search result shows where a cause sits.
    """

    version = models.ForeignKey(
        CatalogVersion,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("catalog version"),
    )
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    parent_code = models.CharField(_("parent code"), max_length=40, blank=True)
    level = models.PositiveSmallIntegerField(_("level"), default=1)
    category = models.CharField(_("category"), max_length=100, blank=True)
    initials = models.CharField(max_length=100, blank=True, db_index=True)
    pinyin = models.CharField(max_length=400, blank=True)
    path = models.CharField(_("parent path"), max_length=400, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    extra = models.JSONField(_("further fields"), default=dict, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["version", "position"]
        indexes = [models.Index(fields=["version", "code"], name="catalog_entry_code")]
        verbose_name = _("catalog entry")
        verbose_name_plural = _("catalog entries")

    def __str__(self) -> str:
        return f"{self.code} {self.name}" if self.code != self.name else self.name
