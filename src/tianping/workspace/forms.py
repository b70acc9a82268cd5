from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from tianping.courts.permissions import backup_candidates
from tianping.lib.widgets import DateInput


class BackupForm(forms.Form):
    backup = forms.ModelChoiceField(
        label=_("Backup (B)"),
        queryset=get_user_model().objects.none(),
        error_messages={"invalid_choice": _("Choose a colleague from the list.")},
    )
    away_from = forms.DateField(label=_("Away from"), widget=DateInput())
    away_until = forms.DateField(label=_("Away until"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def __init__(self, *args, principal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["backup"].queryset = backup_candidates(principal).order_by("full_name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("away_from"), cleaned.get("away_until")
        if start and end and end < start:
            self.add_error("away_until", _("The end of the absence is before its start."))
        return cleaned
