"""Forms of the filing division's pages (立案审查, window and cross-region filing).

Forms parse and check what was typed; every rule of the law stays in `filings.actions`.
Parties and correction items come as repeated fields (one value a row), so that a row can
be added by htmx or by a plain submit without renumbering anything. Text is cleaned
(`lib.text`), amounts read by `lib.money`, and the bounds are those of `filings.limits`,
which the API schemas share.
"""

import datetime
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tianping.catalog.choices import CatalogKind, DocumentType
from tianping.catalog.queries import get_entry
from tianping.courts.models import Court, ServicePoint
from tianping.filings.actions.cross_region import FIRST_INSTANCE_LEVELS
from tianping.filings.choices import (
    FILEABLE_KINDS,
    WINDOW_CHANNELS,
    Channel,
    FilingKind,
    FilingStatus,
    MediationChoice,
    PartyKind,
    PartyRole,
    RepresentativeKind,
    SpecialSubject,
)
from tianping.filings.limits import (
    CLAIMS_LENGTH,
    FACTS_LENGTH,
    KEY_LENGTH,
    NAME_LENGTH,
)
from tianping.lib.money import YuanField
from tianping.lib.text import CleanTextForm
from tianping.lib.widgets import DateInput, QuickSelect

DATE_INPUT = DateInput()


class LabelledForm(CleanTextForm):
    """Labels end in the reader's colon: '：' on a Chinese page, ':' otherwise."""

    def __init__(self, *args, **kwargs):
        chinese = (get_language() or "").startswith("zh")
        kwargs.setdefault("label_suffix", "：" if chinese else ":")
        super().__init__(*args, **kwargs)


class QueueFilterForm(LabelledForm):
    """The queue's search (receipt number or party name), court, status and channel
    filters (all optional). The page writes its labels itself (no template per label)."""

    q = forms.CharField(
        label=gettext_lazy("Receipt number or party name"), required=False, max_length=100
    )
    court = forms.ChoiceField(label=gettext_lazy("Court"), required=False)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[
            ("", gettext_lazy("All open")),
            (FilingStatus.SUBMITTED, gettext_lazy("Under review")),
            (FilingStatus.CORRECTION_REQUESTED, gettext_lazy("Waiting for corrections")),
        ],
        widget=QuickSelect,
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Channel"),
        required=False,
        choices=[("", gettext_lazy("All channels")), *Channel.choices],
        widget=QuickSelect,
    )
    show = forms.ChoiceField(
        label=gettext_lazy("Show"),
        required=False,
        choices=[
            ("", gettext_lazy("Everything open")),
            ("due", gettext_lazy("Due today or overdue")),
            ("answered", gettext_lazy("Corrections answered")),
        ],
        widget=QuickSelect,
    )

    def __init__(self, *args, courts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].choices = [(c.code, c.name) for c in courts]


class PartyForm(CleanTextForm):
    """One party row. Identity numbers are checked by the action on handing in."""

    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=PartyRole.choices)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=PartyKind.choices)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200, required=False)
    doc_type = forms.ChoiceField(
        label=gettext_lazy("Document type"), choices=DocumentType.choices, required=False
    )
    id_number = forms.CharField(
        label=gettext_lazy("Document number"), max_length=40, required=False
    )
    legal_representative = forms.CharField(
        label=gettext_lazy("Legal representative"), max_length=100, required=False
    )
    phone = forms.CharField(label=gettext_lazy("Telephone"), max_length=30, required=False)
    address = forms.CharField(label=gettext_lazy("Address"), max_length=300, required=False)


def party_rows(data, *, extra: int = 0) -> list[PartyForm]:
    """The party rows posted (blank rows dropped), plus EXTRA empty ones."""
    columns = {name: data.getlist(f"party_{name}") for name in PartyForm.base_fields}
    count = max((len(values) for values in columns.values()), default=0)
    rows = []
    for i in range(count):
        row = {name: (values[i] if i < len(values) else "") for name, values in columns.items()}
        if any(row[name].strip() for name in ("name", "id_number", "phone", "address")):
            rows.append(PartyForm(row))
    return rows + blank_party_rows(extra)


