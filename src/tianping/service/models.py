"""Service of documents (送达): the parties' address confirmations, each service of a
document on a party and its attempts by channel, the messages the SMS and e-mail backends
were given, and the certificates laid out as PDF.

- `AddressConfirmation` (送达地址确认书): versioned, a change is a new row; the latest
  version of a party is the one that counts.
- `Service`: one document (a `cases.CaseDocument`, or a named generated document of the
  case) on one party; its `effective_on` is the earliest effective attempt.
- `ServiceAttempt`: one channel. A retry of the same request (same service, channel and
  idempotency key) is the same row: `service_attempt_once`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tianping.parties.models import new_public_code
from tianping.service.choices import AttemptStatus, Channel, Recorded


def form_path(instance, filename) -> str:
    return f"service/{instance.case.code}/{new_public_code()}"


def photo_path(instance, filename) -> str:
    return f"service/{instance.service.case.code}/{new_public_code()}"


class AddressConfirmation(models.Model):
    """A party's confirmation of where and how to be served (送达地址确认书, 民诉解释 arts.
    135-136), with their consent to electronic service and its channels."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT,
                             related_name="address_confirmations")
    party = models.ForeignKey("cases.CaseParty", on_delete=models.PROTECT,
                              related_name="address_confirmations")
    version = models.PositiveIntegerField()
    postal_address = models.CharField(_("postal address"), max_length=300, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    recipient = models.CharField(_("recipient"), max_length=100, blank=True)
    phone = models.CharField(_("mobile telephone for SMS"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                null=True, blank=True, related_name="+",
                                verbose_name=_("platform account"))
    abroad = models.BooleanField(_("domiciled outside the mainland of China"), default=False)
    consent = models.BooleanField(_("consents to electronic service"), default=False)
    channels = models.JSONField(_("electronic channels consented to"), default=list,
                                blank=True)
    consented_on = models.DateField(_("consent given on"), null=True, blank=True)
    recorded_how = models.CharField(_("recorded how"), max_length=10, choices=Recorded.choices)
    form_file = models.FileField(_("signed form"), upload_to=form_path, blank=True)
    form_sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["party", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["party", "version"], name="address_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.party} v{self.version}"

    def allows(self, channel: str) -> bool:
        return self.consent and channel in (self.channels or [])


class Service(models.Model):
    """A document served on a party, by one or more attempts."""

    code = models.CharField(max_length=12, unique=True, default=new_public_code)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="services")
    party = models.ForeignKey("cases.CaseParty", on_delete=models.PROTECT,
                              related_name="services")
    document = models.ForeignKey("cases.CaseDocument", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="services")
    document_name = models.CharField(_("generated document"), max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=200)
    effective_on = models.DateField(_("served on"), null=True, blank=True)
    effective_attempt = models.ForeignKey("ServiceAttempt", on_delete=models.PROTECT,
                                          null=True, blank=True, related_name="+")
    first_read_at = models.DateTimeField(_("first read at"), null=True, blank=True)
    first_read_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(document__isnull=False, document_name="")
                           | Q(document__isnull=True) & ~Q(document_name="")),
                name="service_one_document"),
            models.UniqueConstraint(fields=["party", "document"],
                                    condition=Q(document__isnull=False),
                                    name="service_document_once"),
            models.UniqueConstraint(fields=["party", "document_name"],
                                    condition=~Q(document_name=""),
                                    name="service_named_once"),
        ]
        indexes = [
            models.Index(fields=["party", "-created_at"], name="service_party"),
            # the service queue: what is not yet effective, oldest first, and the public
            # notices still running (their day of effect ahead)
            models.Index(fields=["created_at", "id"], condition=Q(effective_on__isnull=True),
                         name="service_waiting"),
            models.Index(fields=["effective_on"], name="service_effective_on"),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.party.name}"


class ServiceAttempt(models.Model):
    """One channel of a service: where it went, when, and when it took effect."""

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="attempts")
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    idempotency_key = models.CharField(max_length=100)
    status = models.CharField(_("status"), max_length=10, choices=AttemptStatus.choices,
                              default=AttemptStatus.SENT)
    address = models.CharField(_("sent to"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    effective_at = models.DateTimeField(_("effective at"), null=True, blank=True)
    effective_on = models.DateField(_("effective on"), null=True, blank=True)
    backend_ref = models.CharField(max_length=100, blank=True)
    # 法院专递: the tracking number, the day posted, the date on the returned receipt
    tracking_number = models.CharField(_("tracking number"), max_length=40, blank=True)
    posted_on = models.DateField(_("posted on"), null=True, blank=True)
    receipt_on = models.DateField(_("date on the receipt"), null=True, blank=True)
    # 直接送达 and 留置送达: who signed or refused, the witness and the reason, the photo
    recipient = models.CharField(_("signed by"), max_length=100, blank=True)
    witness = models.CharField(_("witness"), max_length=200, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    # 公告送达: the day published (the last posting) and where
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_where = models.CharField(_("published where"), max_length=200, blank=True)
    abroad = models.BooleanField(_("party abroad (60 days)"), default=False)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["service", "sent_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["service", "channel", "idempotency_key"],
                                    name="service_attempt_once"),
        ]

    def __str__(self) -> str:
        return f"{self.service} · {self.get_channel_display()}"


class OutboundMessage(models.Model):
    """An SMS or e-mail as the backend was given it (the logging backend keeps them here)."""

    attempt = models.OneToOneField(ServiceAttempt, on_delete=models.PROTECT,
                                   related_name="message")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    to = models.CharField(max_length=300)
    subject = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.channel} {self.to}"


class ServicePdf(models.Model):
    """A certificate or address confirmation laid out once and kept under its HTML's hash."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=80)
    html_sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to="service/pdf/")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "name", "html_sha256"],
                                               name="service_pdf_once")]

    def __str__(self) -> str:
        return self.name
