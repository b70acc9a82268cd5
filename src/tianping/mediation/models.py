"""A court's partners in mediation and its roster of mediators (诉调对接, 特邀调解).

- `Partner`: an organisation the court works with (司法局, 人社局, 工商联, 妇联, 总工会, a trade
  association, a people's mediation committee), with its `PartnerAgreement`s and the
  people who coordinate it for the organisation (`PartnerCoordinator`).
- `Station`: a place where mediation is offered: a station, a dedicated window or a room
  (工商联法律服务站, 营商环境调解室), the court's own or a partner's.
- `Mediator`: an entry of the court's roster (名册, 特邀调解规定 arts. 5, 8, 10), with the
  specialities and languages as codes of `choices`, stored as one delimited text
  (",family,labour,") so that a filter is one portable LIKE on every database. Removal from
  the roster sets `delisted_on` and keeps the row (the performance file stays).
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tianping.mediation.choices import (
    Language,
    MediatorKind,
    PartnerKind,
    Speciality,
    StationKind,
)

MAX_SPECIALITIES = len(Speciality.values)
MAX_LANGUAGES = len(Language.values)


def joined_codes(codes) -> str:
    """CODES as stored: ",a,b," (empty for none), in the vocabulary's order."""
    codes = [c for c in codes if c]
    return f",{','.join(codes)}," if codes else ""


def split_codes(text: str) -> list[str]:
    return [c for c in (text or "").split(",") if c]


def listed(labels) -> str:
    """LABELS read as a list: 婚姻家庭、劳动争议 in Chinese, "a, b" in English."""
    sep = "、" if (get_language() or "").startswith("zh") else ", "
    return sep.join(str(label) for label in labels)


class Partner(models.Model):
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="mediation_partners",
        verbose_name=_("court"),
    )
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=40, choices=PartnerKind.choices)
    contact_person = models.CharField(_("contact person"), max_length=50, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("mediation partner")
        verbose_name_plural = _("mediation partners")
        constraints = [
            models.UniqueConstraint(fields=["court", "name"], name="mediation_partner_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class PartnerAgreement(models.Model):
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("partner")
    )
    title = models.CharField(_("title"), max_length=200)
    signed_on = models.DateField(_("signed on"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    scope = models.TextField(_("scope"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-valid_from", "id"]
        verbose_name = _("partner agreement")
        verbose_name_plural = _("partner agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="mediation_agreement_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def in_force(self, on: datetime.date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)


class PartnerCoordinator(models.Model):
    """A person who coordinates PARTNER's mediators: sees them and their work."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="coordinators", verbose_name=_("partner")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coordinated_partners",
        verbose_name=_("account"),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("partner coordinator")
        verbose_name_plural = _("partner coordinators")
        constraints = [
            models.UniqueConstraint(fields=["partner", "user"], name="mediation_coordinator_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.partner}"


class Station(models.Model):
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="mediation_stations",
        verbose_name=_("court"),
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, null=True, blank=True, related_name="stations",
        verbose_name=_("partner"),
    )
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=StationKind.choices)
    township = models.CharField(_("township"), max_length=60, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("mediation station")
        verbose_name_plural = _("mediation stations")
        constraints = [
            models.UniqueConstraint(fields=["court", "name"], name="mediation_station_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Mediator(models.Model):
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="mediators",
        verbose_name=_("court"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="mediator_entries", verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=50)
    kind = models.CharField(_("kind"), max_length=24, choices=MediatorKind.choices)
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, null=True, blank=True, related_name="mediators",
        verbose_name=_("partner"),
    )
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    specialities = models.CharField(_("specialities"), max_length=200, blank=True)
    languages = models.CharField(_("languages"), max_length=60, blank=True)
    township = models.CharField(_("township"), max_length=60, blank=True)
    capacity = models.PositiveSmallIntegerField(_("open mediations at once"), default=5)
    available = models.BooleanField(_("available"), default=True)
    unavailable_until = models.DateField(_("unavailable until"), null=True, blank=True)
    availability_note = models.CharField(_("availability note"), max_length=200, blank=True)
    listed_on = models.DateField(_("listed on"))
    delisted_on = models.DateField(_("removed from the roster on"), null=True, blank=True)
    delisting_reason = models.CharField(_("reason for removal"), max_length=200, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("mediator")
        verbose_name_plural = _("mediators")
        constraints = [
            models.UniqueConstraint(
                fields=["court", "user"], condition=Q(user__isnull=False),
                name="mediation_mediator_one_entry_per_account",
            )
        ]
        indexes = [models.Index(fields=["court", "name", "id"], name="mediation_roster_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def speciality_codes(self) -> list[str]:
        return split_codes(self.specialities)

    @property
    def language_codes(self) -> list[str]:
        return split_codes(self.languages)

    @property
    def speciality_labels(self) -> list[str]:
        return [str(Speciality(c).label) for c in self.speciality_codes if c in Speciality.values]

    @property
    def language_labels(self) -> list[str]:
        return [str(Language(c).label) for c in self.language_codes if c in Language.values]

    @property
    def speciality_text(self) -> str:
        return listed(self.speciality_labels)

    @property
    def language_text(self) -> str:
        return listed(self.language_labels)

    @property
    def is_listed(self) -> bool:
        return self.delisted_on is None

    def is_available(self, on: datetime.date) -> bool:
        if not self.is_listed:
            return False
        return self.available or (
            self.unavailable_until is not None and self.unavailable_until < on
        )


from tianping.mediation.models_mediations import (  # noqa: E402, F401  (the models of mediations)
    Mediation,
    MediationAnswer,
    MediationEvent,
    MediationSession,
    MediationWarning,
)
from tianping.mediation.models_outcomes import (  # noqa: E402, F401  (outcomes and groups)
    AgreementSignature,
    MediationAgreement,
    MediationGroup,
    MediationRating,
)
