"""Case numbers (案号): formatting, parsing, serial rules and the `case-number` command."""

import io
import json
import os
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given
from hypothesis import strategies as st

from tianping.catalog import reference
from tianping.catalog.case_numbers import (
    CaseNumberError,
    format_case_number,
    parse_case_number,
    random_death_penalty_serial,
    sequence_key,
    to_json_dict,
)


def parts(text):
    p = parse_case_number(text)
    return (p.year, p.court_code, p.special_code, p.type_code, p.serial)


# The test vectors of domain reference §3.4, then the specialised-trial code examples.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("（2024）京0105民初1234号", (2024, "京0105", None, "民初", 1234)),
        ("(2017)京04民终367号", (2017, "京04", None, "民终", 367)),
        ("(2021)川01财保17号", (2021, "川01", None, "财保", 17)),
        ("(2021)川0104行审13号", (2021, "川0104", None, "行审", 13)),
        ("(2021)川0104民诉前调801号", (2021, "川0104", None, "民诉前调", 801)),
        ("（2019）最高法知民终1号", (2019, "最高法", "知", "民终", 1)),
        ("（2020）川知民终12号", (2020, "川", "知", "民终", 12)),
        ("（2024）内2502民初123号", (2024, "内2502", None, "民初", 123)),
        ("（2022）京74民初5号", (2022, "京74", None, "民初", 5)),
    ],
)
def test_reference_vectors_parse_into_their_parts(text, expected):
    assert parts(text) == expected


def test_parse_names_the_court_and_the_case_type():
    parsed = parse_case_number("（2024）京0105民初1234号")
    assert parsed.court_name == "北京市朝阳区人民法院"
    assert parsed.type_name == "民事一审案件"
    assert not parsed.legacy and not parsed.unknown_court


@pytest.mark.parametrize(
    "variant",
    [
        "(2024)京0105民初1234号",
        "（2024)京0105民初1234号",
        "〔2024〕京0105民初1234号",
        "[2024]京0105民初1234号",
        "【2024】京0105民初1234号",
        "（２０２４）京0105民初１２３４号",
        " （2024） 京 0105 民初 1234 号 ",
        "(2024)京0105\u3000民初\t1234号",
    ],
)
def test_bracket_width_digit_width_and_spaces_do_not_matter(variant):
    parsed = parse_case_number(variant)
    assert parsed.normalized == "（2024）京0105民初1234号"
    assert parsed.input == variant


@pytest.mark.parametrize(
    "text, type_code",
    [
        ("（2021）川0104民诉前调801号", "民诉前调"),
        ("（2024）京0105执恢12号", "执恢"),
        ("（2024）京0105执12号", "执"),
        ("（2024）京01行赔初3号", "行赔初"),
        ("（2024）京01行初3号", "行初"),
        ("（2024）京0105刑医解2号", "刑医解"),
        ("（2024）京01委赔监2号", "委赔监"),
        ("（2024）京01民辖终2号", "民辖终"),
        ("（2024）京0105破申2号", "破申"),
        ("（2024）京0105破2号", "破"),
        ("（2024）最高法法赔1号", "法赔"),
    ],
)
def test_the_longest_type_code_wins(text, type_code):
    assert parse_case_number(text).type_code == type_code


def test_a_well_formed_court_missing_from_the_catalog_is_accepted_and_flagged():
    parsed = parse_case_number("（2024）京0199民初1号")
    assert (parsed.court_code, parsed.court_name, parsed.unknown_court) == ("京0199", None, True)


def test_a_court_is_named_only_for_years_in_which_it_held_its_code():
    assert parse_case_number("（2019）京0491民初1号").court_name == "北京互联网法院"
    assert parse_case_number("（2017）京0491民初1号").unknown_court


@pytest.mark.parametrize(
    "text, court, type_code, type_name, serial",
    [
        ("(2015)海民初字第5号", "海", "民初", "民事一审案件", 5),
        ("（2014）京海民初字第123号", "京海", "民初", "民事一审案件", 123),
        ("（2013）民提字第1号", None, "民提", None, 1),
        ("(2014)深中法民一初字第12号", "深中法", "民一初", None, 12),
    ],
)
def test_pre_2016_numbers_are_parsed_as_far_as_possible_and_marked_legacy(
    text, court, type_code, type_name, serial
):
    parsed = parse_case_number(text)
    assert parsed.legacy
    assert (parsed.court_code, parsed.type_code, parsed.type_name, parsed.serial) == (
        court,
        type_code,
        type_name,
        serial,
    )
    assert parsed.normalized.startswith("（") and parsed.normalized.endswith(f"字第{serial}号")


