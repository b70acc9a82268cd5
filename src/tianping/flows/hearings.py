"""Scheduling a hearing with its summonses (传票): one transaction that schedules (or
postpones to a new time), issues a summons to each party and a notice to appear (出庭通知书)
to each representative, addressed to them with the hearing's time and place, and, when
asked, serves them at once on the parties who consented to electronic service (platform
inbox, and SMS where consented). The others are left for the clerk to post (the service
page records court post with its tracking number).

Idempotent: each document is keyed by the hearing and its addressee, each service by the
document; a new hearing (after a postponement) is a new time and gets new summonses.
"""

from dataclasses import dataclass, field

from django.db import transaction

from tianping.documents import actions as documents
from tianping.documents.choices import Kind
from tianping.documents.models import IssuedDocument
from tianping.hearings import actions as hearings
from tianping.hearings.models import Hearing
from tianping.service import actions as service
from tianping.service.choices import Channel
from tianping.service.permissions import can_serve

SUMMONED_ROLES = ("plaintiff", "defendant", "third_party", "applicant", "respondent")
SERVED_AT_ONCE = (Channel.PLATFORM, Channel.SMS)


@dataclass
class Summoned:
    hearing: Hearing
    issued: list[IssuedDocument] = field(default_factory=list)
    served: list = field(default_factory=list)  # service.Service, electronically
    to_post: list[IssuedDocument] = field(default_factory=list)


def issue_summonses(hearing: Hearing, *, actor, acted_for=None) -> list[IssuedDocument]:
    """A summons to each party of the hearing's case, a notice to appear to each of their
    representatives; a document already issued for this hearing and addressee is kept."""
    case, issued = hearing.case, []
    for party in case.parties.filter(role__in=SUMMONED_ROLES).order_by("position", "id"):
        issued.append(documents.issue(
            case, Kind.SUMMONS, actor=actor, acted_for=acted_for, addressee_party=party,
            hearing=hearing, key=f"hearing:{hearing.code}:party:{party.pk}"))
    for rep in case.representatives.select_related("party").order_by("id"):
        issued.append(documents.issue(
            case, Kind.APPEARANCE_NOTICE, actor=actor, acted_for=acted_for,
            addressee_representative=rep, hearing=hearing,
            key=f"hearing:{hearing.code}:rep:{rep.pk}"))
    return issued


def serve_electronically(summoned: Summoned, *, actor, acted_for=None) -> Summoned:
    """Serve each summons on its party through the channels they consented to (inbox, SMS);
    the rest are left to post."""
    case = summoned.hearing.case
    if not can_serve(acted_for or actor, case):
        summoned.to_post = [i for i in summoned.issued if i.kind == Kind.SUMMONS]
        return summoned
    for item in summoned.issued:
        if item.kind != Kind.SUMMONS or item.party is None:
            continue
        address = service.latest_address(item.party)
        channels = [c for c in SERVED_AT_ONCE
                    if address is not None and address.allows(c)]
        if not channels:
            summoned.to_post.append(item)
            continue
        summoned.served.append(service.serve(
            case, party=item.party, channels=channels, key=f"issued:{item.pk}",
            document=item.document, actor=actor, acted_for=acted_for))
    return summoned


def schedule_with_summons(case, *, actor, acted_for=None, serve_now: bool = False,
                          **fields) -> Summoned:
    """Schedule a hearing (`hearings.actions.schedule`, FIELDS as it takes them) and issue
    its summonses; serve them electronically at once if SERVE_NOW."""
    with transaction.atomic():
        hearing = hearings.schedule(case, actor=actor, acted_for=acted_for, **fields)
        summoned = Summoned(hearing, issue_summonses(hearing, actor=actor, acted_for=acted_for))
        if serve_now:
            serve_electronically(summoned, actor=actor, acted_for=acted_for)
    return summoned


def postpone_with_summons(hearing: Hearing, *, actor, acted_for=None, serve_now: bool = False,
                          **fields) -> Summoned:
    """Postpone a hearing to a new time (`hearings.actions.postpone`) and summon everyone
    again for the new time."""
    with transaction.atomic():
        new = hearings.postpone(hearing, actor=actor, acted_for=acted_for, **fields)
        summoned = Summoned(new, issue_summonses(new, actor=actor, acted_for=acted_for))
        if serve_now:
            serve_electronically(summoned, actor=actor, acted_for=acted_for)
    return summoned
