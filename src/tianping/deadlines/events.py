"""Kinds of case timeline events written by the time-limit actions (registered on
`cases.events.case_timeline` when the app is ready)."""

from django.utils.translation import gettext_lazy as _

from tianping.cases.events import case_timeline
from tianping.law.limits import ExclusionKind
from tianping.law.rules import BY_CODE
from tianping.lib.event_kinds import choices, mapping, yes_no

WHY = {
    "filed": _("the case was filed"),
    "resumed": _("the case resumed"),
    "excluded": _("a period was excluded"),
    "extended": _("an extension was approved"),
    "procedure changed": _("the procedure changed"),
    "holiday schedule": _("the holiday schedule of a year it runs through was published"),
    "public notice": _("it runs from the end of the public notice (Civil Procedure Law art. 187)"),
}


def _rule_name(code):
    rule = BY_CODE.get(code)
    return rule.name if rule else code


def register() -> None:
    kind = case_timeline.kind
    kind(
        "time_limit_set",
        _("Time limit set"),
        _("Time limit for the trial runs to %(expires_on)s"),
    )
    kind("suspended", _("Suspended"), _("Case suspended on %(on)s"))
    kind("resumed", _("Resumed"), _("Case resumed on %(on)s"))
    kind(
        "period_excluded",
        _("Period excluded from the time limit"),
        _("Not counted in the time limit: %(period)s, %(starts_on)s to %(ends_on)s"),
    )
    kind(
        "extension_requested",
        _("Extension requested"),
        _("Extension of the time limit requested"),
    )
    kind("extension_decided", _("Extension decided"), _("Extension of the time limit decided"))
    value = case_timeline.value
    value("period", choices(ExclusionKind), _("Excluded period"))
    value("why", mapping(WHY), _("Because"))
    value("rule", _rule_name, _("Time-limit rule"))
    value("approved", yes_no, _("Approved"))
    caption = case_timeline.caption
    caption("expires_on", _("Expires on"))
    caption("on", _("Date"))
    caption("note", _("Note"))
    caption("starts_on", _("From"))
    caption("ends_on", _("Until"))
    caption("months", _("Months"))
    caption("days", _("Days"))
