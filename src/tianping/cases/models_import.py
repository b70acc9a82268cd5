"""One run of the historical case import (`tianping cases import`, the import page)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tianping.parties.models import new_public_code


def import_path(instance, filename) -> str:
    return f"imports/{instance.code}"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    CHECKED = "checked", _("Checked (dry run): nothing written")
    DONE = "done", pgettext_lazy("import run", "Imported")
    FAILED = "failed", _("Stopped: nothing written")


class ImportRun(models.Model):
    """Who imported which file (by its SHA-256), what it wrote, and how far it has got."""

    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                             blank=True, related_name="+", verbose_name=_("imported by"))
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+", verbose_name=_("for the court"))
    file_name = models.CharField(_("file"), max_length=200)
    sha256 = models.CharField(max_length=64)
    # The uploaded file while the background task imports it (removed once it is done).
    file = models.FileField(upload_to=import_path, blank=True)
    dry_run = models.BooleanField(_("check only"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices,
                              default=ImportStatus.QUEUED)
    total = models.PositiveIntegerField(_("rows"), default=0)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    created = models.PositiveIntegerField(_("cases created"), default=0)
    updated = models.PositiveIntegerField(_("cases updated"), default=0)
    mediations = models.PositiveIntegerField(_("pre-filing mediations"), default=0)
    links = models.PositiveIntegerField(_("links to the case below"), default=0)
    courts_created = models.JSONField(_("courts added from the catalog"), default=list,
                                      blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    warning_count = models.PositiveIntegerField(_("warnings"), default=0)
    error_line = models.PositiveIntegerField(_("line of the error"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("case import")
        verbose_name_plural = _("case imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.code})"

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.CHECKED, ImportStatus.DONE, ImportStatus.FAILED)
