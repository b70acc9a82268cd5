"""The case timeline: its kinds of events and their constructor (called only from actions,
inside their transaction). Details are codes and plain values, read in the reader's
language through `case_timeline` (lib/event_kinds.py). Time-limit kinds are registered by
`deadlines.events`."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from tianping.audit.actions import record
from tianping.cases.choices import ClosureMode, Procedure, Track
from tianping.cases.models import Case, CaseEvent
from tianping.cases.models_panel import Seat
from tianping.cases.models_party_acts import SubmissionKind
from tianping.cases.triage import checked_text, reason_text
from tianping.filings.choices import Channel
from tianping.lib.event_kinds import Timeline, choices, mapping
from tianping.lib.plain import plain

case_timeline = Timeline("case")
kind = case_timeline.kind
kind("filed", _("Filed as a case"), _("Filed as case %(number)s"))
kind("triaged", _("Triaged"))
kind("assigned", _("Assigned"), _("Judge assigned: %(judge)s"))
kind("assignment_pending", _("Assignment pending"))
kind("trial_started", _("Trial started"), _("Trial started"))
kind("document_added", _("Document added"), _("A document was added to the file"))
kind("closed", _("Closed"), _("Case closed"))
kind("procedure_changed", _("Procedure changed"), _("Procedure changed to %(procedure)s"))
kind("archived", _("Archived"), _("Case file archived"))
kind("procedure_change_requested", _("Change of procedure asked"),
     _("Conversion to the %(procedure)s asked, waiting for approval"))
kind("procedure_change_refused", _("Change of procedure not approved"),
     _("Conversion to the %(procedure)s not approved"))
kind("material_submitted", _("Material handed in"),
     _("%(party)s handed in %(title)s"))
kind("material_received", _("Material received by the court"),
     _("The court received %(title)s"))
kind("meeting_requested", _("A party asked to meet the judge"))
kind("meeting_answered", _("Request to meet the judge answered"))
kind("bench_composed", _("Bench composed"), _("Bench: %(members)s"))
kind("seat_changed", _("Member of the bench changed"),
     _("%(previous_member)s replaced by %(member)s"))
kind("recusal_requested", _("Recusal requested"), _("Recusal of %(member)s requested"))
kind("recusal_decided", _("Recusal decided"), _("Recusal of %(member)s: %(decision)s"))

value = case_timeline.value
value("channel", choices(Channel), _("Channel"))
value("bench", mapping({"sole": _("sole judge"), "panel": _("collegial panel")}),
      _("Bench"))
value("seat", choices(Seat), _("Seat"))
value("seats", choices(Seat), _("Seats on the bench"))
value("submission_kind", choices(SubmissionKind), _("Kind of material"))
value("decision", mapping({"granted": _("granted, the member steps aside"),
                           "refused": _("refused")}), _("Decision"))
value("procedure", choices(Procedure), _("Procedure"))
value("previous_procedure", choices(Procedure), _("Previous procedure"))
value("track", choices(Track), _("Track"))
value("mode", choices(ClosureMode), _("Closure mode"))
value("how", mapping({"random": _("at random"), "designated": _("by hand")}), _("How"))
value(
    "reason_code",
    mapping({"no_judge": _("No judge is available in the team or division.")}),
    _("Reason"),
)
value("reasons", reason_text, _("Reasons"))
value("passed_over", checked_text, _("Rules passed over"))
caption = case_timeline.caption
caption("number", _("Case number"))
caption("members", _("Members of the bench"))
caption("party", _("Party"))
caption("files", _("Files"))
caption("member", _("Member"))
caption("previous_member", _("Previously"))
caption("received_at", _("Received at"))
caption("team", _("Team"))
caption("judge", _("Judge"))
caption("previous", _("Previous judge"))
caption("load", _("Pending cases of the judge"))
caption("reason", _("Reason"))
caption("closed_on", _("Closing date"))
caption("title", _("Title"))


def case_event(
    case: Case, kind: str, *, actor, acted_for=None, is_public=True, **details
) -> CaseEvent:
    """Append the next numbered event; the case row is locked by the calling action."""
    if kind not in case_timeline.kinds:
        raise ValueError(f"case event kind {kind!r} is not registered")
    last = case.events.aggregate(last=Max("seq"))["last"] or 0
    values = {k: plain(v) for k, v in details.items()}
    event = CaseEvent.objects.create(
        case=case,
        seq=last + 1,
        kind=kind,
        is_public=is_public,
        actor=actor if getattr(actor, "pk", None) else None,
        acted_for=acted_for if getattr(acted_for, "pk", None) else None,
        details=values,
    )
    record(f"case.{kind}", case, actor=actor, acted_for=acted_for, changes=values)
    from tianping.cases.messages import tell_the_parties  # it reads this module's kinds

    tell_the_parties(case, event, actor=actor, acted_for=acted_for)
    return event
