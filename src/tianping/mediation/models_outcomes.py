"""What a mediation ends in (M3), and groups of disputes (M5).

- `MediationAgreement`: the agreement (调解协议), drafted by the mediator from a template
  (`mediation.agreement_templates`) and signed by every party: online, each party confirming
  it while signed in (a `AgreementSignature` with its time), or on paper, the signed scan
  uploaded and each paper signature recorded by the mediator. It takes effect when the last
  party has signed (`signed_on`). Then: (a) judicial confirmation (司法确认, a 民特 case
  applied for jointly within 30 days), (b) a mediation document (调解书) issued by the court,
  or (c) performed voluntarily. Whether it was performed or later broken is recorded; the
  mediator's performance figures count both.
- `MediationRating`: a party's rating of the mediator, once per party and mediation.
- `MediationGroup`: many applicants against one respondent (seed 001's migrant workers),
  one mediation per applicant, handled together.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.lib.money import AmountField
from tianping.parties.models import new_public_code


class AgreementRoute(models.TextChoices):
    """How an agreement is made enforceable or carried out."""

    CONFIRMATION = "confirmation", _("Judicial confirmation (司法确认)")
    DOCUMENT = "document", _("Mediation document issued by the court (调解书)")
    VOLUNTARY = "voluntary", _("Performed voluntarily")


class Performance(models.TextChoices):
    PERFORMED = "performed", _("Performed")
    BROKEN = "broken", _("Not performed")


class SignatureMethod(models.TextChoices):
    ONLINE = "online", _("Signed online")
    PAPER = "paper", _("Signed on paper")


def agreement_path(instance, filename: str) -> str:
    return f"mediation/agreements/{instance.mediation.code}/{filename}"


class MediationAgreement(models.Model):
    mediation = models.OneToOneField(
        "mediation.Mediation", on_delete=models.PROTECT, related_name="agreement",
        verbose_name=_("mediation"),
    )
    template = models.CharField(_("template"), max_length=24)
    text = models.TextField(_("terms of the agreement"), max_length=20000)
    amount = AmountField(_("amount agreed (yuan)"), null=True, blank=True)
    pay_by = models.DateField(_("to be paid by"), null=True, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("drafted by"),
    )
    drafted_at = models.DateTimeField(_("drafted at"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    paper_scan = models.FileField(_("signed paper agreement"), upload_to=agreement_path,
                                  blank=True)
    signed_on = models.DateField(_("in effect since"), null=True, blank=True)
    route = models.CharField(_("made enforceable by"), max_length=16, blank=True,
                             choices=AgreementRoute.choices)
    route_chosen_on = models.DateField(null=True, blank=True)
    performance = models.CharField(_("performance"), max_length=12, blank=True,
                                   choices=Performance.choices)
    performance_noted_on = models.DateField(null=True, blank=True)
    performance_note = models.CharField(_("note on performance"), max_length=500, blank=True)
    request = models.OneToOneField(
        "filings.Filing", on_delete=models.PROTECT, null=True, blank=True,
        related_name="mediation_agreement",
        verbose_name=_("application to the court"),
        help_text=_("The application for judicial confirmation or for a mediation document."),
    )

    class Meta:
        verbose_name = _("mediation agreement")
        verbose_name_plural = _("mediation agreements")

    def __str__(self) -> str:
        return f"{self.mediation} · {_('agreement')}"

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None


class AgreementSignature(models.Model):
    """One party's signature of one version of the agreement: who, how and when."""

    agreement = models.ForeignKey(MediationAgreement, on_delete=models.CASCADE,
                                  related_name="signatures")
    version = models.PositiveSmallIntegerField()
    party = models.ForeignKey("filings.FilingParty", on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("party"))
    method = models.CharField(_("how"), max_length=8, choices=SignatureMethod.choices)
    signed_at = models.DateTimeField(_("signed at"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("recorded by"))
    joins_confirmation = models.BooleanField(
        _("applies for judicial confirmation"), default=False,
        help_text=_("The party applies, jointly with the others, for judicial confirmation."),
    )

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "version", "party"],
                                    name="agreement_signed_once"),
        ]

    def __str__(self) -> str:
        return f"{self.party} · {self.signed_at:%Y-%m-%d %H:%M}"


class MediationRating(models.Model):
    mediation = models.ForeignKey("mediation.Mediation", on_delete=models.CASCADE,
                                  related_name="ratings")
    party = models.ForeignKey("filings.FilingParty", on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("party"))
    stars = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    rated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mediation", "party"], name="mediation_rated_once"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5),
                                   name="mediation_rating_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.mediation} · {self.stars}"


class MediationGroup(models.Model):
    """A group dispute: many applicants, one respondent, one mediation each."""

    code = models.CharField(_("group code"), max_length=12, unique=True,
                            default=new_public_code)
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT,
                              related_name="mediation_groups", verbose_name=_("court"))
    title = models.CharField(_("title"), max_length=200)
    is_migrant_wages = models.BooleanField(_("migrant workers' wages"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("group dispute")
        verbose_name_plural = _("group disputes")

    def __str__(self) -> str:
        return self.title
