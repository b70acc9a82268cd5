"""Reference data of cases in Django admin: the triage rules (繁简分流规则), administrators only.

Cases and their timeline are not reference data and are not shown here.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tianping.cases.models import TriageRule
from tianping.courts.admin import ReferenceAdmin
from tianping.courts.choices import DivisionKind, TeamKind


class CodeListField(forms.CharField):
    """A list of codes typed as 民初, 民特 (commas, Chinese commas or spaces)."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = (value or "").replace("，", ",").replace("、", ",").replace(" ", ",")
        return [code for code in (c.strip() for c in text.split(",")) if code]


class TriageRuleForm(forms.ModelForm):
    type_codes = CodeListField(
        label=_("Case type codes"), required=False, help_text=_("For example: 民初, 民特")
    )
    cause_codes = CodeListField(
        label=_("Cause codes (or their parents)"),
        required=False,
        help_text=_("A rule for a parent cause covers every cause below it."),
    )
    team_kind = forms.ChoiceField(
        label=_("Team kind"), required=False, choices=[("", "—"), *TeamKind.choices]
    )
    division_kind = forms.ChoiceField(
        label=_("Division kind"), required=False, choices=[("", "—"), *DivisionKind.choices]
    )

    class Meta:
        model = TriageRule
        fields = [
            "name",
            "court",
            "priority",
            "is_active",
            "type_codes",
            "cause_codes",
            "min_amount",
            "max_amount",
            "max_parties",
            "green_only",
            "track",
            "procedure",
            "team_kind",
            "division_kind",
            "reason",
            "reason_en",
        ]

    def clean(self):
        data = super().clean()
        low, high = data.get("min_amount"), data.get("max_amount")
        if low is not None and high is not None and low > high:
            raise ValidationError(_("The lower amount is above the upper amount."))
        return data


@admin.register(TriageRule)
class TriageRuleAdmin(ReferenceAdmin):
    form = TriageRuleForm
    list_display = [
        "name",
        "scope",
        "priority",
        "conditions",
        "track",
        "procedure",
        "reason",
        "is_active",
    ]
    list_filter = ["is_active", "track", "procedure", "court"]
    search_fields = ["name", "reason"]
    autocomplete_fields = ["court"]
    ordering = ["court", "priority", "id"]
    fieldsets = [
        (None, {"fields": ["name", "court", "priority", "is_active"]}),
        (
            _("Conditions (all must hold; empty ones do not restrict)"),
            {
                "fields": [
                    "type_codes",
                    "cause_codes",
                    ("min_amount", "max_amount"),
                    "max_parties",
                    "green_only",
                ]
            },
        ),
        (
            _("Outcome"),
            {"fields": ["track", "procedure", "team_kind", "division_kind", "reason", "reason_en"]},
        ),
    ]

    @admin.display(description=_("applies to"), ordering="court")
    def scope(self, rule):
        return rule.court or _("every court")

    @admin.display(description=_("conditions"))
    def conditions(self, rule):
        parts = []
        if rule.type_codes:
            parts.append(_("type %(codes)s") % {"codes": "/".join(rule.type_codes)})
        if rule.cause_codes:
            parts.append(_("cause %(codes)s") % {"codes": "/".join(rule.cause_codes)})
        if rule.min_amount is not None:
            parts.append(_("amount ≥ %(n)s") % {"n": rule.min_amount})
        if rule.max_amount is not None:
            parts.append(_("amount ≤ %(n)s") % {"n": rule.max_amount})
        if rule.max_parties is not None:
            parts.append(_("≤ %(n)d parties") % {"n": rule.max_parties})
        if rule.green_only:
            parts.append(_("green channel only"))
        return "; ".join(str(p) for p in parts) or _("any case")
