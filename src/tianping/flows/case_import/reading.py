"""Reading an import file: CSV (UTF-8, with or without BOM, or GB18030) or xlsx, as rows of
text cells with their line numbers. Streaming: the file is never held as rows in memory."""

import codecs
import csv
import datetime
from pathlib import Path

from django.utils.translation import gettext as _

CSV_ENCODINGS = ("utf-8-sig", "gb18030")
XLSX_MAGIC = b"PK\x03\x04"


class CaseImportError(ValueError):
    """Bad input: REASON in the active language, at LINE of the file (None: the file)."""

    def __init__(self, reason: str, line: int | None = None):
        self.reason, self.line = str(reason), line
        text = (_("Line %(line)s: %(reason)s") % {"line": line, "reason": self.reason}
                if line else self.reason)
        super().__init__(text)


def file_kind(path: Path) -> tuple[str, str | None]:
    """("xlsx", None) or ("csv", encoding); raises CaseImportError for another file."""
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head == XLSX_MAGIC:
        return "xlsx", None
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or b"\x00" in _sample(path):
        raise CaseImportError(_("The file is neither UTF-8 nor GB18030 text (it looks like "
                                "UTF-16): save it as CSV UTF-8 or as an Excel workbook."))
    for encoding in CSV_ENCODINGS:
        if _decodes(path, encoding):
            return "csv", encoding
    raise CaseImportError(_("The file is neither UTF-8 nor GB18030 text: save it as CSV "
                            "UTF-8 or as an Excel workbook (.xlsx)."))


def _sample(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(65536)


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def rows(path: Path):
    """(line, cells) for every row of the file; cells as text (dates of a workbook as
    dates). The header is line 1."""
    kind, encoding = file_kind(path)
    if kind == "xlsx":
        yield from _xlsx_rows(path)
        return
    with open(path, encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        for cells in reader:
            yield reader.line_num, cells


def _xlsx_rows(path: Path):
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # a damaged or disguised file: openpyxl raises many kinds
        raise CaseImportError(_("The workbook cannot be read: %(error)s")
                              % {"error": error}) from None
    try:
        sheet = book.worksheets[0]
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, [_cell(v) for v in values]
    finally:
        book.close()


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
