import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.deadlines.sweep import sweep
from tianping.deadlines.tasks import sweep_deadlines
from tianping.mediation.sweep import sweep as sweep_mediation
from tianping.mediation.tasks import sweep_mediation_clocks
from tianping.supervision.sweep import sweep as sweep_supervision
from tianping.supervision.tasks import sweep_supervision_replies


class Command(BaseCommand):
    help = (
        "Raise time-limit, mediation clock and supervision reply warnings that are due (each "
        "once only). Safe to run from cron or several workers at once; --enqueue leaves the "
        "work to a task worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (default: today in the court's zone)")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the sweep for a task worker (tianping db_worker) instead of running it",
        )

    def handle(self, *args, today=None, enqueue=False, **options):
        day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        if enqueue:
            result = sweep_deadlines.enqueue(day.isoformat())
            sweep_mediation_clocks.enqueue(day.isoformat())
            sweep_supervision_replies.enqueue(day.isoformat())
            self.stdout.write(
                _("Deadline sweep for %(day)s queued (task %(id)s).")
                % {"day": day.isoformat(), "id": result.id}
            )
            return
        raised = sweep(day)
        self.stdout.write(
            _("%(count)d time-limit warnings raised on %(day)s.")
            % {"count": raised, "day": day.isoformat()}
        )
        raised = sweep_mediation(day)
        self.stdout.write(
            _("%(count)d mediation clock warnings raised on %(day)s.")
            % {"count": raised, "day": day.isoformat()}
        )
        raised = sweep_supervision(day)
        self.stdout.write(
            _("%(count)d overdue supervision replies warned of on %(day)s.")
            % {"count": raised, "day": day.isoformat()}
        )
