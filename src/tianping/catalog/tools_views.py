"""Public tool pages: the litigation-fee calculator and the case-number checker.

Thin views over the pure modules (``catalog.fees``, ``catalog.case_numbers``): a form
parses the input, the pure function computes, the template shows every step. Each page
answers an htmx request with its result partial only, and works without JavaScript.
"""

import re
import unicodedata

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .case_numbers import MAX_CASE_NUMBERS, CaseNumberError, parse_each
from .choices import FeeKind, HalvingReason
from .fees import FeeError, FeeRange, FeeResult, Step, compute_fee, parse_amount
from .fees.types import percent, yuan

_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d*)?")


class ToolForm(forms.Form):
    """A form whose inputs point screen readers at their help text and errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            ids = [f"id_{name}_errors"] + ([f"id_{name}_helptext"] if field.help_text else [])
            field.widget.attrs.setdefault("aria-describedby", " ".join(ids))


class FeeForm(ToolForm):
    """What the fee calculator asks: the kind of fee, the amount and grounds for halving."""

    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of case or application"), choices=FeeKind.choices
    )
    amount = forms.CharField(
        label=gettext_lazy("Amount in dispute (yuan, 元)"),
        required=False,
        max_length=40,
        help_text=gettext_lazy(
            "The amount claimed, e.g. 1000000. Leave it empty where the kind has no amount."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    summary = forms.BooleanField(
        label=gettext_lazy("Summary procedure (简易程序): the fee is halved"), required=False
    )
    reason = forms.ChoiceField(
        label=gettext_lazy("Other ground for halving (减半)"),
        required=False,
        choices=[
            ("", gettext_lazy("None")),
            *[c for c in HalvingReason.choices if c[0] != HalvingReason.SUMMARY],
        ],
    )

    def clean_amount(self):
        text = _plain_number(self.cleaned_data["amount"])
        if not text:
            return None
        try:
            return parse_amount(text)
        except FeeError as error:
            raise forms.ValidationError(str(error)) from None


def _plain_number(text: str) -> str:
    """Full-width digits to ASCII, spaces and thousands separators (1,000,000) removed."""
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", text or ""))
    return text.replace(",", "") if _THOUSANDS.fullmatch(text.lstrip("-")) else text


def fee_calculator(request):
    """The fee of a case or an application under 《诉讼费用交纳办法》, step by step."""
    form = FeeForm(request.GET if "kind" in request.GET else None)
    result = _compute(form) if form.is_bound and form.is_valid() else None
    context = {"form": form, "result": result, "fee": _fee_view(result) if result else None}
    return _render(request, "tools/fees.html", context)


def _compute(form: FeeForm) -> FeeResult | FeeRange | None:
    """The fee, or None after putting the error next to the field it concerns."""
    data = form.cleaned_data
    try:
        compute_fee(data["kind"], data["amount"])
    except FeeError as error:
        form.add_error("amount", str(error))
        return None
    try:
        return compute_fee(
            data["kind"], data["amount"], summary=data["summary"], reason=data["reason"] or None
        )
    except FeeError as error:
        form.add_error("reason" if data["reason"] else "summary", str(error))
        return None


def _fee_view(result: FeeResult | FeeRange) -> dict:
    """What the result table shows: each step with its bracket, rate and part."""
    if isinstance(result, FeeRange):
        total = _("%(min)s to %(max)s yuan") % {"min": yuan(result.min), "max": yuan(result.max)}
    else:
        total = _("%(fee)s yuan") % {"fee": yuan(result.fee)}
    return {
        "kind": FeeKind(result.kind).label,
        "is_range": isinstance(result, FeeRange),
        "total": total,
        "steps": [_step_view(step) for step in result.steps],
    }


def _step_view(step: Step) -> dict:
    part = yuan(step.part)
    if step.part_max is not None:
        part = _("%(min)s to %(max)s") % {"min": part, "max": yuan(step.part_max)}
    return {
        "description": step.description,
        "bracket": _bracket(step),
        "rate": percent(step.rate) if step.rate is not None else "",
        "part": part,
    }


def _bracket(step: Step) -> str:
    if step.lower is None and step.upper is None:
        return ""
    if step.upper is None:
        return _("above %(lower)s") % {"lower": yuan(step.lower)}
    if not step.lower:
        return _("up to %(upper)s") % {"upper": yuan(step.upper)}
    return f"{yuan(step.lower)} – {yuan(step.upper)}"


class CaseNumbersForm(ToolForm):
    """A column of case numbers pasted from a spreadsheet, one per line."""

    numbers = forms.CharField(
        label=gettext_lazy("Case numbers (案号), one per line"),
        error_messages={"required": gettext_lazy("Paste at least one case number.")},
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false", "autocomplete": "off"}),
        help_text=gettext_lazy(
            "Paste a column from a spreadsheet; empty lines are skipped. At most 1,000 lines."
        ),
    )

    def clean_numbers(self) -> list[tuple[int, str]]:
        """The non-empty lines as (line number, text), in input order."""
        lines = [
            (number, line.strip())
            for number, line in enumerate(self.cleaned_data["numbers"].splitlines(), start=1)
            if line.strip()
        ]
        if not lines:
            raise forms.ValidationError(_("Paste at least one case number."))
        if len(lines) > MAX_CASE_NUMBERS:
            raise forms.ValidationError(
                _("%(count)s case numbers: check at most %(max)s at a time.")
                % {"count": len(lines), "max": MAX_CASE_NUMBERS}
            )
        return lines


def case_number_checker(request):
    """Check a column of case numbers: each one's parts, or why it is invalid."""
    form = CaseNumbersForm(request.POST if request.method == "POST" else None)
    rows = None
    if form.is_bound and form.is_valid():
        lines = form.cleaned_data["numbers"]
        texts = [text for line, text in lines]
        results = parse_each(texts, latest_year=timezone.localdate().year)
        rows = [
            {"line": line, "result": result}
            for (line, text), result in zip(lines, results, strict=True)
        ]
    context = {"form": form, "rows": rows, **_summary(rows or [])}
    return _render(request, "tools/case_numbers.html", context)


def _summary(rows: list[dict]) -> dict:
    """The counts, and the normalized numbers as a column to paste back line for line."""
    invalid = sum(isinstance(row["result"], CaseNumberError) for row in rows)
    column = [""] * (rows[-1]["line"] if rows else 0)
    for row in rows:
        if not isinstance(row["result"], CaseNumberError):
            column[row["line"] - 1] = row["result"].normalized
    return {
        "valid_count": len(rows) - invalid,
        "invalid_count": invalid,
        "normalized_column": "\n".join(column),
    }


def _render(request, template: str, context: dict):
    """The whole page, or only its result partial when htmx asks for it."""
    partial = request.htmx and not request.htmx.history_restore_request
    response = render(request, f"{template}#htmx_response" if partial else template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
