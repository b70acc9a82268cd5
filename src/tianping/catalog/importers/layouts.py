"""The official tables' layouts (the headers of the shared CSV files), one reader per catalog.

Each reader turns rows into EntryData and collects every error with its line number.
Codes follow the official numbering: causes 第四部分 › 十 › 83 › 83.1, administrative causes
行政行为 › 一 › 1, criminal charges their running number, courts their 代字.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from tianping.catalog.importers.entries import EntryData, finish
from tianping.catalog.importers.reading import CatalogImportError, Row

COURT_LEVELS = {"supreme": 1, "high": 2, "intermediate": 3, "basic": 4}
_COURT_CODE = re.compile(r"最高法|\D(\d\d){0,2}")
_REMARK = re.compile(r"(.+?)（(.+)）")
_NUMBERED = re.compile(r"(\d+)\s*[.．、]\s*(.+)")


@dataclass(frozen=True)
class Layout:
    kind: str
    columns: tuple[str, ...]
    read: Callable[[list[Row]], list[EntryData]]
    optional: tuple[str, ...] = ()


class Errors(list):
    def at(self, row: Row, message: str, **values) -> None:
        self.append(_("Line %(line)s: ") % {"line": row.line} + message % values)

    def raise_any(self) -> None:
        if self:
            raise CatalogImportError(list(self))


def _unbracket(number: str) -> str:
    """（十二）, (十二） and 十二 alike -> 十二."""
    return number.strip("（）() ")


def _level(row: Row, errors: Errors, deepest: int) -> int | None:
    text = row.values["层级"]
    if text.isdigit() and 1 <= int(text) <= deepest:
        return int(text)
    errors.at(row, _("层级 must be a number from 1 to %(deepest)s, not “%(value)s”."),
              deepest=deepest, value=text)
    return None


def _check_kind(row: Row, errors: Errors, expected: str) -> None:
    value = row.values["诉讼类型"]
    if value and value != expected:
        errors.at(row, _("诉讼类型 is “%(value)s”; this table is for %(expected)s."),
                  value=value, expected=expected)


def _entry(row: Row, errors: Errors, level: int, codes: list[str], name: str) -> EntryData | None:
    """An entry of a cause tree: CODES are the numbers of its ancestors and its own."""
    if not all(codes) or not name:
        errors.at(row, _("the level-%(level)s cause lacks its number or its name."), level=level)
        return None
    parent = codes[-2] if len(codes) > 1 else ""
    return EntryData(code=codes[-1], name=name, line=row.line, parent_code=parent, level=level)


CIVIL_COLUMNS = ("诉讼类型", "层级", "一级编号", "一级案由", "二级编号", "二级案由", "三级编号",
                 "三级案由", "四级编号", "四级案由")
_CIVIL_NAMES = {1: "一级案由", 2: "二级案由", 3: "三级案由", 4: "四级案由"}


def read_civil_causes(rows: list[Row]) -> list[EntryData]:
    entries, errors = [], Errors()
    for row in rows:
        _check_kind(row, errors, "民事")
        level, v = _level(row, errors, 4), row.values
        if level is None:
            continue
        fourth = f"{v['三级编号']}.{_unbracket(v['四级编号'])}" if v["四级编号"] else ""
        codes = [v["一级编号"], v["二级编号"], v["三级编号"], fourth][:level]
        entry = _entry(row, errors, level, codes, v[_CIVIL_NAMES[level]])
        entries += [entry] if entry else []
    errors.raise_any()
    return finish(entries, category_level=1)


ADMINISTRATIVE_COLUMNS = ("诉讼类型", "层级", "一级编号", "一级案由", "二级编号", "二级案由",
                          "三级案由")


def read_administrative_causes(rows: list[Row]) -> list[EntryData]:
    entries, errors = [], Errors()
    for row in rows:
        _check_kind(row, errors, "行政")
        level, v = _level(row, errors, 3), row.values
        if level is None:
            continue
        codes = [v["一级编号"] or v["一级案由"], _unbracket(v["二级编号"])]
        name = v["一级案由"] if level == 1 else v["二级案由"]
        if level == 3:
            number, name = _split_number(v["三级案由"])
            codes.append(number)
        entry = _entry(row, errors, level, codes[:level], name)
        entries += [entry] if entry else []
    errors.raise_any()
    return finish(entries, category_level=2)


def _split_number(text: str) -> tuple[str, str]:
    match = _NUMBERED.fullmatch(text)
    return (match[1], match[2]) if match else ("", text)


CRIMINAL_COLUMNS = ("诉讼类型", "序号", "刑法分则章", "刑法分则节", "罪名", "对应条文")


def read_criminal_charges(rows: list[Row]) -> list[EntryData]:
    entries, errors = [], Errors()
    for row in rows:
        _check_kind(row, errors, "刑事")
        v = row.values
        if not v["序号"] or not v["罪名"]:
            errors.at(row, _("a charge needs its 序号 and its 罪名."))
            continue
        extra = {"section": v["刑法分则节"], "article": v["对应条文"]}
        entries.append(EntryData(code=v["序号"], name=v["罪名"], line=row.line,
                                 category=v["刑法分则章"], extra=extra))
    errors.raise_any()
    return finish(entries)


COURT_COLUMNS = ("代码", "上级代码", "分级码", "名称", "代字")
COURT_OPTIONAL = ("生效日期", "失效日期")


def read_court_codes(rows: list[Row]) -> list[EntryData]:
    """Courts by 代字; 上级代码 points at the higher court's 代码; dates are optional columns."""
    code_of = {row.values["代码"]: _REMARK.sub(r"\1", row.values["代字"]) for row in rows}
    entries, errors = [], Errors()
    for row in rows:
        entry = _court(row, errors, code_of)
        entries += [entry] if entry else []
    errors.raise_any()
    return finish(entries)


def _court(row: Row, errors: Errors, code_of: dict[str, str]) -> EntryData | None:
    v = row.values
    code, note = _code_and_remark(v["代字"])
    level = court_level(code)
    if level is None or not v["名称"]:
        errors.at(row, _("“%(code)s” is not a court code (最高法, 京, 京01, 京0101, …) or the "
                         "court has no name."), code=v["代字"])
        return None
    parent = v["上级代码"]
    if parent not in code_of and parent not in ("", "-1"):
        errors.at(row, _("上级代码 %(parent)s is not the 代码 of any court in the file."),
                  parent=parent)
        return None
    valid_from, valid_to = _date(row, errors, "生效日期"), _date(row, errors, "失效日期")
    if valid_from and valid_to and valid_to < valid_from:
        errors.at(row, _("失效日期 is before 生效日期."))
    return EntryData(code=code, name=v["名称"], line=row.line, parent_code=code_of.get(parent, ""),
                     level=COURT_LEVELS[level], category=level, valid_from=valid_from,
                     valid_to=valid_to, extra={"note": note} if note else {})


def _code_and_remark(raw: str) -> tuple[str, str]:
    """赣0721（代字尚未修改） -> 赣0721 and the remark."""
    match = _REMARK.fullmatch(raw)
    return (match[1], match[2]) if match else (raw, "")


def court_level(code: str) -> str | None:
    if not _COURT_CODE.fullmatch(code):
        return None
    return "supreme" if code == "最高法" else {1: "high", 3: "intermediate", 5: "basic"}[len(code)]


def _date(row: Row, errors: Errors, column: str) -> date | None:
    text = row.values.get(column, "")
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        errors.at(row, _("%(column)s “%(value)s” is not a date (YYYY-MM-DD)."), column=column,
                  value=text)
        return None


CASE_TYPE_COLUMNS = ("代码", "案件类型", "类型代字")
_STANDARD_CODE = re.compile(r"\d{4}")


def read_case_types(rows: list[Row]) -> list[EntryData]:
    """One entry per 类型代字; rows without one are headings (XX00: the categories)."""
    errors, seen = Errors(), {}
    headings: dict[str, str] = {}
    groups: dict[str, list[tuple[Row, str]]] = {}
    heading = ""
    for row in rows:
        number, name, code = row.values["代码"], row.values["案件类型"], row.values["类型代字"]
        if not _STANDARD_CODE.fullmatch(number) or not name:
            errors.at(row, _("代码 must have four digits and 案件类型 a name."))
        elif number in seen:
            errors.at(row, _("代码 %(number)s appears again (first on line %(first)s)."),
                      number=number, first=seen[number])
        elif not code:
            seen[number], heading = row.line, name if not number.endswith("00") else ""
            headings.update({number[:2]: name} if number.endswith("00") else {})
        else:
            seen[number] = row.line
            groups.setdefault(code, []).append((row, heading))
    entries = [_case_type(code, group, headings, errors) for code, group in groups.items()]
    errors.raise_any()
    return finish(entries)


def _case_type(code, group, headings, errors) -> EntryData:
    first = group[0][0]
    prefix = first.values["代码"][:2]
    if prefix not in headings:
        errors.at(first, _("no heading row %(number)s names the category of %(code)s."),
                  number=prefix + "00", code=code)
    names = [row.values["案件类型"] for row, _heading in group]
    shared_heading = {heading for _row, heading in group}
    name = names[0] if len(names) == 1 else (shared_heading.pop() if len(shared_heading) == 1
                                             and "" not in shared_heading else "；".join(names))
    extra = {"kind": "type", "standard_codes": [row.values["代码"] for row, _h in group],
             "covers": names}
    return EntryData(code=code, name=name, line=first.line, category=headings.get(prefix, ""),
                     extra=extra)
