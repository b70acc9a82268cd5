"""`{{ court|local_name }}`: a court's, division's or team's name in the reader's language
(lib.names). Loaded on every template (settings: TEMPLATES builtins)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language

from tianping.lib.money import money_text
from tianping.lib.names import local_name as _local_name

register = template.Library()


@register.filter
def local_name(obj) -> str:
    return _local_name(obj)


@register.simple_tag
def colon() -> str:
    """The colon after a caption: full-width (：) in Chinese, ": " in English."""
    return "：" if (get_language() or "").startswith("zh") else ": "


@register.simple_tag
def period() -> str:
    """The end of a sentence followed by another: 。in Chinese, ". " in English."""
    return "。" if (get_language() or "").startswith("zh") else ". "


@register.filter
def money(value) -> str:
    """An amount of yuan as a reader expects it: 1,384.57 (two decimals, thousands
    grouped), never 1384.57000; empty for none."""
    return money_text(value)


@register.filter
def paren(value) -> str:
    """A remark in brackets after what it qualifies: （法官） in Chinese, " (judge)" in
    English; nothing for no remark."""
    if value is None or value == "":
        return ""
    return f"（{value}）" if (get_language() or "").startswith("zh") else f" ({value})"


@register.filter
def joined(values) -> str:
    """A list read as one sentence: parts joined by ； in Chinese, "; " in English."""
    sep = "；" if (get_language() or "").startswith("zh") else "; "
    return sep.join(str(v) for v in values or ())


@register.filter
def percent(value) -> str:
    """A share (0.375) as a reader expects it: 37.5%; empty for none."""
    if value is None or value == "":
        return ""
    try:
        share = (Decimal(str(value)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    return f"{share.normalize():f}%"
