"""Petitions on the case pages (staff and party), read here so that each needs one
include line. Staff who see the case see every petition on it (count, status: the case
timeline already says so), linked where they may open it; a party only their own."""

from django import template

from tianping.courts.permissions import effective_user
from tianping.petitions.permissions import is_staff_reader, petitions_visible_to
from tianping.petitions.queries import case_petitions as _rows
from tianping.petitions.queries import with_repeats

register = template.Library()


@register.simple_tag(takes_context=True)
def case_petitions(context, case):
    user = effective_user(context["request"])
    if not is_staff_reader(user):
        return list(_rows(user, case)[:50])
    from tianping.petitions.models import Petition

    rows = list(with_repeats(Petition.objects.filter(cases=case))
                .order_by("-registered_at", "-id")[:50])
    readable = set(petitions_visible_to(user).filter(pk__in=[p.pk for p in rows])
                   .values_list("pk", flat=True))
    for p in rows:
        p.readable = p.pk in readable
    return rows
