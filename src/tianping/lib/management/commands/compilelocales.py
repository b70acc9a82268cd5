from django.core.management.base import BaseCommand

from tianping.lib.locales import compile_locales


class Command(BaseCommand):
    help = "Compile the translation catalogs (.po to .mo) without gettext tools."

    def handle(self, *args, **options):
        for path in compile_locales():
            self.stdout.write(f"compiled {path}")
