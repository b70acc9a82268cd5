"""Group disputes (群体性纠纷): the applicants' spreadsheet, written and read. Pure: no ORM.

Many applicants against one respondent (seed 001: more than a hundred migrant workers
against one employer) come as one .xlsx workbook, one applicant a row, under the headers
of `COLUMNS` (Chinese; the English words are accepted too). `template_workbook` writes an
empty one to fill in; `read_workbook` checks one whole and answers every applicant found
and every problem, each with its row number and column, so that the page and the API can
show them all at once: nothing is created unless every row is good.

The file is judged by its content before it is opened: a ZIP (every .xlsx is one) holding
a workbook, no larger than MAX_BYTES, unpacking to no more than MAX_UNPACKED bytes, no
entry compressed more than `lib.uploads.ZIP_MAX_RATIO` times (a "zip bomb" is refused by
its directory, never unpacked), at most MAX_ROWS applicants.
"""

import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from tianping.catalog.choices import DocumentType
from tianping.catalog.identity import IdentityError, validate_document
from tianping.lib.money import check_amount, parse_amount
from tianping.lib.text import clean_text
from tianping.lib.uploads import ZIP_MAX_RATIO

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024
MAX_ENTRIES = 500
NAME_LENGTH = 200
ADDRESS_LENGTH = 300
FACTS_LENGTH = 2000
PHONE = re.compile(r"^1\d{10}$")  # a mainland mobile number, as registration takes it


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the workbook's header (Chinese, as the court's staff write it)
    english: str  # also accepted as a header
    label: object  # how an error names the column, in the reader's language
    required: bool = True
    width: int = 16


COLUMNS = (  # the labels' context: the workbook's own words, not those of other forms
    Column("name", "姓名", "Name", pgettext_lazy("group workbook", "Name"), width=12),
    Column("id_number", "公民身份号码", "Identity number",
           pgettext_lazy("group workbook", "Identity number"), width=22),
    Column("phone", "手机号码", "Mobile phone",
           pgettext_lazy("group workbook", "Mobile phone"), width=15),
    Column("address", "住址", "Address", pgettext_lazy("group workbook", "Address"), width=30),
    Column("amount", "请求金额（元）", "Amount claimed (yuan)",
           pgettext_lazy("group workbook", "Amount claimed (yuan)"), width=15),
    Column("facts", "事实和理由", "Facts and reasons",
           pgettext_lazy("group workbook", "Facts and reasons"), required=False, width=40),
)
BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class Applicant:
    """One good row: the applicant as a filing's party takes them, and their claim."""

    row: int
    name: str
    id_number: str
    phone: str
    address: str
    amount: Decimal
    facts: str = ""

    def party(self) -> dict:
        return {"role": "applicant", "kind": "natural", "name": self.name,
                "doc_type": DocumentType.RESIDENT_ID, "id_number": self.id_number,
                "phone": self.phone, "address": self.address}


@dataclass(frozen=True)
class Problem:
    """What is wrong, where: ROW (the workbook's row number; None for the whole file) and
    COLUMN (the column's label; "" for the whole row or file)."""

    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class Reading:
    applicants: list[Applicant] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.applicants)


# What a group's page and the API show: how far each step has gone, and where each
# member's agreement stands (codes, worded in the reader's language)

STEP_LABELS = {
    "appointed": gettext_lazy("Mediator appointed"),
    "accepted": gettext_lazy("Mediator accepted"),
    "scheduled": gettext_lazy("Session scheduled"),
    "drafted": gettext_lazy("Agreement drafted"),
    "signed": gettext_lazy("Agreement signed"),
    "confirmation": gettext_lazy("Judicial confirmation applied for"),
    "ended": gettext_lazy("Mediation ended"),
}
AGREEMENT_LABELS = {
    "drafted": gettext_lazy("Drafted"),
    "signed": gettext_lazy("Signed"),
    "confirmation": gettext_lazy("Judicial confirmation applied for"),
}


def progress(rows: list[dict]) -> list[dict]:
    """For each step, how many members are past it and how many are left. ROWS: each
    member's `steps`, the set of the steps it has passed."""
    total = len(rows)
    found = []
    for key, label in STEP_LABELS.items():
        done = sum(1 for r in rows if key in r["steps"])
        found.append({"step": key, "label": str(label), "done": done, "left": total - done,
                      "percent": round(100 * done / total) if total else 0})
    return found


# The respondent


RESPONDENT_KINDS = ("legal", "organisation")  # a legal person, another organisation


