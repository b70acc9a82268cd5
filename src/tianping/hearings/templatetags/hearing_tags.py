"""The hearings on a case's pages: the staff page's section (with the link to schedule
for those who may) and the parties' list, read here so that the case pages need one
include line each."""

from django import template

from tianping.courts.permissions import effective_user
from tianping.hearings.permissions import can_schedule
from tianping.hearings.queries import case_hearings

register = template.Library()


@register.simple_tag(takes_context=True)
def hearings_of(context, case):
    user = effective_user(context["request"])
    return {"hearings": case_hearings(case), "may": can_schedule(user, case)}


@register.simple_tag
def party_hearings(case):
    return case_hearings(case)
