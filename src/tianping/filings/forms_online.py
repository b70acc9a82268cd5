"""Forms of online filing (网上立案), and turning what they hold into calls of the actions.

The pages and the API share `save_parties`, `remove_representative`, `save_evidence` and
`cause_for`, so that one operation is written once. Drafts are saved as the user types:
a field that does not validate is kept as typed where the model can hold it, and reported.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tianping.catalog.choices import CatalogKind, DocumentType
from tianping.catalog.queries import get_entry
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import (
    CLAIMANT_ROLES,
    OPPONENT_ROLES,
    AttachmentKind,
    FilingKind,
    PartyKind,
    PartyRole,
)
from tianping.filings.choices import FilingStatus as S
from tianping.filings.choices import RepresentativeKind as RepKind

MAX_ROWS = 50
ROW_FIELDS = ("name", "id_number", "phone", "address", "legal_representative")
CAUSE_CATALOG = {
    FilingKind.ADMINISTRATIVE: CatalogKind.ADMINISTRATIVE_CAUSES,
    FilingKind.PRIVATE_PROSECUTION: CatalogKind.CRIMINAL_CHARGES,
}
REP_FIELDS = ("kind", "name", "id_number", "licence_number", "law_firm", "phone", "user")


def cause_catalog(kind: str) -> str:
    """The catalog a filing of KIND takes its cause from (案由, or 罪名 for 自诉)."""
    return CAUSE_CATALOG.get(kind, CatalogKind.CIVIL_CAUSES)


class YuanField(forms.DecimalField):
    """An amount in yuan; accepts full-width digits and thousands separators (２0,000)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[,\s，]", "", unicodedata.normalize("NFKC", value))
        return super().to_python(value)


def _checkbox(label):
    return forms.BooleanField(label=label, required=False)


class KindForm(forms.Form):
    """Step 1: what is filed, and whether it qualifies for the green channel (绿色通道)."""

    kind = forms.ChoiceField(label=gettext_lazy("What do you file?"), choices=FilingKind.choices)
    is_livelihood = _checkbox(gettext_lazy("Livelihood case (wages, support, injury, housing)"))
    is_enterprise = _checkbox(gettext_lazy("Case of a small or private enterprise"))
    is_migrant_wages = _checkbox(gettext_lazy("Migrant workers' unpaid wages"))


class StartForm(KindForm):
    court = forms.ModelChoiceField(
        label=gettext_lazy("Court"),
        queryset=Court.objects.active(),
        to_field_name="code",
        empty_label=gettext_lazy("Choose the court"),
    )
    field_order = ["court", "kind"]


