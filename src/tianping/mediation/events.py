"""The mediation timeline: its kinds of events and their constructor (called only from
actions, inside their transaction). Details are codes and plain values, worded when read
(lib/event_kinds.py). The indicator engine counts from these events: `registered`
(pre-filing applications), `referred` (cases referred after filing), `accepted` (the
mediation period starts), `settled`,
`failed` (with its reason), `withdrawn`, `session_held` (with its mode: online or not)."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from tianping.audit.actions import record
from tianping.lib.event_kinds import Timeline, choices
from tianping.lib.plain import plain
from tianping.mediation.choices import Answer, FailureReason, MediationKind, SessionMode
from tianping.mediation.models import Mediation, MediationEvent, listed
from tianping.mediation.models_outcomes import SignatureMethod

mediation_timeline = Timeline("mediation")
kind = mediation_timeline.kind
kind("registered", _("Registered for mediation"),
     _("Registered for mediation as %(number)s; a mediator is to be appointed by "
       "%(appoint_due_on)s"))
kind("referred", _("Referred to mediation after filing"),
     _("Case %(number)s referred to mediation"))
kind("appointed", _("Mediator appointed"),
     _("Mediator %(mediator)s appointed; to accept by %(accept_due_on)s"))
kind("declined", _("The mediator declined"), _("The mediator declined; another will be appointed"))
kind("accepted", _("The mediator accepted: the mediation period started"),
     _("The mediator accepted; the mediation period ends on %(ends_on)s"))
kind("answered", _("A party answered the invitation"), _("%(party)s: %(answer)s"))
kind("choice_open", _("Every party agreed to mediate"),
     _("Every party agreed to mediate; they may choose a mediator together by "
       "%(choice_due_on)s"))
kind("jointly_chosen", _("The parties chose a mediator together"),
     _("The parties chose %(mediator)s together"))
kind("session_scheduled", _("Session scheduled"), _("Session on %(starts_at)s (%(mode)s)"))
kind("session_cancelled", _("Session cancelled"), _("The session on %(starts_at)s is cancelled"))
kind("session_held", _("Session held"), _("Session of %(starts_at)s held"))
kind("extended", _("Period extended by the parties' agreement"),
     _("The parties agreed to extend the mediation to %(ends_on)s"))
kind("settled", _("Settled by agreement"), _("Settled by agreement"))
kind("failed", _("Ended without agreement"), _("Mediation ended without agreement: %(reason)s"))
kind("withdrawn", _("Application withdrawn"), _("The application for mediation was withdrawn"))
kind("returned_to_filing", _("Handed to filing review"),
     _("Handed to the court's filing review with the papers already entered"))

kind("agreement_drafted", _("Agreement drafted"),
     _("Agreement drafted (version %(version)s) for the parties to sign"))
kind("agreement_signed", _("A party signed the agreement"),
     _("%(party)s signed the agreement (%(method)s)"))
kind("agreement_in_effect", _("The agreement took effect"),
     _("Every party has signed: the agreement is in effect from %(signed_on)s"))
kind("confirmation_applied", _("Judicial confirmation applied for"),
     _("The parties applied for judicial confirmation (%(filing)s)"))
kind("document_applied", _("Mediation document applied for"),
     _("The parties applied for a mediation document (%(filing)s)"))
kind("confirmation_granted", _("Agreement confirmed by the court"),
     _("Ruling %(number)s: the agreement is valid and enforceable"))
kind("confirmation_refused", _("Judicial confirmation refused"),
     _("Ruling %(number)s: the application for confirmation is dismissed"))
kind("document_issued", _("Mediation document issued"),
     _("Mediation document %(number)s issued"))
kind("performed", _("Agreement performed"), _("The agreement was performed"))
kind("broken", _("Agreement not performed"), _("The agreement was not performed"))
kind("rated", _("A party rated the mediator"), _("%(party)s rated the mediation %(stars)s of 5"))

mediation_timeline.value("mediation_kind", choices(MediationKind), _("Kind"))
mediation_timeline.value("answer", choices(Answer), _("Answer"))
mediation_timeline.value("mode", choices(SessionMode), _("How the session is held"))
mediation_timeline.value("reason", choices(FailureReason), _("Reason"))
mediation_timeline.value("method", choices(SignatureMethod), _("How"))
caption = mediation_timeline.caption
caption("number", _("Case number"))
caption("appoint_due_on", _("To appoint by"))
caption("choice_due_on", _("To choose together by"))
caption("accept_due_on", _("To accept by"))
caption("ends_on", _("Mediation period ends"))
caption("mediator", _("Mediator"))
caption("party", _("Party"))
caption("starts_at", _("Starts at"))
caption("note", _("Note"))
caption("override", _("Reason for overriding the warning"))
caption("agreed_days", _("Days added"))
caption("preferred", _("Mediator chosen by the applicant"))
caption("attended", _("Parties present"))
caption("filing", _("Filing"))
caption("version", _("Version"))
caption("signed_on", _("In effect from"))
caption("stars", _("Rating"))


def _warnings(codes) -> str:
    labels = {"capacity": _("over capacity"), "speciality": _("without the speciality"),
              "unavailable": _("not available"),
              "choice_open": _("before the parties' time to choose together ran out"),
              "not_chosen": _("not the mediator the parties chose together")}
    return listed(labels.get(c, c) for c in codes or [])


mediation_timeline.value("warnings", _warnings, _("Warnings overridden"))


def mediation_event(mediation: Mediation, kind: str, *, actor, acted_for=None,
                    **details) -> MediationEvent:
    """Append the next numbered event (the mediation row is locked by the calling action),
    its audit entry, and the messages to the people it concerns."""
    if kind not in mediation_timeline.kinds:
        raise ValueError(f"mediation event kind {kind!r} is not registered")
    last = mediation.events.aggregate(last=Max("seq"))["last"] or 0
    values = {k: plain(v) for k, v in details.items()}
    event = MediationEvent.objects.create(
        mediation=mediation,
        seq=last + 1,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        acted_for=acted_for if getattr(acted_for, "pk", None) else None,
        details=values,
    )
    record(f"mediation.{kind}", mediation, actor=actor, acted_for=acted_for, changes=values)
    from tianping.mediation.messages import tell_the_people  # it reads this module's kinds

    tell_the_people(mediation, event, actor=actor, acted_for=acted_for)
    return event


# On the case's timeline: a case referred to mediation after filing, and how it ended.
def register() -> None:
    """Called once from MediationConfig.ready (as payments registers its fee events)."""
    from tianping.cases.events import case_timeline

    case_timeline.kind("referred_to_mediation", _("Referred to mediation"),
                       _("Referred to mediation by %(mediator)s"))
    case_timeline.kind("mediation_ended", _("Mediation ended"),
                       _("Mediation ended: %(outcome)s"))
    case_timeline.caption("mediator", _("Mediator"))
    case_timeline.value("outcome", _outcome, _("Outcome"))


def _outcome(value) -> str:
    labels = {"settled": _("agreement reached"), "failed": _("no agreement, the trial goes on"),
              "withdrawn": _("withdrawn")}
    return str(labels.get(value, value))

