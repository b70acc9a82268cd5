"""Identity document numbers: what a filing clerk may accept, and why not."""

from datetime import date

import pytest
from django.utils import translation
from stdnum.cn import uscc

from tianping.catalog.choices import DocumentType, Sex
from tianping.catalog.identity import (
    IdentityError,
    birth_date_and_sex,
    mask_number,
    validate_document,
)

TODAY = date(2025, 6, 1)


@pytest.fixture(autouse=True)
def english():
    """Messages are matched in English, whatever the default language."""
    with translation.override("en"):
        yield


def _with_check_digit(first17: str) -> str:
    """A GB 11643 number: the check digit by the standard's weights, worked here by hand."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


def _uscc(first17: str) -> str:
    return first17 + uscc.calc_check_digit(first17 + "0")


VALID_USCC = _uscc("91110108MA01ABCDE")
RURAL_COLLECTIVE_USCC = _uscc("N2370000MF1234567")  # letter authority code: stdnum refuses it

VALID = [
    (DocumentType.RESIDENT_ID, "152502198503120022", "152502198503120022"),
    (DocumentType.RESIDENT_ID, "110105199001011232", "110105199001011232"),
    (DocumentType.RESIDENT_ID, "11010519900101103x", "11010519900101103X"),
    (DocumentType.RESIDENT_ID, " 110105 19900101 1232 ", "110105199001011232"),
    (DocumentType.RESIDENT_ID, "１１０１０５１９９００１０１１２３２", "110105199001011232"),
    (DocumentType.USCC, "91110000600037341L", "91110000600037341L"),
    (DocumentType.USCC, VALID_USCC.lower(), VALID_USCC),
    (DocumentType.USCC, RURAL_COLLECTIVE_USCC, RURAL_COLLECTIVE_USCC),
    (DocumentType.PASSPORT, "e12345678", "E12345678"),
    (DocumentType.PASSPORT, "EA1234567", "EA1234567"),
    (DocumentType.PASSPORT, "X1234", "X1234"),
    (DocumentType.HK_MACAO_PERMIT, "H12345678", "H12345678"),
    (DocumentType.HK_MACAO_PERMIT, "M1234567890", "M1234567890"),
    (DocumentType.TAIWAN_PERMIT, "12345678", "12345678"),
    (DocumentType.TAIWAN_PERMIT, "1234567890", "1234567890"),
    (DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, _with_check_digit("81000019900101123"), None),
    (DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, _with_check_digit("83000019900101123"), None),
    (DocumentType.FOREIGN_PERMANENT_RESIDENCE, _with_check_digit("91184019900101001"), None),
    (DocumentType.FOREIGN_PERMANENT_RESIDENCE, "USA110590101001", "USA110590101001"),
    (DocumentType.OTHER, "南字第123456号", "南字第123456号"),
]


@pytest.mark.parametrize(("doc_type", "number", "normalized"), VALID)
def test_valid_numbers_are_accepted_and_normalized(doc_type, number, normalized):
    assert validate_document(doc_type, number, today=TODAY) == (normalized or number)


INVALID = [
    # the two examples of the brief have wrong check digits (should end 2 and 2)
    (DocumentType.RESIDENT_ID, "152502198503120029", "checksum"),
    (DocumentType.RESIDENT_ID, "11010519900101123X", "checksum"),
    (DocumentType.RESIDENT_ID, "11010519900101123", "length"),
    (DocumentType.RESIDENT_ID, "1101051990010112322", "length"),
    (DocumentType.RESIDENT_ID, "110105900101123", "length"),  # first generation
    (DocumentType.RESIDENT_ID, "1101051990010112X2", "characters"),
    (DocumentType.RESIDENT_ID, "11010519900101123A", "characters"),
    (DocumentType.RESIDENT_ID, _with_check_digit("11010519900230123"), "birth_date"),
    (DocumentType.RESIDENT_ID, _with_check_digit("11010518991231123"), "birth_date"),
    (DocumentType.RESIDENT_ID, _with_check_digit("11010520300101123"), "future"),
    (DocumentType.RESIDENT_ID, _with_check_digit("99010519900101123"), "region"),
    (DocumentType.RESIDENT_ID, _with_check_digit("81000019900101123"), "type_mismatch"),
    (DocumentType.RESIDENT_ID, "", "empty"),
    (DocumentType.RESIDENT_ID, "   ", "empty"),
    (DocumentType.USCC, "91110000600037341A", "checksum"),
    (DocumentType.USCC, "91110000600037341", "length"),
    (DocumentType.USCC, "9111000060003734IL", "characters"),
    (DocumentType.USCC, "911A0000600037341L", "format"),
    (DocumentType.PASSPORT, "E123", "format"),
    (DocumentType.PASSPORT, "E1234567890123456789", "format"),
    (DocumentType.PASSPORT, "E1234567#", "format"),
    (DocumentType.HK_MACAO_PERMIT, "K12345678", "format"),
    (DocumentType.HK_MACAO_PERMIT, "H123456789", "format"),
    (DocumentType.TAIWAN_PERMIT, "1234567", "format"),
    (
        DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT,
        _with_check_digit("11010519900101123"),
        "format",
    ),
    (DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, "810000199001011231", "checksum"),
    (DocumentType.FOREIGN_PERMANENT_RESIDENCE, _with_check_digit("81184019900101001"), "format"),
    (DocumentType.FOREIGN_PERMANENT_RESIDENCE, _with_check_digit("91184020300101001"), "future"),
    (DocumentType.FOREIGN_PERMANENT_RESIDENCE, "US1110590101001", "format"),
    (DocumentType.OTHER, "A" * 33, "format"),
    ("driving_licence", "123", "unknown_type"),
]


@pytest.mark.parametrize(("doc_type", "number", "code"), INVALID)
def test_invalid_numbers_are_refused_with_a_reason(doc_type, number, code):
    with pytest.raises(IdentityError) as error:
        validate_document(doc_type, number, today=TODAY)

    assert error.value.code == code
    assert str(error.value)


def test_birth_date_in_the_future_passes_without_today():
    number = _with_check_digit("11010520300101123")

    assert validate_document(DocumentType.RESIDENT_ID, number) == number


def test_birth_today_is_not_in_the_future():
    number = _with_check_digit("11010520250601123")

    assert validate_document(DocumentType.RESIDENT_ID, number, today=TODAY) == number


def test_messages_say_what_is_wrong():
    with pytest.raises(IdentityError, match="19900230 is not a real birth date"):
        validate_document(DocumentType.RESIDENT_ID, _with_check_digit("11010519900230123"))


def test_number_that_is_not_text_is_refused():
    with pytest.raises(IdentityError):
        validate_document(DocumentType.RESIDENT_ID, 110105199001011232)


@pytest.mark.parametrize(
    ("number", "born", "sex"),
    [
        ("152502198503120022", date(1985, 3, 12), Sex.FEMALE),
        ("110105199001011232", date(1990, 1, 1), Sex.MALE),
        ("11010519900101103X", date(1990, 1, 1), Sex.MALE),
    ],
)
def test_birth_date_and_sex(number, born, sex):
    assert birth_date_and_sex(number) == (born, sex)


def test_birth_date_and_sex_of_a_residence_permit():
    number = _with_check_digit("82000019851231123")

    born, sex = birth_date_and_sex(number, doc_type=DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT)

    assert (born, sex) == (date(1985, 12, 31), Sex.MALE)


def test_birth_date_and_sex_of_an_invalid_number_raises():
    with pytest.raises(IdentityError):
        birth_date_and_sex("152502198503120029")


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("110105199001011232", "110105********1232"),
        ("E12345678", "E1*****78"),
        ("", ""),
    ],
)
def test_mask_number(number, masked):
    assert mask_number(number) == masked


def test_document_types_have_labels():
    assert "居民身份证" in str(DocumentType.RESIDENT_ID.label)
    assert len(DocumentType.choices) == 8
