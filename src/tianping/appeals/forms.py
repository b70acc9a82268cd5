"""The forms of the appeal pages: they parse and check input; the actions decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tianping.appeals.choices import LateGround, Outcome, RetrialOutcome
from tianping.lib.money import YuanField

DATE = forms.DateInput(attrs={"type": "date"})


class AppealForm(forms.Form):
    party = forms.TypedChoiceField(label=_("Appellant"), coerce=int)
    grounds = forms.CharField(label=_("Facts and grounds of appeal"), max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 5}))
    requests = forms.CharField(label=_("What the appeal asks for"), max_length=2000,
                               widget=forms.Textarea(attrs={"rows": 3}))
    amount = YuanField(label=_("Amount appealed (yuan)"), required=False,
                       help_text=_("The part of the judgment you appeal against, in yuan; "
                                   "the appeal fee is computed on it."))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [(p.pk, f"{p.name}（{p.role_label}）")
                                        for p in parties]


class WindowAppealForm(AppealForm):
    petition = forms.FileField(label=_("Scan of the petition of appeal (上诉状)"))
    late_ground = forms.ChoiceField(
        label=_("Ground for a late appeal, decided by the court"), required=False,
        choices=[("", _("None: filed in time")), *LateGround.choices])
    late_reason = forms.CharField(label=_("The applicant's reason for the delay"),
                                  required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class FeePaidForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
    receipt = forms.CharField(label=_("Receipt reference"), max_length=64)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome of the appeal"), choices=Outcome.choices)
    decided_on = forms.DateField(label=_("Date of the judgment or ruling"), widget=DATE)
    document = forms.FileField(label=_("The second-instance judgment, ruling or mediation "
                                       "document"))


class RetrialForm(forms.Form):
    party = forms.TypedChoiceField(label=_("Applicant"), coerce=int)
    grounds = forms.CharField(label=_("Grounds for a retrial"), max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [(p.pk, f"{p.name}（{p.role_label}）")
                                        for p in parties]


class RetrialOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome of the application"),
                                choices=RetrialOutcome.choices)
    decided_on = forms.DateField(label=_("Date of the ruling"), widget=DATE)
    document = forms.FileField(label=_("The ruling (裁定书)"))


class MediationCloseForm(forms.Form):
    document = forms.TypedChoiceField(label=_("The mediation document served"), coerce=int)

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].choices = [(d.pk, d.title) for d in documents]
