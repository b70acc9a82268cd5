"""One sign-in throttle for every way in.

`ThrottledModelBackend` is the only authentication backend, so whatever checks a password
through `django.contrib.auth.authenticate()` (the pages' sign-in, the admin's sign-in, and
any later exchange of a password for something) is refused while the username is locked
and counts its failures. A sign-in with a password is recorded in the audit record,
whichever page it came through.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from tianping.accounts import throttle
from tianping.audit.actions import record


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        if throttle.minutes_locked(username):
            raise PermissionDenied  # stops authenticate(): no other backend may let it in
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            throttle.note_failure(username, client_address(request))
            return None
        throttle.clear_failures(username)
        user.signed_in_with_password = True
        return user


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


@receiver(user_logged_in, dispatch_uid="tianping.accounts.record_sign_in")
def record_sign_in(sender, request, user, **kwargs):
    if getattr(user, "signed_in_with_password", False):  # not force_login() in tests
        record("user.logged_in", user, actor=user, ip_address=client_address(request))
