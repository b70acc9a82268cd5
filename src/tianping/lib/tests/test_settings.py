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
        ({"DEBUG": "false", "SECRET_KEY": "short"}, "at least 40 characters"),
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
