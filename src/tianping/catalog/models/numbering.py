from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseNumberSequence(models.Model):
    """One sequence of case numbers: per court, specialised code, type code and year.

    The row is locked and incremented inside the transaction that files the case, so a
    rolled-back filing gives its serial back (no gaps) and two clerks never get one number.
    """

    court_code = models.CharField(_("court code"), max_length=8)
    special_code = models.CharField(_("specialised-trial code"), max_length=2, blank=True)
    type_code = models.CharField(_("type code"), max_length=8)
    year = models.PositiveSmallIntegerField(_("year"))
    last_serial = models.PositiveIntegerField(_("last serial"), default=0)

    class Meta:
        ordering = ["court_code", "year", "type_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["court_code", "special_code", "type_code", "year"],
                name="case_number_sequence_unique",
            )
        ]
        verbose_name = _("case-number sequence")
        verbose_name_plural = _("case-number sequences")

    def __str__(self) -> str:
        return (
            f"({self.year}){self.court_code}{self.special_code}{self.type_code}: {self.last_serial}"
        )


class IssuedCaseNumber(models.Model):
    """Every case number issued, unique across the platform (random ones included)."""

    number = models.CharField(_("case number"), max_length=40, unique=True)
    court_code = models.CharField(_("court code"), max_length=8)
    special_code = models.CharField(_("specialised-trial code"), max_length=2, blank=True)
    type_code = models.CharField(_("type code"), max_length=8)
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("serial"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("issued case number")
        verbose_name_plural = _("issued case numbers")

    def __str__(self) -> str:
        return self.number
