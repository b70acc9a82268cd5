"""`{{ court|local_name }}`: a court's, division's or team's name in the reader's language
(lib.names). Loaded on every template (settings: TEMPLATES builtins)."""

from django import template
from django.utils.translation import get_language

from tianping.lib.names import local_name as _local_name

register = template.Library()


@register.filter
def local_name(obj) -> str:
    return _local_name(obj)


@register.simple_tag
def colon() -> str:
    """The colon after a caption: full-width (：) in Chinese, ": " in English."""
    return "：" if (get_language() or "").startswith("zh") else ": "
