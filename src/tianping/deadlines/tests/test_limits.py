"""Time limits: every rule, exclusions, extensions, and the operators' command."""

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given
from hypothesis import strategies as st

from tianping.law.calendar import RestDayCalendar
from tianping.law.limits import Exclusion, Grant, LimitError, compute_limit
from tianping.law.rules import RULES, get_rule

D = datetime.date
CAL = RestDayCalendar()

# (rule, start, expected): one line per rule the issue names, worked by hand.
TABLE = [
    ("filing-civil", D(2024, 9, 24), D(2024, 10, 8)),  # 10-01 National Day -> 10-08
    ("filing-private-prosecution", D(2024, 3, 1), D(2024, 3, 18)),  # 03-16 Saturday
    ("filing-third-party-revocation", D(2024, 3, 1), D(2024, 4, 1)),  # 03-31 Sunday
    ("civil-ordinary", D(2024, 2, 29), D(2024, 8, 29)),
    ("civil-summary", D(2023, 8, 31), D(2023, 11, 30)),
    ("civil-small-claims", D(2024, 1, 31), D(2024, 4, 1)),  # 03-31 Sunday
    ("civil-appeal-judgment", D(2014, 5, 28), D(2014, 8, 28)),  # the SPC's example
    ("civil-appeal-ruling", D(2024, 5, 6), D(2024, 6, 5)),
    ("civil-special", D(2024, 5, 6), D(2024, 6, 5)),
    ("judicial-confirmation", D(2024, 5, 6), D(2024, 5, 21)),
    ("criminal-first-instance", D(2024, 7, 31), D(2024, 9, 30)),
    ("criminal-summary", D(2024, 5, 6), D(2024, 5, 27)),  # 05-26 Sunday
    ("criminal-fast-track", D(2024, 5, 6), D(2024, 5, 16)),
    ("criminal-appeal", D(2024, 5, 6), D(2024, 7, 8)),  # 07-06 Saturday
    ("administrative-first-instance", D(2024, 5, 6), D(2024, 11, 6)),
    ("administrative-summary", D(2024, 5, 6), D(2024, 6, 20)),
    ("administrative-appeal", D(2024, 5, 6), D(2024, 8, 6)),
    ("enforcement", D(2024, 5, 6), D(2024, 11, 6)),
    ("mediation-pre-filing", D(2024, 5, 6), D(2024, 6, 5)),
    ("mediation-referred-ordinary", D(2024, 5, 6), D(2024, 5, 21)),
    ("mediation-referred-summary", D(2024, 5, 6), D(2024, 5, 13)),
    ("appeal-period-judgment", D(2024, 5, 6), D(2024, 5, 21)),
    ("appeal-period-ruling", D(2024, 5, 6), D(2024, 5, 16)),
    ("public-notice", D(2024, 3, 1), D(2024, 4, 1)),  # 03-31 is a Sunday
    ("public-notice-abroad", D(2024, 3, 1), D(2024, 4, 30)),
]


@pytest.mark.parametrize(("code", "start", "expected"), TABLE)
def test_every_named_rule(code, start, expected):
    assert compute_limit(get_rule(code), start, CAL).expires_on == expected


def test_every_rule_has_a_source_and_a_length():
    assert all(rule.source and (rule.months or rule.days) for rule in RULES)
    assert {code for code, _, _ in TABLE} <= {rule.code for rule in RULES}


def test_in_custody_the_last_day_stays_on_a_holiday():
    # criminal fast track from 2024-09-21: 10 days -> 2024-10-01, National Day
    rule = get_rule("criminal-fast-track")
    assert compute_limit(rule, D(2024, 9, 21), CAL).expires_on == D(2024, 10, 8)
    assert compute_limit(rule, D(2024, 9, 21), CAL, in_custody=True).expires_on == D(2024, 10, 1)


def test_in_custody_is_refused_for_a_civil_rule():
    with pytest.raises(LimitError, match="civil-ordinary"):
        compute_limit(get_rule("civil-ordinary"), D(2024, 1, 2), CAL, in_custody=True)


def test_exclusions_and_extensions_in_the_stated_order():
    # civil ordinary from 2024-01-10, extended 6 months, a 10-day appraisal excluded
    result = compute_limit(
        get_rule("civil-ordinary"),
        D(2024, 1, 10),
        CAL,
        grants=(Grant(months=6),),
        exclusions=(Exclusion("appraisal", D(2024, 3, 1), D(2024, 3, 10)),),
    )
    # 2024-01-10 + 12 months = 2025-01-10, + 10 days = 2025-01-20 (a Monday)
    assert result.expires_on == D(2025, 1, 20)
    assert [s.code for s in result.steps] == ["rule", "start", "months", "excluded"]


