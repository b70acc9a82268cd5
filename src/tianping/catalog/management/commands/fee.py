"""`tianping fee KIND [AMOUNT]`: compute a litigation fee and explain it step by step.

    tianping fee property 1000000
    tianping fee property 1000000 --summary --json
    tianping fee divorce - --reason mediation

AMOUNT is in yuan; omit it or give "-" for kinds without an amount. Bad input exits
with status 2 and a message on stderr.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tianping.catalog.choices import FeeKind, HalvingReason
from tianping.catalog.fees import FeeError, FeeRange, compute_fee, fee_as_dict
from tianping.catalog.fees.types import yuan


class Command(BaseCommand):
    help = "Compute a litigation fee under 《诉讼费用交纳办法》 and show how it is reached."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=FeeKind.values, help="what the fee is charged for")
        parser.add_argument(
            "amount",
            nargs="?",
            default=None,
            help='amount in yuan; omit or "-" when the kind has none',
        )
        parser.add_argument(
            "--summary", action="store_true", help="summary procedure: halve the fee (art. 16)"
        )
        parser.add_argument(
            "--reason",
            choices=HalvingReason.values,
            help="a further ground for halving (arts 15, 18)",
        )
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, **options):
        amount = None if options["amount"] in (None, "-") else options["amount"]
        try:
            result = compute_fee(
                options["kind"], amount, summary=options["summary"], reason=options["reason"]
            )
        except FeeError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if options["json"]:
            self.stdout.write(_dumps(fee_as_dict(result)))
        else:
            self.stdout.write("\n".join(_lines(result)))


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _lines(result) -> list[str]:
    lines = [f"  {step.description}" for step in result.steps]
    if isinstance(result, FeeRange):
        total = _("Fee: %(min)s to %(max)s yuan; the province sets the figure") % {
            "min": yuan(result.min),
            "max": yuan(result.max),
        }
    else:
        total = _("Fee: %(fee)s yuan") % {"fee": yuan(result.fee)}
    return [str(FeeKind(result.kind).label), *lines, total]
