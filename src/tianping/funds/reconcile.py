"""The monthly reconciliation (对账): finance imports the bank statement of the court's
funds account for a month and sees every difference with the ledger.

The statement is a CSV file with a header row naming the columns `date`, `amount`,
`reference`, `direction` (in / out, or 收/付, 收入/支出) and optionally `case_number`
(Chinese headers 日期, 金额, 流水号, 方向, 案号 are read too); UTF-8 (with or without BOM)
or GB18030 (GBK). Its size and rows are bounded (conf). Every row is checked before
anything is stored: a bad or unknown row is reported with its line number and the
reason, and then nothing of the file is imported.

Matching is by the bank's reference: a ledger entry that moves money in or out of the
funds account (choices.BANK_IN / BANK_OUT; a claim moves money inside it) dated in the
month, against the statement's line with the same reference.
"""

import csv
import datetime
import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tianping.audit.actions import record
from tianping.cases.models import Case
from tianping.funds import permissions as perms
from tianping.funds.choices import BANK_IN, BANK_OUT, Difference, Direction
from tianping.funds.conf import statement_max_bytes, statement_max_rows
from tianping.funds.models import Entry, Statement, StatementLine

HEADERS = {
    "date": "date", "日期": "date", "交易日期": "date",
    "amount": "amount", "金额": "amount", "交易金额": "amount",
    "reference": "reference", "流水号": "reference", "交易流水号": "reference",
    "direction": "direction", "方向": "direction", "收支方向": "direction",
    "case_number": "case_number", "案号": "case_number",
}
DIRECTIONS = {"in": Direction.IN, "收": Direction.IN, "收入": Direction.IN, "贷": Direction.IN,
              "out": Direction.OUT, "付": Direction.OUT, "支出": Direction.OUT,
              "借": Direction.OUT}
REQUIRED = ("date", "amount", "reference", "direction")


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise ValidationError(_("The file is not a text (CSV) file."))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("The file is neither UTF-8 nor GB18030 (GBK) text."))


@dataclass
class Row:
    line: int
    on: datetime.date
    amount: Decimal
    reference: str
    case_number: str
    direction: str


