#!/usr/bin/env python3
"""Build Tianping's built-in catalogs (courts, case types, causes, charges) from shared data.

    python scripts/build_catalog_data.py            # write src/tianping/catalog/data/*.csv
    python scripts/build_catalog_data.py --check    # exit 1 if the files are out of date

The shared tables (../shared/reference-data, or $TIANPING_SHARED_DIR/reference-data) keep
their sources' layout and stay outside the project. This script carries their facts into
the project's own format and adds what the sources lack: courts created after the 2018
table, case-type codes seen in real case numbers after the 2016 standard, and the
specialised-trial codes (专门审判代字). Output is deterministic, so the build is reproducible.

Causes of action get codes from their official numbering: 第四部分 (part), 十 (section),
83 (cause, numbered through the whole table), 83.1 (sub-cause （1）). A criminal charge's
code is its running number in the source list.
"""

import argparse
import csv
import io
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "src" / "tianping" / "catalog" / "data"
COURT_SOURCE = "YB/T 51202-2016 (2018-07-24)"
TYPE_SOURCE = "人民法院案件类型及其代字标准 (2016)"
LATER = "later addition"

COURT_FIELDS = ["code", "name", "level", "parent_code", "valid_from", "valid_to", "source", "note"]
TYPE_FIELDS = ["kind", "code", "name", "category", "category_name", "standard_codes", "covers",
               "source", "note"]
CAUSE_FIELDS = ["code", "level", "parent_code", "name"]
CHARGE_FIELDS = ["code", "name", "chapter", "section", "article"]

# Courts created after the 2018-07-24 table (named in the shared README). Dates are the
# courts' founding days as published by the courts themselves.
LATER_COURTS = [
    ("京0491", "北京互联网法院", "京04", "2018-09-09", "founded 2018-09-09; not in the 2018 table"),
    ("粤0192", "广州互联网法院", "粤01", "2018-09-28", "founded 2018-09-28; not in the 2018 table"),
    ("京74", "北京金融法院", "京", "2021-03-18", "founded 2021-03-18; not in the 2018 table"),
]

# Slugs for the standard's top-level headings (代码 XX00), keyed by their two-digit prefix.
CATEGORIES = {
    "01": "jurisdiction", "02": "criminal", "03": "civil", "04": "administrative",
    "05": "compensation", "06": "interregional_assistance", "07": "international_assistance",
    "08": "sanction", "09": "preservation", "10": "enforcement", "11": "bankruptcy",
}

# A code used by several rows of the standard needs one display name; the rows' own names
# stay in the `covers` column. Where one heading groups exactly these rows its name is used.
SHARED_CODE_NAMES = {
    "刑辖": "刑事管辖案件", "民辖": "民事管辖案件", "行辖": "行政管辖案件",
    "赔辖": "行政赔偿管辖案件", "刑核": "刑事复核案件", "刑止": "停止执行死刑案件",
    "民特": "特别程序案件", "民催": "催告案件", "司惩": "司法制裁审查案件", "破": "破产案件",
    "认台": "认可与执行台湾地区法院裁判和仲裁裁决审查案件",
    "认港": "认可与执行香港特别行政区法院裁判和仲裁裁决审查案件",
    "认澳": "认可与执行澳门特别行政区法院裁判和仲裁裁决审查案件",
    "台请送": "台湾地区请求送达文书案件", "港请送": "香港特别行政区法院请求送达文书案件",
    "澳请送": "澳门特别行政区法院请求送达文书案件", "台请调": "台湾地区请求调查取证案件",
    "港请调": "香港特别行政区请求调查取证案件", "澳请调": "澳门特别行政区法院请求调查取证案件",
    "协外认": "承认与执行外国法院裁判和仲裁裁决审查案件", "协外送": "外国法院请求送达文书案件",
    "协外调": "外国法院请求调查取证案件",
}

SEEN = "seen in real case numbers; not in the 2016 standard; confirm against the current SPC list"
LATER_TYPES = [
    ("民诉前调", "民事诉前调解案件", "civil", SEEN + "; e.g. （2021）川0104民诉前调801号"),
    ("诉前调确", "诉前调解协议司法确认案件", "civil", SEEN + "; name unofficial"),
    ("诉前调书", "诉前调解出具调解书案件", "civil", SEEN + "; name unofficial"),
]

