"""Catalog entries as read from a file, before they are stored; checks on the whole table.

Pure: no ORM. The same shape serves the built-in files and imported tables.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from pypinyin import Style, lazy_pinyin

from tianping.catalog.importers.reading import CatalogImportError

PATH_SEPARATOR = " › "
_NOT_LETTER = re.compile(r"[^a-z]")


@dataclass
class EntryData:
    """One entry of a catalog table; LINE is its line in the file (0 for built-in data)."""

    code: str
    name: str
    line: int = 0
    parent_code: str = ""
    level: int = 1
    category: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    extra: dict = field(default_factory=dict)
    path: str = ""


def search_keys(name: str) -> tuple[str, str]:
    """Pinyin initials and full pinyin of NAME, lowercase letters: 买卖合同 -> mmht, maimaihetong.

    lazy_pinyin takes the common reading of each character, phrases first (重庆 -> chongqing),
    and passes anything that is not Chinese through; that is dropped unless it is a letter.
    """
    initials = "".join(_letters(part) for part in lazy_pinyin(name, style=Style.FIRST_LETTER))
    full = "".join(_letters(part) for part in lazy_pinyin(name))
    return initials[:100], full[:400]


def _letters(text: str) -> str:
    return _NOT_LETTER.sub("", text.lower())


def finish(entries: list[EntryData], *, category_level: int | None = None) -> list[EntryData]:
    """Check codes and parents over the whole table, then give each entry its parent path.

    A code may recur only for periods that do not overlap (a court code that changed hands).
    CATEGORY_LEVEL: entries below that level get their ancestor's name there as category.
    """
    errors = _duplicate_errors(entries) + _orphan_errors(entries)
    if errors:
        raise CatalogImportError(errors)
    latest = {entry.code: entry for entry in entries}
    for entry in entries:
        ancestors = _ancestors(entry, latest)
        entry.path = PATH_SEPARATOR.join(a.name for a in ancestors)[:400]
        if category_level and entry.level > category_level:
            entry.category = ancestors[category_level - 1].name
    return entries


def _ancestors(entry: EntryData, latest: dict[str, EntryData]) -> list[EntryData]:
    chain: list[EntryData] = []
    parent = latest.get(entry.parent_code)
    while parent is not None and len(chain) < 10:  # a cycle stops at ten
        chain.insert(0, parent)
        parent = latest.get(parent.parent_code)
    return chain


def _duplicate_errors(entries: list[EntryData]) -> list[str]:
    errors, seen = [], {}
    for entry in entries:
        for other in seen.get(entry.code, []):
            if _overlap(entry, other):
                errors.append(_("Line %(line)s: code %(code)s appears again (first on line "
                                "%(first)s).") % {"line": entry.line, "code": entry.code,
                                                  "first": other.line})
                break
        seen.setdefault(entry.code, []).append(entry)
    return errors


def _overlap(one: EntryData, other: EntryData) -> bool:
    return (one.valid_to is None or other.valid_from is None or other.valid_from <= one.valid_to
            ) and (other.valid_to is None or one.valid_from is None
                   or one.valid_from <= other.valid_to)


def _orphan_errors(entries: list[EntryData]) -> list[str]:
    codes = {entry.code for entry in entries}
    return [
        _("Line %(line)s: the level-%(level)s entry %(code)s %(name)s names its parent "
          "%(parent)s, which is not in the file.")
        % {"line": e.line, "level": e.level, "code": e.code, "name": e.name,
           "parent": e.parent_code}
        for e in entries
        if e.parent_code and e.parent_code not in codes
    ]
