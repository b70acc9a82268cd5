"""Appeals on the case's timeline (registered from AppealsConfig.ready), written by
`appeals.actions` only, through `cases.events.case_event` (audit entry and the parties'
messages included). Public events tell the parties: the other side learns of an appeal."""

from django.utils.translation import gettext_lazy as _

from tianping.appeals.choices import AppealChannel, LateGround, Outcome, RetrialOutcome
from tianping.lib.event_kinds import choices


def register() -> None:
    from tianping.cases.events import case_timeline

    kind = case_timeline.kind
    kind("appeal_filed", _("Appeal filed (上诉)"),
         _("%(appellant)s appealed; last day to appeal %(last_day)s"))
    kind("appeal_fee_paid", _("Appeal fee paid"), _("Appeal fee of %(fee)s yuan paid"))
    kind("appeal_transferred", _("File transferred to the appeal court (移送)"),
         _("The file was sent to %(appeal_court)s"))
    kind("appeal_docketed", _("Second-instance case filed"),
         _("Second-instance case %(linked_number)s filed"))
    kind("appeal_decided", _("Appeal decided"),
         _("Appeal decided in %(linked_number)s: %(appeal_outcome)s"))
    kind("remand_filed", _("Filed again after remand (发回重审)"),
         _("Retried as case %(linked_number)s after remand"))
    kind("closed_by_mediation_document", _("Closed on service of the mediation document"),
         _("The mediation document reached the last party on %(closed_on)s"))
    kind("retrial_applied", _("Retrial applied for (申请再审)"),
         _("%(applicant)s applied for a retrial to %(appeal_court)s"))
    kind("retrial_docketed", _("Retrial application filed for review"),
         _("Review case %(linked_number)s filed"))
    kind("retrial_decided", _("Retrial application decided"),
         _("Retrial application: %(retrial_outcome)s"))
    value = case_timeline.value
    value("appeal_channel", choices(AppealChannel), _("How the appeal was filed"))
    value("late_ground", choices(LateGround), _("Ground for the late appeal"))
    value("appeal_outcome", choices(Outcome), _("Outcome of the appeal"))
    value("retrial_outcome", choices(RetrialOutcome), _("Outcome of the application"))
    caption = case_timeline.caption
    caption("appellant", _("Appellant"))
    caption("last_day", _("Last day to appeal"))
    caption("fee", _("Appeal fee (yuan)"))
    caption("fee_due_on", _("Appeal fee due on"))
    caption("appeal_court", _("Appeal court"))
    caption("linked_number", _("Linked case"))
    caption("transferred_at", _("Transferred at"))