# 专门审判代字: a closed set, set by the SPC, written between court code and type code.
SPECIAL_CODES = [
    ("知", "知识产权", "法〔2018〕335号", "e.g. （2019）最高法知民终1号; 川知民终"),
    ("金", "金融", LATER, "unsure: reported for financial tribunals; confirm against the SPC"),
]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def court_level(code: str) -> str:
    """The level a court code's shape says: 最高法, one character, +2 digits, +4 digits."""
    if code == "最高法":
        return "supreme"
    return {1: "high", 3: "intermediate", 5: "basic"}[len(code)]


def split_court_code(raw: str) -> tuple[str, str]:
    """Separate a remark the source writes after a code, e.g. 赣0721（代字尚未修改）."""
    match = re.fullmatch(r"(.+?)（(.+)）", raw)
    if not match:
        return raw, ""
    return match[1], f"source remark: {match[2]} (code kept after the district was renamed)"


def court_rows(shared: Path) -> list[dict[str, str]]:
    """Every court of the 2018 table plus the later courts, in hierarchy order."""
    source = read_csv(shared / "court_codes_2018.csv")
    code_of = {row["代码"]: split_court_code(row["代字"])[0] for row in source}
    rows = []
    for row in source:
        code, note = split_court_code(row["代字"])
        rows.append(_court(code, row["名称"], code_of.get(row["上级代码"], ""), "", COURT_SOURCE,
                           note))
    for code, name, parent, since, note in LATER_COURTS:
        rows.append(_court(code, name, parent, since, LATER, note))
    return _hierarchy_order(rows)


def _court(code, name, parent, valid_from, source, note) -> dict[str, str]:
    return {"code": code, "name": name, "level": court_level(code), "parent_code": parent,
            "valid_from": valid_from, "valid_to": "", "source": source, "note": note}


