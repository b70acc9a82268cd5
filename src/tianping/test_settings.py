"""Settings for the test suite: the real settings, with development defaults.

DATABASE_URL from the environment still applies, so the same suite runs on SQLite and
on PostgreSQL.
"""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from tianping.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: live-server tests serve requests from several threads at once, and
    # an in-memory database refuses concurrent writers ("table is locked") where a real
    # installation, in WAL mode with a busy timeout, makes them wait.
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"tianping-test-{os.getpid()}.sqlite3")  # noqa: F405
    }