def respondent_problems(respondent: dict) -> dict[str, str]:
    """What is wrong with the one respondent (an employer), by field: a name, a kind of
    organisation and its unified social credit code checked as filings check it; an
    address or telephone so that the court can reach it."""
    problems = {}
    name = clean_text(respondent.get("name") or "").strip()
    if not name:
        problems["name"] = _("Give the respondent's name.")
    elif len(name) > NAME_LENGTH:
        problems["name"] = _("At most %(max)d characters.") % {"max": NAME_LENGTH}
    if respondent.get("kind") not in RESPONDENT_KINDS:
        problems["kind"] = _("Choose a legal person or another organisation.")
    try:
        validate_document(DocumentType.USCC, respondent.get("id_number") or "")
    except IdentityError as exc:
        problems["id_number"] = str(exc)
    address = clean_text(respondent.get("address") or "").strip()
    phone = clean_text(respondent.get("phone") or "").strip()
    if not address and not phone:
        problems["address"] = _("Give the respondent's address or telephone.")
    if len(address) > ADDRESS_LENGTH:
        problems["address"] = _("At most %(max)d characters.") % {"max": ADDRESS_LENGTH}
    if len(phone) > 30:
        problems["phone"] = _("At most %(max)d characters.") % {"max": 30}
    return problems


def respondent_party(respondent: dict) -> dict:
    """The respondent as each member's filing names it (checked by `respondent_problems`)."""
    return {"role": "respondent", "kind": respondent["kind"],
            "name": clean_text(respondent["name"]).strip(), "doc_type": DocumentType.USCC,
            "id_number": validate_document(DocumentType.USCC, respondent["id_number"]),
            "legal_representative": clean_text(
                respondent.get("legal_representative") or "").strip()[:100],
            "address": clean_text(respondent.get("address") or "").strip(),
            "phone": clean_text(respondent.get("phone") or "").strip()}


def claims_of(applicant: Applicant) -> str:
    return f"请求被申请人支付拖欠工资{applicant.amount:,.2f}元。"


def facts_of(applicant: Applicant, respondent_name: str) -> str:
    """The row's facts, or the usual words of a wage claim."""
    return applicant.facts or (
        f"申请人{applicant.name}在被申请人{respondent_name}处务工，"
        f"被申请人拖欠其劳动报酬{applicant.amount:,.2f}元至今未支付。")


# The template


def template_workbook() -> bytes:
    """An empty workbook with the headers, the identity numbers' and phones' columns kept
    as text (an 18-digit number typed into a number cell loses its
    last digits), and a sheet explaining the columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "申请人"
    sheet.append([c.header for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = column.width
        if column.key in ("id_number", "phone"):  # text, as typed
            sheet.column_dimensions[letter].number_format = "@"
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("填写说明")
    for line in (
        "每位申请人填写一行，第一行是列名，请勿修改或删除列名。",
        "姓名、公民身份号码、手机号码、住址、请求金额（元）必填；事实和理由可不填。",
        "公民身份号码填写18位居民身份证号码（文本格式）；同一身份号码只能出现一次。",
        "请求金额以元为单位，大于零，最多两位小数。",
        f"一个文件最多{MAX_ROWS}名申请人。",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 80
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Reading


def _header_key(text) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or ""))).lower()


HEADERS = {}
for _column in COLUMNS:
    HEADERS[_header_key(_column.header)] = _column.key
    HEADERS[_header_key(_column.english)] = _column.key
HEADERS[_header_key("身份证号码")] = "id_number"
HEADERS[_header_key("身份证号")] = "id_number"
HEADERS[_header_key("请求金额")] = "amount"


def check_file(data, *, name: str, size: int) -> None:
    """Refuse what is not a workbook of a bearable size, by its content and directory."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if size == 0:
        raise ValidationError(_("The file is empty."))
    if size > MAX_BYTES:
        raise ValidationError(_("The file is larger than %(mb)d MB.")
                              % {"mb": MAX_BYTES // (1024 * 1024)})
    data.seek(0)
    head = data.read(4)
    data.seek(0)
    not_a_workbook = _("The file is not an Excel workbook (.xlsx): its content was checked. "
                       "Save it as .xlsx and upload it again.")
    if extension != "xlsx" or head != b"PK\x03\x04":
        raise ValidationError(not_a_workbook)
    try:
        with zipfile.ZipFile(data) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ValidationError(not_a_workbook) from None
    finally:
        data.seek(0)
    names = {e.filename for e in entries}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise ValidationError(not_a_workbook)
    unpacked = sum(e.file_size for e in entries)
    tight = any(e.file_size > 1024 * 1024 and e.file_size > ZIP_MAX_RATIO * max(
        e.compress_size, 1) for e in entries)
    if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED or tight:
        raise ValidationError(_("The workbook would unpack to too much data: it is refused. "
                                "Copy the applicants into the template and upload that."))


def read_workbook(data, *, name: str, size: int, today: datetime.date) -> Reading:
    """Every applicant of the workbook DATA (a binary file), or every problem found."""
    reading = Reading()
    try:
        check_file(data, name=name, size=size)
    except ValidationError as exc:
        reading.problems += [Problem(None, "", m) for m in exc.messages]
        return reading
    from openpyxl import load_workbook

    try:
        book = load_workbook(data, read_only=True, data_only=True)
    except Exception:  # openpyxl raises what the broken part raised: any of a dozen kinds
        reading.problems.append(Problem(None, "", _(
            "The workbook cannot be read. Save it again as .xlsx, or copy the applicants "
            "into the template.")))
        return reading
    try:
        rows = book.worksheets[0].iter_rows(values_only=True, max_col=len(COLUMNS) + 20)
        _read_rows(rows, reading, today)
    finally:
        book.close()
    return reading


def _read_rows(rows, reading: Reading, today) -> None:
    header = next(rows, None)
    places = _places(header, reading)
    if places is None:
        return
    seen: dict[str, int] = {}
    count = 0
    for number, values in enumerate(rows, start=2):
        cells = {key: (values[i] if i < len(values) else None) for key, i in places.items()}
        if all(_blank(v) for v in cells.values()):
            continue
        count += 1
        if count > MAX_ROWS:
            reading.problems.append(Problem(None, "", _(
                "The workbook has more than %(max)d applicants: split it into groups of at "
                "most %(max)d.") % {"max": MAX_ROWS}))
            reading.applicants.clear()
            return
        applicant = _read_row(number, cells, reading, today)
        if applicant is None:
            continue
        first = seen.setdefault(applicant.id_number, number)
        if first != number:
            reading.problems.append(Problem(number, str(BY_KEY["id_number"].label), _(
                "The same identity number as row %(row)d: each applicant appears once.")
                % {"row": first}))
            continue
        reading.applicants.append(applicant)
    if not count and not reading.problems:
        reading.problems.append(Problem(None, "", _(
            "The workbook has no applicants: fill in one row for each, under the headers.")))


def _places(header, reading: Reading) -> dict[str, int] | None:
    """Where each column is, by its header; None (and one problem naming every column
    missing or unknown) if the headers are not those of the template."""
    found: dict[str, int] = {}
    unknown = []
    for index, text in enumerate(header or ()):
        if _blank(text):
            continue
        key = HEADERS.get(_header_key(text))
        if key is None or key in found:
            unknown.append(str(text).strip())
        else:
            found[key] = index
    missing = [c.header for c in COLUMNS if c.required and c.key not in found]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("missing: %(columns)s") % {"columns": "、".join(missing)})
        if unknown:
            parts.append(_("not known: %(columns)s") % {"columns": "、".join(unknown[:10])})
        expected = "、".join(c.header for c in COLUMNS)
        reading.problems.append(Problem(1, "", _(
            "The first row must hold the template's column headers (%(expected)s); "
            "%(problems)s.") % {"expected": expected, "problems": _("; ").join(parts)}))
        return None
    return found


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value)).strip()


