from django.db import models
from django.utils.translation import gettext_lazy as _


class HearingKind(models.TextChoices):
    HEARING = "hearing", _("Hearing (开庭)")
    INQUIRY = "inquiry", _("Inquiry (询问)")
    MEDIATION = "mediation", _("Mediation session of the judge (调解)")
    PRONOUNCEMENT = "pronouncement", _("Pronouncement (宣判)")


class PlaceKind(models.TextChoices):
    COURTROOM = "courtroom", _("Courtroom of the court")
    ONLINE = "online", _("Online room (link)")
    CIRCUIT = "circuit", _("Circuit trial (巡回审判)")


class HearingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class CausedBy(models.TextChoices):
    """Who caused a postponement (延期开庭), so that delay can be attributed."""

    PARTY = "party", _("A party")
    COURT = "court", _("The court")
    OTHER = "other", _("Other")


class IntervalException(models.TextChoices):
    """Why the next session may be more than a month away (2019 rules art. 5)."""

    NONE = "", _("None")
    FORCE_MAJEURE = "force_majeure", _("Force majeure")
    CONSENT = "consent", _("The parties consent")
