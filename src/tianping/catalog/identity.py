"""Identity document numbers: normalising and checking them (证件号码校验).

Pure: no database and no clock; pass ``today`` to reject birth dates in the future.
Check digits come from python-stdnum (``cn.ric`` for the GB 11643 check digit shared by
resident IDs, residence permits and the new permanent-residence card; ``cn.uscc`` for
GB 32100). Errors carry a ``code`` for programs and a translated message for people.
"""

import re
import unicodedata
from datetime import date

from django.utils.translation import gettext as _
from stdnum.cn import ric, uscc

from tianping.lib.masking import mask_id_number

from .choices import DocumentType, Sex

# GB/T 2260 province-level codes (first two digits of a resident ID). The county part is
# not looked up: a number keeps the code of the county that issued it, and county codes
# change, so a county lookup rejects genuine numbers.
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71".split()
)
RESIDENCE_PERMIT_PREFIXES = ("810000", "820000", "830000")  # Hong Kong, Macao, Taiwan
EARLIEST_BIRTH = date(1900, 1, 1)
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, S, V, Z


class IdentityError(ValueError):
    """A document number that cannot be accepted; ``code`` names the reason."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def validate_document(doc_type: str, number: str, *, today: date | None = None) -> str:
    """Return ``number`` normalised (upper case, no spaces or hyphens) if it is valid.

    Raises IdentityError saying what is wrong. Without ``today`` a birth date in the
    future is not detected.
    """
    if doc_type not in _VALIDATORS:
        raise IdentityError(
            _("Unknown document type %(type)r.") % {"type": doc_type}, "unknown_type"
        )
    return _VALIDATORS[doc_type](normalize(number), today)


def normalize(number: str) -> str:
    """Full-width characters to ASCII, spaces and hyphens removed, upper case."""
    if not isinstance(number, str):
        raise IdentityError(_("The document number must be text."), "characters")
    text = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", number)).upper()
    if not text:
        raise IdentityError(_("The document number is empty."), "empty")
    return text


def birth_date_and_sex(
    number: str, *, doc_type: str = DocumentType.RESIDENT_ID
) -> tuple[date, Sex]:
    """Birth date (digits 7-14) and sex (digit 17: odd male, even female) of a valid number.

    Works for resident IDs and for the 18-digit residence permit and permanent-residence
    card, which share the layout.
    """
    number = validate_document(doc_type, number)
    if len(number) != 18:
        raise IdentityError(_("This number does not record a birth date."), "format")
    sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    return _birth_date(number), sex


def mask_number(number: str) -> str:
    """Mask a document number for display: 110105********1234 (see lib.masking)."""
    return mask_id_number(number)


def _resident_id(number: str, today: date | None) -> str:
    if len(number) == 15 and number.isdigit():
        raise IdentityError(
            _(
                "First-generation 15-digit ID numbers are no longer valid; give the 18-digit "
                "number."
            ),
            "length",
        )
    if number.startswith(RESIDENCE_PERMIT_PREFIXES):
        raise IdentityError(
            _(
                "This is a residence permit number for Hong Kong, Macao or Taiwan residents; "
                "choose that document type."
            ),
            "type_mismatch",
        )
    _check_gb11643(number, today)
    if number[:2] not in PROVINCES:
        raise IdentityError(
            _("%(code)s is not a province code; the number is mistyped.") % {"code": number[:2]},
            "region",
        )
    return number


def _residence_permit(number: str, today: date | None) -> str:
    _check_gb11643(number, today)
    if not number.startswith(RESIDENCE_PERMIT_PREFIXES):
        raise IdentityError(
            _("A residence permit number starts with 810000, 820000 or 830000."), "format"
        )
    return number


def _permanent_residence(number: str, today: date | None) -> str:
    if len(number) == 15:
        return _match(
            number, r"[A-Z]{3}\d{12}", _("An old-style card number has 3 letters then 12 digits.")
        )
    _check_gb11643(number, today)
    if not number.startswith("9"):
        raise IdentityError(_("A new-style card number starts with 9."), "format")
    return number


def _check_gb11643(number: str, today: date | None) -> None:
    """Characters, length, check digit and birth date of a GB 11643 number."""
    if not re.fullmatch(r"\d*[\dX]?", number):
        raise IdentityError(
            _("Only digits are allowed, and X as the last character."), "characters"
        )
    if len(number) != 18:
        raise IdentityError(
            _("The number must have 18 characters, not %(n)d.") % {"n": len(number)}, "length"
        )
    if ric.calc_check_digit(number) != number[-1]:
        raise IdentityError(
            _("The check digit (last character) does not match: the number is mistyped."),
            "checksum",
        )
    _check_birth_date(_birth_date(number), today)


def _birth_date(number: str) -> date:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdentityError(
            _("%(digits)s is not a real birth date.") % {"digits": number[6:14]}, "birth_date"
        ) from None


def _check_birth_date(born: date, today: date | None) -> None:
    if born < EARLIEST_BIRTH:
        raise IdentityError(
            _("The birth date %(date)s is impossibly early.") % {"date": born.isoformat()},
            "birth_date",
        )
    if today is not None and born > today:
        raise IdentityError(
            _("The birth date %(date)s is in the future.") % {"date": born.isoformat()}, "future"
        )


def _uscc(number: str, today: date | None) -> str:
    """GB 32100. stdnum's own ``validate`` wants 8 leading digits, which rejects codes
    of authorities with letter codes (N: rural collectives, Y: others), so the format is
    checked here and only the check digit is taken from stdnum."""
    if any(c not in USCC_CHARS for c in number):
        raise IdentityError(
            _("Only digits and the capital letters other than I, O, S, V and Z are allowed."),
            "characters",
        )
    if len(number) != 18:
        raise IdentityError(
            _("The code must have 18 characters, not %(n)d.") % {"n": len(number)}, "length"
        )
    if number[0] == "0" or not number[2:8].isdigit():
        raise IdentityError(_("Characters 3 to 8 must be the digits of a region code."), "format")
    if uscc.calc_check_digit(number) != number[-1]:
        raise IdentityError(
            _("The check character (last) does not match: the code is mistyped."), "checksum"
        )
    return number


def _match(number: str, pattern: str, message: str) -> str:
    if not re.fullmatch(pattern, number):
        raise IdentityError(message, "format")
    return number


def _passport(number: str, today: date | None) -> str:
    """Format only: passports of other countries follow no common rule. Chinese ordinary
    passports are E or G and 8 more characters (e.g. E12345678, EA1234567)."""
    return _match(number, r"[A-Z0-9]{5,17}", _("A passport number has 5 to 17 letters and digits."))


def _hk_macao_permit(number: str, today: date | None) -> str:
    return _match(
        number,
        r"[HM](\d{8}|\d{10})",
        _("The permit number is H (Hong Kong) or M (Macao) then 8 or 10 digits."),
    )


def _taiwan_permit(number: str, today: date | None) -> str:
    """8 digits on the card issued since 2015; the older booklets have 10 characters."""
    return _match(
        number,
        r"\d{8}|[0-9A-Z]{10}",
        _("The permit number has 8 digits (or 10 characters on an old permit)."),
    )


def _other(number: str, today: date | None) -> str:
    """Any script: other documents (军官证 and the like) may hold Chinese characters."""
    if len(number) > 32 or not all(c.isalnum() or c in "()/." for c in number):
        raise IdentityError(
            _("The number has at most 32 letters, digits and the signs ( ) / ."), "format"
        )
    return number


_VALIDATORS = {
    DocumentType.RESIDENT_ID: _resident_id,
    DocumentType.USCC: _uscc,
    DocumentType.PASSPORT: _passport,
    DocumentType.HK_MACAO_PERMIT: _hk_macao_permit,
    DocumentType.TAIWAN_PERMIT: _taiwan_permit,
    DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT: _residence_permit,
    DocumentType.FOREIGN_PERMANENT_RESIDENCE: _permanent_residence,
    DocumentType.OTHER: _other,
}