@pytest.mark.parametrize(
    "text, reason_contains",
    [
        ("京公(朝)行罚决字〔2023〕123号", "another authority"),
        ("内锡市监处罚〔2024〕12号", "another authority"),
        ("请在此输入案号", "year in brackets"),
        ("", "empty"),
        ("（2024）京0105民初1234", "ends with 号"),
        ("（2024）京0105民初1号之一", "after 号"),
        ("（1899）京0105民初1号", "1899"),
        ("（9999）京0105民初1号", "9999"),
        ("（24）京0105民初1号", "four digits"),
        ("（2024）京0105民初0号", "1 or more"),
        ("（2024）京0105民初012号", "start with 0"),
        ("（2024）京0105民初123456789号", "8 digits"),
        ("（2024）京0105民初号", "serial number is missing"),
        ("（2024）京0105号", "type code is missing"),
        ("（2024）蒙25民初1号", "蒙25"),
        ("（2024）京010民初1号", "2 or 4 digits"),
        ("（2024）民初1号", "not a court code"),
        ("（2024）京0105民外1号", "民外"),
        ("（2024）京0105环民初1号", "环"),
        ("（2014）海字第5号", "type code"),
    ],
)
def test_what_is_not_a_court_case_number_is_rejected_with_a_reason(text, reason_contains):
    with pytest.raises(CaseNumberError) as caught:
        parse_case_number(text)
    assert reason_contains in caught.value.reason
    assert caught.value.input == text


def test_a_caller_that_knows_the_date_rejects_future_years():
    assert parse_case_number("（2025）京0105民初1号", latest_year=2025).year == 2025
    with pytest.raises(CaseNumberError, match="future"):
        parse_case_number("（2026）京0105民初1号", latest_year=2025)


def test_format_writes_the_canonical_full_width_form():
    assert format_case_number(2024, "内2502", "民初", 123) == "（2024）内2502民初123号"
    ip_appeal = format_case_number(2019, "最高法", "民终", 1, special_code="知")
    assert ip_appeal == "（2019）最高法知民终1号"


@pytest.mark.parametrize(
    "args",
    [
        (1899, "京0105", "民初", 1),
        (2024, "京010", "民初", 1),
        (2024, "京0105", "民外", 1),
        (2024, "京0105", "民初", 0),
        (2024, "京0105", "民初", 1, "环"),
    ],
)
def test_format_refuses_parts_that_do_not_make_a_case_number(args):
    with pytest.raises(CaseNumberError):
        format_case_number(*args)


COURT_CODES = sorted({court.code for court in reference.all_courts()})


@given(
    court=st.sampled_from(COURT_CODES),
    special=st.sampled_from(["", *sorted(reference.special_codes())]),
    type_code=st.sampled_from(sorted(reference.type_codes())),
    year=st.integers(1990, 2100),
    serial=st.integers(1, 10**7),
)
def test_parse_reads_back_every_part_that_format_wrote(court, special, type_code, year, serial):
    text = format_case_number(year, court, type_code, serial, special_code=special)
    parsed = parse_case_number(text)
    assert parts(text) == (year, court, special or None, type_code, serial)
    assert parsed.normalized == text and not parsed.legacy
    holder = reference.court_in_year(court, year)
    assert parsed.court_name == (holder.name if holder else None)
    assert parsed.unknown_court == (holder is None)
    assert parsed.type_name == reference.case_type(type_code).name


def test_no_code_combination_reads_two_ways():
    # The parser reads the letters between court and serial as [special] + type. That is
    # unambiguous only while no type code starts with a special code (so special + type never
    # equals another type code) and no code starts with a digit or a province character.
    types, specials = reference.type_codes(), reference.special_codes()
    assert not {t for t in types if t[0] in specials}
    assert not {t for t in types if t[0].isdigit() or t[0] in reference.province_prefixes()}
    assert not {s + t for s in specials for t in types} & types


@given(st.text(max_size=40))
def test_any_text_either_parses_or_is_rejected_with_a_reason(text):
    try:
        parsed = parse_case_number(text)
    except CaseNumberError as error:
        assert error.reason
    else:  # normalizing is idempotent: the normal form reads back to the same parts
        assert replace(parse_case_number(parsed.normalized), input=text) == parsed


