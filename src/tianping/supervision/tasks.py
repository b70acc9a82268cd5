"""Background tasks of supervision (django-tasks; run by `tianping db_worker`)."""

import datetime

from django.utils import timezone
from django_tasks import task

from tianping.supervision.sweep import sweep


@task()
def sweep_supervision_replies(today: str | None = None) -> int:
    """Warn of the supervision replies overdue on TODAY (ISO date; default: today in the
    court's zone); how many were warned. Idempotent: safe to retry and to run twice."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return sweep(day)
