from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.accounts.choices import UserKind


class User(AbstractUser):
    """A person who signs in: court staff, a litigant (当事人) or a lawyer (律师)."""

    kind = models.CharField(_("kind"), max_length=16, choices=UserKind.choices)
    full_name = models.CharField(_("full name"), max_length=100)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    id_type = models.CharField(_("identity document type"), max_length=40, blank=True)
    id_number = models.CharField(_("identity document number"), max_length=32, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def is_court_staff(self) -> bool:
        return self.kind == UserKind.STAFF

    @property
    def is_public_user(self) -> bool:
        return self.kind in (UserKind.LITIGANT, UserKind.LAWYER)

    @property
    def lawyer_application(self):
        """The latest registration as a lawyer (`LawyerApplication`), or None. Earlier ones
        stay on record: a refused lawyer corrects and applies again."""
        return self.lawyer_applications.order_by("-submitted_at", "-id").first()

    @property
    def masked_id_number(self) -> str:
        from tianping.lib.masking import mask_id_number

        return mask_id_number(self.id_number)


class LawyerProfile(models.Model):
    """A lawyer's practising credentials: bar licence number (执业证号) and law firm."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="lawyer_profile", verbose_name=_("user")
    )
    licence_number = models.CharField(_("bar licence number"), max_length=17, unique=True)
    law_firm = models.CharField(_("law firm"), max_length=200)

    class Meta:
        ordering = ["licence_number"]
        verbose_name = _("lawyer profile")
        verbose_name_plural = _("lawyer profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.law_firm})"


class LawyerApplication(models.Model):
    """A lawyer's self-registration, waiting for a court's filing clerk or administrator
    to check the licence (`courts.lawyers`). Until verified the account is a litigant's:
    no lawyer's profile, so it cannot act as anyone's representative. A refused lawyer may
    correct the details and apply again: a new row, the refused one kept; at most one of
    a person's registrations waits or is verified."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified")
        REFUSED = "refused", _("Refused")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="lawyer_applications", verbose_name=_("user")
    )
    licence_number = models.CharField(_("bar licence number"), max_length=17)
    law_firm = models.CharField(_("law firm"), max_length=200)
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="+", verbose_name=_("court")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status__in=["pending", "verified"]),
                name="one_open_lawyer_application",
            )
        ]
        verbose_name = _("lawyer's registration")
        verbose_name_plural = _("lawyers' registrations")

    def __str__(self) -> str:
        return f"{self.user} ({self.licence_number})"


class RegistrationAttempt(models.Model):
    """A self-registration from a client address, kept an hour or two to throttle it."""

    ip_address = models.GenericIPAddressField(null=True)
    attempted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-attempted_at"]

    def __str__(self) -> str:
        return f"{self.ip_address} {self.attempted_at:%Y-%m-%d %H:%M}"


class LoginFailure(models.Model):
    """A failed sign-in, kept to throttle guessing across all application servers."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True)
    failed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-failed_at"]

    def __str__(self) -> str:
        return f"{self.username} {self.failed_at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A token for integrations calling the REST API. Only its SHA-256 digest is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class PasswordResetRequest(models.Model):
    """A password-reset request, kept an hour or two to limit the mail per account and
    per address. The e-mail address entered is kept only as a SHA-256 digest."""

    account_key = models.CharField(max_length=64, db_index=True)
    ip_address = models.GenericIPAddressField(null=True)
    requested_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.account_key[:8]} {self.requested_at:%Y-%m-%d %H:%M}"
