"""`{{ amount|yuan }}`: an amount as people read it, 1,000,000.00 元 (1,000,000.00 yuan in
English); nothing for no amount. Load with `{% load money %}`."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import gettext as _

from tianping.lib.money import format_yuan

register = template.Library()


@register.filter
def yuan(amount) -> str:
    if amount is None or amount == "":
        return ""
    try:
        text = format_yuan(Decimal(amount))
    except (InvalidOperation, ValueError, TypeError):
        return str(amount)
    return f"{text} {_('yuan')}"
