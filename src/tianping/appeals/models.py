"""Appeals and the chain of cases of one dispute (案-件: one dispute, several case numbers).

A `Dispute` holds the cases one dispute went through: the first instance, the second
instance (民终), a first instance again after remand (发回重审), the review of a retrial
application (民申), each a `DisputeCase`. An `Appeal` is one party's appeal against a
judgment or ruling, filed at the first-instance court (online or at the window), with its
fee, transferred (移送) to the court above, which files the second-instance case; its
outcome is written back here. A `RetrialApplication` (申请再审) goes to the court above the
one whose decision took effect.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.appeals.choices import (
    AppealChannel,
    AppealStatus,
    LateGround,
    Outcome,
    RetrialOutcome,
    RetrialStatus,
    Stage,
)
from tianping.lib.money import AmountField
from tianping.parties.models import new_public_code


class Dispute(models.Model):
    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.code


class DisputeCase(models.Model):
    dispute = models.ForeignKey(Dispute, on_delete=models.PROTECT, related_name="links")
    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT,
                                related_name="dispute_link")
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    origin = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("came from"))
    # The outcome of this stage for a second-instance link (维持原判, 改判, 发回重审 ...):
    # written when the appeal is decided, or imported with the history; the indicators
    # (发改率) read it here so that platform and imported cases count alike.
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices,
                               blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["dispute", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.dispute_id}: {self.case_id} ({self.stage})"


def petition_path(instance, filename) -> str:
    return f"appeals/{instance.case.code}/{new_public_code()}"


class Appeal(models.Model):
    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="appeals")
    document = models.ForeignKey("cases.CaseDocument", on_delete=models.PROTECT,
                                 related_name="appeals", verbose_name=_("appealed document"))
    appellant = models.ForeignKey("cases.CaseParty", on_delete=models.PROTECT,
                                  related_name="appeals", verbose_name=_("appellant"))
    channel = models.CharField(_("channel"), max_length=8, choices=AppealChannel.choices)
    grounds = models.TextField(_("facts and grounds of appeal"), max_length=5000)
    requests = models.TextField(_("requests of the appeal"), max_length=2000)
    amount = AmountField(_("amount appealed (yuan)"), null=True, blank=True)
    petition = models.FileField(_("petition (scan)"), upload_to=petition_path, blank=True)
    petition_sha256 = models.CharField(max_length=64, blank=True)
    served_on = models.DateField(_("served on the appellant on"))
    last_day = models.DateField(_("last day to appeal"))
    filed_on = models.DateField(_("filed on"))
    late_ground = models.CharField(_("ground for the late appeal"), max_length=16,
                                   choices=LateGround.choices, blank=True)
    late_reason = models.TextField(_("the applicant's reason"), max_length=2000, blank=True)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    fee_amount = AmountField(_("appeal fee (yuan)"))
    fee_due_on = models.DateField(_("appeal fee due on"))
    fee_paid_on = models.DateField(_("appeal fee paid on"), null=True, blank=True)
    fee_receipt = models.CharField(_("receipt reference"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=AppealStatus.choices,
                              default=AppealStatus.FILED)
    appeal_court = models.ForeignKey("courts.Court", on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("appeal court"))
    transferred_at = models.DateTimeField(_("file transferred at (上诉案件移送时间)"),
                                          null=True, blank=True)
    transferred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       null=True, blank=True, related_name="+")
    second_case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="appeals_heard")
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices,
                               blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "created_at", "id"]
        indexes = [models.Index(fields=["appeal_court", "status"], name="appeal_incoming")]

    def __str__(self) -> str:
        return self.code


class RetrialApplication(models.Model):
    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="retrial_applications")
    applicant = models.ForeignKey("cases.CaseParty", on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("applicant"))
    grounds = models.TextField(_("grounds for retrial"), max_length=5000)
    effective_on = models.DateField(_("decision effective on"))
    filed_on = models.DateField(_("applied on"))
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("court applied to"))
    status = models.CharField(_("status"), max_length=12, choices=RetrialStatus.choices,
                              default=RetrialStatus.APPLIED)
    review_case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="retrials_reviewed")
    outcome = models.CharField(_("outcome"), max_length=16, choices=RetrialOutcome.choices,
                               blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "created_at", "id"]

    def __str__(self) -> str:
        return self.code
