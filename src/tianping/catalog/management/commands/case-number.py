"""`tianping case-number parse TEXT... [--json]`: check case numbers (案号) from the shell.

Each TEXT is one case number; `-` reads one per line from standard input (blank lines are
skipped). Results come out in input order: one JSON object per line with --json, otherwise a
table. The exit status is 0 when every number is valid and 2 otherwise, so scripts can use it.
"""

import json
import sys
import unicodedata

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.catalog.case_numbers import CaseNumberError, parse_case_number, to_json_dict

INVALID_EXIT_STATUS = 2


class Command(BaseCommand):
    help = "Parse case numbers (案号) and report their parts; exit status 2 if any is invalid."
    stealth_options = ("stdin",)  # lets tests hand in a stream through call_command

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["parse"], help="what to do with the numbers")
        parser.add_argument("numbers", nargs="+", metavar="TEXT", help="case numbers, or -")
        parser.add_argument("--json", action="store_true", help="one JSON object per line")

    def handle(self, *args, **options):
        texts = list(_expand(options["numbers"], options.get("stdin") or sys.stdin))
        # A number cannot carry a year that has not begun; the pure parser takes it as input.
        latest_year = timezone.localdate().year
        results = [_parse(text, latest_year) for text in texts]
        if options["json"]:
            for result in results:
                self.stdout.write(json.dumps(to_json_dict(result), ensure_ascii=False))
        else:
            self.stdout.write(_table(results))
        invalid = sum(isinstance(result, CaseNumberError) for result in results)
        if invalid:
            raise CommandError(
                _("%(invalid)s of %(total)s case numbers are invalid.")
                % {"invalid": invalid, "total": len(results)},
                returncode=INVALID_EXIT_STATUS,
            )


def _expand(arguments, stdin):
    """The numbers to parse: arguments as given, `-` replaced by the non-blank stdin lines."""
    for argument in arguments:
        if argument == "-":
            yield from (line.strip() for line in stdin if line.strip())
        else:
            yield argument


def _parse(text, latest_year):
    try:
        return parse_case_number(text, latest_year=latest_year)
    except CaseNumberError as error:
        return error


def _table(results) -> str:
    headers = [_("Case number"), _("Year"), _("Court"), _("Type"), _("Serial"), _("Result")]
    rows = [headers, *(_row(result) for result in results)]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(headers))]
    return "\n".join(
        "  ".join(_pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _row(result) -> list[str]:
    if isinstance(result, CaseNumberError):
        return [result.input.strip(), "", "", "", "", _("invalid: %s") % result.reason]
    court = " ".join(filter(None, [result.court_code, result.court_name]))
    kind = " ".join(filter(None, [result.special_code, result.type_code, result.type_name]))
    return [result.normalized, str(result.year), court, kind, str(result.serial), _status(result)]


def _status(result) -> str:
    notes = [_("ok")]
    if result.legacy:
        notes.append(_("pre-2016 form"))
    if result.unknown_court:
        notes.append(_("court not in the catalog"))
    return ", ".join(notes)


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
