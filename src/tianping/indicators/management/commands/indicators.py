"""`tianping indicators`: the trial performance indicators from the command line.

    tianping indicators compute --court 内2502 --from 2026-01-01 --to 2026-06-30 --json
    tianping indicators compute --court 内25 --include-lower --from ... --to ... \\
        [--division 民事审判庭] [--judge 王军]

`--json` prints {"court", "from", "to", "indicators": [...]} (the API's answer); without it,
a table in the active language. Bad input exits with status 2 and the reason on stderr.
"""

import json
from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tianping.indicators import compute


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": text},
                           returncode=2) from exc


class Command(BaseCommand):
    help = "Trial performance indicators computed from the case records."
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("compute", help="compute the indicators of a court")
        run.add_argument("--court", required=True, help="the court's code (法院代字)")
        run.add_argument("--include-lower", action="store_true",
                         help="count the courts below it too")
        run.add_argument("--from", dest="start", required=True, help="first day (YYYY-MM-DD)")
        run.add_argument("--to", dest="end", required=True, help="last day (YYYY-MM-DD)")
        run.add_argument("--division", help="a division's name")
        run.add_argument("--judge", help="a judge's full name")
        run.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _compute(self, *, court, include_lower, start, end, division, judge, json: bool,
                 **options):
        try:
            s = compute.make_slice(court, _date(start), _date(end),
                                   include_lower=include_lower, division=division,
                                   judge=judge)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from exc
        results = compute.compute(s)
        if json:
            self.stdout.write(_dumps(compute.as_json(s, results)))
            return
        self.stdout.write(_("Court %(court)s, %(start)s to %(end)s") % {
            "court": s.court.code, "start": s.start, "end": s.end})
        statuses = {compute.MET: _("met (达标)"), compute.NOT_MET: _("not met (未达标)"),
                    compute.NO_RANGE: _("no range set"), compute.NO_VALUE: _("nothing to divide")}
        units = {"%": "%", "days": pgettext("indicator unit", "days"),
                 "cases": pgettext("indicator unit", "cases"), "ratio": ""}
        for r in results:
            shown = r.value.to_integral_value() if r.unit == "cases" and r.value else r.value
            value = "—" if r.value is None else f"{shown} {units.get(r.unit, r.unit)}".strip()
            parts = str(r.numerator) if r.denominator is None else f"{r.numerator}/{r.denominator}"
            bounds = "" if r.range is None else "[{} – {}]".format(*(
                "…" if b is None else b for b in r.range))
            self.stdout.write(f"{r.code:<34} {r.name:<14} {value:>14}  {parts:<14} "
                              f"{bounds} {statuses[r.status]}")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)
