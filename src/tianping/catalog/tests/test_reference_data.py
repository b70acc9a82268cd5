"""The built-in court-code and case-type catalogs, and their agreement with the shared tables."""

import csv
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tianping.catalog import reference

REPO = Path(__file__).resolve().parents[4]
LATER_COURTS = {"京0491": "北京互联网法院", "粤0192": "广州互联网法院", "京74": "北京金融法院"}
LATER_TYPES = {"民诉前调", "诉前调确", "诉前调书"}


def shared_dir() -> Path:
    base = os.environ.get("TIANPING_SHARED_DIR")
    return (Path(base) if base else REPO.parent / "shared") / "reference-data"


@pytest.fixture
def shared() -> Path:
    folder = shared_dir()
    if not folder.is_dir():
        pytest.skip(f"shared reference data not found at {folder}; set TIANPING_SHARED_DIR")
    return folder


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def shared_courts(shared: Path) -> dict[str, str]:
    # Two rows carry a remark after the code, e.g. 赣0721（代字尚未修改）: the code is 赣0721.
    return {
        re.sub(r"（.*）$", "", row["代字"]): row["名称"]
        for row in read(shared / "court_codes_2018.csv")
    }


def shared_type_rows(shared: Path) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in read(shared / "case_types_2016.csv"):
        if row["类型代字"]:
            grouped.setdefault(row["类型代字"], []).append(row)
    return grouped


# Cross-checks against the shared tables.


def test_every_shared_court_code_is_built_in_with_the_same_name(shared):
    courts = shared_courts(shared)
    assert len(courts) == 3526
    wrong = {
        code: name
        for code, name in courts.items()
        if getattr(reference.court_by_code(code), "name", None) != name
    }
    assert wrong == {}


def test_built_in_courts_are_the_shared_ones_plus_the_documented_later_courts(shared):
    built_in = {court.code for court in reference.all_courts()}
    assert built_in - set(shared_courts(shared)) == set(LATER_COURTS)
    assert len(reference.all_courts()) == 3526 + len(LATER_COURTS)


def test_every_shared_type_code_is_built_in_with_the_same_names(shared):
    grouped = shared_type_rows(shared)
    assert len(grouped) == 129
    for code, rows in grouped.items():
        built_in = reference.case_type(code)
        assert built_in is not None, code
        assert built_in.covers == tuple(row["案件类型"] for row in rows), code
        assert built_in.standard_codes == tuple(row["代码"] for row in rows), code
        if len(rows) == 1:
            assert built_in.name == rows[0]["案件类型"], code


def test_built_in_type_codes_are_the_shared_ones_plus_the_later_ones(shared):
    assert reference.type_codes() - set(shared_type_rows(shared)) == LATER_TYPES
    assert len(reference.type_codes()) == 129 + len(LATER_TYPES)


def test_the_build_script_reproduces_the_built_in_files(shared):
    script = REPO / "scripts" / "build_catalog_data.py"
    result = subprocess.run(
        [sys.executable, str(script), "--shared", str(shared), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_built_in_files_use_the_projects_own_columns_not_the_shared_ones(shared):
    data = Path(reference.__file__).parent / "data"
    for ours, theirs in [
        ("court_codes.csv", "court_codes_2018.csv"),
        ("case_types.csv", "case_types_2016.csv"),
    ]:
        assert read(data / ours)[0].keys() != read(shared / theirs)[0].keys()


# The built-in catalog on its own.


@pytest.mark.parametrize(
    "code, name, level",
    [
        ("最高法", "最高人民法院", "supreme"),
        ("京", "北京市高级人民法院", "high"),
        ("内", "内蒙古自治区高级人民法院", "high"),
        ("兵", "新疆维吾尔自治区高级人民法院生产建设兵团分院", "high"),
        ("京73", "北京知识产权法院", "intermediate"),
        ("京0105", "北京市朝阳区人民法院", "basic"),
        ("赣0721", "赣州市赣县区人民法院", "basic"),
    ],
)
def test_courts_are_found_by_code_with_their_level(code, name, level):
    court = reference.court_by_code(code)
    assert (court.name, court.level) == (name, level)
    assert reference.is_known_court_code(code)


def test_every_court_level_matches_its_code_shape_and_sits_under_a_higher_court():
    rank = {"supreme": 0, "high": 1, "intermediate": 2, "basic": 3}
    for court in reference.all_courts():
        assert reference.court_level(court.code) == court.level, court.code
        if court.level != "supreme":
            parent = reference.court_by_code(court.parent_code)
            assert rank[parent.level] < rank[court.level], court.code


def test_inner_mongolia_is_nei_not_meng():
    assert "内" in reference.province_prefixes() and "蒙" not in reference.province_prefixes()
    assert reference.court_level("蒙25") is None
    assert reference.court_level("内2599") == "basic"  # well formed, even if not built in


@pytest.mark.parametrize(
    "code, name, founded",
    [
        ("京0491", "北京互联网法院", date(2018, 9, 9)),
        ("粤0192", "广州互联网法院", date(2018, 9, 28)),
        ("京74", "北京金融法院", date(2021, 3, 18)),
    ],
)
def test_later_courts_hold_their_codes_from_their_founding_day(code, name, founded):
    assert reference.court_by_code(code, on=founded).name == name
    assert reference.court_by_code(code, on=date(founded.year - 1, 1, 1)) is None
    assert reference.court_in_year(code, founded.year).name == name
    assert reference.court_history(code)[0].valid_from == founded


def test_a_re_coded_court_keeps_its_history():
    old = reference.Court("京9901", "旧法院", "basic", "京99", None, date(2020, 6, 30), "", "")
    new = reference.Court("京9901", "新法院", "basic", "京99", date(2020, 7, 1), None, "", "")
    assert old.is_valid_on(date(2020, 6, 30)) and not old.is_valid_on(date(2020, 7, 1))
    assert new.is_valid_on(date(2020, 7, 1)) and not new.is_valid_on(date(2020, 6, 30))
    assert old.held_code_in(2020) and new.held_code_in(2020) and not new.held_code_in(2019)


def test_type_codes_are_looked_up_with_names_and_categories():
    assert reference.case_type("民初").name == "民事一审案件"
    assert reference.case_type("民特").name == "特别程序案件"
    assert len(reference.case_type("民特").covers) == 13
    assert reference.case_type("执恢").category == "enforcement"
    assert reference.categories()["civil"] == "民事案件"
    assert {"民初", "民诉前调"} <= set(reference.type_codes_by_category()["civil"])
    assert len(reference.categories()) == 11


def test_later_type_codes_say_they_are_later_additions():
    for code in LATER_TYPES:
        kind = reference.case_type(code)
        assert kind.source == "later addition" and "not in the 2016 standard" in kind.note
        assert kind.standard_codes == ()


@pytest.mark.parametrize(
    "text, position, expected",
    [
        ("民诉前调801", 0, "民诉前调"),
        ("执恢12", 0, "执恢"),
        ("执12", 0, "执"),
        ("知行赔初1", 1, "行赔初"),
        ("民外", 0, None),
        ("", 0, None),
    ],
)
def test_longest_type_code_at_a_position(text, position, expected):
    assert reference.longest_type_code_at(text, position) == expected


def test_specialised_trial_codes_are_a_closed_set_with_ip_certain_and_finance_unsure():
    assert {"知", "金"} <= reference.special_codes()
    assert reference.special_code("知").source == "法〔2018〕335号"
    assert not reference.special_code("知").is_unsure
    assert reference.special_code("金").is_unsure
    assert reference.special_code("环") is None
    assert not reference.special_codes() & reference.type_codes()
