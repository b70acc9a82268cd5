"""Background tasks of mediation (django-tasks; run by `tianping db_worker`)."""

import datetime

from django.utils import timezone
from django_tasks import task

from tianping.mediation.sweep import sweep


@task()
def sweep_mediation_clocks(today: str | None = None) -> int:
    """Raise the mediation clocks' warnings due on TODAY (ISO date; default: today in the
    court's zone); how many were raised. Idempotent: safe to retry and to run twice."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return sweep(day)
