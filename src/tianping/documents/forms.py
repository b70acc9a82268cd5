"""Forms of the document pages: they only parse and check input; the actions decide."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tianping.documents.choices import Kind
from tianping.documents.placeholders import MAX_BODY, MAX_TITLE
from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput


class TemplateForm(CleanTextForm):
    title = forms.CharField(label=_("Title of the document"), max_length=MAX_TITLE)
    body = forms.CharField(
        label=_("Text"), max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false",
                                     "style": "max-width:none"}),
        help_text=_("Plain text: a blank line starts a new paragraph. Fields in double "
                    "braces, such as {{ 案号 }}, are filled in from the case."))


class IssueForm(CleanTextForm):
    key = forms.CharField(widget=forms.HiddenInput, max_length=100)
    kind = forms.ChoiceField(label=_("Document to issue"), choices=Kind.choices)
    addressee = forms.ChoiceField(label=_("For"), required=False)
    hearing = forms.ChoiceField(label=_("Hearing (summons, notice to appear)"), required=False)
    evidence_deadline = forms.DateField(
        label=_("Period to produce evidence ends on (notice to produce evidence)"),
        required=False, widget=DateInput(),
        help_text=_("Left empty: 15 days from receipt (7 under small claims)."))

    def __init__(self, *args, case, hearings=(), **kwargs):
        kwargs.setdefault("initial", {}).setdefault("key", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        parties = [(f"p:{p.pk}", f"{p.get_role_display()} {p.name}")
                   for p in case.parties.all()]
        reps = [(f"r:{r.pk}", _("%(name)s, representative of %(party)s")
                 % {"name": r.name, "party": r.party.name})
                for r in case.representatives.select_related("party")]
        self.fields["addressee"].choices = [("", "—")] + parties + reps
        self.fields["hearing"].choices = [("", "—")] + [
            (h.code, f"{h.get_kind_display()} {timezone.localtime(h.starts_at):%Y-%m-%d %H:%M}")
            for h in hearings]
