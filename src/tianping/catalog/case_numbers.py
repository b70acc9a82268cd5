"""Case numbers (案号): format them, parse them, and the rules about their serials.

Source: 《最高人民法院关于人民法院案件案号的若干规定》 (法〔2015〕137号, in force 2016-01-01),
amended by 法〔2018〕335号. A case number is

    （收案年度）法院代字 [专门审判代字] 类型代字 案件编号 号      e.g. （2019）最高法知民终1号

Parsing follows the rules rather than one regular expression: the year in brackets; the
court code (最高法, or a province character and 0, 2 or 4 digits), looked up in the catalog
but accepted and flagged when the catalog lacks it; then the letters up to the serial, which
must be one type code, optionally after one specialised-trial code. Because no code holds a
digit, those letters are exactly the longest type-code match (执恢, never 执 + 恢). Numbers
of the pre-2016 form, （2015）海民初字第5号, are parsed as far as they can be and marked legacy.

Pure: no ORM and no clock; a caller that knows today's date passes `latest_year`.
"""

import re
from dataclasses import dataclass
from random import Random
from typing import NamedTuple

from django.utils.translation import gettext as _

from tianping.catalog import reference

MIN_YEAR = 1949  # the people's courts date from 1949; anything earlier is a typo
MAX_YEAR = 2100  # a structural bound; callers pass latest_year for "not in the future"
MAX_SERIAL_DIGITS = 8  # death-penalty review numbers are 8 digits, the longest in use
MAX_CASE_NUMBERS = 1000  # one request; a bigger sheet is checked in parts or by the API
DEATH_PENALTY_REVIEW = "刑核"
LEGACY_MARK = "字第"
LEGACY_PROCEEDINGS = "刑民行执赔"  # where an old-style type code starts, if none is known

_OPENERS, _CLOSERS = "(〔[［【﹝｛{", ")〕]］】﹞｝}"
_NORMALIZE = str.maketrans(
    {**dict.fromkeys(_OPENERS, "（"), **dict.fromkeys(_CLOSERS, "）"),
     **{chr(0xFF10 + d): str(d) for d in range(10)}}  # full-width digits
)
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
_YEAR = re.compile(r"（([0-9]*)）")
_KIND_AND_SERIAL = re.compile(r"([^0-9]+)([0-9]+)")


class CaseNumberError(ValueError):
    """`input` is not a valid case number; `reason` says why, in the active language."""

    def __init__(self, reason: str, input: str = ""):
        super().__init__(reason)
        self.input = input
        self.reason = reason


@dataclass(frozen=True)
class ParsedCaseNumber:
    """The parts of a case number. Codes absent from the number are None."""

    input: str
    year: int
    court_code: str | None
    court_name: str | None
    special_code: str | None
    type_code: str
    type_name: str | None
    serial: int
    legacy: bool
    unknown_court: bool  # a court code the catalog lacks for that year (legacy: any court text)
    normalized: str


class SequenceKey(NamedTuple):
    """One serial sequence per court, per specialised-trial + type code, per year (案号规定)."""

    court_code: str
    special_code: str
    type_code: str
    year: int


def format_case_number(
    year: int, court_code: str, type_code: str, serial: int, special_code: str = ""
) -> str:
    """The canonical case number, e.g. （2024）内2502民初123号; raises CaseNumberError."""
    if isinstance(serial, int) and serial >= 10**MAX_SERIAL_DIGITS:
        serial_text = "…"  # too long to write out (and to read as text: 4,300 digits at most)
        reason = _("The serial number has more than %(n)s digits.") % {"n": MAX_SERIAL_DIGITS}
    else:
        serial_text = str(serial)
        reason = _serial_error(serial_text)
    text = f"（{year}）{court_code}{special_code or ''}{type_code}{serial_text}号"
    _check_parts(text, year, court_code, special_code, type_code)
    _raise_if(text, reason)
    return text


def sequence_key(
    court_code: str, special_code: str | None, type_code: str, year: int
) -> SequenceKey:
    """The key of the serial sequence a new case joins; 刑核 numbers are random, not sequenced."""
    label = f"{court_code} {special_code or ''}{type_code} {year}"
    _check_parts(label, year, court_code, special_code, type_code)
    if type_code == DEATH_PENALTY_REVIEW:
        raise ValueError("刑核 serials are random 8-digit numbers: use random_death_penalty_serial")
    return SequenceKey(court_code, special_code or "", type_code, year)


