from django import forms
from django.utils.translation import gettext_lazy as _

from tianping.cases.actions import same_procedure
from tianping.cases.choices import Procedure
from tianping.law.limits import ExclusionKind
from tianping.lib.widgets import DateInput

DATE = DateInput()


class Form(forms.Form):
    """A form of the time-limit pages: labels stand above their fields, with no colon (an
    ASCII one reads wrongly in Chinese)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SuspendForm(Form):
    on = forms.DateField(label=_("Suspended on"), widget=DATE)
    note = forms.CharField(label=_("Reason"), max_length=300)


class ResumeForm(Form):
    on = forms.DateField(label=_("Resumed on"), widget=DATE)


class ExclusionForm(Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[c for c in ExclusionKind.choices if c[0] != ExclusionKind.SUSPENSION],
    )
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("Until (included)"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ProcedureForm(Form):
    """No procedure is chosen for the judge (the first option is empty, and required), and
    the case's CURRENT procedure is refused: changing to it would change nothing."""

    procedure = forms.ChoiceField(
        label=_("New procedure"),
        choices=[("", _("Choose the new procedure")), *Procedure.choices],
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)

    def __init__(self, *args, current: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current

    def clean_procedure(self):
        procedure = self.cleaned_data["procedure"]
        if procedure and procedure == self.current:
            raise forms.ValidationError(same_procedure(procedure))
        return procedure



class ExtensionRequestForm(Form):
    reason = forms.CharField(
        label=_("Reason for the extension"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtensionDecisionForm(Form):
    # No decision is chosen for the approver: the first option is empty, and required.
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "yes",
        choices=[("", _("Choose: approve or reject")), ("yes", _("Approve")), ("no", _("Reject"))],
        empty_value=None,
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
