"""`tianping fee`: a clerk computes a litigation fee from the command line."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are matched in English, whatever the default language."""
    with translation.override("en"):
        yield


def run_fee(*args):
    out = StringIO()
    call_command("fee", *args, stdout=out)
    return out.getvalue()


def test_json_output_gives_the_fee_and_its_steps():
    data = json.loads(run_fee("property", "1000000", "--json"))

    assert data["fee"] == "13800.00"
    assert len(data["steps"]) == 5
    assert data["steps"][1] | {"description": ""} == {
        "code": "bracket",
        "article": "13(1)",
        "description": "",
        "part": "2250.00",
        "part_max": None,
        "lower": "10000.00",
        "upper": "100000.00",
        "rate": "0.025",
        "base": "90000.00",
    }


def test_summary_flag_halves_the_fee():
    data = json.loads(run_fee("property", "1000000", "--summary", "--json"))

    assert data["fee"] == "6900.00"


@pytest.mark.parametrize("args", [("labour",), ("labour", "-")])
def test_amount_may_be_omitted_or_a_dash(args):
    data = json.loads(run_fee(*args, "--json"))

    assert data["fee"] == "10.00"


def test_range_in_json_has_min_and_max_and_no_single_fee():
    data = json.loads(run_fee("divorce", "-", "--reason", "mediation", "--json"))

    assert (data["fee"], data["fee_min"], data["fee_max"]) == (None, "25.00", "150.00")


def test_readable_output_lists_the_steps_then_the_fee():
    lines = run_fee("property", "1000000").splitlines()

    assert "2.5%" in lines[2]
    assert lines[-1] == "Fee: 13,800.00 yuan"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("property", "-5"), "negative"),
        (("property", "abc"), "not a number"),
        (("property", "1.001"), "two decimal places"),
        (("property",), "needs an amount"),
        (("labour", "100"), "takes no amount"),
        (("enforcement", "100", "--summary"), "case acceptance fees"),
    ],
)
def test_bad_input_fails_with_status_2_and_a_message(args, message):
    with pytest.raises(CommandError, match=message) as error:
        run_fee(*args)

    assert error.value.returncode == 2


def _console(*args):
    script = Path(sys.executable).parent / "tianping"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tianping.test_settings"}
    return subprocess.run(
        [str(script), "fee", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_console_script_prints_json():
    done = _console("property", "1000000", "--json")

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["fee"] == "13800.00"


def test_console_script_exits_with_2_on_bad_input():
    done = _console("property", "-1")

    assert done.returncode == 2
    assert "负数" in done.stderr  # operators read Chinese