class RepresentativeForm(CleanTextForm):
    """One representative (诉讼代理人) named at the window, for the party numbered `party`
    in the form (1, 2 ...); the power of attorney comes as `rep_authorisation_<row>`."""

    party = forms.TypedChoiceField(
        label=gettext_lazy("For party no."), coerce=int, choices=[(i, str(i)) for i in range(1, 51)]
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=RepresentativeKind.choices)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=100)
    id_number = forms.CharField(
        label=gettext_lazy("Identity number"), max_length=40, required=False
    )
    licence_number = forms.CharField(
        label=gettext_lazy("Bar licence number"), max_length=17, required=False
    )
    law_firm = forms.CharField(label=gettext_lazy("Law firm"), max_length=200, required=False)
    phone = forms.CharField(label=gettext_lazy("Telephone"), max_length=30, required=False)

    def __init__(self, *args, authorisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.authorisation = authorisation

    def clean(self):
        data = super().clean()
        if self.is_bound and self.authorisation is None:
            raise forms.ValidationError(_("Upload the power of attorney (授权委托书)."))
        return data

    def action_fields(self) -> dict:
        """What `add_representative` takes: the party's position (from 0) and the rest."""
        data = dict(self.cleaned_data)
        return {**data, "party": data["party"] - 1, "authorisation": self.authorisation}


REPRESENTATIVE_COLUMNS = ("party", "kind", "name", "id_number", "licence_number", "law_firm")
REPRESENTATIVE_COLUMNS += ("phone",)


def representative_rows(data, files, *, extra: int = 0) -> list[RepresentativeForm]:
    """The representative rows posted (rows without a name dropped), plus EXTRA empty ones."""
    columns = {name: data.getlist(f"rep_{name}") for name in REPRESENTATIVE_COLUMNS}
    count = max((len(values) for values in columns.values()), default=0)
    rows = []
    for i in range(count):
        row = {n: (values[i] if i < len(values) else "") for n, values in columns.items()}
        if row["name"].strip():
            upload = files.get(f"rep_authorisation_{i}") if files else None
            rows.append(RepresentativeForm(row, authorisation=upload))
    return rows + [RepresentativeForm(initial={"party": 1}) for _row in range(extra)]


def blank_party_rows(count: int) -> list[PartyForm]:
    roles = [PartyRole.PLAINTIFF, PartyRole.DEFENDANT]
    return [
        PartyForm(initial={"role": roles[i] if i < 2 else PartyRole.THIRD_PARTY})
        for i in range(count)
    ]


def all_valid(*forms_) -> bool:
    return all([form.is_valid() for form in forms_])  # a list: every form shows its errors


def resolve_cause(code: str, *, on: datetime.date):
    """The civil cause (案由) with CODE in the version in force ON; None when none is given."""
    if not code:
        return None
    entry = get_entry(CatalogKind.CIVIL_CAUSES, code, on=on)
    if entry is None:
        raise ValidationError(_("Unknown cause of action: %(code)s.") % {"code": code})
    return entry


class FilingDataForm(LabelledForm):
    """What a complaint says: the same fields at the window and for another court."""

    # one hand-in per form
    key = forms.CharField(required=False, max_length=KEY_LENGTH, widget=forms.HiddenInput)

    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=FILEABLE_KINDS)
    cause = forms.CharField(
        label=gettext_lazy("Cause of action (案由)"), required=False, max_length=NAME_LENGTH
    )
    claims = forms.CharField(
        label=gettext_lazy("Claims"),
        max_length=CLAIMS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    amount = YuanField(label=gettext_lazy("Amount claimed (yuan)"), required=False)
    facts = forms.CharField(
        label=gettext_lazy("Facts and reasons"),
        max_length=FACTS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    # the green channel (绿色通道) in the words of online filing, so both read the same
    is_livelihood = forms.BooleanField(
        label=gettext_lazy("Livelihood case (wages, support, injury, housing)"), required=False
    )
    is_enterprise = forms.BooleanField(
        label=gettext_lazy("Case of a small or private enterprise"), required=False
    )
    is_migrant_wages = forms.BooleanField(
        label=gettext_lazy("Migrant workers' unpaid wages"), required=False
    )

    # a special-procedure application (特别程序) only
    special_subject = forms.ChoiceField(
        label=gettext_lazy("What the application asks"),
        required=False,
        choices=[("", gettext_lazy("Not a special-procedure application")),
                 *SpecialSubject.choices],
    )
    subject_detail = forms.CharField(
        label=gettext_lazy("The person or property concerned"),
        required=False,
        max_length=CLAIMS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    election_on = forms.DateField(
        label=gettext_lazy("Election day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].initial = secrets.token_hex(16)

    def clean_cause(self):
        return resolve_cause(self.cleaned_data["cause"].strip(), on=timezone.localdate())

    def filing_fields(self) -> dict:
        data = self.cleaned_data
        names = ["kind", "cause", "claims", "amount", "facts"]
        names += ["is_livelihood", "is_enterprise", "is_migrant_wages"]
        if data["kind"] == FilingKind.SPECIAL_PROCEDURE:
            names += ["special_subject", "subject_detail", "election_on"]
        return {name: data[name] for name in names}


class WindowForm(FilingDataForm):
    """A walk-in's complaint entered by a clerk (窗口立案, and at service points, on circuit)."""

    court = forms.ChoiceField(label=gettext_lazy("Court"))
    channel = forms.ChoiceField(
        label=gettext_lazy("Channel"), choices=[(c.value, c.label) for c in WINDOW_CHANNELS]
    )
    service_point = forms.ModelChoiceField(
        label=gettext_lazy("Service point (诉讼服务点)"),
        queryset=ServicePoint.objects.none(),
        required=False,
        empty_label=gettext_lazy("Not at a service point"),
    )
    mediation_choice = forms.ChoiceField(
        label=gettext_lazy("The party's answer, if mediation first is recommended"),
        choices=[
            ("", gettext_lazy("Not asked")),
            (MediationChoice.CONSENTED.value, gettext_lazy("Agrees to mediate first")),
            (MediationChoice.DECLINED.value, gettext_lazy("Declines mediation")),
        ],
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Recorded only if a rule of the court recommends mediation for this complaint. "
            "Declining does not delay filing."
        ),
    )
    field_order = ["court", "channel", "service_point"]

    def __init__(self, *args, courts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].choices = [(c.code, c.name) for c in courts]
        self.fields["service_point"].queryset = ServicePoint.objects.filter(
            court__in=courts, is_active=True
        ).select_related("court")


class CrossRegionForm(FilingDataForm):
    """Papers taken in at this court (协作法院) for the court with jurisdiction (管辖法院)."""

    assisting_court = forms.ChoiceField(label=gettext_lazy("This court (assisting court)"))
    court = forms.ModelChoiceField(
        label=gettext_lazy("Court with jurisdiction (管辖法院)"),
        queryset=Court.objects.none(),
        to_field_name="code",
    )
    field_order = ["assisting_court", "court"]

    def __init__(self, *args, courts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assisting_court"].choices = [(c.code, c.name) for c in courts]
        # the court with jurisdiction: one that hears cases at first instance, never this one
        self.fields["court"].queryset = (
            Court.objects.filter(is_active=True, level__in=FIRST_INSTANCE_LEVELS)
            .exclude(pk__in=[c.pk for c in courts])
            .order_by("code")
        )

    def clean(self):
        data = super().clean()
        court = data.get("court")
        if court is not None and court.code == data.get("assisting_court"):
            self.add_error("court", _("The court with jurisdiction is this court: file normally."))
        return data
