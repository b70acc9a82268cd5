"""The case acceptance fee a case owes (案件受理费): how much, by when, and how it stands.

One row per case, made when the case is filed (`actions.open_fee`, called from
`flows.filing.accept_filing`) with the fee of the notice of acceptance. The plaintiff pays
within seven days from the day after receiving the notice (《诉讼费用交纳办法》 art. 22);
unpaid by then, without deferral, the case may be treated as withdrawn.

A party who cannot afford it applies for judicial aid (`FeeRelief`: 缓交、减交、免交,
arts. 44–51, rules in `law/fee_relief.py`); the court's decision changes the fee: deferred
to a date (or until the judgment), reduced to a new amount, or waived.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.lib.money import AmountField
from tianping.parties.models import new_public_code


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
    received_on = models.DateField(
        _("notice received on"),
        null=True,
        blank=True,
        help_text=_(
            "When the party received the notice, where known; the seven days run from the "
            "next day."
        ),
    )
    deferred_until = models.DateField(_("deferred until"), null=True, blank=True)
    reduced_amount = AmountField(_("amount after reduction (yuan)"), null=True, blank=True)
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

    @property
    def payable(self):
        """What the party has to pay now: nothing once waived, the reduced amount once reduced."""
        if self.status == FeeStatus.WAIVED:
            return Decimal("0.00")
        return self.reduced_amount if self.reduced_amount is not None else self.amount


class ReliefKind(models.TextChoices):
    DEFER = "defer", _("Deferral (缓交)")
    REDUCE = "reduce", _("Reduction (减交)")
    WAIVE = "waive", _("Waiver (免交)")


class ReliefStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the court's decision")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


def relief_proof_path(relief, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"fee-relief/{relief.fee.case.code}/{new_public_code()}.{extension}"


class FeeRelief(models.Model):
    """An application for judicial aid in the fee (司法救助申请) and the court's decision."""

    fee = models.ForeignKey(
        FeeDue, on_delete=models.PROTECT, related_name="reliefs", verbose_name=_("fee")
    )
    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    kind = models.CharField(_("aid applied for"), max_length=8, choices=ReliefKind.choices)
    ground = models.CharField(_("ground"), max_length=32)
    statement = models.TextField(_("statement of hardship"), max_length=2000)
    percent = models.PositiveSmallIntegerField(
        _("reduction asked (per cent)"), null=True, blank=True
    )
    proof = models.FileField(_("proof of hardship"), upload_to=relief_proof_path, blank=True)
    proof_name = models.CharField(_("file name"), max_length=200, blank=True)
    proof_type = models.CharField(max_length=40, blank=True)
    applicant_name = models.CharField(_("applicant"), max_length=200)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ReliefStatus.choices, default=ReliefStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("decided by"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    granted_percent = models.PositiveSmallIntegerField(
        _("reduction granted (per cent)"), null=True, blank=True
    )
    deferred_until = models.DateField(_("deferred until"), null=True, blank=True)
    reasons = models.TextField(_("reasons of the decision"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("application for fee relief")
        verbose_name_plural = _("applications for fee relief")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["fee"],
                condition=models.Q(status="pending"),
                name="payments_one_pending_relief",
            )
        ]

    def __str__(self):
        return f"{self.fee.case_id}: {self.kind} ({self.status})"

    @property
    def ground_label(self) -> str:
        """The ground with its article, in the reader's language."""
        from tianping.law.fee_relief import ground_text

        return ground_text(self.ground)
