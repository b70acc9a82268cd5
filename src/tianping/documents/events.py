"""The documents' kinds of events on the case timeline (registered from DocumentsConfig.ready),
written by `documents.actions.issue` through `cases.events.case_event`."""

from django.utils.translation import gettext_lazy as _

from tianping.documents.choices import Kind
from tianping.lib.event_kinds import choices


def register() -> None:
    from tianping.cases.events import case_timeline

    case_timeline.kind("document_issued", _("Document issued"),
                       _("%(title)s issued from template version %(template_version)s"))
    case_timeline.value("document_kind", _kind, _("Kind of document"))
    case_timeline.caption("template_version", _("Template version"))


_kinds = choices(Kind)


def _kind(value) -> str:
    return str(_kinds(value))
