"""Login throttling: after repeated failures a username is locked for a while.

Failures are rows in the database, so every application server sees the same count.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from tianping.accounts.models import LoginFailure


def _window_start():
    return timezone.now() - datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


# One address trying many usernames (password spraying) is locked after this many times
# the per-user limit.
IP_FACTOR = 4


def minutes_locked(username: str, ip_address: str | None = None) -> int:
    """Minutes until USERNAME (or anyone from IP_ADDRESS) may try again; 0 when not locked."""
    recent = LoginFailure.objects.filter(failed_at__gte=_window_start()).order_by("-failed_at")
    by_user = recent.filter(username__iexact=username)
    by_ip = recent.filter(ip_address=ip_address) if ip_address else recent.none()
    limit = settings.LOGIN_FAILURE_LIMIT
    locked = [q for q, n in ((by_user, limit), (by_ip, limit * IP_FACTOR)) if q.count() >= n]
    if not locked:
        return 0
    failures = locked[0]
    unlock_at = failures.first().failed_at + datetime.timedelta(
        minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES
    )
    return max(1, int((unlock_at - timezone.now()).total_seconds() // 60) + 1)


def note_failure(username: str, ip_address: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=ip_address)


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()
