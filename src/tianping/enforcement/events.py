"""Enforcement on the case's timeline (registered from the AppConfig's ready), written by
`enforcement.actions` only, inside their transaction, through `cases.events.case_event`.
Milestones and closings are public (the parties follow the progress, 执行公开); the
assignment, the pooling and clues' contents are internal."""

from django.utils.translation import gettext_lazy as _

from tianping.enforcement.choices import ClosingMode, MilestoneKind, TitleKind
from tianping.lib.event_kinds import choices


def register() -> None:
    from tianping.cases.events import case_timeline

    kind = case_timeline.kind
    kind("enforcement_title", _("Enforcement title recorded"),
         _("Enforcement title recorded: %(title_kind)s"))
    kind("enforcement_pooled", _("Major enforcement case pooled for the bureau head"))
    kind("enforcement_milestone", _("Enforcement milestone"),
         _("Enforcement: %(milestone)s on %(done_on)s"))
    kind("enforcement_closed", _("Enforcement case closed"),
         _("Enforcement case closed: %(closing_mode)s on %(closed_on)s"))
    kind("enforcement_clue", _("Property clue reported"),
         _("A property clue was reported on %(reported_on)s"))
    kind("enforcement_clue_answered", _("Property clue answered"),
         _("The officer answered the property clue of %(reported_on)s"))
    kind("enforcement_restored", _("Enforcement restored"),
         _("Enforcement restored in case %(number)s"))
    case_timeline.value("title_kind", choices(TitleKind), _("Kind of title"))
    case_timeline.value("milestone", choices(MilestoneKind), _("Milestone"))
    case_timeline.value("closing_mode", choices(ClosingMode), _("Closing mode"))
    caption = case_timeline.caption
    caption("done_on", _("Date"))
    caption("reported_on", _("Reported on"))