class ClaimsForm(forms.Form):
    """Step 4: claims, amount, facts and reasons, cause of action."""

    claims = forms.CharField(
        label=gettext_lazy("Claims"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    amount = YuanField(
        label=gettext_lazy("Amount claimed (yuan)"),
        required=False,
        max_digits=16,
        decimal_places=2,
        min_value=Decimal(0),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    facts = forms.CharField(
        label=gettext_lazy("Facts and reasons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    cause = forms.CharField(required=False, max_length=40)


class PartyForm(forms.Form):
    """One party row of step 2."""

    was = forms.IntegerField(required=False, widget=forms.HiddenInput)
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=PartyRole.choices)
    kind = forms.ChoiceField(label=gettext_lazy("Party is a"), choices=PartyKind.choices)
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


class EvidenceForm(forms.Form):
    """One line of the evidence list (证据清单) in step 5."""

    name = forms.CharField(label=gettext_lazy("Evidence"), required=False, max_length=200)
    source = forms.CharField(label=gettext_lazy("Source"), required=False, max_length=200)
    purpose = forms.CharField(label=gettext_lazy("What it proves"), required=False, max_length=300)
    attachment = forms.CharField(label=gettext_lazy("File"), required=False, max_length=40)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What is it?"),
        choices=AttachmentKind.choices,
        initial=AttachmentKind.EVIDENCE,
    )
    file = forms.FileField(label=gettext_lazy("File (PDF, JPEG, PNG or OFD)"))


class RepresentativeForm(forms.Form):
    """Step 3: an agent ad litem (诉讼代理人) with the power of attorney (授权委托书)."""

    party = forms.TypedChoiceField(label=gettext_lazy("Represents"), coerce=int)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=RepKind.choices)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=100)
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
    indexes = sorted({int(m[1]) for key in data if (m := pattern.match(key))})[:MAX_ROWS]
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


def _old_position(row: dict, old: list) -> int | None:
    """Which saved party a row replaces: its `was`, else the one with the same number."""
    was = row.get("was")
    if isinstance(was, int) and 0 <= was < len(old):
        return was
    number = (row.get("id_number") or "").strip().upper()
    matches = [p.position for p in old if number and p.id_number.strip().upper() == number]
    return matches[0] if matches else None


def _snapshot(filing) -> list[tuple[int, dict]]:
    """Each representative as (its party's position, its fields)."""
    return [
        (
            rep.party.position,
            {**{f: getattr(rep, f) for f in REP_FIELDS}, "authorisation": rep.authorisation},
        )
        for rep in filing.representatives.select_related("party", "authorisation")
    ]


def save_parties(filing, rows: list[dict], *, actor, reps=None) -> list:
    """Replace the parties; each representative stays with the party its row replaces."""
    with transaction.atomic():
        # Lock first: an autosave and a "continue" may arrive together.
        type(filing).objects.select_for_update().filter(pk=filing.pk).first()
        old = list(filing.parties.all())
        reps = _snapshot(filing) if reps is None else reps
        origins = [_old_position(row, old) for row in rows]
        plain = [{k: v for k, v in row.items() if k != "was"} for row in rows]
        parties = actions.set_parties(filing, plain, actor=actor)
        for party, origin in zip(parties, origins, strict=True):
            for position, fields in reps:
                if origin is not None and position == origin:
                    actions.add_representative(filing, actor=actor, party=party, **fields)
    return parties


def remove_representative(filing, index: int, *, actor) -> None:
    """Take one representative off (the others and every party stay as they are)."""
    reps = _snapshot(filing)
    if not 0 <= index < len(reps):
        raise ValidationError(_("There is no such representative."))
    del reps[index]
    rows = [{**_party_dict(p), "was": p.position} for p in filing.parties.all()]
    save_parties(filing, rows, actor=actor, reps=reps)


def _party_dict(party) -> dict:
    names = (
        "role",
        "kind",
        "name",
        "doc_type",
        "id_number",
        "legal_representative",
        "phone",
        "address",
        "user",
    )
    return {name: getattr(party, name) for name in names}


def add_representative(filing, data: dict, upload, *, actor, user=None):
    """Store the power of attorney, then name the representative of the chosen party."""
    party = filing.parties.filter(position=data["party"]).first()
    if party is None:
        raise ValidationError(_("Choose the party this representative acts for."))
    fields = {k: data.get(k) or "" for k in REP_FIELDS if k != "user"}
    with transaction.atomic():
        attachment = actions.attach_file(
            filing, upload, actor=actor, kind=AttachmentKind.AUTHORISATION
        )
        return actions.add_representative(
            filing, actor=actor, party=party, user=user, authorisation=attachment, **fields
        )


def initial_parties(filing, user) -> list[dict]:
    """The saved parties; for a new draft, the filer as plaintiff and an empty defendant."""
    saved = [{**_party_dict(p), "was": p.position} for p in filing.parties.all()]
    if saved:
        return saved
    me = {"role": "plaintiff", "kind": "natural", "doc_type": "resident_id"}
    if user.kind == "litigant":
        me.update(name=user.full_name, id_number=user.id_number, phone=user.phone)
    return [me, {"role": "defendant", "kind": "natural", "doc_type": "resident_id"}]


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
                "attachment": attachment_ref(e.attachment) if e.attachment else "",
            }
            for e in filing.evidence.select_related("attachment")
        ] or [{}]
    blank = {"role": "defendant", "kind": "natural"} if step == "parties" else {}
    return rows + ([blank] if extra else [])


def attachment_ref(attachment) -> str:
    """The public reference of an upload: the random last part of its stored name."""
    return attachment.file.name.rsplit("/", 1)[-1]


def find_attachment(filing, ref: str):
    if not ref:
        return None
    for attachment in filing.attachments.all():
        if attachment_ref(attachment) == ref:
            return attachment
    raise ValidationError(_("The file %(ref)s is not among this filing's files.") % {"ref": ref})


