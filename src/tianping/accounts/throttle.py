"""Throttling of sign-ins and password-reset mail.

Everything is counted in database rows, so every application server sees the same counts.
The address is `REMOTE_ADDR`, which `lib.middleware.ClientAddressMiddleware` sets to the
client's own address behind the reverse proxy (setting CLIENT_ADDRESS_HEADER).

Sign-in (every entry point: `accounts.backends.ThrottledModelBackend`):

- a username with LOGIN_FAILURE_LIMIT failures within the window is locked: even the
  right password waits until the window has passed since its last failure;
- an address with IP_FACTOR times that many failures (one address trying many usernames)
  is *slowed down*, never locked: its wrong guesses are answered after
  LOGIN_SLOW_DOWN_SECONDS, while the right password of an account that is not locked still
  signs in at once. Behind a court's proxy or NAT many people share one address, and
  locking it would lock the whole court out.

Password reset: at most PASSWORD_RESET_PER_ACCOUNT mails per hour to one e-mail address
(counted whether or not an account has it, so the answer reveals nothing) and
PASSWORD_RESET_PER_ADDRESS requests per hour from one client address.

Registration: at most REGISTRATIONS_PER_ADDRESS attempts per hour from one client address
(each attempt counted, accepted or not, so that guessing who has an account is slow too).
"""

import datetime
import hashlib
import logging
import time

from django.conf import settings
from django.utils import timezone

from tianping.accounts.models import LoginFailure, PasswordResetRequest, RegistrationAttempt

logger = logging.getLogger(__name__)

# An address is "hot" after this many times the per-user limit of failures in the window.
IP_FACTOR = 4
RESET_WINDOW = datetime.timedelta(hours=1)


def _window_start():
    return timezone.now() - datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def _minutes_until(moment) -> int:
    return max(1, int((moment - timezone.now()).total_seconds() // 60) + 1)


def minutes_locked(username: str) -> int:
    """Minutes until USERNAME may try again; 0 when it is not locked."""
    since = _window_start()
    failures = LoginFailure.objects.filter(username__iexact=username, failed_at__gte=since)
    limit = settings.LOGIN_FAILURE_LIMIT
    # Locked while LIMIT failures lie within the window: until the LIMIT-th latest leaves it.
    times = failures.order_by("-failed_at").values_list("failed_at", flat=True)
    oldest_counted = list(times[limit - 1 : limit])
    if not oldest_counted:
        return 0
    window = datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    return _minutes_until(oldest_counted[0] + window)


def address_is_hot(ip_address: str | None) -> bool:
    """Whether IP_ADDRESS has failed more often than any one person plausibly would."""
    if not ip_address:
        return False
    recent = LoginFailure.objects.filter(ip_address=ip_address, failed_at__gte=_window_start())
    return recent.count() >= settings.LOGIN_FAILURE_LIMIT * IP_FACTOR


def note_failure(username: str, ip_address: str | None) -> None:
    """Count a wrong password; from a hot address, answer it late and say so in the log."""
    LoginFailure.objects.create(username=username[:150], ip_address=ip_address)
    if address_is_hot(ip_address):
        logger.warning("Many failed sign-ins from %s; slowing its wrong guesses down.", ip_address)
        time.sleep(settings.LOGIN_SLOW_DOWN_SECONDS)


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()


def _account_key(email: str) -> str:
    """The e-mail address entered, as a digest: the table keeps no address in clear."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def reset_minutes_refused_for_address(ip_address: str | None) -> int:
    """Minutes until IP_ADDRESS may ask for a reset link again; 0 when it may now."""
    if not ip_address:
        return 0
    since = timezone.now() - RESET_WINDOW
    recent = PasswordResetRequest.objects.filter(ip_address=ip_address, requested_at__gte=since)
    if recent.count() < settings.PASSWORD_RESET_PER_ADDRESS:
        return 0
    first = recent.order_by("requested_at").values_list("requested_at", flat=True).first()
    return _minutes_until(first + RESET_WINDOW)


def reset_allowed_for_account(email: str) -> bool:
    """Whether another reset mail may go to EMAIL within the hour."""
    since = timezone.now() - RESET_WINDOW
    recent = PasswordResetRequest.objects.filter(
        account_key=_account_key(email), requested_at__gte=since
    )
    return recent.count() < settings.PASSWORD_RESET_PER_ACCOUNT


def note_reset_request(email: str, ip_address: str | None) -> None:
    """Count a reset mail sent (or not sent: no account has EMAIL) and forget old ones."""
    PasswordResetRequest.objects.filter(requested_at__lt=timezone.now() - 2 * RESET_WINDOW).delete()
    PasswordResetRequest.objects.create(account_key=_account_key(email), ip_address=ip_address)


def registration_minutes_refused(ip_address: str | None) -> int:
    """Minutes until IP_ADDRESS may try to register again; 0 when it may now."""
    if not ip_address:
        return 0
    since = timezone.now() - RESET_WINDOW
    recent = RegistrationAttempt.objects.filter(ip_address=ip_address, attempted_at__gte=since)
    if recent.count() < settings.REGISTRATIONS_PER_ADDRESS:
        return 0
    first = recent.order_by("attempted_at").values_list("attempted_at", flat=True).first()
    return _minutes_until(first + RESET_WINDOW)


def note_registration_attempt(ip_address: str | None) -> None:
    """Count an attempt to register from IP_ADDRESS and forget old ones."""
    old = timezone.now() - 2 * RESET_WINDOW
    RegistrationAttempt.objects.filter(attempted_at__lt=old).delete()
    RegistrationAttempt.objects.create(ip_address=ip_address)
