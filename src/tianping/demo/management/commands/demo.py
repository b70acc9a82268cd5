from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.demo.appeals import load_demo_appeals
from tianping.demo.cases import load_demo_cases
from tianping.demo.display import load_demo_display
from tianping.demo.enforcement import load_enforcement_demo
from tianping.demo.funds import load_funds_demo
from tianping.demo.hearings import load_demo_hearings
from tianping.demo.history import load_demo_history, load_demo_ranges
from tianping.demo.mediation_groups import load_demo_mediation_groups
from tianping.demo.mediations import load_demo_mediations
from tianping.demo.network import DEMO_PASSWORD, load_demo, load_holiday_table
from tianping.demo.petitions import load_petitions_demo
from tianping.demo.procedures import load_demo_procedures
from tianping.demo.service import load_demo_service


class Command(BaseCommand):
    help = (
        "Create the demo court network, one persona for each role, the national holiday "
        "table and demo filings and cases in every state (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-cases",
            dest="cases",
            action="store_false",
            help="Only the network and the personas: no demo filings or cases.",
        )

    def handle(self, *args, cases=True, **options):
        sync_builtin_catalogs()
        created = load_demo()
        load_holiday_table()
        told = load_demo_cases() if cases else 0
        if told:
            self.stdout.write(_("Demo filings and cases made: %(n)d.") % {"n": told})
        mediated = load_demo_mediations() if cases else 0
        mediated += load_demo_mediation_groups() if cases else 0
        if mediated:
            self.stdout.write(_("Demo mediations made: %(n)d.") % {"n": mediated})
        heard = load_demo_hearings() if cases else 0
        if heard:
            self.stdout.write(_("Demo hearings scheduled: %(n)d.") % {"n": heard})
        served = load_demo_service() if cases else 0
        if served:
            self.stdout.write(_("Demo documents served: %(n)d.") % {"n": served})
        judged = load_demo_appeals() if cases else 0
        if judged:
            self.stdout.write(_("Demo judgments served: %(n)d.") % {"n": judged})
        if cases and load_demo_procedures():
            self.stdout.write(_("A demo payment order is waiting for the debtor's answer."))
        enforced = load_enforcement_demo() if cases else 0  # after the appeals: a judgment
        if cases:
            load_funds_demo()  # on 张三's enforcement case
        petitions = load_petitions_demo() if cases else 0
        if enforced or petitions:
            self.stdout.write(_("Demo enforcement cases made: %(cases)d; petitions: "
                                "%(petitions)d.") % {"cases": enforced, "petitions": petitions})
        history = load_demo_history() if cases else 0
        if cases:
            load_demo_ranges()
        if history:
            self.stdout.write(_("Demo case history imported (older cases for the indicators): "
                                "%(n)d rows.") % {"n": history})
        screen = load_demo_display() if cases else ""
        if screen:
            self.stdout.write(_("The big screen of 内2502 (no sign-in; shown only now): "
                                "%(path)s") % {"path": screen})
        if not created:
            self.stdout.write(
                _("Demo data is already in place; logins were printed when it was created.")
            )
            return
        self.stdout.write(
            _("Demo logins (password for all: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        for username, name, role in created:
            self.stdout.write(f"  {username:<10} {name:<8} {role}")
