"""A conversion of procedure asked by the case's judge and approved by a leader
(程序转换: 简转普, 小额转简/普): `ProcedureChangeRequest`, one pending per case."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tianping.cases.choices import Procedure


class ProcedureChangeRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Not approved")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="procedure_requests")
    from_procedure = models.CharField(_("from"), max_length=16, choices=Procedure.choices)
    to_procedure = models.CharField(_("to"), max_length=16, choices=Procedure.choices)
    reason = models.CharField(_("reason"), max_length=300)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("note of the decision"), max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=Q(status="pending"),
                                    name="procedure_request_one_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.case} · {self.from_procedure} → {self.to_procedure}"
