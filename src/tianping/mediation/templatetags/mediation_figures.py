"""The mediation figures' share as a percentage with one decimal, always (50.0%, 66.7%):
the columns of a table read alike. Empty for none (the template shows a dash)."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter
def percent1(value) -> str:
    if value is None or value == "":
        return ""
    share = (Decimal(str(value)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{share}%"
