"""Amounts of money in yuan: one bound for every page, API and column, read back safely.

The amount columns are DECIMAL(16, 2). PostgreSQL holds that exactly; SQLite keeps a
number of that size as a binary float with about 15 significant digits, which Django then
cannot read back into 16 digits (the page, list and API of that row failed for good).
An amount is therefore at most ``MAX_AMOUNT``, 9,999,999,999,999.99 yuan (just under
10^13 yuan, ten trillion: more than any claim a court has seen, and 15 significant
digits, which SQLite's float holds to the fen). It is never negative and has at most two
decimal places (fen).

``AmountField`` is the model field of every amount: it refuses what the bound refuses (in
the admin and any model form) and reads back even a value stored before the bound.
``YuanField`` is its form field (full-width digits, thousands separators and the units
万 and 亿 accepted: "1.5万"), ``parse_amount`` reads an amount sent to the API the same
way, ``ApiAmount`` is the type of an amount in an API schema, and ``format_yuan`` shows
one in a field (1,000,000.00; pages use the ``money`` filter and add 元).
"""

import decimal
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from pydantic import BeforeValidator

MAX_DIGITS = 16
DECIMAL_PLACES = 2
MAX_AMOUNT = Decimal("9999999999999.99")
FEN = Decimal("0.01")


def check_amount(value: Decimal) -> Decimal:
    """VALUE if it is an amount a column holds; else a ValidationError saying why."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError(_("The amount must be a number of yuan."), code="invalid")
    if value < 0:
        raise ValidationError(_("The amount cannot be negative."), code="min_value")
    if value > MAX_AMOUNT:
        raise ValidationError(
            _("The amount is too large: at most %(max)s yuan.") % {"max": f"{MAX_AMOUNT:,}"},
            code="max_value",
        )
    if value % FEN:
        raise ValidationError(
            _("The amount has at most two decimal places (fen)."), code="max_decimal_places"
        )
    return value


UNITS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_TYPED = re.compile(r"^(?P<number>[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)(?P<unit>[万亿]?)元?$")


def parse_amount(value) -> Decimal | None:
    """An amount as typed or sent (text, number or Decimal), checked; None for none.

    Written as people write it: full-width digits, thousands separators (100,000 or
    100，000), a unit of 万 or 亿 (100万 is 1,000,000; 1.5万 is 15,000) and a closing 元."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(_("The amount must be a number of yuan."), code="invalid")
    if isinstance(value, int | Decimal):
        return check_amount(Decimal(value))
    text = re.sub(r"[,\s，]", "", unicodedata.normalize("NFKC", str(value)))
    match = _TYPED.match(text)
    if match is None:
        raise ValidationError(_("The amount must be a number of yuan."), code="invalid")
    amount = Decimal(match["number"]) * UNITS.get(match["unit"], 1)
    return check_amount(amount)


def money_text(value) -> str:
    """An amount of yuan as a reader expects it: 1,384.57 (two decimals, half up, thousands
    grouped), never 1384.57000; empty for none; what is not a number as it is."""
    if value is None or value == "":
        return ""
    try:
        return format_yuan(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)


def format_yuan(amount) -> str:
    """An amount as shown to people: thousands separators and fen, half up (1,000,000.00)."""
    return f"{Decimal(amount).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"


def amount_words(value) -> str:
    """An amount named in a sentence (a rule's bound, "over 30,000 yuan"): thousands grouped
    as the `money` filter groups them, no fen when whole (30,000), its exact decimals
    otherwise (30,000.50). A value that is not a number is shown as it is."""
    try:
        amount = Decimal(str(value))
    except (decimal.InvalidOperation, TypeError, ValueError):
        return "" if value is None else str(value)
    if not amount.is_finite():
        return str(value)
    if amount == amount.to_integral():
        return f"{int(amount):,}"
    return f"{amount:,}"


def _api_amount(value):
    try:
        return parse_amount(value)
    except ValidationError as exc:
        raise ValueError(" ".join(exc.messages)) from None


# The type of an amount in an API schema: a number or text, None or "" for none.
ApiAmount = Annotated[Decimal | None, BeforeValidator(_api_amount)]


class YuanField(forms.Field):
    """The form field of an amount: the same reading and the same bound as the API."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, *, max_digits=None, decimal_places=None, **kwargs):
        super().__init__(**kwargs)  # the digits are MAX_AMOUNT's, whatever a model says

    def to_python(self, value):
        return parse_amount(value)

    def prepare_value(self, value):
        """An amount shown in the field again: 1,000,000.00 (what was typed, if not one)."""
        return format_yuan(value) if isinstance(value, Decimal) and value.is_finite() else value


class AmountField(models.DecimalField):
    """An amount in yuan: DECIMAL(16, 2), at most MAX_AMOUNT, never negative, in fen.

    Migrations see a plain DecimalField (the column is the same). Reading uses a wide
    decimal context, so that a value stored before the bound (SQLite keeps it as a
    float) is read back instead of failing every page that shows its row."""

    default_validators = [check_amount]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", MAX_DIGITS)
        kwargs.setdefault("decimal_places", DECIMAL_PLACES)
        super().__init__(*args, **kwargs)

    @cached_property
    def context(self):
        return decimal.Context(prec=320)  # any float SQLite may hold, to the fen

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": YuanField, **kwargs})
