from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.demo.network import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Create the demo court network and one persona for each role (idempotent)."

    def handle(self, *args, **options):
        sync_builtin_catalogs()
        created = load_demo()
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