def _hierarchy_order(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Depth first from the SPC, children by code, so a reader sees each court under its parent."""
    children: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        children.setdefault(row["parent_code"], []).append(row)
    position = {row["code"]: index for index, row in enumerate(rows)}

    def key(row: dict[str, str]) -> tuple[int, int, str]:
        # High courts keep the standard's province order (京 津 冀 …); the rest go by code.
        first = position[row["code"]] if row["level"] == "high" else 0
        return (first, len(row["code"]), row["code"])

    ordered, stack = [], sorted(children[""], key=key, reverse=True)
    while stack:
        row = stack.pop()
        ordered.append(row)
        stack.extend(sorted(children.get(row["code"], []), key=key, reverse=True))
    if len(ordered) != len(rows):
        raise SystemExit("court table has rows whose parent is missing")
    return ordered


def type_rows(shared: Path) -> list[dict[str, str]]:
    """One row per type code of the 2016 standard, the later codes, then the special codes."""
    grouped: dict[str, list[dict[str, str]]] = {}
    headings = {}
    for row in read_csv(shared / "case_types_2016.csv"):
        if row["代码"].endswith("00"):
            headings[row["代码"][:2]] = row["案件类型"]
        if row["类型代字"]:
            grouped.setdefault(row["类型代字"], []).append(row)
    missing = {c for c, rs in grouped.items() if len(rs) > 1} ^ set(SHARED_CODE_NAMES)
    if missing:
        raise SystemExit(f"decide a display name for shared type codes: {sorted(missing)}")
    rows = [_standard_type(code, group, headings) for code, group in grouped.items()]
    rows += [_later_type(code, name, cat, note, headings) for code, name, cat, note in LATER_TYPES]
    rows += [_special(*special) for special in SPECIAL_CODES]
    return rows


def _standard_type(code, group, headings) -> dict[str, str]:
    prefix = group[0]["代码"][:2]
    name = SHARED_CODE_NAMES.get(code, group[0]["案件类型"])
    return {"kind": "type", "code": code, "name": name, "category": CATEGORIES[prefix],
            "category_name": headings[prefix], "standard_codes": " ".join(r["代码"] for r in group),
            "covers": "；".join(r["案件类型"] for r in group), "source": TYPE_SOURCE, "note": ""}


def _later_type(code, name, category, note, headings) -> dict[str, str]:
    prefix = next(p for p, slug in CATEGORIES.items() if slug == category)
    return {"kind": "type", "code": code, "name": name, "category": category,
            "category_name": headings[prefix], "standard_codes": "", "covers": name,
            "source": LATER, "note": note}


def _special(code, name, source, note) -> dict[str, str]:
    return {"kind": "special", "code": code, "name": name, "category": "", "category_name": "",
            "standard_codes": "", "covers": "", "source": source, "note": note}


def civil_cause_rows(shared: Path, filename: str) -> list[dict[str, str]]:
    """Civil causes (the 2020 or 2025 revision): 第一部分 › 一 › 8 › 8.1, each level's
    number and name."""
    names = {"1": "一级案由", "2": "二级案由", "3": "三级案由", "4": "四级案由"}
    rows = []
    for row in read_csv(shared / filename):
        level = row["层级"]
        codes = [row["一级编号"], row["二级编号"], row["三级编号"]]
        codes.append(f"{row['三级编号']}.{_unbracket(row['四级编号'])}")
        rows.append(_cause(codes[: int(level)], level, row[names[level]]))
    return _checked_tree(rows)


def administrative_cause_rows(shared: Path) -> list[dict[str, str]]:
    """The 2021 administrative causes: 行政行为 › （一）行政处罚 › 1.警告."""
    rows = []
    for row in read_csv(shared / "administrative_causes_2021.csv"):
        level = row["层级"]
        codes = [row["一级编号"] or row["一级案由"], _unbracket(row["二级编号"])]
        name = {"1": row["一级案由"], "2": row["二级案由"]}.get(level)
        if level == "3":
            number, name = re.fullmatch(r"(\d+)[.．、](.+)", row["三级案由"]).groups()
            codes.append(number)
        rows.append(_cause(codes[: int(level)], level, name))
    return _checked_tree(rows)


def _unbracket(number: str) -> str:
    """（十二） and (十二） alike -> 十二."""
    return number.strip("（）() ")


def _cause(codes: list[str], level: str, name: str) -> dict[str, str]:
    parent = codes[-2] if len(codes) > 1 else ""
    return {"code": codes[-1], "level": level, "parent_code": parent, "name": name}


def _checked_tree(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    codes = [row["code"] for row in rows]
    if len(set(codes)) != len(codes):
        raise SystemExit("cause table has duplicate codes")
    if any(row["parent_code"] and row["parent_code"] not in codes for row in rows):
        raise SystemExit("cause table has causes whose parent is missing")
    return rows


def criminal_charge_rows(shared: Path) -> list[dict[str, str]]:
    return [
        {"code": row["序号"], "name": row["罪名"], "chapter": row["刑法分则章"],
         "section": row["刑法分则节"], "article": row["对应条文"]}
        for row in read_csv(shared / "criminal_charges_2024.csv")
    ]


def render(fields: list[str], rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def default_shared_dir() -> Path:
    base = os.environ.get("TIANPING_SHARED_DIR")
    return (Path(base) if base else REPO.parent / "shared") / "reference-data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared_dir())
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args(argv)
    outputs = {
        "court_codes.csv": render(COURT_FIELDS, court_rows(args.shared)),
        "case_types.csv": render(TYPE_FIELDS, type_rows(args.shared)),
        "civil_causes_2020.csv": render(
            CAUSE_FIELDS, civil_cause_rows(args.shared, "civil_causes_2020.csv")
        ),
        "civil_causes_2025.csv": render(
            CAUSE_FIELDS, civil_cause_rows(args.shared, "civil_causes_2025.csv")
        ),
        "administrative_causes_2021.csv": render(
            CAUSE_FIELDS, administrative_cause_rows(args.shared)
        ),
        "criminal_charges_2024.csv": render(CHARGE_FIELDS, criminal_charge_rows(args.shared)),
    }
    stale = [n for n, text in outputs.items() if _read(OUT_DIR / n) != text]
    if args.check:
        for name in stale:
            print(f"out of date: {OUT_DIR / name}", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (OUT_DIR / name).write_text(outputs[name], encoding="utf-8")
        print(f"wrote {OUT_DIR / name}")
    return 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


if __name__ == "__main__":
    sys.exit(main())
