"""Payment orders and special-procedure notices on the case's timeline (registered from
PayordersConfig.ready), written by `payorders.actions`, `payorders.special` and
`flows.payment_orders` only, inside their transaction, through `cases.events.case_event`.
All are public: the parties are told (审判流程公开)."""

from django.utils.translation import gettext_lazy as _

from tianping.lib.event_kinds import choices
from tianping.payorders.choices import ObjectionChannel


def register() -> None:
    from tianping.cases.events import case_timeline

    kind = case_timeline.kind
    kind("payment_order_issued", _("Payment order issued (支付令)"),
         _("Payment order issued for %(amount)s yuan; the debtor may pay or object within "
           "15 days of receiving it"))
    kind("payment_order_dismissed", _("Application for a payment order dismissed"),
         _("The application for a payment order was dismissed by ruling"))
    kind("payment_order_objected", _("Objection to the payment order"),
         _("The debtor %(party)s objected to the payment order (received %(received_on)s)"))
    kind("payment_order_terminated", _("Payment order procedure terminated"),
         _("The court ruled to terminate the payment order procedure (终结督促程序)"))
    kind("payment_order_to_suit", _("Turned into a suit"),
         _("The dispute goes to litigation: filing %(filing)s"))
    kind("payment_order_no_suit", _("The creditor wants no suit"),
         _("The creditor does not agree to turn the dispute into a suit"))
    kind("payment_order_effective", _("Payment order in effect"),
         _("No objection in time: the payment order is in effect from %(effective_on)s and "
           "can be enforced"))
    kind("special_notice_published", _("Public notice (公告)"),
         _("Public notice published on %(published_on)s; it ends on %(ends_on)s"))
    case_timeline.value("objection_channel", choices(ObjectionChannel), _("Received"))
    caption = case_timeline.caption
    caption("received_on", _("Objection received on"))
    caption("filing", _("Filing"))
    caption("effective_on", _("In effect from"))
    caption("published_on", _("Published on"))
    caption("ends_on", _("Ends on"))
    caption("where", _("Where published"))
