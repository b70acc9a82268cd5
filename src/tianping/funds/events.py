"""Case funds on the case's timeline (registered from FundsConfig.ready), written by
`funds.actions` only, inside their transaction, through `cases.events.case_event` (which
writes the audit entry too). Internal to the court: a party reads what concerns them in
the funds panel of their case page."""

from django.utils.translation import gettext_lazy as _

from tianping.funds.choices import DeferralReason, EntryKind
from tianping.lib.event_kinds import choices, yes_no


def register() -> None:
    from tianping.cases.events import case_timeline

    kind = case_timeline.kind
    kind("funds_moved", _("Case funds movement (案款)"),
         _("%(entry_kind)s: %(amount)s yuan"))
    kind("funds_payout_requested", _("Payout requested (案款发放申请)"),
         _("Payout of %(amount)s yuan to %(payee)s requested"))
    kind("funds_payout_decided", _("Payout decided (案款发放审批)"),
         _("Payout of %(amount)s yuan to %(payee)s: approved %(approved)s"))
    kind("funds_deferral_requested", _("Deferral of payout requested (暂缓发放)"),
         _("Deferral requested: %(deferral_reason)s"))
    kind("funds_deferral_decided", _("Deferral of payout decided"),
         _("Deferral %(deferral_reason)s: approved %(approved)s"))
    kind("funds_deferral_ended", _("Reason for deferral ended"),
         _("Deferral %(deferral_reason)s ended on %(ended_on)s"))
    case_timeline.value("entry_kind", choices(EntryKind), _("Movement"))
    case_timeline.value("deferral_reason", choices(DeferralReason), _("Reason for deferral"))
    case_timeline.value("approved", yes_no, _("Approved"))
    caption = case_timeline.caption
    caption("amount", _("Amount (yuan)"))
    caption("payee", _("Payee"))
    caption("reference", _("Bank reference"))
    caption("ended_on", _("Ended on"))
