"""The holiday table: days that extend or override chinese_calendar.

A row without a court belongs to the national table (the State Council's schedule, entered
by the platform's superusers in the Django admin) and applies to every court; a row with a
court is that court's own day (a local holiday, a day the court is closed, a make-up
working day), entered by its administrator, and applies to that court only, over the
national table.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """A public holiday or a make-up working day, for every court or for one.

    Extends chinese_calendar for years it does not cover yet (and overrides it where a day
    is entered). Enter a whole year, then mark the year covered (`CoveredYear`).
    """

    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_days",
        verbose_name=_("court"),
        help_text=_("Empty for the national table, which applies to every court."),
    )
    day = models.DateField(_("date"))
    is_rest_day = models.BooleanField(_("rest day"))
    name = models.CharField(_("name"), max_length=60, blank=True)

    class Meta:
        db_table = "deadlines_calendarday"  # kept from when the table lived in deadlines
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["court", "day"], name="calendar_day_unique_court"),
            models.UniqueConstraint(
                fields=["day"], condition=Q(court__isnull=True), name="calendar_day_unique_national"
            ),
        ]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self) -> str:
        return f"{self.day} {self.name}"


class CoveredYear(models.Model):
    """A year whose holidays and make-up working days the national table holds completely."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        db_table = "deadlines_coveredyear"
        ordering = ["year"]
        verbose_name = _("covered year")
        verbose_name_plural = _("covered years")

    def __str__(self) -> str:
        return str(self.year)
