"""Forms of a mediation's pages: they parse and bound the input; the actions and flows
check again, decide and record."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import QuickSelect
from tianping.mediation import actions_mediations as limits
from tianping.mediation.choices import Answer, FailureReason, SessionMode
from tianping.mediation.models import Station


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker (ISO in every language)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


# The mediator's select lists the court's whole roster (a thousand mediators at a large
# court): written by QuickSelect, in Python, not by a template per option (a second).


def _mediator_label(m) -> str:
    return f"{m.name}（{m.get_kind_display()}）"


class ApplyForm(forms.Form):
    filing = forms.ChoiceField(label=_("The dispute you entered"))
    mediator = forms.ModelChoiceField(
        label=_("Mediator you choose (optional)"), queryset=None, required=False,
        empty_label=_("Let the court recommend and appoint one"), widget=QuickSelect)

    def __init__(self, *args, drafts=(), mediators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["filing"].choices = [(f.code, _draft_label(f)) for f in drafts]
        self.fields["mediator"].queryset = mediators
        self.fields["mediator"].label_from_instance = _mediator_label


def _draft_label(filing) -> str:
    claims = (filing.claims or "").strip().replace("\n", " ")
    return f"{filing.code} · {filing.court.name} · {claims[:40]}"


class AppointForm(CleanTextForm):
    mediator = forms.ModelChoiceField(label=_("Mediator"), queryset=None, widget=QuickSelect)
    override = forms.CharField(
        label=_("Reason to appoint despite a warning"), required=False,
        max_length=limits.NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, mediators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["mediator"].queryset = mediators
        self.fields["mediator"].label_from_instance = _mediator_label


class DeclineForm(CleanTextForm):
    reason = forms.CharField(label=_("Why you decline"), max_length=limits.NOTE_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


class AnswerForm(CleanTextForm):
    party = forms.ChoiceField(label=_("Party"))
    answer = forms.ChoiceField(label=_("Answer"), choices=Answer.choices,
                               widget=forms.RadioSelect)
    mediator = forms.ModelChoiceField(
        label=_("Mediator you choose (optional: chosen alike by every party, the court "
                "appoints them)"), queryset=None, required=False,
        empty_label=_("Let the court appoint one"), widget=QuickSelect)
    note = forms.CharField(label=_("Note (optional)"), required=False,
                           max_length=limits.NOTE_LENGTH)

    def __init__(self, *args, parties=(), mediators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["party"].choices = [(str(p.pk), p.name) for p in parties]
        if mediators is None:
            del self.fields["mediator"]
        else:
            self.fields["mediator"].queryset = mediators
            self.fields["mediator"].label_from_instance = _mediator_label


class SessionForm(CleanTextForm):
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput())
    mode = forms.ChoiceField(label=_("How the session is held"), choices=SessionMode.choices)
    link = forms.CharField(label=_("Video link (online sessions)"), required=False,
                           max_length=500)
    station = forms.ModelChoiceField(label=_("Mediation room"), queryset=None, required=False)
    place = forms.CharField(label=_("Place (elsewhere)"), required=False, max_length=200)

    def __init__(self, *args, court=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["station"].queryset = Station.objects.filter(
            court=court, kind="room", active=True).order_by("name")


class RecordForm(CleanTextForm):
    attended = forms.MultipleChoiceField(label=_("Parties who attended"),
                                         widget=forms.CheckboxSelectMultiple)
    record = forms.CharField(label=_("Record of the session (笔录)"),
                             max_length=limits.RECORD_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["attended"].choices = [(str(p.pk), p.name) for p in parties]


class ExtendForm(CleanTextForm):
    days = forms.IntegerField(label=_("Days to add"), min_value=1,
                              max_value=limits.MAX_AGREED_DAYS)
    agreed_parties = forms.MultipleChoiceField(label=_("Parties who agreed"),
                                               widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("How they agreed (optional)"), required=False,
                           max_length=limits.NOTE_LENGTH)

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["agreed_parties"].choices = [(str(p.pk), p.name) for p in parties]


OUTCOMES = (("settled", _("The parties reached an agreement")),
            ("failed", _("No agreement")))


class EndForm(CleanTextForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=OUTCOMES, widget=forms.RadioSelect)
    reason = forms.ChoiceField(label=_("Why no agreement"), required=False,
                               choices=[("", "—"), *FailureReason.choices])
    report = forms.CharField(label=_("Report of the mediation"), required=False,
                             max_length=limits.REPORT_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 4}))
    undisputed_facts = forms.CharField(
        label=_("Facts the parties did not dispute (无争议事实)"), required=False,
        max_length=limits.REPORT_LENGTH, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "failed" and not data.get("reason"):
            self.add_error("reason", _("Say why the mediation failed."))
        return data


class ReferForm(CleanTextForm):
    mediator = forms.ModelChoiceField(label=_("Mediator"), queryset=None, widget=QuickSelect)
    consented_parties = forms.MultipleChoiceField(
        label=_("Parties who consented to mediation"), widget=forms.CheckboxSelectMultiple)
    override = forms.CharField(
        label=_("Reason to appoint despite a warning"), required=False,
        max_length=limits.NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, mediators=None, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["mediator"].queryset = mediators
        self.fields["mediator"].label_from_instance = _mediator_label
        self.fields["consented_parties"].choices = [
            (str(p.pk), f"{p.get_role_display()}：{p.name}") for p in parties]