def test_death_penalty_review_serials_are_random_eight_digit_numbers():
    serials = [random_death_penalty_serial(random.Random(seed)) for seed in range(50)]
    assert all(len(s) == 8 and s.isdigit() and s[0] != "0" for s in serials)
    assert len(set(serials)) > 45
    assert serials[0] == random_death_penalty_serial(random.Random(0))
    text = format_case_number(2024, "最高法", "刑核", int(serials[0]))
    assert parse_case_number(text).serial == int(serials[0])


def test_one_serial_sequence_per_court_special_code_type_and_year():
    key = sequence_key("京0105", "", "民初", 2024)
    assert key == sequence_key("京0105", None, "民初", 2024)
    assert key != sequence_key("京0105", "知", "民初", 2024)
    assert key != sequence_key("京0105", "", "民初", 2025)
    assert key != sequence_key("京0105", "", "民终", 2024)
    assert key != sequence_key("京0106", "", "民初", 2024)


def test_death_penalty_review_has_no_sequence_and_bad_parts_have_no_key():
    with pytest.raises(ValueError, match="random"):
        sequence_key("最高法", "", "刑核", 2024)
    with pytest.raises(CaseNumberError):
        sequence_key("京0105", "", "民外", 2024)


def test_json_form_has_exactly_the_documented_keys():
    parsed = to_json_dict(parse_case_number("（2019）最高法知民终1号"))
    assert parsed == {
        "input": "（2019）最高法知民终1号",
        "year": 2019,
        "court_code": "最高法",
        "court_name": "最高人民法院",
        "special_code": "知",
        "type_code": "民终",
        "type_name": "民事二审案件",
        "serial": 1,
        "legacy": False,
        "normalized": "（2019）最高法知民终1号",
    }
    assert to_json_dict(parse_case_number("(2015)海民初字第5号"))["court_name"] is None
    with pytest.raises(CaseNumberError) as caught:
        parse_case_number("hello")
    assert set(to_json_dict(caught.value)) == {"input", "error"}


# The `case-number` management command.


def run_command(*args, stdin=None):
    out = io.StringIO()
    try:
        call_command("case-number", *args, stdout=out, stdin=stdin)
    except CommandError as error:
        return out.getvalue(), error.returncode
    return out.getvalue(), 0


def test_command_prints_one_json_line_per_number_in_input_order():
    out, status = run_command("parse", "(2017)京04民终367号", "（2019）最高法知民终1号", "--json")
    lines = out.splitlines()
    assert status == 0
    assert [json.loads(line)["normalized"] for line in lines] == [
        "（2017）京04民终367号",
        "（2019）最高法知民终1号",
    ]
    assert "最高人民法院" in lines[1]  # not \u escapes


def test_command_exits_with_2_when_any_number_is_invalid():
    out, status = run_command("parse", "(2017)京04民终367号", "hello", "--json")
    assert status == 2
    assert json.loads(out.splitlines()[1]) == {
        "input": "hello",
        "error": "A case number starts with the year in brackets, e.g. （2024）.",
    }


def test_command_reads_numbers_from_stdin_skipping_blank_lines():
    stdin = io.StringIO("（2024）京0105民初1234号\n\n   \n(2015)海民初字第5号\n")
    out, status = run_command("parse", "-", "--json", stdin=stdin)
    assert status == 0
    assert [json.loads(line)["legacy"] for line in out.splitlines()] == [False, True]


def test_command_without_json_prints_a_readable_table():
    out, status = run_command("parse", "（2024）京0105民初1234号", "（2024）京0199民初1号")
    assert status == 0
    assert "北京市朝阳区人民法院" in out and "民事一审案件" in out
    assert "court not in the catalog" in out.splitlines()[2]


def test_tianping_console_command_sets_the_exit_status():
    tianping = Path(sys.executable).parent / "tianping"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tianping.test_settings"}
    args = [str(tianping), "case-number", "parse", "--json"]
    good = subprocess.run([*args, "(2017)京04民终367号"], capture_output=True, text=True, env=env)
    bad = subprocess.run(
        [*args, "(2017)京04民终367号", "京公(朝)行罚决字〔2023〕123号"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert (good.returncode, bad.returncode) == (0, 2)
    assert len(bad.stdout.splitlines()) == 2 and "2 个案号中有 1 个无效" in bad.stderr
