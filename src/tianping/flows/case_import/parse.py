"""Checking the rows of an import file into plain values, each with its line number.

`checked_rows(path)` yields a `Row` per data row, or raises CaseImportError naming the
first bad line and why. Pure but for the catalog's reference tables: no database.
"""

import datetime
import re
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.catalog.case_numbers import CaseNumberError, parse_case_number
from tianping.flows.case_import import columns as c
from tianping.flows.case_import.reading import CaseImportError, rows
from tianping.lib.money import parse_amount

_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
MIN_DATE, MAX_DATE = datetime.date(1949, 10, 1), datetime.date(2100, 12, 31)


class Row:
    """One checked row. `origin` is the normalized 原审案号 (or the text as written when it
    is not a case number: `origin_parsed` False)."""

    __slots__ = ("line", "number", "court_code", "year", "type_code", "special_code",
                 "filed_on", "closed_on", "closure_mode", "outcome", "ending", "cause",
                 "procedure", "division", "judge", "amount", "expires_on", "origin",
                 "origin_parsed", "is_mediation", "serial")

    def __init__(self, **values):
        for name in self.__slots__:
            setattr(self, name, values.get(name))

    def as_tuple(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    @classmethod
    def from_tuple(cls, values: tuple) -> "Row":
        row = cls.__new__(cls)
        for name, value in zip(cls.__slots__, values, strict=True):
            setattr(row, name, value)
        return row


def header_map(line: int, cells) -> dict[str, int]:
    """Column key -> position; raises on a missing required column (named) or a repeat."""
    positions = {}
    for index, cell in enumerate(cells):
        key = c.HEADERS.get(c.header_key(cell))
        if key is None:
            continue
        if key in positions:
            raise CaseImportError(_("The column %(name)s appears twice.")
                                  % {"name": c.column_names([key])}, line)
        positions[key] = index
    missing = [k for k in c.REQUIRED if k not in positions]
    if missing:
        if not positions:
            raise CaseImportError(_(
                "The first row names none of the expected columns (%(names)s): is the file "
                "UTF-8 or GB18030 text with a header row?") % {"names": c.column_names(c.REQUIRED)})
        raise CaseImportError(_("Missing column(s): %(names)s.")
                              % {"names": c.column_names(missing)}, line)
    return positions


class RowChecker:
    """Checks the rows one by one; keeps what a later row needs (numbers already seen)."""

    def __init__(self, positions: dict[str, int], today: datetime.date | None = None):
        self.positions = positions
        self.latest_year = (today or timezone.localdate()).year
        self.seen: dict[str, int] = {}
        self._dates: dict[str, datetime.date] = {}
        self._names: dict[str, str] = {}

    def cell(self, cells, key: str):
        index = self.positions.get(key)
        if index is None or index >= len(cells):
            return ""
        value = cells[index]
        return value.strip() if isinstance(value, str) else value

    def name(self, text: str) -> str:
        return self._names.setdefault(text, text)  # one string per distinct name

    def date(self, line: int, value, key: str, required=False) -> datetime.date | None:
        if isinstance(value, datetime.date):
            day = value
        elif not value:
            if required:
                raise CaseImportError(_("%(column)s is empty.")
                                      % {"column": c.COLUMNS[key][0]}, line)
            return None
        else:
            day = self._dates.get(value) or self._parse_date(line, value, key)
        if not MIN_DATE <= day <= MAX_DATE:
            raise CaseImportError(_("%(column)s %(value)s is not a plausible date.")
                                  % {"column": c.COLUMNS[key][0], "value": day}, line)
        return day

    def _parse_date(self, line, text, key) -> datetime.date:
        match = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
        try:
            if match is None:
                raise ValueError
            day = datetime.date(*map(int, match.groups()))
        except ValueError:
            raise CaseImportError(_("%(column)s “%(value)s” is not a date (write 2024-03-31).")
                                  % {"column": c.COLUMNS[key][0], "value": text}, line) from None
        self._dates[text] = day
        return day

    def check(self, line: int, cells) -> Row:
        text = self.cell(cells, "number")
        if not text:
            raise CaseImportError(_("案号 (case number) is empty."), line)
        try:
            parsed = parse_case_number(str(text), latest_year=self.latest_year)
        except CaseNumberError as error:
            raise CaseImportError(_("The case number %(number)s cannot be read: %(reason)s")
                                  % {"number": text, "reason": error.reason}, line) from None
        if parsed.legacy or not parsed.court_code:
            raise CaseImportError(_("The case number %(number)s is of the pre-2016 form: its "
                                    "court cannot be told.") % {"number": text}, line)
        number = parsed.normalized
        if number in self.seen:
            raise CaseImportError(_("The case number %(number)s is also on line %(first)s.")
                                  % {"number": number, "first": self.seen[number]}, line)
        self.seen[number] = line
        row = Row(line=line, number=number, court_code=parsed.court_code, year=parsed.year,
                  type_code=parsed.type_code, special_code=parsed.special_code or "",
                  is_mediation=parsed.type_code.endswith(c.PREFILING_SUFFIX),
                  serial=parsed.serial)
        row.filed_on = self.date(line, self.cell(cells, "filed_on"), "filed_on", required=True)
        row.closed_on = self.date(line, self.cell(cells, "closed_on"), "closed_on")
        if row.closed_on and row.closed_on < row.filed_on:
            raise CaseImportError(_("The closing date %(closed)s is before the filing date "
                                    "%(filed)s.") % {"closed": row.closed_on,
                                                     "filed": row.filed_on}, line)
        self._closing(line, row, self.cell(cells, "closure"))
        self._rest(line, row, cells)
        return row

    def _closing(self, line: int, row: Row, word: str) -> None:
        row.closure_mode, row.outcome, row.ending = "", "", ""
        if word and not row.closed_on:
            raise CaseImportError(_("结案方式 %(mode)s is given but 结案日期 (closing date) is "
                                    "empty.") % {"mode": word}, line)
        if not word:
            if row.closed_on:
                raise CaseImportError(_("结案日期 (closing date) is given but 结案方式 "
                                        "(closure mode) is empty."), line)
            return
        if row.is_mediation:
            if word not in c.PREFILING_ENDINGS:
                raise CaseImportError(_("A pre-filing mediation ends 调解成功 or 调解不成功, "
                                        "not “%(mode)s”.") % {"mode": word}, line)
            row.ending = c.PREFILING_ENDINGS[word]
            return
        if word in c.APPEAL_CLOSURES:
            if not c.is_appeal(row.type_code):
                raise CaseImportError(_("“%(mode)s” ends a second-instance case (…终) only.")
                                      % {"mode": word}, line)
            row.closure_mode, row.outcome = c.APPEAL_CLOSURES[word]
            return
        if word not in c.CLOSURES:
            raise CaseImportError(_("Unknown closure mode “%(mode)s”: write one of %(modes)s.")
                                  % {"mode": word, "modes": "、".join(
                                      [*list(c.CLOSURES)[:8], *list(c.APPEAL_CLOSURES)[:3]])},
                                  line)
        row.closure_mode = c.CLOSURES[word][0]
        if c.is_appeal(row.type_code):
            row.outcome = c.APPEAL_OUTCOME_OF_MODE.get(row.closure_mode, "")

    def _rest(self, line: int, row: Row, cells) -> None:
        procedure = self.cell(cells, "procedure")
        if procedure and procedure not in c.PROCEDURES:
            raise CaseImportError(_("Unknown procedure “%(value)s”: write one of %(choices)s.")
                                  % {"value": procedure, "choices": "普通程序、简易程序、"
                                     "小额诉讼程序、特别程序"}, line)
        row.procedure = c.PROCEDURES[procedure] if procedure else c.default_procedure(
            row.type_code)
        row.cause = self.name(str(self.cell(cells, "cause")))
        row.division = self.name(str(self.cell(cells, "division")))
        row.judge = self.name(str(self.cell(cells, "judge")))
        if len(row.division) > 60 or len(row.judge) > 60 or len(row.cause) > 200:
            raise CaseImportError(_("A name is too long (承办部门 and 承办法官 60 characters, "
                                    "案由 200)."), line)
        amount = self.cell(cells, "amount")
        try:
            row.amount = parse_amount(amount) if amount != "" else None
        except ValidationError as error:
            raise CaseImportError(_("标的额 “%(value)s”: %(reason)s")
                                  % {"value": amount, "reason": error.messages[0]},
                                  line) from None
        if isinstance(row.amount, Decimal) and row.amount != row.amount.quantize(Decimal("0.01")):
            raise CaseImportError(_("标的额 “%(value)s” has more than two decimal places.")
                                  % {"value": amount}, line)
        row.expires_on = self.date(line, self.cell(cells, "expires_on"), "expires_on")
        if row.expires_on and row.expires_on < row.filed_on:
            raise CaseImportError(_("审限届满日期 %(day)s is before the filing date.")
                                  % {"day": row.expires_on}, line)
        origin = str(self.cell(cells, "origin"))
        row.origin, row.origin_parsed = "", False
        if origin in self.seen:  # a number of the file, already normalized
            row.origin, row.origin_parsed = origin, True
        elif origin:
            try:
                row.origin = parse_case_number(origin, latest_year=self.latest_year).normalized
                row.origin_parsed = True
            except CaseNumberError:
                row.origin = origin[:40]
            if row.origin == row.number:
                raise CaseImportError(_("原审案号 is the case's own number."), line)


def checked_rows(path: Path, today: datetime.date | None = None):
    """Every data row of the file, checked (a blank row is skipped)."""
    checker = None
    for line, cells in rows(path):
        if checker is None:
            checker = RowChecker(header_map(line, cells), today)
            continue
        if not any(cell not in ("", None) for cell in cells):
            continue
        yield checker.check(line, cells)
    if checker is None:
        raise CaseImportError(_("The file is empty: it needs a header row and a row per case."))


def count_rows(path: Path) -> int:
    """The data rows of the file (for the progress bar), without checking them."""
    return max(0, sum(1 for _line, cells in rows(path) if any(x not in ("", None)
                                                             for x in cells)) - 1)
