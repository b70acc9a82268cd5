"""Forms of online filing (网上立案): they parse and check what was typed, nothing more.

What they hold goes to `filings.actions` (`save_parties`, `add_representative`,
`save_evidence` ...), which the pages and the API call alike. Drafts are saved as the user
types: a field that does not validate is kept as typed where the model can hold it, and
reported. `cause_for` reads a cause code the same way for the pages and the API; amounts
are read by `lib.money`, text is cleaned by `lib.text`, and the bounds (rows, lengths)
are those of `filings.limits`, which the API schemas share.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tianping.catalog.choices import CatalogKind, DocumentType
from tianping.catalog.queries import get_entry
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import (
    APPLICATION_KINDS,
    FILEABLE_KINDS,
    AttachmentKind,
    FilingKind,
    PartyKind,
    PartyRole,
    SpecialSubject,
)
from tianping.filings.choices import RepresentativeKind as RepKind
from tianping.filings.limits import (
    CLAIMS_LENGTH,
    FACTS_LENGTH,
    MAX_EVIDENCE_ROWS,
    MAX_PARTIES,
    NAME_LENGTH,
)
from tianping.lib.money import YuanField
from tianping.lib.text import CleanTextForm
from tianping.parties.copying import party_fields

ROW_LIMITS = {"party": MAX_PARTIES, "evidence": MAX_EVIDENCE_ROWS}
CAUSE_CATALOG = {
    FilingKind.ADMINISTRATIVE: CatalogKind.ADMINISTRATIVE_CAUSES,
    FilingKind.PRIVATE_PROSECUTION: CatalogKind.CRIMINAL_CHARGES,
}


def cause_catalog(kind: str) -> str:
    """The catalog a filing of KIND takes its cause from (案由, or 罪名 for 自诉)."""
    return CAUSE_CATALOG.get(kind, CatalogKind.CIVIL_CAUSES)


class WizardForm(CleanTextForm):
    """A form of the wizard: its labels end with the colon of the page's language (：)."""

    def __init__(self, *args, **kwargs):
        chinese = (get_language() or "").startswith("zh")
        kwargs.setdefault("label_suffix", "：" if chinese else ":")
        super().__init__(*args, **kwargs)


def _checkbox(label):
    return forms.BooleanField(label=label, required=False)


class KindForm(WizardForm):
    """Step 1: what is filed, and whether it qualifies for the green channel (绿色通道)."""

    kind = forms.ChoiceField(label=gettext_lazy("What do you file?"), choices=FILEABLE_KINDS)
    is_livelihood = _checkbox(gettext_lazy("Livelihood case (wages, support, injury, housing)"))
    is_enterprise = _checkbox(gettext_lazy("Case of a small or private enterprise"))
    is_migrant_wages = _checkbox(gettext_lazy("Migrant workers' unpaid wages"))


class StartForm(KindForm):
    """The start page: the court (first instance only, the filer's province first) and the
    kind of case."""

    court = forms.ModelChoiceField(
        label=gettext_lazy("Court"),
        queryset=Court.objects.none(),
        to_field_name="code",
        empty_label=gettext_lazy("Choose the court"),
        help_text=gettext_lazy(
            "File with the basic court of the place where the defendant lives (被告住所地); "
            "for a contract also where it was to be performed (合同履行地), for a tort where "
            "it happened (侵权行为地). An intermediate court hears at first instance only "
            "the large or major cases of its area."
        ),
    )
    field_order = ["court", "kind"]

    def __init__(self, *args, courts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].queryset = courts


