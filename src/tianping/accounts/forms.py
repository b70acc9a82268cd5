from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tianping.accounts import throttle


class ThrottledSignInMixin:
    """Says how long a locked username waits, before any password is checked.

    The lock itself is enforced by accounts.backends.ThrottledModelBackend, which also
    counts the failures; this only turns it into a message the person can act on.
    """

    def clean(self):
        minutes = throttle.minutes_locked(self.cleaned_data.get("username") or "")
        if minutes:
            raise forms.ValidationError(
                ngettext(
                    "Too many failed sign-ins. Try again in %(minutes)d minute.",
                    "Too many failed sign-ins. Try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        return super().clean()


class LoginForm(ThrottledSignInMixin, AuthenticationForm):
    """Sign-in with throttling after repeated failures."""

    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. Both are case-sensitive; check and try again."
        ),
        "inactive": _("This account has been disabled. Ask the court's administrator."),
    }


class AdminLoginForm(ThrottledSignInMixin, AdminAuthenticationForm):
    """The admin's sign-in (admin.site.login_form): the same throttle as the pages'."""


class ResetRequestForm(PasswordResetForm):
    """The password-reset request, refused for a while to an address that asked too often.

    The limit per e-mail address is applied silently by the view, so that the answer is
    the same whether or not an account has the address.
    """

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        address = self.request.META.get("REMOTE_ADDR") if self.request is not None else None
        minutes = throttle.reset_minutes_refused_for_address(address)
        if minutes:
            raise forms.ValidationError(
                ngettext(
                    "Too many password-reset requests from your network. "
                    "Try again in %(minutes)d minute.",
                    "Too many password-reset requests from your network. "
                    "Try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        return cleaned
