"""The procedure's panel on the case pages of the cases app (staff and party), one include
line there (`payorders/_case_panel.html`): a link to the procedure page of a 民督 or 民特
case. The case pages have checked that the reader sees the case."""

from django import template

from tianping.payorders.models import PaymentOrder
from tianping.payorders.special import subject_of

register = template.Library()


@register.simple_tag
def procedure_link(case):
    order = PaymentOrder.objects.filter(case=case).first()
    if order is None and not subject_of(case):
        return None
    return {"order": order}