def test_an_exclusion_that_ends_before_it_starts_is_refused():
    with pytest.raises(LimitError, match="cannot end"):
        compute_limit(
            get_rule("civil-ordinary"),
            D(2024, 1, 10),
            CAL,
            exclusions=(Exclusion("appraisal", D(2024, 3, 10), D(2024, 3, 1)),),
        )


def test_overlapping_exclusions_are_refused():
    with pytest.raises(LimitError, match="overlap"):
        compute_limit(
            get_rule("civil-ordinary"),
            D(2024, 1, 10),
            CAL,
            exclusions=(
                Exclusion("appraisal", D(2024, 3, 1), D(2024, 3, 10)),
                Exclusion("settlement", D(2024, 3, 10), D(2024, 3, 12)),
            ),
        )


spans = st.tuples(st.dates(D(2020, 1, 1), D(2024, 6, 1)), st.integers(0, 60))


@given(st.sampled_from(RULES), st.dates(D(2020, 1, 1), D(2024, 6, 1)), spans)
def test_an_exclusion_never_shortens_a_limit(rule, start, span):
    begin, length = span
    excluded = Exclusion("other", begin, begin + datetime.timedelta(days=length))
    plain = compute_limit(rule, start, CAL).expires_on
    assert compute_limit(rule, start, CAL, exclusions=(excluded,)).expires_on >= plain


@given(
    st.sampled_from(RULES),
    st.dates(D(2005, 1, 1), D(2025, 6, 1)),
    st.dates(D(2005, 1, 1), D(2025, 6, 1)),
)
def test_a_later_start_never_gives_an_earlier_expiry(rule, a, b):
    first, second = sorted([a, b])
    assert compute_limit(rule, first, CAL).expires_on <= compute_limit(rule, second, CAL).expires_on


@pytest.mark.django_db
def test_the_command_prints_json_with_steps(capsys):
    call_command(
        "time-limit",
        "compute",
        "--rule",
        "civil-summary",
        "--start",
        "2024-06-30",
        "--extend",
        "1m",
        "--exclude",
        "public_notice=2024-07-01:2024-07-30",
        "--json",
    )
    out = json.loads(capsys.readouterr().out)
    # 2024-06-30 + 4 months = 2024-10-30, + 30 days = 2024-11-29
    assert out["expires_on"] == "2024-11-29"
    assert out["steps"][-1]["code"] == "excluded"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rule", "civil-forever", "--start", "2024-01-01"], "civil-forever"),
        (["--rule", "civil-ordinary", "--start", "2024-13-01"], "not a date"),
        (["--rule", "civil-ordinary", "--start", "2024-01-01", "--extend", "6y"], "6m or 10d"),
    ],
)
def test_the_command_names_the_rule_broken(args, message):
    with pytest.raises(CommandError, match=message) as caught:
        call_command("time-limit", "compute", *args)
    assert caught.value.returncode == 2


@pytest.mark.django_db
def test_the_command_answers_for_a_year_without_holiday_data_with_weekends_only(capsys):
    # a case filed on 2026-12-05: six months end on Saturday 2027-06-05; with no 2027
    # schedule on file only weekends are rest days, so the limit ends on Monday 2027-06-07
    call_command(
        "time-limit", "compute", "--rule", "civil-ordinary", "--start", "2026-12-05", "--json"
    )
    out = json.loads(capsys.readouterr().out)

    assert out["expires_on"] == "2027-06-07"
    assert out["weekends_only_years"] == [2027]
    missing = [s for s in out["steps"] if s["code"] == "holiday-data-missing"]
    assert missing and missing[0]["params"] == {"year": 2027}


@pytest.mark.django_db
def test_the_command_tells_staff_to_enter_the_missing_schedule(capsys):
    call_command("time-limit", "compute", "--rule", "civil-ordinary", "--start", "2026-12-01")
    captured = capsys.readouterr()

    assert captured.out.splitlines()[-1] == "=> 2027-06-01"
    assert "no holiday schedule for 2027" in captured.err


@pytest.mark.django_db
def test_a_year_the_package_covers_is_not_flagged(capsys):
    call_command(
        "time-limit", "compute", "--rule", "civil-ordinary", "--start", "2025-03-03", "--json"
    )
    out = json.loads(capsys.readouterr().out)

    assert out["expires_on"] == "2025-09-03" and out["weekends_only_years"] == []


def test_the_console_command_exits_2_on_bad_input():
    tianping = str(Path(sys.executable).with_name("tianping"))
    result = subprocess.run(
        [tianping, "time-limit", "compute", "--rule", "nope", "--start", "2024-01-01"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"DEBUG": "true", "PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:///:memory:"},
    )
    assert result.returncode == 2
    assert "nope" in result.stderr
