"""Reference data of filings in Django admin: the rules steering filings to mediation
(分调裁审), superusers only. Filings themselves are not reference data and are not shown."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tianping.courts.admin import ReferenceAdmin
from tianping.filings.choices import FilingKind, PartyKind
from tianping.filings.models import MediationSteeringRule


class CodeListField(forms.CharField):
    """A list of codes typed as 二, 55 (commas, Chinese commas or spaces)."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = (value or "").replace("，", ",").replace("、", ",").replace(" ", ",")
        return [code for code in (c.strip() for c in text.split(",")) if code]


class SteeringRuleForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("Filing kinds"),
        required=False,
        choices=FilingKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every kind."),
    )
    cause_codes = CodeListField(
        label=_("Cause codes (or their parents)"),
        required=False,
        help_text=_(
            "Codes of the causes catalog in force; a rule for a parent cause covers every "
            "cause below it."
        ),
    )
    party_kinds = forms.MultipleChoiceField(
        label=_("Every party of these kinds"),
        required=False,
        choices=PartyKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: any party."),
    )

    class Meta:
        model = MediationSteeringRule
        fields = [
            "name",
            "court",
            "priority",
            "is_active",
            "kinds",
            "cause_codes",
            "min_amount",
            "max_amount",
            "party_kinds",
            "max_parties",
            "green",
            "recommend",
            "reason",
            "reason_en",
        ]

    def clean(self):
        data = super().clean()
        low, high = data.get("min_amount"), data.get("max_amount")
        if low is not None and high is not None and low > high:
            raise ValidationError(_("The lower amount is above the upper amount."))
        return data


@admin.register(MediationSteeringRule)
class MediationSteeringRuleAdmin(ReferenceAdmin):
    form = SteeringRuleForm
    list_display = ["name", "scope", "priority", "conditions", "recommend", "reason", "is_active"]
    list_filter = ["is_active", "recommend", "court"]
    search_fields = ["name", "reason"]
    autocomplete_fields = ["court"]
    ordering = ["court", "priority", "id"]
    fieldsets = [
        (None, {"fields": ["name", "court", "priority", "is_active"]}),
        (
            _("Conditions (all must hold; empty ones do not restrict)"),
            {
                "fields": [
                    "kinds",
                    "cause_codes",
                    ("min_amount", "max_amount"),
                    "party_kinds",
                    "max_parties",
                    "green",
                ]
            },
        ),
        (_("Outcome"), {"fields": ["recommend", "reason", "reason_en"]}),
    ]

    @admin.display(description=_("applies to"), ordering="court")
    def scope(self, rule):
        return rule.court or _("every court")

    @admin.display(description=_("conditions"))
    def conditions(self, rule):
        parts = []
        if rule.kinds:
            parts.append("/".join(str(FilingKind(k).label) for k in rule.kinds if k in FilingKind))
        if rule.cause_codes:
            parts.append(_("cause %(codes)s") % {"codes": "/".join(rule.cause_codes)})
        if rule.min_amount is not None:
            parts.append(_("amount ≥ %(n)s") % {"n": rule.min_amount})
        if rule.max_amount is not None:
            parts.append(_("amount ≤ %(n)s") % {"n": rule.max_amount})
        if rule.party_kinds:
            labels = [str(PartyKind(k).label) for k in rule.party_kinds if k in PartyKind]
            parts.append(_("parties: %(kinds)s") % {"kinds": "/".join(labels)})
        if rule.max_parties is not None:
            parts.append(_("≤ %(n)d parties") % {"n": rule.max_parties})
        if rule.green:
            parts.append(rule.get_green_display())
        return "; ".join(str(p) for p in parts) or _("any filing")
