from django.core.management.base import BaseCommand
from django.utils import timezone

from tianping.deadlines.sweep import sweep


class Command(BaseCommand):
    help = (
        "Raise time-limit warnings that are due (each once only). Safe to run from "
        "cron or several workers at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (default: today in the court's zone)")

    def handle(self, *args, today=None, **options):
        import datetime

        day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        seen = sweep(day)
        self.stdout.write(f"{seen} time limits checked on {day.isoformat()}.")
