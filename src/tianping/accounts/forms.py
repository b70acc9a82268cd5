from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tianping.accounts import throttle


class LoginForm(AuthenticationForm):
    """Sign-in with throttling after repeated failures."""

    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. Both are case-sensitive; check and try again."
        ),
        "inactive": _("This account has been disabled. Ask the court's administrator."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        minutes = throttle.minutes_locked(username, _client_ip(self.request))
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
        try:
            return super().clean()
        except forms.ValidationError:
            throttle.note_failure(username, _client_ip(self.request))
            raise


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None
