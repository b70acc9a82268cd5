"""How the courts app's messages read (`notifications.messages`): a lawyer's registration
verified or refused (`courts.lawyers`)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.courts.models import Court
from tianping.lib.names import local_name
from tianping.notifications.messages import register


def read_lawyer_decision(params: dict) -> tuple[str, str]:
    if params["status"] == "verified":
        text = _("%(court)s verified your bar licence: you can now act for clients.")
    else:
        text = _("%(court)s refused your registration as a lawyer: %(reason)s")
    court = Court.objects.filter(code=params["court"]).first()
    values = {"court": local_name(court) or params["court"], "reason": params.get("reason", "")}
    return text % values, reverse("accounts:profile")


register("lawyer.decided", read_lawyer_decision)
