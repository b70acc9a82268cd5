"""The hearings' events, on the case's timeline (registered from HearingsConfig.ready, as
mediation and payments register theirs). Written by `hearings.actions` only, inside their
transaction, through `cases.events.case_event` (which also writes the audit entry and tells
the parties: a hearing's time and place are what the parties must know, 2018 rules art. 7)."""

from django.utils.translation import gettext_lazy as _

from tianping.hearings.choices import CausedBy, HearingKind, IntervalException, PlaceKind
from tianping.lib.event_kinds import choices


def register() -> None:
    from tianping.cases.events import case_timeline

    kind = case_timeline.kind
    kind("hearing_scheduled", _("Hearing scheduled"),
         _("%(hearing_kind)s on %(starts_at)s, %(place)s"))
    kind("hearing_postponed", _("Hearing postponed"),
         _("The hearing of %(starts_at)s is postponed to %(new_starts_at)s (%(caused_by)s): "
           "%(reason)s"))
    kind("hearing_cancelled", _("Hearing cancelled"),
         _("The hearing of %(starts_at)s is cancelled: %(reason)s"))
    kind("hearing_held", _("Hearing held"), _("%(hearing_kind)s of %(starts_at)s held"))
    kind("hearing_record_added", _("Hearing record added"),
         _("The record of the hearing of %(starts_at)s was added"))
    value = case_timeline.value
    value("hearing_kind", choices(HearingKind), _("Kind of session"))
    value("place_kind", choices(PlaceKind), _("Where"))
    value("caused_by", choices(CausedBy), _("Caused by"))
    value("exception", choices(IntervalException), _("More than a month later because"))
    caption = case_timeline.caption
    caption("starts_at", _("Starts at"))
    caption("new_starts_at", _("New time"))
    caption("place", _("Place"))
    caption("attendees", _("Attendees"))
    caption("waiver", _("Defence period waived"))
    caption("flags", _("Session"))
