"""Hearings (庭审安排) of a case and the bookings that keep rooms and people from being in
two places at once.

`Booking`: one row per (resource, hearing) with the hearing's time, `active` while the
hearing is scheduled. Resources are keys: `room:<courtroom id>`, `user:<user id>` (the
judge, panel members, assistant and clerk with an account), `assessor:<assessor id>`. On
PostgreSQL an exclusion constraint (migration 0002: `resource WITH =, tstzrange(starts_at,
ends_at) WITH &&` where active) refuses two active bookings of one resource that overlap,
whoever commits first; on SQLite the action checks inside its transaction (SQLite runs one
writer at a time).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tianping.hearings.choices import CausedBy, HearingKind, HearingStatus, PlaceKind
from tianping.parties.models import new_public_code


def record_path(instance, filename) -> str:
    return f"hearings/{instance.code}/{new_public_code()}"


class Hearing(models.Model):
    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="hearings",
                             verbose_name=_("case"))
    kind = models.CharField(_("kind"), max_length=16, choices=HearingKind.choices,
                            default=HearingKind.HEARING)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place_kind = models.CharField(_("place"), max_length=12, choices=PlaceKind.choices)
    courtroom = models.ForeignKey("courts.Courtroom", on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="hearings",
                                  verbose_name=_("courtroom"))
    link = models.URLField(_("link of the online room"), max_length=500, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    township = models.CharField(_("township or village"), max_length=100, blank=True)
    attendees = models.PositiveIntegerField(_("attendees"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=HearingStatus.choices,
                              default=HearingStatus.SCHEDULED)
    is_public = models.BooleanField(_("public hearing"), default=True)
    is_holiday = models.BooleanField(_("on a rest day"), default=False)
    is_evening = models.BooleanField(_("outside working hours"), default=False)
    waiver = models.CharField(_("defence period waived"), max_length=300, blank=True)
    people = models.JSONField(_("taking part"), default=list, blank=True)
    scheduled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    scheduled_at = models.DateTimeField(auto_now_add=True)
    postponed_from = models.OneToOneField("self", on_delete=models.PROTECT, null=True,
                                          blank=True, related_name="postponed_to")
    postponement_reason = models.CharField(_("reason for postponement"), max_length=500,
                                           blank=True)
    caused_by = models.CharField(_("caused by"), max_length=8, choices=CausedBy.choices,
                                 blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)
    record = models.FileField(_("hearing record"), upload_to=record_path, blank=True)
    record_name = models.CharField(max_length=200, blank=True)
    record_size = models.PositiveIntegerField(null=True, blank=True)
    record_sha256 = models.CharField(max_length=64, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["courtroom", "starts_at"], name="hearing_room_time"),
            models.Index(fields=["starts_at"], condition=Q(status="scheduled", is_public=True),
                         name="hearing_public_upcoming"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="hearing_ends_after_start"),
        ]
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")

    def __str__(self) -> str:
        return f"{self.case} · {self.get_kind_display()} · {self.starts_at:%Y-%m-%d %H:%M}"


class Booking(models.Model):
    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="bookings")
    resource = models.CharField(max_length=40)
    label = models.CharField(max_length=120)  # who or what, as the clash message names it
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "hearing"], name="booking_once"),
        ]
        indexes = [
            models.Index(fields=["resource", "starts_at"], condition=Q(active=True),
                         name="booking_active"),
            # a person's or a room's calendar, held hearings included (released bookings)
            models.Index(fields=["resource", "starts_at"], name="booking_resource_time"),
        ]

    def __str__(self) -> str:
        return f"{self.resource} {self.starts_at:%Y-%m-%d %H:%M}"
