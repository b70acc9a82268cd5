from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tianping.accounts import registration, throttle


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


def add_action_errors(form, error, renamed=None) -> None:
    """An action's ValidationError shown on FORM: messages by field beside their fields
    (RENAMED: the action's names for the form's), any other above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.message_dict.items():
        name = (renamed or {}).get(name, name)
        if name in form.fields:
            if name not in form.errors:
                form.add_error(name, problems)
        else:
            form.add_error(None, problems)


class RegistrationForm(forms.Form):
    """A litigant's (or, with the lawyer's fields, a lawyer's) self-registration.

    The fields read the input; the checks are the action's (`registration.check_details`:
    the identity number as for a party, the password by the project's validators, a phone
    or an e-mail to sign in with), the same as the API's. The attempt is counted first
    (`registration.admit_attempt`), accepted or not.
    """

    RENAMED = {"password": "password1"}

    full_name = forms.CharField(label=_("Full name"), max_length=100)
    phone = forms.RegexField(
        label=_("Mobile phone"),
        regex=registration.PHONE,
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
        self.request = request
        super().__init__(*args, **kwargs)
        self.fields["id_type"].choices = registration.id_types()
        self.fields["phone"].help_text = _("You sign in with the phone number, or the e-mail.")
        self.fields["email"].help_text = _(
            "With an e-mail address you can reset a forgotten password yourself."
        )

    def lawyer_details(self, data) -> dict | None:
        return None

    def clean(self):
        registration.admit_attempt(_address(self.request))  # refused: code "throttled"
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
            first = None
        try:
            found = registration.check_details(
                full_name=data.get("full_name"),
                phone=data.get("phone"),
                email=data.get("email"),
                id_type=data.get("id_type"),
                id_number=data.get("id_number"),
                password=first or None,
                lawyer=self.lawyer_details(data),
                need_contact="phone" not in self.errors and "email" not in self.errors,
            )
        except forms.ValidationError as error:
            add_action_errors(self, error, self.RENAMED)
        else:
            data["id_number"] = found.get("id_number", data.get("id_number"))
        return data


class LawyerFieldsMixin(forms.Form):
    """The lawyer's licence (执业证号), firm and the court that checks them."""

    licence_number = forms.RegexField(
        label=_("Bar licence number"),
        regex=registration.LICENCE_NUMBER,
        error_messages={"invalid": _("A bar licence number has 17 digits.")},
    )
    law_firm = forms.CharField(label=_("Law firm"), max_length=200)
    court = forms.ModelChoiceField(
        label=_("Court that checks the licence"), queryset=None, to_field_name="code"
    )

    def __init__(self, *args, **kwargs):
        from tianping.courts.models import Court, Membership
        from tianping.courts.permissions import LAWYER_VERIFYING_ROLES

        super().__init__(*args, **kwargs)
        # only the courts with someone to check the licence (a filing clerk or the
        # administrator): a registration sent elsewhere would wait for nobody
        verifiers = Membership.objects.current().filter(role__in=LAWYER_VERIFYING_ROLES)
        self.fields["court"].queryset = (
            Court.objects.active()
            .filter(pk__in=verifiers.values("court_id"))
            .order_by("code")
        )
        self.fields["court"].help_text = _(
            "Usually the court where you practise most. Until its staff have checked your "
            "licence, your account works as a litigant's."
        )

    def clean_licence_number(self):
        return self.cleaned_data["licence_number"].strip()

    def clean_law_firm(self):
        from tianping.lib.text import clean_text

        return clean_text(self.cleaned_data["law_firm"]).strip()

    def lawyer_details(self, data) -> dict | None:
        names = ("licence_number", "law_firm", "court")
        if any(name in self.errors for name in names):
            return None  # said beside the field already
        return {name: data.get(name) for name in names}


class LawyerRegistrationForm(LawyerFieldsMixin, RegistrationForm):
    """A lawyer's registration: also the licence (执业证号), the firm and the court that
    checks them."""

    field_order = [
        "full_name", "phone", "email", "id_type", "id_number",
        "licence_number", "law_firm", "court", "password1", "password2",
    ]


class ApplyAgainForm(LawyerFieldsMixin):
    """A refused lawyer's corrected licence, firm and court (`registration.apply_again`)."""


def _address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


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
