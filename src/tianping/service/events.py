"""The service's kinds of events on the case timeline (registered from ServiceConfig.ready,
as mediation and payments register theirs), written by `service.actions` through
`cases.events.case_event` in the action's transaction (with its audit entry)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tianping.lib.event_kinds import choices
from tianping.service.choices import Channel


def register() -> None:
    from tianping.cases.events import case_timeline

    kind = case_timeline.kind
    kind("address_confirmed", _("Address for service confirmed"),
         _("Address for service of %(party)s confirmed (version %(version)s)"))
    kind("service_sent", _("Document sent for service"),
         _("%(title)s sent to %(party)s: %(service_channel)s"))
    kind("service_effective", _("Document served"),
         _("%(title)s served on %(party)s on %(served_on)s (%(service_channel)s)"))
    kind("service_read", _("Served document read"), _("%(title)s read by %(party)s"))
    case_timeline.value("service_channel", _channel, pgettext_lazy("service", "Channel"))
    caption = case_timeline.caption
    caption("party", _("Party"))
    caption("version", _("Version"))
    caption("served_on", _("Served on"))


_channels = choices(Channel)


def _channel(value) -> str:
    return str(_channels(value))
