"""The hearing forms: they parse and check input; the actions decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tianping.courts.models import Courtroom
from tianping.hearings.actions import MAX_HOURS
from tianping.hearings.choices import CausedBy, HearingKind, IntervalException, PlaceKind
from tianping.lib.text import CleanTextForm


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker (ISO in every language)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class ScheduleForm(CleanTextForm):
    kind = forms.ChoiceField(label=_("Kind of session"), choices=HearingKind.choices)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput(),
                                  help_text=_("At most %(n)d hours.") % {"n": MAX_HOURS})
    place_kind = forms.ChoiceField(label=_("Where"), choices=PlaceKind.choices,
                                   widget=forms.RadioSelect, initial=PlaceKind.COURTROOM)
    courtroom = forms.ModelChoiceField(label=_("Courtroom"), queryset=None, required=False)
    link = forms.CharField(label=_("Link of the online room (https://...)"), required=False,
                           max_length=500)
    township = forms.CharField(label=_("Township or village (circuit trial)"),
                               required=False, max_length=100)
    address = forms.CharField(label=_("Address (circuit trial)"), required=False,
                              max_length=200)
    is_public = forms.BooleanField(label=_("Public hearing: announced on the notice board"),
                                   required=False, initial=True)
    waiver = forms.CharField(
        label=_("The parties waived the defence period (summary procedure, small claims)"),
        help_text=_("Only to hold the hearing before the defence period ends: say how the "
                    "parties waived it."), required=False, max_length=300)
    serve_now = forms.BooleanField(
        label=_("Serve the summonses now on the parties who consented to electronic service"),
        help_text=_("A summons is issued to each party (a notice to appear to each "
                    "representative) either way; the others are served from the service page."),
        required=False)

    def __init__(self, *args, court=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["courtroom"].queryset = Courtroom.objects.filter(court=court).order_by("name")


class PostponeForm(CleanTextForm):
    reason = forms.CharField(label=_("Reason for the postponement"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 3}))
    caused_by = forms.ChoiceField(label=_("Caused by"), choices=CausedBy.choices,
                                  widget=forms.RadioSelect)
    starts_at = forms.DateTimeField(label=_("New start"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("New end"), widget=DateTimeInput())
    exception = forms.ChoiceField(
        label=_("More than a month later because"), required=False,
        choices=IntervalException.choices,
        help_text=_("The next session is within one month unless by force majeure or with "
                    "the parties' consent."))
    serve_now = forms.BooleanField(
        label=_("Serve the new summonses now on the parties who consented to electronic "
                "service"), required=False)


class CancelForm(CleanTextForm):
    reason = forms.CharField(label=_("Reason for cancelling"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 3}))


class HeldForm(CleanTextForm):
    attendees = forms.IntegerField(label=_("Attendees (circuit trial)"), required=False,
                                   min_value=0, max_value=100000)
    record = forms.FileField(label=_("Hearing record (庭审笔录), PDF or image"), required=False)


class RecordForm(forms.Form):
    record = forms.FileField(label=_("Hearing record (庭审笔录), PDF or image"))


class WeekForm(forms.Form):
    week = forms.DateField(required=False)
