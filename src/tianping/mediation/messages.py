"""Messages of a mediation to the people it concerns: the dispute's parties and
representatives with an account (as for their filing), and the mediator with an account;
never to whoever did it. Stored as the event's kind and details, worded when read."""

from types import SimpleNamespace

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.filings.messages import filing_people
from tianping.mediation.events import mediation_timeline
from tianping.mediation.models import Mediation, MediationEvent
from tianping.notifications.actions import notify, tell_portal_users
from tianping.notifications.messages import register


def tell_the_people(mediation: Mediation, event: MediationEvent, *, actor, acted_for=None):
    found = mediation_timeline.kinds.get(event.kind)
    if found is None or found.sentence is None:
        return
    params = {"code": mediation.code, "number": mediation.display_number, "event": event.kind,
              "details": event.details}
    key = f"mediation:{mediation.pk}:{event.seq}"
    if mediation.filing_id:
        tell_portal_users(filing_people(mediation.filing), actor=actor, acted_for=acted_for,
                          key=key, kind="mediation.event", **params)
    mediator_user = mediation.mediator.user_id if mediation.mediator_id else None
    if mediator_user and mediator_user not in (getattr(actor, "pk", None),
                                               getattr(acted_for, "pk", None)):
        notify([mediator_user], key=key, kind="mediation.event", **params)


def read_message(params: dict) -> tuple[str, str]:
    event = SimpleNamespace(kind=params["event"], details=params.get("details") or {})
    text = _("Mediation %(code)s: %(event)s") % {
        "code": params.get("number") or params["code"],
        "event": mediation_timeline.sentence(event)}
    return text, reverse("mediation:detail", args=[params["code"]])


register("mediation.event", read_message)


def read_clock(params: dict) -> tuple[str, str]:
    what = {
        "appointment": _("a mediator is to be appointed by %(day)s"),
        "acceptance": _("the mediator is to accept by %(day)s"),
        "period": _("the mediation period ends on %(day)s"),
    }.get(params.get("clock"), _("a time limit falls on %(day)s")) % {"day": params["day"]}
    left = int(params.get("left", 0))
    if left < 0:
        when = _("%(n)d day(s) overdue") % {"n": -left}
    elif left == 0:
        when = _("today")
    else:
        when = _("%(n)d day(s) left") % {"n": left}
    text = _("Mediation %(number)s: %(what)s (%(when)s).") % {
        "number": params.get("number") or params["code"], "what": what, "when": when}
    return text, reverse("mediation:detail", args=[params["code"]])


register("mediation.clock", read_clock)
