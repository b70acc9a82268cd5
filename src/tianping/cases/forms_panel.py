"""Forms of the bench (审判组织) and of recusal: they parse and bound the input; the actions
(`cases.actions_panel`) check again and decide."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from tianping.cases import actions_panel as limits
from tianping.courts.choices import Role
from tianping.courts.models import Membership
from tianping.lib.text import CleanTextForm


def people_of(court, roles):
    ids = Membership.objects.current().filter(court=court, role__in=roles).values("user_id")
    return get_user_model().objects.filter(pk__in=ids).order_by("full_name", "username")


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.username


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.username


class BenchForm(CleanTextForm):
    sole = forms.TypedChoiceField(
        label=_("Bench"), widget=forms.RadioSelect, coerce=lambda v: v == "sole",
        choices=[("sole", _("Sole judge (the case's judge)")),
                 ("panel", _("Collegial panel"))])
    presiding = PersonField(label=_("Presiding judge (panel)"), queryset=None,
                            required=False)
    judges = PeopleField(label=_("Other judges on the panel"), queryset=None, required=False,
                         widget=forms.CheckboxSelectMultiple)
    assessors = forms.IntegerField(label=_("People's assessors to draw at random"),
                                   min_value=0, max_value=limits.MAX_PANEL, initial=0,
                                   required=False)
    assistant = PersonField(label=_("Judge assistant"), queryset=None, required=False)
    clerk = PersonField(label=_("Court clerk"), queryset=None, required=False)
    reason = forms.CharField(label=_("Reason (optional)"), required=False,
                             max_length=limits.REASON_LENGTH)

    def __init__(self, *args, court, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        judges = people_of(court, limits.JUDGE_ROLES)
        self.fields["presiding"].queryset = judges
        self.fields["judges"].queryset = judges
        self.fields["assistant"].queryset = people_of(court, {Role.JUDGE_ASSISTANT})
        self.fields["clerk"].queryset = people_of(court, {Role.COURT_CLERK})

    def judges_in_order(self) -> list:
        data = self.cleaned_data
        first = data.get("presiding")
        rest = [j for j in data.get("judges") or [] if first is None or j.pk != first.pk]
        return ([first] if first else []) + rest


class ReplaceForm(CleanTextForm):
    user = PersonField(label=_("Who takes the seat"), queryset=None, required=False)
    reason = forms.CharField(label=_("Reason for the change"), max_length=limits.REASON_LENGTH)

    def __init__(self, *args, court, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["user"].queryset = people_of(
            court, {*limits.JUDGE_ROLES, Role.JUDGE_ASSISTANT, Role.COURT_CLERK})


class RecusalForm(CleanTextForm):
    member = forms.ChoiceField(label=_("Who should step aside"))
    grounds = forms.CharField(label=_("Grounds (民事诉讼法 art. 47)"),
                              max_length=limits.GROUNDS_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, seats=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["member"].choices = [(str(s.pk), f"{s.get_seat_display()} {s.person_name}")
                                         for s in seats]


class RecusalDecisionForm(CleanTextForm):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("granted", _("Granted: the member steps aside")), ("refused", _("Refused"))])
    reasons = forms.CharField(label=_("Reasons (required to refuse)"), required=False,
                              max_length=limits.GROUNDS_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
