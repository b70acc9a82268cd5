"""The petition forms: they parse and check input; the actions decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tianping.cases.forms import MultipleFileField
from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput
from tianping.petitions.choices import (
    MAX_FILES,
    TEXT_MAX,
    Channel,
    Decision,
    Route,
    Satisfaction,
)

AREA = {"rows": 4}


class PetitionForm(CleanTextForm):
    """Online (the signed-in litigant) and at the window (with the petitioner's details)."""

    court = forms.ModelChoiceField(label=_("Court"), queryset=None, empty_label=None)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    received_on = forms.DateField(label=_("Received on"), widget=DateInput(), required=False)
    name = forms.CharField(label=_("Petitioner's name"), max_length=100)
    id_number = forms.CharField(label=_("Resident identity number"), max_length=40,
                                required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    cases = forms.CharField(label=_("Case numbers (optional)"), max_length=300, required=False,
                            help_text=_("The case(s) the petition concerns, separated by "
                                        "commas, e.g. (2025)内2502民初123号."))
    matter = forms.CharField(label=_("The matter"), max_length=TEXT_MAX,
                             widget=forms.Textarea(attrs=AREA))
    requests = forms.CharField(label=_("Requests"), max_length=TEXT_MAX,
                               widget=forms.Textarea(attrs={"rows": 3}))
    files = MultipleFileField(label=_("Attachments (PDF, JPEG, PNG or OFD; optional)"),
                              required=False,
                              help_text=_("At most %(n)d files.") % {"n": MAX_FILES})

    def __init__(self, *args, courts, online: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].queryset = courts
        if online:
            for name in ("channel", "received_on", "name", "id_number", "address"):
                del self.fields[name]


class ClassifyForm(CleanTextForm):
    decision = forms.ChoiceField(label=_("Classification (诉访分离)"), choices=Decision.choices,
                                 widget=forms.RadioSelect)
    route = forms.ChoiceField(label=_("Procedure (for a litigation matter)"), required=False,
                              choices=[("", "——"), *Route.choices])
    note = forms.CharField(
        label=_("Message to the petitioner"), required=False, max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when not accepting; for a litigation matter, where to file "
                    "it (the standard wording is used when left empty)."))


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label=_("Handler"), queryset=None, required=False)
    division = forms.ModelChoiceField(label=_("Or the division concerned"), queryset=None,
                                      required=False)

    def __init__(self, *args, court, **kwargs):
        from django.contrib.auth import get_user_model

        from tianping.courts.models import Division, Membership

        super().__init__(*args, **kwargs)
        staff = Membership.objects.current().filter(court=court).values("user_id")
        self.fields["handler"].queryset = get_user_model().objects.filter(
            pk__in=staff, is_active=True).order_by("full_name")
        self.fields["division"].queryset = Division.objects.filter(court=court)


class ReplyForm(CleanTextForm):
    reply = forms.CharField(label=_("Reply"), max_length=TEXT_MAX,
                            widget=forms.Textarea(attrs=AREA))
    attachment = forms.FileField(label=_("Reply document (PDF, JPEG, PNG or OFD; optional)"),
                                 required=False)


class ReasonForm(CleanTextForm):
    reason = forms.CharField(label=_("Why 30 more days are needed"), max_length=TEXT_MAX,
                             widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(forms.Form):
    grant = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "yes",
                                   choices=[("yes", _("Approve 30 more days")),
                                            ("no", _("Refuse"))], widget=forms.RadioSelect)


class RateForm(CleanTextForm):
    satisfaction = forms.ChoiceField(label=_("Are you satisfied with the reply?"),
                                     choices=Satisfaction.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ReviewAskForm(CleanTextForm):
    reasons = forms.CharField(label=_("Why the reply should be reviewed"),
                              max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3}))


class ReviewResultForm(CleanTextForm):
    result = forms.CharField(label=_("Result of the review"), max_length=TEXT_MAX,
                             widget=forms.Textarea(attrs={"rows": 3}))


class LinkForm(CleanTextForm):
    earlier = forms.CharField(label=_("Code of the earlier petition on the same matter"),
                              max_length=12)


class ReceptionForm(CleanTextForm):
    court = forms.ModelChoiceField(label=_("Court"), queryset=None, empty_label=None)
    leader = forms.ModelChoiceField(label=_("Leader"), queryset=None)
    day = forms.DateField(label=_("Date"), widget=DateInput())
    starts_at = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends_at = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.CharField(label=_("Place"), max_length=120)
    topics = forms.CharField(label=_("Topics"), max_length=300, required=False)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=100, initial=10)

    def __init__(self, *args, courts, **kwargs):
        from django.contrib.auth import get_user_model

        from tianping.courts.choices import Role
        from tianping.courts.models import Membership

        super().__init__(*args, **kwargs)
        self.fields["court"].queryset = courts
        leaders = Membership.objects.current().filter(
            court__in=courts, role__in=[Role.PRESIDENT, Role.DIVISION_HEAD]).values("user_id")
        self.fields["leader"].queryset = get_user_model().objects.filter(pk__in=leaders)


class ReceiveForm(CleanTextForm):
    petition = forms.CharField(label=_("Petition code"), max_length=12)
    note = forms.CharField(label=_("Note"), required=False, max_length=TEXT_MAX)


class BookForm(forms.Form):
    petition = forms.ChoiceField(label=_("About my petition (optional)"), required=False)

    def __init__(self, *args, petitions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petition"].choices = [("", "——")] + [
            (p.code, f"{p.code} · {p.matter[:30]}") for p in petitions]


class FilesForm(forms.Form):
    files = MultipleFileField(label=_("Attachments (PDF, JPEG, PNG or OFD; optional)"),
                              help_text=_("At most %(n)d files.") % {"n": MAX_FILES})
