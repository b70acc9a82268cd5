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

from django.db.models import Exists, Min, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.cases.models import CaseDocument
from tianping.lib.keyset import KeysetPage, merged_page
from tianping.service.choices import AttemptStatus, Channel
from tianping.service.models import AddressConfirmation, Service, ServiceAttempt

# The service queue's views: everything waiting, postal receipts awaited, public notices
# running.
QUEUE_KINDS = ("all", "postal", "notice")
QUEUE_ORDER = ("created_at", "id")
QUEUE_FIELDS = ("code", "title", "created_at", "effective_on", "case__code", "case__number",
                "case__state",  # read with every case (else a query per row: see the test)
                "party__name")
QUEUE_ATTEMPT_FIELDS = ("service_id", "channel", "status", "tracking_number", "posted_on",
                        "effective_on", "sent_at")


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


def latest_addresses(case) -> dict:
    """Each party's latest address confirmation in CASE, by party id (one query)."""
    latest = {}
    for row in (AddressConfirmation.objects.filter(case=case).select_related("account")
                .order_by("party_id", "-version")):
        latest.setdefault(row.party_id, row)
    return latest


def attempts_of(service):
    return service.attempts.order_by("sent_at", "id")


def status_text(service) -> str:
    if service.effective_on is None:
        return _("Not yet served")
    return _("Served on %(day)s (%(channel)s)") % {
        "day": service.effective_on.isoformat(),
        "channel": service.effective_attempt.get_channel_display()}


def _awaiting_receipt():
    return Exists(ServiceAttempt.objects.filter(
        service=OuterRef("pk"), channel=Channel.POSTAL, status=AttemptStatus.SENT))


def _parts(services, kind: str, today: datetime.date) -> list:
    """The queue of KIND as disjoint parts, each read through its own index: not yet
    effective (the partial index `service_waiting`, in the queue's order), and the public
    notices running (`service_effective_on`: a day of effect ahead; few)."""
    if kind == "postal":
        return [services.filter(_awaiting_receipt(), effective_on__isnull=True)]
    if kind == "notice":
        return [services.filter(effective_on__gt=today)]
    return [services.filter(effective_on__isnull=True), services.filter(effective_on__gt=today)]


def waiting(services, kind: str = "all", today: datetime.date | None = None):
    """Of SERVICES, those still waiting (送达待办): not yet effective, or served by a public
    notice whose day of effect is still ahead. KIND "postal": not yet effective with court
    post sent and its receipt not back; "notice": a public notice running."""
    today = today or timezone.localdate()
    if kind in ("postal", "notice"):
        return _parts(services, kind, today)[0]
    return services.filter(Q(effective_on__isnull=True) | Q(effective_on__gt=today))


def queue_page(services, *, kind: str = "all", after: str | None = None, size: int = 50,
               today: datetime.date | None = None):
    """A keyset page of the queue, oldest first: each service with its case, party and
    attempts. A few queries however long the queue: the keys of each part, the rows, their
    attempts."""
    today = today or timezone.localdate()
    keys = merged_page(_parts(services, kind, today), QUEUE_ORDER, after=after, size=size)
    ids = [key[-1] for key in keys.items]
    # only what the rows show: a case carries some forty columns
    attempts = ServiceAttempt.objects.only(*QUEUE_ATTEMPT_FIELDS).order_by("sent_at", "id")
    found = (Service.objects.filter(pk__in=ids).select_related("case", "party")
             .only(*QUEUE_FIELDS).prefetch_related(Prefetch("attempts", queryset=attempts))
             .in_bulk() if ids else {})
    items = [found[pk] for pk in ids if pk in found]
    for service in items:
        service.waiting_days = (today - timezone.localtime(service.created_at).date()).days
        service.pending = [a for a in service.attempts.all()
                           if a.status == AttemptStatus.SENT
                           or a.effective_on is not None and a.effective_on > today]
    return KeysetPage(items, keys.next, keys.after)
