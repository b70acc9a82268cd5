"""Messages to the people a filing concerns (its filer, and the parties and representatives
with an account on the portal): one for each event the parties see (a kind of
`filing_timeline` with a sentence), never to whoever did it. Stored as the event's kind
and details and worded when read, in the reader's language (`notifications.messages`)."""

from types import SimpleNamespace

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.filings.events import STAFF_ONLY, filing_timeline
from tianping.filings.models import Filing, FilingEvent, FilingParty, FilingRepresentative
from tianping.notifications.actions import tell_portal_users
from tianping.notifications.messages import register

NOT_TOLD = {"drafted", *STAFF_ONLY}  # the court's own deliberation is never told


def filing_people(filing: Filing) -> set[int]:
    """The users FILING concerns: its filer, and its parties and representatives who have
    accounts."""
    parties = FilingParty.objects.filter(filing=filing, user__isnull=False)
    agents = FilingRepresentative.objects.filter(filing=filing, user__isnull=False)
    ids = set(parties.values_list("user_id", flat=True))
    ids |= set(agents.values_list("user_id", flat=True))
    if filing.filer_id:
        ids.add(filing.filer_id)
    return ids


def tell_the_parties(filing: Filing, event: FilingEvent, *, actor, acted_for=None) -> None:
    """Inside the action's transaction: a message of EVENT to each portal user of FILING."""
    found = filing_timeline.kinds.get(event.kind)
    if found is None or found.sentence is None or event.kind in NOT_TOLD:
        return
    tell_portal_users(
        filing_people(filing),
        actor=actor,
        acted_for=acted_for,
        key=f"filing:{filing.pk}:{event.seq}",
        kind="filing.event",
        code=filing.code,
        event=event.kind,
        details=event.details,
    )


def read_message(params: dict) -> tuple[str, str]:
    event = SimpleNamespace(kind=params["event"], details=params.get("details") or {})
    text = _("Filing %(code)s: %(event)s") % {
        "code": params["code"],
        "event": filing_timeline.sentence(event),
    }
    return text, reverse("online:detail", args=[params["code"]])


register("filing.event", read_message)
