"""The time-limit calculator (API and `tianping time-limit compute`) on bad input: dates
far out of range, huge or negative extensions, periods ending in year 9999. Each gets its
reason (API: 422; command: a message and exit status 2), never a 500 or a traceback."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from tianping.law.calendar import RestDayCalendar
from tianping.law.limits import Grant, LimitError, check_grants, compute_limit
from tianping.law.rules import get_rule

COMPUTE = "/api/v1/time-limits/compute"
YEARS = "outside the years 1949 to 2100"
TOO_MUCH = "civil-ordinary allows at most these extensions: 6 month(s), then 3 month(s)"
NEGATIVE = "An extension is a positive number of months or days."


@pytest.fixture
def english_client(client, login, judge):
    login(judge)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"start": "9999-12-31"}, YEARS),
        ({"start": "1900-01-01"}, YEARS),
        ({"extend_months": [99999999999]}, TOO_MUCH),
        ({"extend_months": [6, 3, 1]}, TOO_MUCH),
        ({"extend_days": [10]}, TOO_MUCH),
        ({"extend_months": [-6]}, NEGATIVE),
        ({"extend_days": [-30]}, NEGATIVE),
        ({"exclude": [{"kind": "suspension", "start": "2024-02-01", "end": "9999-12-31"}]}, YEARS),
        (
            {"exclude": [{"kind": "appraisal", "start": "2024-02-01", "end": "2099-12-31"}]},
            "may last at most 180 days",
        ),
        ({"exclude": [{"kind": "nap", "start": "2024-02-01", "end": "2024-02-02"}]}, "nap"),
    ],
)
def test_the_api_answers_bad_input_with_422_and_the_reason(english_client, extra, message):
    body = {"rule": "civil-ordinary", "start": "2024-01-10", **extra}

    response = english_client.post(COMPUTE, body, content_type="application/json")

    assert response.status_code == 422
    assert message in response.json()["detail"]


@pytest.mark.django_db
def test_the_api_answers_a_date_of_year_10000_with_422(english_client):
    response = english_client.post(
        COMPUTE, {"rule": "civil-ordinary", "start": "10000-01-01"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "start"


@pytest.mark.django_db
def test_the_api_still_computes_what_the_rule_allows(english_client):
    body = {"rule": "civil-ordinary", "start": "2024-01-10", "extend_months": [6, 3]}

    response = english_client.post(COMPUTE, body, content_type="application/json")

    # 2024-01-10 + (6 + 6 + 3) months = Thursday 2025-04-10
    assert response.status_code == 200 and response.json()["expires_on"] == "2025-04-10"


def compute(*args):
    with translation.override("en"):
        call_command("time-limit", "compute", "--rule", "civil-ordinary", *args)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "9999-12-31"], YEARS),
        (["--start", "10000-01-01"], "is not a date"),
        (["--start", "2024-01-10", "--extend", "99999999999m"], "positive count"),
        (["--start", "2024-01-10", "--extend", "999999m"], TOO_MUCH),
        (["--start", "2024-01-10", "--extend", "9" * 5000 + "d"], "positive count"),
        (["--start", "2024-01-10", "--extend=-6m"], "positive count"),
        (["--start", "2024-01-10", "--exclude", "2024-02-01:9999-12-31"], YEARS),
        (["--start", "2024-01-10", "--exclude", "2024-02-01:2099-12-31"], "at most 180 days"),
        (["--start", "2024-01-10", "--exclude", "suspension=2024-02-01:9999-12-31"], YEARS),
    ],
)
def test_the_command_answers_bad_input_with_exit_status_2(args, message):
    with pytest.raises(CommandError, match=re.escape(message)) as caught:
        compute(*args)

    assert caught.value.returncode == 2


def test_the_console_command_prints_no_traceback():
    tianping = str(Path(sys.executable).with_name("tianping"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tianping.test_settings",
           "DATABASE_URL": "sqlite:///:memory:"}
    for args in (
        ["--start", "9999-12-31"],
        ["--start", "2024-01-10", "--extend", "99999999999m"],
        ["--start", "2024-01-10", "--exclude", "suspension=2024-02-01:9999-12-31"],
    ):
        result = subprocess.run(
            [tianping, "time-limit", "compute", "--rule", "civil-ordinary", *args],
            capture_output=True, text=True, timeout=120, env=env,
        )
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.strip()


def test_the_computation_itself_refuses_a_negative_extension_and_a_date_past_9999():
    rule, calendar = get_rule("civil-ordinary"), RestDayCalendar(strict=False)
    start = datetime.date(2024, 1, 10)

    with pytest.raises(LimitError, match="positive"):
        compute_limit(rule, start, calendar, grants=(Grant(months=-6),))
    with pytest.raises(LimitError, match="after the year 9999"):
        compute_limit(rule, start, calendar, grants=(Grant(months=10**11),))
    with pytest.raises(LimitError, match="allows no extension"):
        check_grants(get_rule("payment-order"), (Grant(days=1),))
