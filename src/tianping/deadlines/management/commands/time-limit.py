"""`tianping time-limit rules` and `tianping time-limit compute --rule CODE --start DATE ...`."""

import datetime
import json
import re

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tianping.courts.holidays import court_calendar
from tianping.deadlines.checks import check_calculation
from tianping.law.limits import Exclusion, ExclusionKind, Grant, LimitError, compute_limit
from tianping.law.rules import RULES, UnknownRule, get_rule
from tianping.law.steps import weekends_only_years

# A count of months or days: six digits are far more than any rule allows, and short
# enough to read as a number (Python refuses to read more than 4,300 digits).
_EXTEND = re.compile(r"^(\d{1,6})([md])$")


def parse_date(text: str, what: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            _("%(what)s %(text)r is not a date (YYYY-MM-DD).") % {"what": what, "text": text},
            returncode=2,
        ) from None


def parse_exclusion(text: str) -> Exclusion:
    kind, _sep, span = text.rpartition("=") if "=" in text else ("other", "", text)
    start, sep, end = span.partition(":")
    if not sep:
        message = _("--exclude %(text)r must be START:END or KIND=START:END.") % {"text": text}
        raise CommandError(message, returncode=2)
    if kind not in ExclusionKind.values:
        raise CommandError(
            _("Unknown exclusion kind %(kind)r; use one of: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(ExclusionKind.values)},
            returncode=2,
        )
    return Exclusion(kind, parse_date(start, "--exclude start"), parse_date(end, "--exclude end"))


def parse_extension(text: str) -> Grant:
    match = _EXTEND.match(text.strip())
    if not match or int(match.group(1)) == 0:
        raise CommandError(
            _("--extend %(text)r must be a positive count of months or days, like 6m or 10d.")
            % {"text": text},
            returncode=2,
        )
    number, unit = int(match.group(1)), match.group(2)
    return Grant(months=number) if unit == "m" else Grant(days=number)


class Command(BaseCommand):
    help = "List the statutory time-limit rules, or compute a limit with its explanation."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rules = sub.add_parser("rules", help="List the rule codes.")
        rules.add_argument("--json", action="store_true")
        compute = sub.add_parser("compute", help="Compute an expiry date.")
        compute.add_argument("--rule", required=True)
        compute.add_argument(
            "--start", required=True, help="The day that starts the period (filing date, receipt)."
        )
        compute.add_argument(
            "--exclude",
            action="append",
            default=[],
            help="START:END or KIND=START:END, both days excluded.",
        )
        compute.add_argument("--extend", action="append", default=[], help="6m or 10d.")
        compute.add_argument("--in-custody", action="store_true")
        compute.add_argument("--json", action="store_true")

    def handle(self, *args, action, **options):
        if action == "rules":
            return self._rules(options["json"])
        return self._compute(options)

    def _rules(self, as_json: bool) -> None:
        for rule in RULES:
            row = {
                "code": rule.code,
                "name": str(rule.name),
                "months": rule.months,
                "days": rule.days,
                "source": rule.source,
            }
            self.stdout.write(
                json.dumps(row, ensure_ascii=False)
                if as_json
                else f"{rule.code:<34} {rule.length_text:<14} {rule.name}"
            )

    def _compute(self, options) -> None:
        start = parse_date(options["start"], "--start")
        exclusions = tuple(parse_exclusion(e) for e in options["exclude"])
        grants = tuple(parse_extension(e) for e in options["extend"])
        try:
            rule = get_rule(options["rule"])
            check_calculation(rule, start, exclusions, grants)
            result = compute_limit(
                rule,
                start,
                court_calendar(),
                exclusions=exclusions,
                grants=grants,
                in_custody=options["in_custody"],
            )
        except (UnknownRule, LimitError) as exc:
            raise CommandError(str(exc), returncode=2) from None
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "expires_on": result.expires_on.isoformat(),
                        "weekends_only_years": weekends_only_years(result.steps),
                        "steps": [s.as_dict() for s in result.steps],
                    },
                    ensure_ascii=False,
                )
            )
            return
        for step in result.steps:
            self.stdout.write(f"- {step.text}")
        self.stdout.write(f"=> {result.expires_on.isoformat()}")
        for year in weekends_only_years(result.steps):
            self.stderr.write(
                f"note: no holiday schedule for {year} in the holiday table; enter the State "
                "Council's schedule (admin: calendar days, covered years) and compute again."
            )
