"""What other apps and this app's pages read about service.

`effective_service_date(case, party, document=None)`: the day a document was served on a
party (its earliest effective attempt: the first effective channel counts); without a
document, the earliest day anything was served on the party in the case. DOCUMENT is a
`cases.CaseDocument` or the name of a generated document (e.g. "response-notice"). None
while nothing is effective. A public notice's date may lie ahead: it is the day it takes
effect (30 or 60 days after publication) unless another channel reaches the party first.

`last_service_date(case, document, parties=None)`: the day DOCUMENT reached the last of
PARTIES (every party of the case by default): None while any of them is not served; e.g.
the day a mediation document ends the case (2000 审限规定 art. 10), or the start of each
party's appeal period (read each party's own date with `effective_service_date`).
"""

import datetime

from django.db.models import Min
from django.utils.translation import gettext as _

from tianping.cases.models import CaseDocument
from tianping.service.models import Service


def _of_document(queryset, document):
    if isinstance(document, CaseDocument):
        return queryset.filter(document=document)
    return queryset.filter(document__isnull=True, document_name=document)


def effective_service_date(case, party, document=None) -> datetime.date | None:
    services = Service.objects.filter(case=case, party=party)
    if document is not None:
        services = _of_document(services, document)
    return services.aggregate(first=Min("effective_on"))["first"]


def last_service_date(case, document, parties=None) -> datetime.date | None:
    wanted = {p.pk for p in (parties if parties is not None else case.parties.all())}
    if not wanted:
        return None
    served = dict(_of_document(Service.objects.filter(case=case, party_id__in=wanted),
                               document).values_list("party_id", "effective_on"))
    days = [served.get(pk) for pk in wanted]
    if any(day is None for day in days):
        return None
    return max(days)


def services_of_case(case):
    """The case's services with what their rows show, in one query."""
    return (Service.objects.filter(case=case)
            .select_related("party", "document", "effective_attempt")
            .order_by("created_at", "id"))


def attempts_of(service):
    return service.attempts.order_by("sent_at", "id")


def status_text(service) -> str:
    if service.effective_on is None:
        return _("Not yet served")
    return _("Served on %(day)s (%(channel)s)") % {
        "day": service.effective_on.isoformat(),
        "channel": service.effective_attempt.get_channel_display()}
