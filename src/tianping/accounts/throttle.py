"""Login throttling: after repeated failures a username is locked for a while.

Failures are rows in the database, so every application server sees the same count.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from tianping.accounts.models import LoginFailure


def _window_start():
    return timezone.now() - datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def minutes_locked(username: str) -> int:
    """Minutes until USERNAME may try again; 0 when it is not locked."""
    failures = LoginFailure.objects.filter(
        username__iexact=username, failed_at__gte=_window_start()
    ).order_by("-failed_at")
    if failures.count() < settings.LOGIN_FAILURE_LIMIT:
        return 0
    unlock_at = failures.first().failed_at + datetime.timedelta(
        minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES
    )
    return max(1, int((unlock_at - timezone.now()).total_seconds() // 60) + 1)


def note_failure(username: str, ip_address: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=ip_address)


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()
