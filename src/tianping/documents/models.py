"""Document templates as data a court edits, and the documents issued from them.

`DocumentTemplate`: one version of the text of a kind of document, for one court, or the
built-in national default (court empty, made from `documents.defaults` the first time it is
needed). Editing makes a new version and retires the one in force; old versions stay to be
read. `IssuedDocument`: a document laid out for a case from one version (kept, so what was
issued can always be told), stored as a `cases.CaseDocument` that the service app serves.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tianping.documents.choices import Kind


class DocumentTemplate(models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="document_templates", verbose_name=_("court"))
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=40)
    body = models.TextField(_("text"))
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("changed by"))
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    is_active = models.BooleanField(_("in force"), default=True)

    class Meta:
        ordering = ["kind", "court", "-version"]
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        constraints = [
            models.UniqueConstraint(fields=["kind", "court", "version"],
                                    condition=Q(court__isnull=False),
                                    name="doctemplate_court_version_once"),
            models.UniqueConstraint(fields=["kind", "version"], condition=Q(court__isnull=True),
                                    name="doctemplate_default_version_once"),
            models.UniqueConstraint(fields=["kind", "court"],
                                    condition=Q(court__isnull=False, is_active=True),
                                    name="doctemplate_court_one_in_force"),
            models.UniqueConstraint(fields=["kind"],
                                    condition=Q(court__isnull=True, is_active=True),
                                    name="doctemplate_default_one_in_force"),
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"

    @property
    def is_default(self) -> bool:
        return self.court_id is None


class IssuedDocument(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE,
                             related_name="issued_documents", verbose_name=_("case"))
    document = models.OneToOneField("cases.CaseDocument", on_delete=models.CASCADE,
                                    related_name="issued", verbose_name=_("document"))
    template = models.ForeignKey(DocumentTemplate, on_delete=models.PROTECT,
                                 related_name="issued", verbose_name=_("template version"))
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    party = models.ForeignKey("cases.CaseParty", on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("addressee"))
    representative = models.ForeignKey("cases.CaseRepresentative", on_delete=models.SET_NULL,
                                       null=True, blank=True, related_name="+",
                                       verbose_name=_("addressee (representative)"))
    addressee = models.CharField(_("addressee"), max_length=100, blank=True)
    hearing = models.ForeignKey("hearings.Hearing", on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="issued_documents",
                                verbose_name=_("hearing"))
    key = models.CharField(max_length=100, blank=True)  # one issue per request
    values = models.JSONField(default=dict)  # the plain strings the text was filled with
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "issued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], condition=~Q(key=""),
                                    name="issued_document_key_once"),
        ]

    def __str__(self) -> str:
        return self.document.title if self.document_id else self.kind

    @property
    def file_key(self) -> str:
        """The key of the kept PDF in the case's documents (`cases:document`)."""
        return self.document.file.name.rsplit("/", 1)[-1]
