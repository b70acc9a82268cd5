"""Reading an uploaded catalog table: bytes -> text -> rows that remember their line numbers.

Courts' files come from Excel more often than not: UTF-8 with or without a byte-order mark
is read as is; a GBK (GB18030) file is refused with a message saying how to convert it,
unless the caller names the encoding (`--encoding gb18030`). Pure: no ORM.
"""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
MAX_ERRORS = 50
# GB18030 is a superset of GBK and GB2312: one decoder reads all three.
ENCODINGS = {"utf-8": "utf-8-sig", "utf8": "utf-8-sig", "gb18030": "gb18030", "gbk": "gb18030",
             "gb2312": "gb18030"}


class CatalogImportError(Exception):
    """The table cannot be imported. `errors` says why, with line numbers where they apply."""

    def __init__(self, errors: list[str]):
        if len(errors) > MAX_ERRORS:
            more = len(errors) - MAX_ERRORS
            errors = [*errors[:MAX_ERRORS], _("… and %(count)s more errors.") % {"count": more}]
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


def decode(data: bytes, encoding: str | None = None) -> str:
    """The file's text; a clear CatalogImportError if it is not the text of a CSV table."""
    if not data.strip():
        raise CatalogImportError([_("The file is empty.")])
    if len(data) > MAX_BYTES:
        raise CatalogImportError([_("The file is larger than 20 MB; a catalog table is smaller.")])
    if data.startswith(b"PK\x03\x04"):
        raise CatalogImportError([_(
            "This is an Excel workbook, not a CSV file. In Excel choose “Save as” → "
            "“CSV UTF-8 (comma delimited)” and import that file."
        )])
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise CatalogImportError([_("The file is UTF-16 encoded. Save it as “CSV UTF-8” first.")])
    codec = ENCODINGS.get((encoding or "utf-8").lower())
    if codec is None:
        raise CatalogImportError([_("Unknown encoding “%(encoding)s”: use UTF-8 or GB18030.")
                                % {"encoding": encoding}])
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CatalogImportError([_not_text_message(data, codec, exc)]) from exc


def _not_text_message(data: bytes, codec: str, exc: UnicodeDecodeError) -> str:
    if codec == "utf-8-sig" and _looks_gbk(data):
        return _(
            "The file is not UTF-8: it looks GBK-encoded (as Excel saves CSV files on Chinese "
            "Windows). Tianping reads UTF-8. Convert the file, e.g. in Excel with “Save as” → "
            "“CSV UTF-8”, or with: iconv -f GB18030 -t UTF-8 table.csv > table-utf8.csv. "
            "Or import it as it is by choosing the encoding GB18030 (command line: "
            "--encoding gb18030)."
        )
    line = data[: exc.start].count(b"\n") + 1
    return _("The file is not valid %(encoding)s text (line %(line)s, byte %(byte)s).") % {
        "encoding": "UTF-8" if codec == "utf-8-sig" else codec.upper(),
        "line": line,
        "byte": exc.start + 1,
    }


def _looks_gbk(data: bytes) -> bool:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def read_rows(text: str, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> list[Row]:
    """The table's rows keyed by column; the header must have every one of COLUMNS."""
    lines = csv.reader(io.StringIO(text, newline=""))
    try:
        records = [(lines.line_num, [cell.strip() for cell in record]) for record in lines]
    except csv.Error as exc:
        raise CatalogImportError([_("Line %(line)s: not readable as CSV (%(error)s).")
                                % {"line": lines.line_num, "error": exc}]) from exc
    records = [(line, cells) for line, cells in records if any(cells)]
    if not records:
        raise CatalogImportError([_("The file is empty.")])
    (_line, header), body = records[0], records[1:]
    _check_header(header, columns, optional)
    if not body:
        raise CatalogImportError([_("The file has a header but no rows.")])
    return _rows(header, body)


def _check_header(header: list[str], columns: tuple[str, ...], optional: tuple[str, ...]) -> None:
    missing = [column for column in columns if column not in header]
    if missing:
        expected = ",".join(columns)
        if optional:
            expected += " " + _("(optional: %(columns)s)") % {"columns": ", ".join(optional)}
        raise CatalogImportError([_(
            "Line 1: the header lacks the columns %(missing)s. Expected header: %(expected)s. "
            "Found: %(found)s."
        ) % {"missing": ", ".join(missing), "expected": expected, "found": ",".join(header)}])
    repeated = sorted({column for column in header if column and header.count(column) > 1})
    if repeated:
        raise CatalogImportError([_("Line 1: the header repeats the columns %(columns)s.")
                                % {"columns": ", ".join(repeated)}])


def _rows(header: list[str], body: list[tuple[int, list[str]]]) -> list[Row]:
    rows, errors = [], []
    for line, cells in body:
        extra = cells[len(header):]
        if any(extra):
            errors.append(_("Line %(line)s: %(found)s fields, but the header has %(expected)s.")
                          % {"line": line, "found": len(cells), "expected": len(header)})
            continue
        cells = cells + [""] * (len(header) - len(cells))
        rows.append(Row(line, dict(zip(header, cells, strict=False))))
    if errors:
        raise CatalogImportError(errors)
    return rows
