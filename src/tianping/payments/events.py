"""Kinds of case timeline events written by the fee actions (registered on
`cases.events.case_timeline` when the app is ready)."""

from django.utils.translation import gettext_lazy as _

from tianping.cases.events import case_timeline
from tianping.law.fee_relief import ground_text
from tianping.lib.event_kinds import choices
from tianping.lib.money import money_text as money


def register() -> None:
    from tianping.payments.models import ReliefKind

    kind = case_timeline.kind
    kind(
        "fee_due",
        _("Acceptance fee due"),
        _("Case acceptance fee of %(amount)s yuan due by %(due_on)s"),
    )
    kind(
        "fee_paid",
        _("Acceptance fee paid"),
        _("Case acceptance fee of %(amount)s yuan paid on %(paid_on)s"),
    )
    kind(
        "fee_notice_received",
        _("Notice of payment received"),
        _("Notice of payment received on %(received_on)s: the fee is due by %(due_on)s"),
    )
    kind(
        "fee_relief_applied",
        _("Fee relief applied for"),
        _("Application for fee relief (%(relief_kind)s) received"),
    )
    kind(
        "fee_relief_granted",
        _("Fee relief granted"),
        _("Fee relief granted: %(relief_kind)s"),
    )
    kind(
        "fee_relief_refused",
        _("Fee relief refused"),
        _("Fee relief refused: %(reasons)s"),
    )
    value = case_timeline.value
    value("relief_kind", choices(ReliefKind), _("Aid applied for"))
    value("ground", ground_text, _("Ground"))
    caption = case_timeline.caption
    value("amount", money, _("Amount (yuan)"))
    caption("due_on", _("Due by"))
    caption("paid_on", _("Paid on"))
    caption("received_on", _("Notice received on"))
    caption("deferred_until", _("Deferred until"))
    caption("percent", _("Reduction (per cent)"))
    caption("applicant", _("Applicant"))