def _read_row(number: int, cells: dict, reading: Reading, today) -> Applicant | None:
    problems = []

    def bad(key, message):
        problems.append(Problem(number, str(BY_KEY[key].label), message))

    name = _text(cells.get("name"))
    if not name:
        bad("name", _("The name is missing."))
    elif len(name) > NAME_LENGTH:
        bad("name", _("At most %(max)d characters.") % {"max": NAME_LENGTH})
    id_number = _identity(cells.get("id_number"), today, lambda m: bad("id_number", m))
    phone = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", _text(cells.get("phone"))))
    if not phone:
        bad("phone", _("The mobile number is missing."))
    elif not PHONE.match(phone):
        bad("phone", _("A mobile number has 11 digits and starts with 1."))
    address = _text(cells.get("address"))
    if not address:
        bad("address", _("The address is missing."))
    elif len(address) > ADDRESS_LENGTH:
        bad("address", _("At most %(max)d characters.") % {"max": ADDRESS_LENGTH})
    amount = _amount(cells.get("amount"), lambda m: bad("amount", m))
    facts = _text(cells.get("facts"))
    if len(facts) > FACTS_LENGTH:
        bad("facts", _("At most %(max)d characters.") % {"max": FACTS_LENGTH})
    if problems:
        reading.problems += problems
        return None
    return Applicant(number, name, id_number, phone, address, amount, facts)


def _identity(value, today, bad) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        bad(_("The identity number was stored as a number and has lost its last digits: "
              "format the column as text and type it again."))
        return ""
    text = _text(value)
    if not text:
        bad(_("The identity number is missing."))
        return ""
    try:
        return validate_document(DocumentType.RESIDENT_ID, text, today=today)
    except IdentityError as exc:
        bad(str(exc))
        return ""


def _amount(value, bad) -> Decimal | None:
    if _blank(value):
        bad(_("The amount is missing."))
        return None
    try:
        if isinstance(value, bool):
            raise ValidationError(_("The amount must be a number of yuan."))
        if isinstance(value, float):  # the shortest text that reads back as this number
            amount = check_amount(Decimal(repr(value)))
        elif isinstance(value, int):
            amount = check_amount(Decimal(value))
        else:
            amount = parse_amount(str(value))
    except (ValidationError, InvalidOperation) as exc:
        messages = getattr(exc, "messages", None) or [_("The amount must be a number of yuan.")]
        bad(" ".join(messages))
        return None
    if amount is None or amount <= 0:
        bad(_("The amount must be more than zero."))
        return None
    return amount
