"""Messages to the people a case concerns (its parties, their representatives and the
filer, with an account on the portal): one for each public event with a sentence (流程公开),
never to whoever did it. Stored as the event's kind and details and worded when read, in
the reader's language (`notifications.messages`)."""

from types import SimpleNamespace

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.cases.events import case_timeline
from tianping.cases.models import Case, CaseEvent, CaseParty, CaseRepresentative
from tianping.notifications.actions import tell_portal_users
from tianping.notifications.messages import register

NOT_TOLD = {"filed"}  # the filing's own "filed as case" message says it


def case_people(case: Case) -> set[int]:
    ids = set(
        CaseParty.objects.filter(case=case, user__isnull=False).values_list("user_id", flat=True)
    )
    agents = CaseRepresentative.objects.filter(case=case, user__isnull=False)
    ids |= set(agents.values_list("user_id", flat=True))
    filer = getattr(case.filing, "filer_id", None) if case.filing_id else None
    if filer:
        ids.add(filer)
    return ids


def tell_the_parties(case: Case, event: CaseEvent, *, actor, acted_for=None) -> None:
    """Inside the action's transaction: a message of EVENT to each portal user of CASE."""
    found = case_timeline.kinds.get(event.kind)
    if not event.is_public or found is None or found.sentence is None:
        return
    if event.kind in NOT_TOLD:
        return
    tell_portal_users(
        case_people(case),
        actor=actor,
        acted_for=acted_for,
        key=f"case:{case.pk}:{event.seq}",
        kind="case.event",
        code=case.code,
        number=case.number,
        event=event.kind,
        details=event.details,
    )


def read_message(params: dict) -> tuple[str, str]:
    event = SimpleNamespace(kind=params["event"], details=params.get("details") or {})
    text = _("Case %(number)s: %(event)s") % {
        "number": params["number"],
        "event": case_timeline.sentence(event),
    }
    return text, reverse("party_cases:detail", args=[params["code"]])


register("case.event", read_message)


def read_staff_message(params: dict) -> tuple[str, str]:
    """A message to the judge (and the bench) of a case: material handed in, a request to
    meet."""
    values = {"number": params.get("number", ""), "title": params.get("title", ""),
              "party": params.get("party", "")}
    if params.get("event") == "meeting":
        text = _("Case %(number)s: %(party)s asks to meet you (%(title)s)") % values
    else:
        text = _("Case %(number)s: %(party)s handed in %(title)s") % values
    return text, reverse("cases:detail", args=[params["code"]])


def read_meeting_answer(params: dict) -> tuple[str, str]:
    if params.get("declined"):
        text = _("Case %(number)s: the judge declined your request to meet") % params
    else:
        text = _("Case %(number)s: the judge will meet you on %(meets_at)s") % params
    return text, reverse("party_cases:detail", args=[params["code"]])


register("case.for_staff", read_staff_message)
register("case.meeting", read_meeting_answer)
