"""The service's panels on pages of the cases app, each one include line there: the staff
case page (`service/_case_service.html`) and the party's case page
(`service/_party_served.html`). Each reads through `service.permissions`."""

from django import template

from tianping.courts.permissions import effective_user
from tianping.service.permissions import can_serve, parties_of, services_served_on
from tianping.service.queries import services_of_case

register = template.Library()


@register.inclusion_tag("service/_case_panel.html", takes_context=True)
def case_service_panel(context, case):
    user = effective_user(context["request"])
    return {"case": case, "services": services_of_case(case),
            "can_serve": can_serve(user, case)}


@register.inclusion_tag("service/_party_panel.html", takes_context=True)
def served_on_me(context, case):
    user = context["request"].user
    parties = list(parties_of(user).filter(case=case))
    confirmed = set(case.address_confirmations.values_list("party_id", flat=True))
    for party in parties:
        party.confirmed = party.pk in confirmed
    services = (services_served_on(user).filter(case=case)
                .select_related("effective_attempt").order_by("-created_at", "-id"))
    return {"case": case, "parties": parties, "services": services}
