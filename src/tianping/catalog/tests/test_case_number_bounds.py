"""A serial of thousands of digits is refused with a reason, never a crash (security probe):
by the parser, the API, the tool page and the command."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tianping.catalog.case_numbers import CaseNumberError, format_case_number, parse_case_number

HUGE = "9" * 5000
CURRENT = f"（2024）京0105民初{HUGE}号"
LEGACY = f"（2015）海民初字第{HUGE}号"
TOO_LONG = "The serial number has more than 8 digits."


@pytest.mark.parametrize("text", [CURRENT, LEGACY, f"（2024）京0105民初1{'0' * 8}号"])
def test_a_serial_of_more_than_eight_digits_is_refused_with_the_reason(text):
    with pytest.raises(CaseNumberError, match="more than 8 digits"):
        parse_case_number(text)


def test_format_refuses_a_huge_serial():
    with pytest.raises(CaseNumberError, match="more than 8 digits"):
        format_case_number(2024, "京0105", "民初", 10**5000 - 1)


@pytest.mark.django_db
def test_the_api_answers_a_huge_serial_with_its_reason(client, demo, login):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    login(demo["lixia"])

    response = client.post(
        "/api/v1/case-numbers/parse", {"numbers": [CURRENT, LEGACY]},
        content_type="application/json",
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["valid"], body["invalid"]) == (0, 2)
    assert [r["error"] for r in body["results"]] == [TOO_LONG, TOO_LONG]


@pytest.mark.django_db
def test_the_tool_page_answers_a_huge_serial_with_its_reason(client, demo, login):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    login(demo["lixia"])

    response = client.post("/tools/case-numbers/", {"numbers": f"{CURRENT}\n{LEGACY}"})

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count(TOO_LONG) == 2 and "2 invalid" in page


@pytest.mark.django_db
def test_the_command_answers_a_huge_serial_with_exit_status_2():
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("case-number", "parse", CURRENT, "--json", stdout=out)
    assert caught.value.returncode == 2
    assert TOO_LONG in out.getvalue()


def test_the_console_command_prints_no_traceback_for_a_huge_serial():
    tianping = Path(sys.executable).parent / "tianping"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tianping.test_settings"}
    result = subprocess.run(
        [str(tianping), "case-number", "parse", CURRENT, LEGACY], capture_output=True, text=True,
        env=env, timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "2 个案号中有 2 个无效" in result.stderr
