"""The case acceptance fee a case owes (案件受理费): how much, by when, and how it stands.

One row per case, made when the case is filed (`actions.open_fee`, called from
`flows.filing.accept_filing`) with the fee of the notice of acceptance. The plaintiff pays
within seven days from the day after receiving the notice (《诉讼费用交纳办法》 art. 22);
unpaid by then, without deferral, the case may be treated as withdrawn.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.lib.money import AmountField


class FeeStatus(models.TextChoices):
    DUE = "due", _("Due")
    PAID = "paid", _("Paid")
    DEFERRED = "deferred", _("Deferred (缓交)")
    REDUCED = "reduced", _("Reduced (减交)")
    WAIVED = "waived", _("Waived (免交)")


OPEN_STATUSES = (FeeStatus.DUE, FeeStatus.DEFERRED, FeeStatus.REDUCED)


class FeeDue(models.Model):
    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="fee_due", verbose_name=_("case")
    )
    amount = AmountField(_("amount due (yuan)"))
    notified_on = models.DateField(_("notice of payment given on"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=12, choices=FeeStatus.choices, default=FeeStatus.DUE
    )
    paid_amount = AmountField(_("amount paid (yuan)"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    receipt = models.CharField(_("receipt reference"), max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("fee due")
        verbose_name_plural = _("fees due")
        indexes = [models.Index(fields=["status", "due_on"], name="payments_open_due")]

    def __str__(self):
        return f"{self.case_id}: {self.amount} ({self.status})"
