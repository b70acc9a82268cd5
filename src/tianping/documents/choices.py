from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The kinds of document a court lays out from its own templates."""

    ACCEPTANCE_NOTICE = "acceptance_notice", _("Notice of acceptance (受理通知书)")
    RESPONSE_NOTICE = "response_notice", _("Notice to respond (应诉通知书)")
    EVIDENCE_NOTICE = "evidence_notice", _("Notice to produce evidence (举证通知书)")
    SUMMONS = "summons", _("Summons (传票)")
    APPEARANCE_NOTICE = "appearance_notice", _("Notice to appear (出庭通知书)")
    ADDRESS_CONFIRMATION = "address_confirmation", _(
        "Address confirmation form (送达地址确认书)")


# The kinds that speak of a hearing: issued with one.
HEARING_KINDS = frozenset({Kind.SUMMONS, Kind.APPEARANCE_NOTICE})
