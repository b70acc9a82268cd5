"""The filer's answer to a recommendation to mediate first (分调裁审).

Recorded with the recommendation it answered (the rule and its reasons, as codes), who
recorded it and when, as a timeline event and in the audit record. Only a record: handing
in, the receipt and the review clock never depend on it (立案登记制); the mediation flow
takes up the filings whose filer consented (`queries.filings_consented_to_mediation`).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.filings.actions.common import locked
from tianping.filings.choices import MediationChoice
from tianping.filings.events import filing_event
from tianping.filings.models import Filing
from tianping.filings.permissions import require_mediation_chooser
from tianping.filings.queries import mediation_recommendation

CHOICES = (MediationChoice.CONSENTED, MediationChoice.DECLINED)
FIELDS = ["mediation_recommended", "mediation_choice", "mediation_choice_at", "mediation_choice_by"]


def record_mediation_choice(filing: Filing, *, choice: str, actor, acted_for=None) -> Filing:
    """The filer (or the filing division for them) consents to mediation or declines it.

    Refused when no rule recommends mediation for the filing as it stands. Choosing again
    replaces the answer; each answer is its own event. Returns the filing."""
    require_mediation_chooser(filing, acted_for or actor)
    if choice not in CHOICES:
        raise ValidationError(_("Choose whether to try mediation first."))
    with transaction.atomic():
        filing = locked(filing)
        require_mediation_chooser(filing, acted_for or actor)
        _record(filing, choice, actor=actor, acted_for=acted_for)
    return filing


def record_if_recommended(filing: Filing, *, choice: str, actor, acted_for=None) -> bool:
    """Inside an action that holds the filing's lock (a hand-in at the window): record
    CHOICE if a rule recommends mediation; nothing otherwise. True when recorded."""
    if choice not in CHOICES:
        return False
    recommendation = mediation_recommendation(filing)
    if recommendation is None or not recommendation.recommended:
        return False
    _record(filing, choice, actor=actor, acted_for=acted_for, recommendation=recommendation)
    return True


def _record(filing, choice, *, actor, acted_for, recommendation=None) -> None:
    recommendation = recommendation or mediation_recommendation(filing)
    if recommendation is None or not recommendation.recommended:
        raise ValidationError(_("No rule of the court recommends mediation for this filing."))
    filing.mediation_recommended = recommendation.as_stored()
    filing.mediation_choice = choice
    filing.mediation_choice_at = timezone.now()
    filing.mediation_choice_by = actor if getattr(actor, "pk", None) else None
    filing.save(update_fields=[*FIELDS, "updated_at"])
    details = {"rule": recommendation.rule.name, "steering_reasons": list(recommendation.reasons)}
    if choice == MediationChoice.CONSENTED:
        filing_event(filing, "mediation_consented", actor=actor, acted_for=acted_for, **details)
    else:
        filing_event(filing, "mediation_declined", actor=actor, acted_for=acted_for, **details)