def random_death_penalty_serial(rng: Random) -> str:
    """An 8-digit random serial for a 刑核 case (art 10). Never starts with 0, so it survives
    being stored as an integer."""
    return str(rng.randint(10 ** (MAX_SERIAL_DIGITS - 1), 10**MAX_SERIAL_DIGITS - 1))


def parse_case_number(text: str, *, latest_year: int | None = None) -> ParsedCaseNumber:
    """Parse `text` as a case number, current or pre-2016; raises CaseNumberError with a reason."""
    clean = _INVISIBLE.sub("", str(text)).translate(_NORMALIZE)
    year, body = _split_year(text, clean)
    _raise_if(text, _year_error(year, latest_year))
    body = _strip_hao(text, body)
    if LEGACY_MARK in body:
        return _parse_legacy(text, year, body)
    return _parse_current(text, year, body)


def parse_each(texts, *, latest_year: int) -> list[ParsedCaseNumber | CaseNumberError]:
    """Parse every text, in order; an invalid one gives its CaseNumberError."""
    return [_parse_one(text, latest_year) for text in texts]


def _parse_one(text: str, latest_year: int) -> ParsedCaseNumber | CaseNumberError:
    try:
        return parse_case_number(text, latest_year=latest_year)
    except CaseNumberError as error:
        return error


def to_json_dict(result: ParsedCaseNumber | CaseNumberError) -> dict:
    """A parse result as JSON-ready data: the parts, or {"input", "error"}."""
    if isinstance(result, CaseNumberError):
        return {"input": result.input, "error": result.reason}
    keys = ("input", "year", "court_code", "court_name", "special_code", "type_code",
            "type_name", "serial", "legacy", "normalized")
    return {key: getattr(result, key) for key in keys}


def _raise_if(text: str, reason: str | None) -> None:
    if reason:
        raise CaseNumberError(reason, input=text)


def _split_year(text: str, clean: str) -> tuple[int, str]:
    match = _YEAR.match(clean)
    if match and len(match[1]) == 4:
        return int(match[1]), clean[match.end() :]
    if not clean:
        reason = _("The case number is empty.")
    elif match:
        reason = _("The year in brackets must have four digits.")
    elif _YEAR.search(clean):
        reason = _(
            "The year in brackets comes after the issuer: this looks like the document number "
            "of another authority (e.g. an administrative penalty), not a court case number.")
    else:
        reason = _("A case number starts with the year in brackets, e.g. （2024）.")
    raise CaseNumberError(reason, input=text)


