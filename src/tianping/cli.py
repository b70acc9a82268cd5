"""The `tianping` console command: Django's management commands under one name.

tianping migrate
tianping runserver
tianping demo
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line([os.path.basename(sys.argv[0]) or "tianping", *sys.argv[1:]])
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"tianping: configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
