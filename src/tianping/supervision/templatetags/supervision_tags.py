"""Supervision on other apps' pages, read here so that each needs one include line: the
case page's section (the case's orders, the reply form for its judge, the link to issue
for those who may) and the link on the overdue and long-pending lists."""

from django import template

from tianping.courts.permissions import effective_user
from tianping.supervision.forms import ReplyForm
from tianping.supervision.permissions import can_issue, can_reply, may_issue_at_all
from tianping.supervision.queries import case_items

register = template.Library()


@register.simple_tag(takes_context=True)
def case_supervision(context, case):
    user = effective_user(context["request"])
    items = list(case_items(user, case))
    for item in items:
        item.reply_form = ReplyForm(prefix=f"r{item.pk}") if can_reply(user, item) else None
    return {"items": items, "may_issue": can_issue(user, case)}


@register.simple_tag(takes_context=True)
def may_supervise(context):
    return may_issue_at_all(effective_user(context["request"]))
