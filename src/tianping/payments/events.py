"""Kinds of case timeline events written by the fee actions (registered on
`cases.events.case_timeline` when the app is ready)."""

from django.utils.translation import gettext_lazy as _

from tianping.cases.events import case_timeline


def register() -> None:
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
