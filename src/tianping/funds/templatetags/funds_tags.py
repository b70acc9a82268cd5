"""The case funds on other apps' pages, read here so that each needs one include line: the
staff case page's panel (balance, what is held and due, the link to the funds page) and the
party's panel ("what was received and paid for me": the movements concerning them, never
another payee's bank details)."""

from django import template

from tianping.courts.permissions import effective_user
from tianping.funds import permissions as perms
from tianping.funds import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def case_funds(context, case):
    user = effective_user(context["request"])
    if not perms.can_read(user, case):
        return None
    officer = perms.is_officer(user, case)
    if not (officer or queries.has_funds(case)):
        return None
    return {"funds": queries.case_funds(case, movements=False), "officer": officer}


@register.simple_tag(takes_context=True)
def party_funds(context, case):
    request = context["request"]
    parties = list(perms.parties_of(request.user, case))
    if not parties:
        return None
    entries, payouts = queries.party_movements(case, parties)
    if not entries and not payouts:
        return None
    return {"entries": entries, "payouts": payouts}
