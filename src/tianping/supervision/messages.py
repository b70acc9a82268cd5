"""How supervision's messages read (`notifications.messages`), in the reader's language:
an order to the judges of its cases, a reply to the issuer, a case closed to its judge,
and the warning of a reply overdue (`supervision.sweep`) to both."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tianping.notifications.messages import register
from tianping.supervision.choices import Reason


def _link(params) -> str:
    return reverse("supervision:detail", args=[params["code"]])


def read_issued(params: dict) -> tuple[str, str]:
    n = int(params.get("n", 1))
    reason = params.get("reason")
    text = ngettext(
        "Supervision order %(code)s (%(reason)s): reply on %(n)d case of yours by %(day)s.",
        "Supervision order %(code)s (%(reason)s): reply on %(n)d cases of yours by %(day)s.",
        n,
    ) % {"code": params["code"], "n": n, "day": params["day"],
         "reason": Reason(reason).label if reason in Reason.values else reason}
    return text, _link(params)


def read_replied(params: dict) -> tuple[str, str]:
    return (_("Supervision order %(code)s: the judge replied on case %(number)s.") % params,
            _link(params))


def read_closed(params: dict) -> tuple[str, str]:
    return (_("Supervision order %(code)s: closed for case %(number)s.") % params,
            _link(params))


def read_overdue(params: dict) -> tuple[str, str]:
    return (_("Supervision order %(code)s: the reply on case %(number)s was due on %(day)s "
              "and has not been given.") % params, _link(params))


register("supervision.issued", read_issued)
register("supervision.replied", read_replied)
register("supervision.closed", read_closed)
register("supervision.overdue", read_overdue)
