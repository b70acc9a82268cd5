from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """A day in the court's own holiday table: a public holiday or a make-up working day.

    Extends chinese_calendar for years it does not cover yet (and overrides it where the
    court enters a day). Enter a whole year, then mark the year covered (`CoveredYear`).
    """

    day = models.DateField(_("date"), unique=True)
    is_rest_day = models.BooleanField(_("rest day"))
    name = models.CharField(_("name"), max_length=60, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self) -> str:
        return f"{self.day} {self.name}"


class CoveredYear(models.Model):
    """A year whose holidays and make-up working days the court has entered completely."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["year"]
        verbose_name = _("covered year")
        verbose_name_plural = _("covered years")

    def __str__(self) -> str:
        return str(self.year)
