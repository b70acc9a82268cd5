"""Petitions (涉诉信访): a petition with its petitioner, matter and requests, the cases it
concerns, the handler's classification (诉访分离), acceptance, assignment, reply and its
extension, the petitioner's satisfaction and any review (复查) and re-examination (复核);
its own append-only event list; the leaders' reception days (领导接访) and their bookings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.lib.append_only import AppendOnlyError, AppendOnlyQuerySet
from tianping.parties.models import new_public_code
from tianping.petitions.choices import (
    BookingStatus,
    Channel,
    Route,
    Satisfaction,
    Status,
)

USER = settings.AUTH_USER_MODEL


class Petition(models.Model):
    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    petitioner = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="petitions")  # when filed by a signed-in user
    name = models.CharField(_("petitioner"), max_length=100)
    id_number = models.CharField(_("identity number"), max_length=40, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    matter = models.TextField(_("matter"))
    requests = models.TextField(_("requests"))
    cases = models.ManyToManyField("cases.Case", blank=True, related_name="petitions")
    earlier = models.ManyToManyField("self", symmetrical=False, blank=True,
                                     related_name="repeats")  # the same matter before
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.REGISTERED)
    due_on = models.DateField(null=True, blank=True)  # the pending step's due date
    registered_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)
    received_on = models.DateField(_("received on"))
    acceptance_due_on = models.DateField(_("acceptance notice due on"))
    classified_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")
    classified_at = models.DateTimeField(null=True, blank=True)
    route = models.CharField(_("procedure"), max_length=24, choices=Route.choices, blank=True)
    decision_note = models.TextField(_("message to the petitioner"), blank=True)
    accepted_on = models.DateField(null=True, blank=True)
    handler = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("handler"))
    division = models.ForeignKey("courts.Division", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="+", verbose_name=_("division"))
    reply_due_on = models.DateField(_("reply due on"), null=True, blank=True)
    extension_asked_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True,
                                           blank=True, related_name="+")
    extension_reason = models.TextField(blank=True)
    extension_granted = models.BooleanField(null=True)  # None: not asked or not decided
    extension_decided_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True,
                                             blank=True, related_name="+")
    reply = models.TextField(_("reply"), blank=True)
    reply_file = models.FileField(upload_to="petitions/replies/", blank=True)
    reply_file_name = models.CharField(max_length=200, blank=True)
    replied_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    replied_at = models.DateTimeField(null=True, blank=True)
    replied_on = models.DateField(null=True, blank=True)
    satisfaction = models.CharField(_("satisfaction"), max_length=16,
                                    choices=Satisfaction.choices, blank=True)
    satisfaction_comment = models.TextField(blank=True)
    review_asked_on = models.DateField(null=True, blank=True)
    review_due_on = models.DateField(null=True, blank=True)
    review_result = models.TextField(blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    recheck_asked_on = models.DateField(null=True, blank=True)
    recheck_due_on = models.DateField(null=True, blank=True)
    recheck_result = models.TextField(blank=True)
    rechecked_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-registered_at", "-id"]
        indexes = [models.Index(fields=["court", "status", "due_on", "id"],
                                name="petition_queue"),
                   models.Index(fields=["court", "received_on"], name="petition_period")]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self) -> str:
        return self.code

    @property
    def is_routed(self) -> bool:
        return self.status == Status.ROUTED


class PetitionAttachment(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="petitions/files/")
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class AppendOnly(AppendOnlyError):
    """A petition's events are never changed or removed."""


class PetitionEventQuerySet(AppendOnlyQuerySet):
    error = AppendOnly
    change_message = "A petition's events are never changed."
    remove_message = "A petition's events are never removed."


class PetitionEvent(models.Model):
    """One step of a petition, never changed or removed (the model and its queryset refuse
    it; no database triggers, unlike the case timeline's). `is_public`: shown to the
    petitioner on the portal."""

    petition = models.ForeignKey(Petition, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=32)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    acted_for = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    is_public = models.BooleanField(default=True)
    details = models.JSONField(default=dict)

    objects = PetitionEventQuerySet.as_manager()

    class Meta:
        ordering = ["petition", "seq"]
        constraints = [models.UniqueConstraint(fields=["petition", "seq"],
                                               name="petition_event_seq")]

    def __str__(self) -> str:
        return f"{self.petition} #{self.seq} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("A petition's events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("A petition's events are never removed.")


class ReceptionDay(models.Model):
    """A leader's reception (领导接访): published to litigants, booked up to `capacity`."""

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    leader = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("leader"))
    day = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    place = models.CharField(_("place"), max_length=120)
    topics = models.CharField(_("topics"), max_length=300, blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"), default=10)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["day", "starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.day} {self.leader}"


class Booking(models.Model):
    reception = models.ForeignKey(ReceptionDay, on_delete=models.PROTECT,
                                  related_name="bookings")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+")
    petition = models.ForeignKey(Petition, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="bookings")
    status = models.CharField(max_length=10, choices=BookingStatus.choices,
                              default=BookingStatus.BOOKED)
    note = models.TextField(blank=True)
    booked_at = models.DateTimeField(auto_now_add=True)
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["reception", "id"]
        constraints = [models.UniqueConstraint(fields=["reception", "user"],
                                               name="petition_booking_once")]

    def __str__(self) -> str:
        return f"{self.reception} {self.user}"
