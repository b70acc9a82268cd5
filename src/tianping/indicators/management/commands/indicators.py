"""`tianping indicators`: the trial performance indicators from the command line.

    tianping indicators compute --court 内2502 --from 2026-01-01 --to 2026-06-30 --json
    tianping indicators compute --court 内25 --include-lower --from ... --to ... \\
        [--division 民事审判庭] [--judge 王军]
    tianping indicators warm [--court 内25]   (keep the pages' opening figures, nightly)

    tianping indicators report --court 内2502 --year 2026 [--month 11] [--include-lower] \\
        --format xlsx|pdf --output FILE

`--json` prints {"court", "from", "to", "indicators": [...]} (the API's answer); without it,
a table in the active language. Bad input exits with status 2 and the reason on stderr.
"""

import json
import time
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tianping.courts.models import Court
from tianping.indicators import compute, reports


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
        report = actions.add_parser("report", help="write a monthly or annual report")
        report.add_argument("--court", required=True, help="the court's code (法院代字)")
        report.add_argument("--year", required=True, type=int, help="the year (YYYY)")
        report.add_argument("--month", type=int, help="the month (1-12); none: the year")
        report.add_argument("--include-lower", action="store_true",
                            help="the courts below it too")
        report.add_argument("--format", dest="fmt", choices=reports.FORMATS, default="xlsx",
                            help="xlsx or pdf")
        report.add_argument("--output", required=True, help="the file to write")
        warm = actions.add_parser("warm", help="compute and keep the figures the pages open "
                                               "with (run nightly, or after an import)")
        warm.add_argument("--court", action="append", help="a court's code (default: all)")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _warm(self, *, court, **options):
        """Keep each court's opening figures (this month, last month, this year, last year,
        the 12-month trend; with the courts below for a court that has any) in the cache
        (`reads.warm`). Useful with a shared cache (docs/settings.md, CACHE_BACKEND)."""
        from django.utils import timezone

        from tianping.courts.models import Court
        from tianping.indicators.reads import warm

        courts = Court.objects.order_by("code")
        if court:
            courts = courts.filter(code__in=court)
        today = timezone.localdate()
        for one in courts:
            started = time.perf_counter()
            slices = warm(one, today, include_lower=bool(one.descendant_ids()))
            self.stdout.write(_("%(court)s: %(n)d periods in %(seconds).1f s") % {
                "court": one.code, "n": slices, "seconds": time.perf_counter() - started})

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

    def _report(self, *, court, year, month, include_lower, fmt, output, **options):
        found = Court.objects.filter(code=court.strip()).first()
        if found is None:
            raise CommandError(_("No court has the code “%(code)s”.") % {"code": court},
                               returncode=2)
        try:
            report = reports.build(found, year=year, month=month, include_lower=include_lower)
            data = reports.render(report, fmt)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from exc
        path = Path(output)
        path.write_bytes(data)
        self.stdout.write(_("Wrote %(file)s (%(n)d bytes).") % {"file": path, "n": len(data)})


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)
