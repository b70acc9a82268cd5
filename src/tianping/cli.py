"""The `tianping` console command: Django's management commands under one name.

tianping migrate
tianping runserver
tianping demo

`tianping check --deploy` fails (exit status 1) on warnings too, not only on errors: a
production check that passes with warnings would be read as passing.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    if args[:1] == ["check"] and "--deploy" in args and not _fail_level_given(args):
        args = [*args, "--fail-level", "WARNING"]
    try:
        execute_from_command_line([os.path.basename(sys.argv[0]) or "tianping", *args])
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"tianping: configuration error: {exc}\n")
        sys.exit(2)


def _fail_level_given(args: list[str]) -> bool:
    return any(a == "--fail-level" or a.startswith("--fail-level=") for a in args)


if __name__ == "__main__":
    main()
