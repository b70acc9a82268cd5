"""Petition events: the petition's own append-only list (`petition_timeline`, read on the
petition's page; `PetitionEvent` rows, written by `petitions.actions` only) and, for a
petition that concerns a case, the case timeline's kinds (internal events: a petition is
not told to the other parties). Registered from PetitionsConfig.ready."""

from django.utils.translation import gettext_lazy as _

from tianping.lib.event_kinds import Timeline, choices, yes_no
from tianping.petitions.choices import Channel, Decision, ReviewLevel, Route, Satisfaction

petition_timeline = Timeline("petition")

KINDS = (
    ("registered", _("Petition registered (信访登记)"),
     _("Petition registered (%(channel)s); acceptance notice due %(acceptance_due_on)s")),
    ("routed", _("Routed to legal procedure (诉访分离)"),
     _("A litigation matter, routed to: %(route)s")),
    ("accepted", _("Petition accepted (受理)"),
     _("Accepted; reply due %(reply_due_on)s")),
    ("not_accepted", _("Petition not accepted (不予受理)"), None),
    ("assigned", _("Petition assigned"), None),
    ("extension_asked", _("Extension of the reply asked"), None),
    ("extension_decided", _("Extension of the reply decided"),
     _("Reply due %(reply_due_on)s")),
    ("replied", _("Petition replied (答复)"), None),
    ("rated", _("Petitioner's satisfaction recorded"), _("Satisfaction: %(satisfaction)s")),
    ("review_asked", _("Review asked (复查/复核)"),
     _("%(level)s asked; due %(due_on)s")),
    ("review_done", _("Review result recorded (复查/复核)"), _("%(level)s decided")),
    ("linked", _("Linked to an earlier petition (重复信访)"), None),
    ("received", _("Received at a leader's reception (领导接访)"), None),
    ("file_added", _("File added"), None),
)


def register() -> None:
    from tianping.cases.events import case_timeline

    for code, label, sentence in KINDS:
        petition_timeline.kind(code, label, sentence)
    value = petition_timeline.value
    value("channel", choices(Channel), _("Channel"))
    value("route", choices(Route), _("Procedure"))
    value("decision", choices(Decision), _("Decision"))
    value("satisfaction", choices(Satisfaction), _("Satisfaction"))
    value("level", choices(ReviewLevel), _("Level"))
    case_timeline.value("petition_route", choices(Route), _("Procedure"))
    petition_timeline.value("in_time", yes_no, _("Within the time limit"))
    petition_timeline.value("granted", yes_no, _("Granted"))
    kind = case_timeline.kind
    kind("petition_registered", _("Petition registered (信访)"),
         _("Petition %(petition)s registered"))
    kind("petition_routed", _("Petition routed to legal procedure (诉访分离)"),
         _("Petition %(petition)s routed: %(petition_route)s"))
    kind("petition_accepted", _("Petition accepted (信访受理)"),
         _("Petition %(petition)s accepted"))
    kind("petition_not_accepted", _("Petition not accepted"),
         _("Petition %(petition)s not accepted"))
    kind("petition_replied", _("Petition replied (信访答复)"),
         _("Petition %(petition)s replied"))
    caption = petition_timeline.caption
    for key, label in (("acceptance_due_on", _("Acceptance notice due on")),
                       ("reply_due_on", _("Reply due on")), ("due_on", _("Due on")),
                       ("note", _("Note")), ("handler", _("Handler")),
                       ("division", _("Division")),
                       ("earlier", _("Earlier petition")), ("leader", _("Leader")),
                       ("comment", _("Comment")), ("name", _("File")),
                       ("cases", _("Cases"))):
        caption(key, label)
    case_timeline.caption("petition", _("Petition"))
