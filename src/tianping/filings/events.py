"""The filing timeline: its kinds of events and their constructor (called only from
actions, inside their transaction). Details are codes and plain values, read in the
reader's language through `filing_timeline` (lib/event_kinds.py)."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from tianping.audit.actions import record
from tianping.filings import steering
from tianping.filings.choices import AttachmentKind, Channel, FilingStatus, RefusalBasis
from tianping.filings.models import Filing, FilingEvent
from tianping.lib.event_kinds import Timeline, choices
from tianping.lib.plain import plain

filing_timeline = Timeline("filing")
kind = filing_timeline.kind
kind("drafted", _("Entered"), _("Draft started"))
kind("file_added", _("File added"), _("File added: %(name)s"))
kind("file_removed", _("File removed"), _("File removed: %(name)s"))
kind(
    "submitted",
    _("Handed in: the review clock started"),
    _("Handed in; review due by %(review_due_on)s"),
)
kind(
    "from_payment_order",
    _("Suit after a payment order"),
    _("A suit after the payment order procedure of %(case_number)s ended on the debtor's "
      "objection; review due by %(review_due_on)s"),
)
kind(
    "received_at_assisting_court",
    _("Taken in at the assisting court"),
    _("Received by %(assisting_court)s"),
)
kind(
    "forwarded",
    _("Forwarded to the court with jurisdiction"),
    _("Forwarded to %(court)s; review due by %(review_due_on)s"),
)
kind(
    "correction_requested",
    _("Corrections requested"),
    _("Corrections requested, by %(respond_by)s"),
)
kind(
    "corrected",
    _("Corrections received: the clock restarted"),
    _("Corrections handed in; review due by %(review_due_on)s"),
)
kind("accepted", _("Filed as a case"), _("Filed as case %(case_number)s"))
# The court's own deliberation on a refusal: the staff's timeline only, never the parties'
# (no sentence: no message either, `filings.messages`); the parties see the ruling.
kind("refusal_proposed", _("Refusal proposed to a judge"))
kind("refusal_declined", _("Refusal not approved: back to review"))
STAFF_ONLY = ("refusal_proposed", "refusal_declined")
kind("refused", _("Refused by ruling"), _("Refused by ruling"))
kind("transferred", _("Transferred"), _("Transferred to %(to_court)s"))
kind(
    "received_by_transfer",
    _("Received by transfer"),
    _("Received from %(from_court)s; review due by %(review_due_on)s"),
)
kind("withdrawn", _("Withdrawn"), _("Withdrawn"))
# Pre-filing mediation (委派调解): the dispute goes to a mediator before review, and comes
# back to review with its papers if no agreement is reached (flows.mediation).
kind(
    "sent_to_mediation",
    _("Sent to pre-filing mediation"),
    _("Sent to pre-filing mediation %(mediation)s"),
)
kind(
    "returned_from_mediation",
    _("Back from mediation without agreement: the review clock started"),
    _("No agreement in mediation; review due by %(review_due_on)s"),
)
kind(
    "settled_in_mediation",
    _("Settled in mediation before filing"),
    _("Settled in mediation %(mediation)s"),
)
# Changes after hand-in (answering a correction; a clerk completing papers): the record of
# what changed. While a draft, the same changes go to the audit log only.
kind("parties_changed", _("Parties changed"), _("Parties changed: %(parties)s"))
kind("evidence_changed", _("Evidence list changed"), _("Evidence list: %(items)s items"))
kind(
    "representative_added",
    _("Representative named"),
    _("Representative named: %(representative)s"),
)
kind(
    "representative_removed",
    _("Representative removed"),
    _("Representative removed: %(representative)s"),
)
# Steering to mediation (分调裁审): the filer's answer to a recommendation to mediate first,
# given online or recorded by the filing division. Declining never delays filing.
kind(
    "mediation_consented",
    _("Agreed to mediate first"),
    _("Agreed to try mediation before filing (recommended: %(rule)s)"),
)
kind(
    "mediation_declined",
    _("Declined mediation"),
    _("Declined mediation; the filing goes on as usual (recommended: %(rule)s)"),
)

filing_timeline.value("channel", choices(Channel), _("Channel"))
filing_timeline.value("steering_reasons", steering.reason_text, _("Why mediation was recommended"))
filing_timeline.value("file_kind", choices(AttachmentKind), _("Kind of file"))
filing_timeline.value("basis", choices(RefusalBasis), _("Statutory basis"))
caption = filing_timeline.caption
caption("review_due_on", _("Review due by"))
caption("respond_by", _("Answer by"))
caption("to_correct", _("To correct"))
caption("case_number", _("Case number"))
caption("reasons", _("Reasons"))
caption("reason", _("Reason"))
caption("note", _("Note"))
caption("judge", _("Judge"))
caption("name", _("File"))
caption("parties", _("Parties"))
caption("items", _("Items"))
caption("representative", _("Representative"))
caption("rule", _("Rule"))
caption("mediation", _("Mediation"))


def filing_event(
    filing: Filing, kind: str, *, actor, acted_for=None, change=False, **details
) -> FilingEvent | None:
    """Append the next numbered event; the filing row is locked by the calling action.

    A CHANGE of the papers (parties, evidence, representatives) goes to the timeline once
    the filing is handed in, and to the audit log alone while it is the filer's draft (a
    draft is saved as it is typed; its content is on record when it is handed in)."""
    if kind not in filing_timeline.kinds:
        raise ValueError(f"filing event kind {kind!r} is not registered")
    if change and filing.status == FilingStatus.DRAFT:
        values = {k: plain(v) for k, v in details.items()}
        record(f"filing.{kind}", filing, actor=actor, acted_for=acted_for, changes=values)
        return None
    last = filing.events.aggregate(last=Max("seq"))["last"] or 0
    values = {k: plain(v) for k, v in details.items()}
    event = FilingEvent.objects.create(
        filing=filing,
        seq=last + 1,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        acted_for=acted_for if getattr(acted_for, "pk", None) else None,
        details=values,
    )
    record(f"filing.{kind}", filing, actor=actor, acted_for=acted_for, changes=values)
    from tianping.filings.messages import tell_the_parties  # it reads this module's kinds

    tell_the_parties(filing, event, actor=actor, acted_for=acted_for)
    return event
