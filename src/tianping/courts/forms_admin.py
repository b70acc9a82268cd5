"""Forms of the court administration pages: they parse and check input; the actions of
`courts.administration` decide and record."""

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from tianping.courts.choices import Role
from tianping.courts.models import Division
from tianping.lib.widgets import DateInput


def _role_choices(roles):
    return [(value, label) for value, label in Role.choices if value in roles]


class RoleFields(forms.Form):
    """A role at the court and, optionally, one of its divisions. Only the roles the
    administrator may grant are offered (courts.permissions.grantable_roles)."""

    role = forms.ChoiceField(label=_("Role"))
    division = forms.ModelChoiceField(
        label=_("Division"), queryset=Division.objects.none(), required=False
    )

    def __init__(self, *args, court, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(roles)
        self.fields["division"].queryset = court.divisions.order_by("name")
        self.fields["division"].label_from_instance = lambda division: division.name


class NewAccountForm(RoleFields):
    username = forms.CharField(
        label=_("Username"), max_length=150, validators=[UnicodeUsernameValidator()]
    )
    full_name = forms.CharField(label=_("Full name"), max_length=100)
    phone = forms.CharField(label=_("Mobile phone"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)

    field_order = ["username", "full_name", "phone", "email", "role", "division"]


class CourtroomForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=60)
    location = forms.CharField(label=_("Location"), max_length=120, required=False)
    is_online = forms.BooleanField(label=_("Online courtroom"), required=False)
    seats = forms.IntegerField(label=_("Seats"), min_value=0, initial=0)


class CalendarDayForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput())
    is_rest_day = forms.TypedChoiceField(
        label=_("Kind of day"),
        choices=[("1", _("Rest day (holiday)")), ("0", _("Working day (make-up day)"))],
        coerce=lambda value: value == "1",
    )
    name = forms.CharField(label=_("Name"), max_length=60, required=False)