def save_evidence(filing, rows: list[dict], *, actor) -> None:
    """Replace the evidence list; rows left empty are dropped."""
    items = []
    for row in rows:
        if not any((row.get(k) or "").strip() for k in ("name", "source", "purpose")):
            continue
        item = {k: (row.get(k) or "").strip() for k in ("name", "source", "purpose")}
        items.append({**item, "attachment": find_attachment(filing, row.get("attachment"))})
    actions.set_evidence(filing, items, actor=actor)


def cause_for(filing, code: str, *, on):
    """The catalog entry of CODE in force ON for the filing's kind; None for no code."""
    code = (code or "").strip()
    if not code:
        return None
    entry = get_entry(cause_catalog(filing.kind), code.split()[0], on=on)
    if entry is None:
        raise ValidationError(_("Choose the cause of action from the list."))
    return entry


def parse_amount(text) -> Decimal | None:
    """An amount from the API as the form would read it."""
    if text in (None, ""):
        return None
    try:
        return YuanField(max_digits=16, decimal_places=2, min_value=0).clean(str(text))
    except (ValidationError, InvalidOperation) as exc:
        raise ValidationError(_("The amount must be a number of yuan.")) from exc


def open_notice(filing):
    return filing.corrections.filter(answered_at__isnull=True).first()


def filing_next(filing, notice=None) -> dict:
    """What the filer is expected to do next, or waits for, with a link where there is one."""
    code, status = filing.code, filing.status
    if status == S.DRAFT:
        return {
            "text": _("Finish the draft and submit it."),
            "url": reverse("online:step", args=[code, "review"]),
        }
    if status == S.CORRECTION_REQUESTED and notice is not None:
        return {
            "text": _("Corrections requested: answer by %(date)s.")
            % {"date": notice.respond_by.isoformat()},
            "to_correct": notice.items,
            "url": reverse("online:correction", args=[code]),
        }
    if status == S.SUBMITTED:
        return {
            "text": _("Wait for the court's review, due by %(date)s.")
            % {"date": filing.review_due_on.isoformat() if filing.review_due_on else "—"}
        }
    if status == S.ACCEPTED and hasattr(filing, "case"):
        return {
            "text": _("Filed as case %(number)s.") % {"number": filing.case.number},
            "url": reverse("party_cases:detail", args=[filing.case.code]),
        }
    if status == S.REFUSED:
        return {
            "text": _("Refused by ruling. Reasons: %(reasons)s")
            % {"reasons": filing.refusal_reasons}
        }
    if status == S.TRANSFERRED and filing.transferred_to_id:
        return {"text": _("Transferred to %(court)s.") % {"court": filing.transferred_to.name}}
    if status == S.AT_ASSISTING_COURT:
        return {"text": _("The assisting court is checking your papers.")}
    return {"text": filing.get_status_display()}


EVENT_LABELS = {
    "drafted": gettext_lazy("Draft started"),
    "submitted": gettext_lazy("Handed in; review due by %(review_due_on)s"),
    "received_at_assisting_court": gettext_lazy("Received by %(assisting_court)s"),
    "forwarded": gettext_lazy("Forwarded to %(court)s; review due by %(review_due_on)s"),
    "correction_requested": gettext_lazy("Corrections requested, by %(respond_by)s"),
    "corrected": gettext_lazy("Corrections handed in; review due by %(review_due_on)s"),
    "accepted": gettext_lazy("Filed as case %(case_number)s"),
    "refused": gettext_lazy("Refused by ruling"),
    "transferred": gettext_lazy("Transferred to %(to_court)s"),
    "withdrawn": gettext_lazy("Withdrawn"),
}


def event_label(event) -> str:
    """A filing event in words, from its kind and the details it recorded."""
    label = EVENT_LABELS.get(event.kind)
    if label is None:
        return event.kind
    try:
        return str(label) % event.details
    except (KeyError, TypeError, ValueError):
        return str(label).split(";")[0].split("%")[0].strip()


def receipt_context(filing) -> dict:
    """What the dated receipt shows (登记立案规定 art. 2): number, court, time, parties."""
    parties = list(filing.parties.all())
    return {
        "filing": filing,
        "parties": parties,
        "claimants": [p for p in parties if p.role in CLAIMANT_ROLES],
        "opponents": [p for p in parties if p.role in OPPONENT_ROLES],
        "attachment_count": filing.attachments.count(),
        "received_at": timezone.localtime(filing.submitted_at),
    }
