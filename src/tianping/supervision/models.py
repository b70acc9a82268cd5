"""Supervision orders (督办): a leader's order on one case or many, with the date the judges
are to reply by; each case of the order with its reply and its closing; the warning of a
reply overdue, raised once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.parties.models import new_public_code
from tianping.supervision.choices import ItemStatus, OrderStatus, Reason


class SupervisionOrder(models.Model):
    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("issuing court"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("issued by"))
    issued_for = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")  # A/B backup
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    instructions = models.TextField(_("instructions"), blank=True)
    reply_due_on = models.DateField(_("reply due on"))
    status = models.CharField(_("status"), max_length=8, choices=OrderStatus.choices,
                              default=OrderStatus.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  null=True, blank=True, related_name="+")
    close_note = models.TextField(_("closing note"), blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        indexes = [models.Index(fields=["status", "-issued_at", "-id"],
                                name="supervision_order_list")]
        verbose_name = _("supervision order")
        verbose_name_plural = _("supervision orders")

    def __str__(self) -> str:
        return self.code

    @property
    def issuer_id(self) -> int:
        """Whose order it is: the principal when a backup issued it."""
        return self.issued_for_id or self.issued_by_id


def reply_path(instance, filename) -> str:
    return f"supervision/{instance.order.code}/{new_public_code()}"


class SupervisedCase(models.Model):
    """One case of an order: the judge's reply and the leader's closing."""

    order = models.ForeignKey(SupervisionOrder, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="supervisions")
    status = models.CharField(_("status"), max_length=8, choices=ItemStatus.choices,
                              default=ItemStatus.OPEN)
    reply = models.TextField(_("reply"), blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    replied_at = models.DateTimeField(null=True, blank=True)
    attachment = models.FileField(_("attachment"), upload_to=reply_path, blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_size = models.PositiveIntegerField(null=True, blank=True)
    attachment_sha256 = models.CharField(max_length=64, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  null=True, blank=True, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    close_note = models.TextField(_("closing note"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["order", "case"],
                                               name="supervised_case_once")]
        indexes = [models.Index(fields=["status", "order"], name="supervised_case_status")]

    def __str__(self) -> str:
        return f"{self.order} {self.case}"


class SupervisionWarning(models.Model):
    """A reply past its due date, warned once (to the judge and the issuer)."""

    item = models.ForeignKey(SupervisedCase, on_delete=models.CASCADE, related_name="warnings")
    due_on = models.DateField()
    raised_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item"], name="supervision_warned_once")]

    def __str__(self) -> str:
        return f"{self.item} {self.due_on}"
