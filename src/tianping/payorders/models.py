"""Payment orders (督促程序) of 民督 cases and the public notice of special-procedure (民特)
cases. One row per case, beside `cases.Case` (the case app's fields stay its own)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.lib.money import AmountField
from tianping.payorders.choices import ObjectionChannel, OrderStatus


class PaymentOrder(models.Model):
    """The payment order of a 民督 case: issued, served, objected to or in effect."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="payment_order"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=OrderStatus.choices, default=OrderStatus.ACCEPTED
    )
    amount = AmountField(_("amount (yuan)"))
    basis = models.TextField(_("what the money is owed for"), blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    order_document = models.ForeignKey(
        "cases.CaseDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dismissal_reasons = models.TextField(_("reasons for dismissing"), blank=True)
    objection_by_party = models.ForeignKey(
        "cases.CaseParty", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    objection_text = models.TextField(_("objection"), blank=True)
    objection_on = models.DateField(_("objection received on"), null=True, blank=True)
    objection_channel = models.CharField(
        max_length=8, choices=ObjectionChannel.choices, blank=True
    )
    objection_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    ruling_document = models.ForeignKey(
        "cases.CaseDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    litigation_filing = models.ForeignKey(
        "filings.Filing", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("the suit it turned into"),
    )
    effective_on = models.DateField(_("in effect from"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("payment order")

    def __str__(self) -> str:
        return f"{self.case} {self.status}"


class SpecialNotice(models.Model):
    """The public notice (公告) of a special-procedure case whose subject needs one (民事诉讼法
    arts. 191, 192, 203); the case's limit runs from its end (art. 187)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="special_notice"
    )
    subject = models.CharField(max_length=24)
    published_on = models.DateField(_("published on"))
    where = models.CharField(_("where published"), max_length=200)
    ends_on = models.DateField(_("notice ends on"))
    steps = models.JSONField(default=list)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("public notice of a special-procedure case")

    def __str__(self) -> str:
        return f"{self.case} {self.published_on}–{self.ends_on}"