def parse(data: bytes, *, court, month: datetime.date) -> list[Row]:
    """The rows of a statement for MONTH, or a ValidationError listing every bad row."""
    if len(data) > statement_max_bytes():
        raise ValidationError(_("The file is larger than %(n)d KB.")
                              % {"n": statement_max_bytes() // 1024})
    if not data.strip():
        raise ValidationError(_("The file is empty."))
    reader = csv.reader(io.StringIO(_decode(data)))
    header = next(reader, [])
    columns = {}
    for i, name in enumerate(header):
        key = HEADERS.get(name.strip().lower())
        if key:
            columns[key] = i
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ValidationError(_("Line 1: the header lacks the columns %(cols)s.")
                              % {"cols": ", ".join(missing)})
    rows, errors, seen = [], [], {}
    first = month.replace(day=1)
    numbers = set(Case.objects.filter(court=court).values_list("number", flat=True)) \
        if "case_number" in columns else set()
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(rows) + len(errors) >= statement_max_rows():
            errors.append(_("Line %(line)d: more than %(n)d rows.")
                          % {"line": line, "n": statement_max_rows()})
            break

        def cell(name, cells=cells):
            i = columns.get(name)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        try:
            on = datetime.date.fromisoformat(cell("date").replace("/", "-"))
        except ValueError:
            errors.append(_("Line %(line)d: the date is not a date (YYYY-MM-DD).")
                          % {"line": line})
            continue
        if (on.year, on.month) != (first.year, first.month):
            errors.append(_("Line %(line)d: the date %(on)s is not in the month.")
                          % {"line": line, "on": on.isoformat()})
            continue
        try:
            amount = Decimal(cell("amount").replace(",", ""))
            if not amount.is_finite() or amount <= 0 or amount != amount.quantize(
                    Decimal("0.01")) or amount > Decimal("99999999999999.99"):
                raise InvalidOperation
        except InvalidOperation:
            errors.append(_("Line %(line)d: the amount is not a positive amount in yuan.")
                          % {"line": line})
            continue
        direction = DIRECTIONS.get(cell("direction").lower())
        if direction is None:
            errors.append(_("Line %(line)d: unknown direction %(value)s (in or out).")
                          % {"line": line, "value": cell("direction")[:20]})
            continue
        reference = cell("reference")
        if not reference or len(reference) > 64:
            errors.append(_("Line %(line)d: the bank reference is missing or too long.")
                          % {"line": line})
            continue
        if reference in seen:
            errors.append(_("Line %(line)d: reference %(ref)s repeats line %(other)d.")
                          % {"line": line, "ref": reference, "other": seen[reference]})
            continue
        seen[reference] = line
        case_number = cell("case_number")
        if case_number and case_number not in numbers:
            errors.append(_("Line %(line)d: unknown case number %(number)s.")
                          % {"line": line, "number": case_number[:40]})
            continue
        rows.append(Row(line, on, amount.quantize(Decimal("0.01")), reference, case_number,
                        direction))
    if errors:
        raise ValidationError(errors)
    return rows


def import_statement(court, uploaded, *, actor, month: datetime.date) -> Statement:
    """Store the month's statement whole, or nothing (a ValidationError lists the rows)."""
    perms.require_finance(actor, court)
    data = uploaded.read(statement_max_bytes() + 1)
    rows = parse(data, court=court, month=month)
    with transaction.atomic():
        statement = Statement.objects.create(
            court=court, month=month.replace(day=1), file_name=(uploaded.name or "")[:200],
            sha256=hashlib.sha256(data).hexdigest(), imported_by=actor)
        StatementLine.objects.bulk_create([
            StatementLine(statement=statement, line=r.line, on=r.on, amount=r.amount,
                          reference=r.reference, case_number=r.case_number,
                          direction=r.direction) for r in rows])
        record("funds.statement_imported", statement, actor=actor,
               changes={"month": statement.month.isoformat(), "rows": len(rows)})
    return statement


@dataclass
class Line:
    reference: str
    amount: Decimal
    direction: str
    line: int
    on: datetime.date
    case_number: str


@dataclass
class Diff:
    what: str  # Difference
    reference: str
    on: datetime.date
    ledger_amount: Decimal | None = None
    statement_amount: Decimal | None = None
    case_number: str = ""
    line: int | None = None

    @property
    def label(self):
        return Difference(self.what).label


def differences(court, month: datetime.date, statement: Statement | None = None) -> list[Diff]:
    """Every difference between the ledger and the month's (latest) statement."""
    first = month.replace(day=1)
    if statement is None:
        statement = Statement.objects.filter(court=court, month=first).first()
    lines = {row[0]: Line(*row) for row in statement.lines.values_list(
        "reference", "amount", "direction", "line", "on", "case_number")} if statement else {}
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    entries = Entry.objects.filter(court=court, on__range=(first, last),
                                   kind__in=BANK_IN + BANK_OUT).order_by("on", "id")
    found, diffs = set(), []
    for reference, amount, kind, on, number, given in entries.values_list(
            "reference", "amount", "kind", "on", "case__number", "case_number_given"):
        direction = Direction.IN if kind in BANK_IN else Direction.OUT
        line = lines.get(reference)
        number = number or given
        if line is None or reference in found:
            diffs.append(Diff(Difference.NOT_IN_STATEMENT, reference, on, amount,
                              case_number=number))
            continue
        found.add(reference)
        if line.amount != amount or line.direction != direction:
            diffs.append(Diff(Difference.AMOUNT, reference, on, amount, line.amount,
                              number, line.line))
    for ref, line in lines.items():
        if ref not in found:
            diffs.append(Diff(Difference.NOT_IN_LEDGER, ref, line.on, None, line.amount,
                              line.case_number, line.line))
    return diffs
