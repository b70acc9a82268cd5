"""Supervision on the case's timeline (registered from SupervisionConfig.ready, as mediation
and hearings register theirs), written by `supervision.actions` only, inside their
transaction, through `cases.events.case_event` (which writes the audit entry too). The
events are internal: the parties are not told of a leader's supervision."""

from django.utils.translation import gettext_lazy as _

from tianping.lib.event_kinds import choices, yes_no
from tianping.supervision.choices import Reason


def register() -> None:
    from tianping.cases.events import case_timeline

    kind = case_timeline.kind
    kind("supervised", _("Supervision order issued (督办)"),
         _("Supervision order %(order)s: %(supervision_reason)s; reply by %(reply_due_on)s"))
    kind("supervision_replied", _("Supervision order replied"),
         _("The judge replied to supervision order %(order)s"))
    kind("supervision_closed", _("Supervision order closed"),
         _("Supervision order %(order)s closed"))
    case_timeline.value("supervision_reason", choices(Reason), _("Reason for supervision"))
    case_timeline.value("has_attachment", yes_no, _("Attachment"))
    caption = case_timeline.caption
    caption("order", _("Supervision order"))
    caption("reply_due_on", _("Reply due on"))
    caption("instructions", _("Instructions"))
    caption("cases_on_order", _("Cases on the order"))
    caption("note", _("Note"))
