"""Forms of the mediation pages: they parse and check input (the bounds of `actions` and
the vocabulary of `choices`); the actions decide and record."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from tianping.lib.names import local_name
from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput
from tianping.mediation.actions import MAX_CAPACITY
from tianping.mediation.choices import (
    Language,
    MediatorKind,
    PartnerKind,
    Speciality,
    StationKind,
)
from tianping.mediation.models import Partner
from tianping.mediation.queries import RosterFilter


def _partner_field(court, required=False):
    field = forms.ModelChoiceField(
        label=_("Partner organisation"), required=required,
        queryset=Partner.objects.filter(court=court).order_by("name"),
    )
    field.label_from_instance = local_name
    return field


class PartnerForm(CleanTextForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    name_en = forms.CharField(label=_("English name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=PartnerKind.choices)
    contact_person = forms.CharField(label=_("Contact person"), max_length=50, required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    active = forms.BooleanField(label=_("Active partner"), required=False, initial=True)


class AgreementForm(CleanTextForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput())
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    valid_until = forms.DateField(label=_("Valid until"), widget=DateInput(), required=False)
    scope = forms.CharField(label=_("Scope"), max_length=2000, required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The agreement cannot end before it starts."))
        return data


class StationForm(CleanTextForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    name_en = forms.CharField(label=_("English name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=StationKind.choices)
    township = forms.CharField(label=_("Township"), max_length=60, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args, court, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"] = _partner_field(court)
        self.order_fields(["name", "name_en", "kind", "partner"])


class MediatorForm(CleanTextForm):
    name = forms.CharField(label=_("Name"), max_length=50)
    kind = forms.ChoiceField(label=_("Kind"), choices=MediatorKind.choices)
    username = forms.CharField(
        label=_("Account (username)"), max_length=150, required=False,
        help_text=_("If the mediator signs in to the platform."),
    )
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    specialities = forms.MultipleChoiceField(
        label=_("Specialities"), choices=Speciality.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    township = forms.CharField(label=_("Township"), max_length=60, required=False)
    capacity = forms.IntegerField(label=_("Open mediations at once"), min_value=0,
                                  max_value=MAX_CAPACITY, initial=5)
    available = forms.BooleanField(label=_("Available now"), required=False, initial=True)
    unavailable_until = forms.DateField(label=_("Unavailable until"), widget=DateInput(),
                                        required=False)
    availability_note = forms.CharField(label=_("Availability note"), max_length=200,
                                        required=False)

    def __init__(self, *args, court, new: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"] = _partner_field(court)
        if new:
            self.fields["listed_on"] = forms.DateField(
                label=_("Listed on"), widget=DateInput(), initial=datetime.date.today)
        self.order_fields(["name", "kind", "partner", "username", "phone"])


class DelistForm(CleanTextForm):
    on = forms.DateField(label=_("Removed from the roster on"), widget=DateInput(),
                         initial=datetime.date.today)
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class CoordinatorForm(CleanTextForm):
    username = forms.CharField(label=_("Account (username)"), max_length=150)


class RosterFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), max_length=50, required=False)
    speciality = forms.ChoiceField(label=_("Speciality"), required=False,
                                   choices=[("", _("Any"))] + Speciality.choices)
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("Any"))] + Language.choices)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("Any"))] + MediatorKind.choices)
    available = forms.ChoiceField(label=_("Availability"), required=False, choices=[
        ("", _("Any")), ("yes", _("Available")), ("no", _("Not available"))])
    delisted = forms.BooleanField(label=_("Removed from the roster"), required=False)

    def __init__(self, *args, partners=(), townships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"] = forms.TypedChoiceField(
            label=_("Partner organisation"), required=False, coerce=int, empty_value=None,
            choices=[("", _("Any"))] + [(p.pk, local_name(p)) for p in partners])
        self.fields["township"] = forms.ChoiceField(
            label=_("Township"), required=False,
            choices=[("", _("Any"))] + [(t, t) for t in townships])
        self.order_fields(["q", "speciality", "language", "kind", "partner", "township",
                           "available", "delisted"])

    def spec(self) -> RosterFilter:
        data = self.cleaned_data if self.is_valid() else {}
        available = {"yes": True, "no": False}.get(data.get("available") or "")
        return RosterFilter(
            speciality=data.get("speciality") or "", language=data.get("language") or "",
            kind=data.get("kind") or "", partner=data.get("partner"),
            township=data.get("township") or "", available=available,
            q=(data.get("q") or "").strip(), delisted=bool(data.get("delisted")),
        )
