"""`tianping cases import FILE`: load the cases of an older system (issue 13 part 1).

    tianping cases import 历史案件.csv [--dry-run] [--user USERNAME]

CSV (UTF-8 or GB18030) or xlsx, one row per case (columns: docs/architecture.md,
"Historical import"). A progress bar on stderr, a summary on stdout. Bad input exits with
status 2 and the line and reason on stderr; nothing is written then. Without --user the
operator imports for any court; pre-filing mediations (…诉前调) need --user.
"""

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tianping.flows.case_import import CaseImportError, import_file, warning_text

BAR = 30


class Command(BaseCommand):
    help = "Historical case import."
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("import", help="import cases from a CSV or xlsx file")
        run.add_argument("file", help="the file (CSV UTF-8/GB18030 or .xlsx)")
        run.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        run.add_argument("--user", help="import as this user (their courts only)")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _import(self, *, file, dry_run, user, **options):
        account = None
        if user:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(_("No user “%(name)s”.") % {"name": user}, returncode=2)
        try:
            result = import_file(file, user=account, dry_run=dry_run, progress=self._bar)
        except FileNotFoundError:
            raise CommandError(_("No file %(path)s.") % {"path": file}, returncode=2) from None
        except CaseImportError as error:
            self.stderr.write("")
            raise CommandError(str(error), returncode=2) from error
        finally:
            sys.stderr.flush()
        self.stderr.write("")
        summary = _("checked, nothing written") if dry_run else _("imported")
        self.stdout.write(_("%(rows)s rows %(summary)s: %(created)s cases new, %(updated)s "
                            "updated, %(mediations)s pre-filing mediations, %(links)s links to "
                            "the case below.") % {
            "rows": result.rows, "summary": summary, "created": result.created,
            "updated": result.updated, "mediations": result.mediations, "links": result.links})
        if result.courts_created:
            self.stdout.write(_("Courts added from the catalog: %(codes)s")
                              % {"codes": "、".join(result.courts_created)})
        for warning in result.warnings:
            self.stdout.write(_("Line %(line)s: %(reason)s")
                              % {"line": warning["line"], "reason": warning_text(warning)})
        if result.warning_count > len(result.warnings):
            self.stdout.write(_("… and %(n)s more warnings.")
                              % {"n": result.warning_count - len(result.warnings)})

    def _bar(self, done: int, total: int) -> None:
        share = done / total if total else 1
        filled = int(BAR * share)
        self.stderr.write(f"\r[{'#' * filled}{'.' * (BAR - filled)}] {int(share * 100):3d}% "
                          f"{done}/{total}", ending="")
        self.stderr.flush()
