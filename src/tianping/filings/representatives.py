"""Checks of a representative's details where a filer (often a lawyer) enters them: a
lawyer's bar licence number (执业证号) has 17 digits, and an identity number shaped like
a resident identity card's (18 characters, or the old 15 digits) must pass its checks
(`catalog.identity`: province, birth date, GB 11643 check digit). Other documents
(a passport, a permit) are kept as entered, normalised."""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.catalog.choices import DocumentType
from tianping.catalog.identity import IdentityError, validate_document

RESIDENT_ID_SHAPE = re.compile(r"^(\d{17}[\dX]|\d{15})$")
LICENCE_NUMBER = re.compile(r"^\d{17}$")


def check_representative(details: dict) -> None:
    """Raise ValidationError naming what is wrong in DETAILS (normalised already)."""
    errors = []
    number = details.get("id_number") or ""
    if RESIDENT_ID_SHAPE.match(number):
        try:
            validate_document(DocumentType.RESIDENT_ID, number, today=timezone.localdate())
        except IdentityError as error:
            errors.append(_("%(name)s: %(error)s") % {"name": details.get("name"), "error": error})
    licence = details.get("licence_number") or ""
    if licence and not LICENCE_NUMBER.match(licence):
        errors.append(
            _("%(name)s: a bar licence number has 17 digits.") % {"name": details.get("name")}
        )
    if errors:
        raise ValidationError(errors)
