"""How the courts app's messages read (`notifications.messages`): a lawyer's registration
verified or refused (`courts.lawyers`)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.notifications.messages import register


def read_lawyer_decision(params: dict) -> tuple[str, str]:
    if params["status"] == "verified":
        text = _("%(court)s verified your bar licence: you can now act for clients.")
    else:
        text = _("%(court)s refused your registration as a lawyer: %(reason)s")
    return text % params, reverse("accounts:profile")


register("lawyer.decided", read_lawyer_decision)
