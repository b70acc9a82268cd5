"""The documents' panels on other apps' pages, each one include line there: the service
page of a case (`documents/_service_panel.html`) and a hearing's page
(`documents/_hearing_panel.html`). Each reads through `documents.permissions`."""

from django import template

from tianping.courts.permissions import effective_user
from tianping.documents.permissions import can_issue
from tianping.documents.queries import issued_on_case

register = template.Library()


@register.inclusion_tag("documents/_service_panel.html", takes_context=True)
def issued_documents_panel(context, case):
    user = effective_user(context["request"])
    may = can_issue(user, case)
    return {"case": case, "can_issue": may, "issued": issued_on_case(case) if may else []}


@register.inclusion_tag("documents/_hearing_panel.html", takes_context=True)
def hearing_documents_panel(context, hearing):
    return {"case": hearing.case,
            "issued": issued_on_case(hearing.case).filter(hearing=hearing)}