def _year_error(year: int, latest_year: int | None = None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return _("The year %(year)s is not between %(min)s and %(max)s.") % {
            "year": year, "min": MIN_YEAR, "max": MAX_YEAR}
    if latest_year is not None and year > latest_year:
        return _("The year %(year)s is in the future.") % {"year": year}
    return None


def _strip_hao(text: str, body: str) -> str:
    if body.endswith("号"):
        return body[:-1]
    if "号" in body:
        tail = body.rsplit("号", 1)[1]
        reason = _("Unexpected text after 号: %(tail)s") % {"tail": tail}
        raise CaseNumberError(reason, input=text)
    raise CaseNumberError(_("A case number ends with 号."), input=text)


def _serial_error(digits: str) -> str | None:
    """Why DIGITS is not a serial, or None. The length is checked before the value is read:
    Python refuses to read an integer of more than 4,300 digits."""
    if not digits.isascii() or not digits.isdigit():
        return _("The serial number must be digits.")
    if not digits.strip("0"):
        return _("The serial number must be 1 or more.")
    if digits.startswith("0"):
        return _("The serial number must not start with 0.")
    if len(digits) > MAX_SERIAL_DIGITS:
        return _("The serial number has more than %(n)s digits.") % {"n": MAX_SERIAL_DIGITS}
    return None


def _court_code_error(code: str) -> str | None:
    if reference.court_level(code):
        return None
    if code[:1] not in reference.province_prefixes():
        return _("%(code)s is not a court code: it must be 最高法 or start with a province "
                 "character such as 京 or 内.") % {"code": code or "—"}
    return _("The court code %(code)s must have 2 or 4 digits after %(prefix)s.") % {
        "code": code, "prefix": code[0]}


def _kind_error(special_code: str | None, type_code: str) -> str | None:
    if special_code and special_code not in reference.special_codes():
        return _("%(code)s is not a specialised-trial code (专门审判代字).") % {
            "code": special_code}
    if type_code not in reference.type_codes():
        return _("%(code)s is not a case-type code (类型代字) in the catalog.") % {
            "code": type_code}
    return None


def _check_parts(text, year, court_code, special_code, type_code) -> None:
    _raise_if(text, _year_error(year))
    _raise_if(text, _court_code_error(court_code))
    _raise_if(text, _kind_error(special_code, type_code))


def _split_court(text: str, body: str) -> tuple[str, str]:
    """The court code at the start of `body` (最高法, or a character and digits) and the rest."""
    if body.startswith(reference.SUPREME_CODE):
        return reference.SUPREME_CODE, body[len(reference.SUPREME_CODE) :]
    code = re.match(r"[^0-9]?[0-9]*", body)[0]
    _raise_if(text, _court_code_error(code))
    return code, body[len(code) :]


def _kind_and_serial_error(court_code: str, rest: str) -> str:
    if not rest or rest.isdigit():
        return _("The case-type code is missing after %(court)s.") % {"court": court_code}
    if not re.search("[0-9]", rest):
        return _("The serial number is missing after %(rest)s.") % {"rest": rest}
    return _("After %(court)s a case number needs a type code and a serial number, "
             "found %(rest)s.") % {"court": court_code, "rest": rest}


def _split_kind(text: str, letters: str) -> tuple[str | None, str]:
    """(specialised-trial code or None, type code) for the letters between court and serial.

    The reading without a specialised-trial code comes first, so a type code is never split
    into two parts; the catalog has no string that reads both ways (a test guards this).
    """
    for special in ("", *sorted(reference.special_codes())):
        rest = letters[len(special) :]
        if letters.startswith(special) and rest in reference.type_codes():
            return special or None, rest
    if letters[1:] in reference.type_codes():
        _raise_if(text, _kind_error(letters[0], letters[1:]))
    if letters[:1] in reference.special_codes():
        letters = letters[1:]  # name only the part that is wrong
    raise CaseNumberError(_kind_error(None, letters), input=text)


def _parse_current(text: str, year: int, body: str) -> ParsedCaseNumber:
    court_code, rest = _split_court(text, body)
    match = _KIND_AND_SERIAL.fullmatch(rest)
    if not match:
        raise CaseNumberError(_kind_and_serial_error(court_code, rest), input=text)
    special_code, type_code = _split_kind(text, match[1])
    _raise_if(text, _serial_error(match[2]))
    court = reference.court_in_year(court_code, year)
    serial = int(match[2])
    return ParsedCaseNumber(
        input=text, year=year, court_code=court_code, court_name=court and court.name,
        special_code=special_code, type_code=type_code,
        type_name=reference.case_type(type_code).name, serial=serial, legacy=False,
        unknown_court=court is None,
        normalized=format_case_number(year, court_code, type_code, serial, special_code or ""),
    )


def _split_legacy_head(text: str, head: str) -> tuple[str | None, str]:
    """Court text and type code of an old number: the longest known type code at the end,
    else everything from the first proceeding character (民, 刑 …)."""
    for start in range(len(head)):
        if head[start:] in reference.type_codes():
            return head[:start] or None, head[start:]
    start = next((i for i, char in enumerate(head) if char in LEGACY_PROCEEDINGS), None)
    if start is None:
        raise CaseNumberError(_("No case-type code found before 字第."), input=text)
    return head[:start] or None, head[start:]


def _parse_legacy(text: str, year: int, body: str) -> ParsedCaseNumber:
    head, _mark, digits = body.partition(LEGACY_MARK)
    court_code, type_code = _split_legacy_head(text, head)
    _raise_if(text, _serial_error(digits))
    court = reference.court_in_year(court_code, year) if court_code else None
    kind = reference.case_type(type_code)
    return ParsedCaseNumber(
        input=text, year=year, court_code=court_code, court_name=court and court.name,
        special_code=None, type_code=type_code, type_name=kind and kind.name,
        serial=int(digits), legacy=True, unknown_court=bool(court_code) and court is None,
        normalized=f"（{year}）{head}{LEGACY_MARK}{int(digits)}号",
    )