class ClaimsForm(WizardForm):
    """Step 4: claims, amount, facts and reasons, cause of action."""

    claims = forms.CharField(
        label=gettext_lazy("Claims"),
        required=False,
        max_length=CLAIMS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    amount = YuanField(
        label=gettext_lazy("Amount claimed (yuan)"),
        required=False,
        help_text=gettext_lazy("In yuan; 100万 and 1.5万 are understood."),
    )
    facts = forms.CharField(
        label=gettext_lazy("Facts and reasons"),
        required=False,
        max_length=FACTS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    cause = forms.CharField(required=False, max_length=NAME_LENGTH)
    # a special-procedure application only (the page shows them for that kind)
    special_subject = forms.ChoiceField(
        label=gettext_lazy("What the application asks"),
        required=False,
        choices=[("", "—"), *SpecialSubject.choices],
    )
    subject_detail = forms.CharField(
        label=gettext_lazy("The person or property concerned"),
        required=False,
        max_length=CLAIMS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "The missing person, the person whose capacity is in question, the property "
            "and where it is, the security and the secured debt ..."
        ),
    )
    election_on = forms.DateField(
        label=gettext_lazy("Election day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Voter qualification only: the court decides before it."),
    )


class PartyForm(WizardForm):
    """One party row of step 2."""

    was = forms.IntegerField(required=False, widget=forms.HiddenInput)
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=PartyRole.choices)
    kind = forms.ChoiceField(label=gettext_lazy("Party is a"), choices=PartyKind.choices)
    # The page labels it 姓名 for a person and 名称 for an organisation (step_parties.html).
    name = forms.CharField(label=gettext_lazy("Name"), required=False, max_length=200)
    doc_type = forms.ChoiceField(
        label=gettext_lazy("Identity document"), choices=DocumentType.choices
    )
    id_number = forms.CharField(
        label=gettext_lazy("Document number"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    legal_representative = forms.CharField(
        label=gettext_lazy("Legal representative (organisations)"),
        required=False,
        max_length=100,
    )
    phone = forms.CharField(
        label=gettext_lazy("Telephone"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    address = forms.CharField(label=gettext_lazy("Address"), required=False, max_length=300)


class EvidenceForm(WizardForm):
    """One line of the evidence list (证据清单) in step 5."""

    name = forms.CharField(label=gettext_lazy("Evidence"), required=False, max_length=200)
    source = forms.CharField(label=gettext_lazy("Source"), required=False, max_length=200)
    purpose = forms.CharField(label=gettext_lazy("What it proves"), required=False, max_length=300)
    attachment = forms.CharField(label=gettext_lazy("File"), required=False, max_length=40)


class AttachmentForm(WizardForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("What is it?"),
        choices=AttachmentKind.choices,
        initial=AttachmentKind.EVIDENCE,
    )
    file = forms.FileField(label=gettext_lazy("File (PDF, JPEG, PNG or OFD)"))


class RepresentativeForm(WizardForm):
    """Step 3: an agent ad litem (诉讼代理人) with the power of attorney (授权委托书)."""

    party = forms.TypedChoiceField(label=gettext_lazy("Represents"), coerce=int)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=RepKind.choices)
    name = forms.CharField(label=gettext_lazy("Full name"), max_length=100)  # a person: 姓名
    id_number = forms.CharField(
        label=gettext_lazy("Identity number"), required=False, max_length=40
    )
    licence_number = forms.CharField(
        label=gettext_lazy("Bar licence number"), required=False, max_length=17
    )
    law_firm = forms.CharField(label=gettext_lazy("Law firm"), required=False, max_length=200)
    phone = forms.CharField(label=gettext_lazy("Telephone"), required=False, max_length=30)
    authorisation = forms.FileField(label=gettext_lazy("Power of attorney (PDF, JPEG, PNG, OFD)"))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [
            (p.position, f"{p.get_role_display()} {p.name}") for p in parties
        ]

    def clean(self):
        data = super().clean()
        if data.get("kind") == RepKind.LAWYER and not data.get("licence_number"):
            self.add_error("licence_number", _("A lawyer gives the bar licence number."))
        return data


def row_forms(form_class, prefix: str, data=None, initial_rows=()) -> list:
    """Bound forms for the rows PREFIX-<i>-... in DATA, in order; else forms of INITIAL_ROWS."""
    if data is None:
        return [
            form_class(prefix=f"{prefix}-{i}", initial=row) for i, row in enumerate(initial_rows)
        ]
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)-")
    indexes = sorted({int(m[1]) for key in data if (m := pattern.match(key))})
    indexes = indexes[: ROW_LIMITS[prefix]]
    forms_ = [form_class(data, prefix=f"{prefix}-{i}") for i in indexes]
    for form in forms_:
        form.is_valid()
    return forms_


def as_typed(form) -> dict:
    """The form's values: cleaned where valid, else as typed (cut to the field's length)."""
    values = {}
    for name, field in form.fields.items():
        if name in form.cleaned_data:
            values[name] = form.cleaned_data[name]
        elif not isinstance(field, forms.CharField | forms.ChoiceField):
            values[name] = None
        else:
            raw = form.data.get(form.add_prefix(name), "") or ""
            values[name] = raw[: field.max_length] if getattr(field, "max_length", None) else raw
    return values


def field_errors(*forms_) -> list[str]:
    """Every field error of the forms, each with its field's label."""
    return [
        f"{form.fields[name].label or name}: {message}" if name != "__all__" else message
        for form in forms_
        for name, messages in form.errors.items()
        for message in messages
    ]


def party_rows(forms_) -> list[dict]:
    return [as_typed(form) for form in forms_]


def initial_parties(filing, user) -> list[dict]:
    """The saved parties; for a new draft, the filer as plaintiff and an empty defendant."""
    saved = [{**party_fields(p), "was": p.position} for p in filing.parties.all()]
    if saved:
        return saved
    applying = filing.kind in APPLICATION_KINDS  # an applicant and a respondent
    me = {"role": "applicant" if applying else "plaintiff", "kind": "natural",
          "doc_type": "resident_id"}
    if user.kind == "litigant":
        me.update(name=user.full_name, id_number=user.id_number, phone=user.phone)
    if filing.kind == FilingKind.SPECIAL_PROCEDURE:
        return [me]  # the person concerned is named with the application, a party if any
    other = "respondent" if applying else "defendant"
    return [me, {"role": other, "kind": "natural", "doc_type": "resident_id"}]


def initial_rows(step, filing, user, extra=False) -> list[dict]:
    """The rows of the parties or evidence step as saved, with a blank one when EXTRA."""
    if step == "parties":
        rows = initial_parties(filing, user)
    else:
        rows = [
            {
                "name": e.name,
                "source": e.source,
                "purpose": e.purpose,
                "attachment": actions.attachment_ref(e.attachment) if e.attachment else "",
            }
            for e in filing.evidence.select_related("attachment")
        ] or [{}]
    other = "respondent" if filing.kind in APPLICATION_KINDS else "defendant"
    blank = {"role": other, "kind": "natural"} if step == "parties" else {}
    return rows + ([blank] if extra else [])


def cause_for(filing, code: str, *, on):
    """The catalog entry of CODE in force ON for the filing's kind; None for no code."""
    code = (code or "").strip()
    if not code:
        return None
    entry = get_entry(cause_catalog(filing.kind), code.split()[0], on=on)
    if entry is None:
        raise ValidationError(_("Choose the cause of action from the list."))
    return entry
