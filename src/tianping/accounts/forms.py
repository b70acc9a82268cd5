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


class RegistrationForm(forms.Form):
    """A litigant's (or, with the lawyer's fields, a lawyer's) self-registration.

    The identity number is checked and normalised as for a party (`catalog.identity`); the
    password by the project's validators. At least one of phone and e-mail is given: the
    account signs in with it.
    """

    full_name = forms.CharField(label=_("Full name"), max_length=100)
    phone = forms.RegexField(
        label=_("Mobile phone"),
        regex=r"^1\d{10}$",
        required=False,
        error_messages={"invalid": _("A mobile phone number has 11 digits and starts with 1.")},
    )
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)
    id_type = forms.ChoiceField(label=_("Identity document type"))
    id_number = forms.CharField(label=_("Identity document number"), max_length=40)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, request=None, **kwargs):
        from tianping.catalog.choices import DocumentType

        self.request = request
        super().__init__(*args, **kwargs)
        self.fields["id_type"].choices = [
            c for c in DocumentType.choices if c[0] != DocumentType.USCC
        ]
        self.fields["phone"].help_text = _("You sign in with the phone number, or the e-mail.")
        self.fields["email"].help_text = _(
            "With an e-mail address you can reset a forgotten password yourself."
        )

    def clean_full_name(self):
        from tianping.lib.text import clean_text

        return clean_text(self.cleaned_data["full_name"]).strip()

    def clean(self):
        from django.contrib.auth.password_validation import validate_password
        from django.utils import timezone

        from tianping.catalog.identity import IdentityError, validate_document

        minutes = throttle.registration_minutes_refused(_address(self.request))
        if minutes:
            raise forms.ValidationError(
                ngettext(
                    "Too many registrations from your network. Try again in %(minutes)d minute.",
                    "Too many registrations from your network. "
                    "Try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        throttle.note_registration_attempt(_address(self.request))
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
            self.add_error("phone", _("Give a mobile phone number or an e-mail address."))
        if data.get("id_type") and data.get("id_number"):
            try:
                data["id_number"] = validate_document(
                    data["id_type"], data["id_number"], today=timezone.localdate()
                )
            except IdentityError as error:
                self.add_error("id_number", str(error))
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            user = _candidate(data)
            try:
                validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class LawyerRegistrationForm(RegistrationForm):
    """A lawyer's registration: also the licence (执业证号), the firm and the court that
    checks them."""

    licence_number = forms.RegexField(
        label=_("Bar licence number"),
        regex=r"^\d{17}$",
        error_messages={"invalid": _("A bar licence number has 17 digits.")},
    )
    law_firm = forms.CharField(label=_("Law firm"), max_length=200)
    court = forms.ModelChoiceField(
        label=_("Court that checks the licence"), queryset=None, to_field_name="code"
    )
    field_order = [
        "full_name", "phone", "email", "id_type", "id_number",
        "licence_number", "law_firm", "court", "password1", "password2",
    ]

    def __init__(self, *args, **kwargs):
        from tianping.courts.models import Court

        super().__init__(*args, **kwargs)
        self.fields["court"].queryset = Court.objects.active().order_by("code")
        self.fields["court"].help_text = _(
            "Usually the court where you practise most. Until its staff have checked your "
            "licence, your account works as a litigant's."
        )

    def clean_licence_number(self):
        return self.cleaned_data["licence_number"].strip()

    def clean_law_firm(self):
        from tianping.lib.text import clean_text

        return clean_text(self.cleaned_data["law_firm"]).strip()


def _address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def _candidate(data):
    from tianping.accounts.models import User

    return User(
        username=(data.get("phone") or data.get("email") or ""),
        full_name=data.get("full_name") or "",
        email=data.get("email") or "",
    )


class ProfileForm(forms.Form):
    """What the owner changes on their profile page: contact details only."""

    phone = forms.RegexField(
        label=_("Mobile phone"),
        regex=r"^1\d{10}$",
        required=False,
        error_messages={"invalid": _("A mobile phone number has 11 digits and starts with 1.")},
    )
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)
    address = forms.CharField(label=_("Address"), required=False, max_length=200)

    def clean_address(self):
        from tianping.lib.text import clean_text

        return clean_text(self.cleaned_data["address"]).strip()
