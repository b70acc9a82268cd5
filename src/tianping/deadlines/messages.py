"""How the deadline sweep's warnings read (`notifications.messages`), in the reader's
language: the case number, the expiry date and the days left or overdue on the day the
warning was raised."""

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.notifications.messages import register


def read_warning(params: dict) -> tuple[str, str]:
    left = params["left"]
    if left >= 0:
        text = _("%(number)s: the time limit expires on %(day)s (%(left)d days left).")
    else:
        text = _("%(number)s: the time limit expired on %(day)s (%(left)d days overdue).")
    values = {"number": params["number"], "day": params["day"], "left": abs(left)}
    return text % values, reverse("cases:detail", args=[params["code"]])


register("time_limit.warning", read_warning)
