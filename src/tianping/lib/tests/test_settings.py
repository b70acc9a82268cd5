"""Start-up refuses bad settings loudly; production defaults are secure."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

TIANPING = str(Path(sys.executable).with_name("tianping"))
GOOD_KEY = "k" * 20 + "9fQ2-random-enough-for-tests-only-xyz"


CLEARED = (
    "DEBUG",
    "DATABASE_URL",
    "SECRET_KEY",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def run(args, **env):
    base = {k: v for k, v in os.environ.items() if k not in CLEARED}
    base.update(env)
    return subprocess.run([TIANPING, *args], env=base, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
        ({"DEBUG": "false"}, "SECRET_KEY is required"),
        ({"DEBUG": "false", "SECRET_KEY": "short"}, "at least 50 characters"),
        ({"DEBUG": "false", "SECRET_KEY": "x" * 45}, "at least 50 characters"),
        ({"DEBUG": "false", "SECRET_KEY": "abcd" * 20}, "at least 50 characters"),
        ({"DEBUG": "false", "SECRET_KEY": "django-insecure-" + GOOD_KEY}, "SECRET_KEY"),
        ({"DEBUG": "true", "CLIENT_ADDRESS_HEADER": "X-Real-IP"}, "BEHIND_TLS_PROXY=true"),
        ({"DEBUG": "true", "CLIENT_ADDRESS_HEADER": "Forwarded"}, "CLIENT_ADDRESS_HEADER="),
        ({"DEBUG": "true", "DATABASE_URL": "mysql://x@y/z"}, "must use sqlite:// or postgres://"),
        ({"DEBUG": "true", "DATABASE_URL": "nonsense"}, "DATABASE_URL"),
        ({"DEBUG": "true", "SQLITE_BUSY_TIMEOUT": "soon"}, "SQLITE_BUSY_TIMEOUT='soon'"),
        ({"DEBUG": "true", "LOG_LEVEL": "LOUD"}, "LOG_LEVEL='LOUD' is not one of"),
    ],
)
def test_invalid_settings_stop_the_start_with_the_setting_named(env, message):
    result = run(["check"], **env)
    assert result.returncode == 2
    assert message in result.stderr


def test_deploy_check_is_clean_with_debug_off(tmp_path):
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="false",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="court.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_example_secret_key_of_env_example_is_refused(tmp_path):
    example = (Path(__file__).resolve().parents[4] / ".env.example").read_text()
    key = next(line for line in example.splitlines() if line.startswith("SECRET_KEY="))
    result = run(
        ["check", "--deploy"],
        DEBUG="false",
        SECRET_KEY=key.split("=", 1)[1],
        ALLOWED_HOSTS="court.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 2
    assert "SECRET_KEY must be a random string of at least 50 characters" in result.stderr
    assert "Traceback" not in result.stderr


def test_deploy_check_fails_on_a_warning(tmp_path):
    # HSTS off is only a warning (security.W004); `tianping check --deploy` must not pass it
    result = run(
        ["check", "--deploy"],
        DEBUG="false",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="court.example",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 1
    assert "security.W004" in result.stderr


def test_deploy_check_passes_a_clean_configuration_without_extra_options(tmp_path):
    result = run(
        ["check", "--deploy"],
        DEBUG="false",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="court.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    code = (
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], "
        "c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    result = run(
        ["shell", "--no-imports", "-c", code],
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.stdout.split() == ["wal", "20000"], result.stderr
