"""API of the tools: litigation fees, case-number parsing and identity-document checks.

Same pure functions as the pages and the commands; the fee and case-number answers have
the shape of the commands' JSON. Bad input gives 422 with {"detail": [...]}.
"""

from datetime import date
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Router, Schema
from pydantic import StrictFloat, StrictInt, StrictStr

from .case_numbers import MAX_CASE_NUMBERS, parse_each, to_json_dict
from .choices import DocumentType, FeeKind, HalvingReason, Sex
from .fees import FeeError, compute_fee, fee_as_dict
from .identity import IdentityError, birth_date_and_sex, mask_number, normalize, validate_document

router = Router(tags=["tools"])

# Document types whose 18-character number records the birth date and sex (GB 11643).
_WITH_BIRTH_DATE = {
    DocumentType.RESIDENT_ID,
    DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT,
    DocumentType.FOREIGN_PERMANENT_RESIDENCE,
}


class FeeIn(Schema):
    kind: FeeKind
    amount: StrictStr | StrictInt | StrictFloat | None = Field(
        None, description="Yuan, at most two decimals; a string keeps cents exact."
    )
    summary: bool = Field(False, description="Summary procedure: halve the fee (art. 16).")
    reason: HalvingReason | None = Field(None, description="A further ground for halving.")


class FeeStepOut(Schema):
    code: str
    article: str
    description: str
    part: str
    part_max: str | None
    lower: str | None
    upper: str | None
    rate: str | None
    base: str | None


class FeeOut(Schema):
    kind: FeeKind
    fee: str | None = Field(..., description="Null where the law gives a range.")
    fee_min: str
    fee_max: str
    steps: list[FeeStepOut]


@router.post("/fees", response=FeeOut, summary="Compute a litigation fee step by step")
def fees(request, payload: FeeIn):
    amount = payload.amount
    if isinstance(amount, float):
        amount = Decimal(repr(amount))  # the shortest decimal that reads back as the float
    try:
        result = compute_fee(payload.kind, amount, summary=payload.summary, reason=payload.reason)
    except FeeError as error:
        raise ValidationError(str(error)) from None
    return fee_as_dict(result)


class CaseNumbersIn(Schema):
    numbers: list[str] = Field(..., max_length=MAX_CASE_NUMBERS)


class ParsedOut(Schema):
    input: str
    year: int
    court_code: str | None
    court_name: str | None
    special_code: str | None
    type_code: str
    type_name: str | None
    serial: int
    legacy: bool
    normalized: str


class InvalidOut(Schema):
    input: str
    error: str


class CaseNumbersOut(Schema):
    results: list[ParsedOut | InvalidOut]
    valid: int
    invalid: int


@router.post("/case-numbers/parse", response=CaseNumbersOut, summary="Parse case numbers, in order")
def parse_case_numbers(request, payload: CaseNumbersIn):
    parsed = parse_each(payload.numbers, latest_year=timezone.localdate().year)
    results = [to_json_dict(each) for each in parsed]
    invalid = sum("error" in each for each in results)
    return {"results": results, "valid": len(results) - invalid, "invalid": invalid}


class IdentityIn(Schema):
    doc_type: DocumentType
    number: Annotated[str, Field(max_length=100)]


class IdentityOut(Schema):
    valid: bool
    normalized: str | None = Field(..., description="Only when valid.")
    masked: str = Field(..., description="For display: 110105********1234.")
    birth_date: date | None
    sex: Sex | None
    error: str | None
    error_code: str | None


@router.post("/identity/check", response=IdentityOut, summary="Check an identity document")
def check_identity(request, payload: IdentityIn):
    try:
        number = validate_document(payload.doc_type, payload.number, today=timezone.localdate())
    except IdentityError as error:
        return _invalid(payload.number, error)
    born, sex = None, None
    if payload.doc_type in _WITH_BIRTH_DATE and len(number) == 18:
        born, sex = birth_date_and_sex(number, doc_type=payload.doc_type)
    return {
        "valid": True,
        "normalized": number,
        "masked": mask_number(number),
        "birth_date": born,
        "sex": sex,
        "error": None,
        "error_code": None,
    }


def _invalid(number: str, error: IdentityError) -> dict:
    try:
        masked = mask_number(normalize(number))
    except IdentityError:
        masked = mask_number(number)
    return {
        "valid": False,
        "normalized": None,
        "masked": masked,
        "birth_date": None,
        "sex": None,
        "error": str(error),
        "error_code": error.code,
    }
