"""What filings and cases share about parties: their details and public codes."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from tianping.lib.masking import mask_id_number
from tianping.parties.choices import PartyKind, PartyRole

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out over the phone


def new_public_code() -> str:
    """A random code for URLs and receipts: litigants never see sequential keys."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(10))


class PartyDetails(models.Model):
    """Who a party is: role, kind, name, identity document and contact (filing and case)."""

    role = models.CharField(_("role"), max_length=24, choices=PartyRole.choices)
    kind = models.CharField(
        _("kind"), max_length=16, choices=PartyKind.choices, default=PartyKind.NATURAL_PERSON
    )
    name = models.CharField(_("name"), max_length=200)
    doc_type = models.CharField(_("document type"), max_length=40)
    id_number = models.CharField(_("document number"), max_length=40)
    legal_representative = models.CharField(_("legal representative"), max_length=100, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.name}"

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)
