"""How petition messages read (`notifications.messages`), in the reader's language: to
the petitioner when the petition is routed, accepted or not, replied; to the president
when an extension is asked; to a handler when a petition is assigned."""

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.notifications.messages import register
from tianping.petitions.choices import Route


def _mine(params) -> str:
    return reverse("petitions:my_detail", args=[params["code"]])


def _staff(params) -> str:
    return reverse("petitions:detail", args=[params["code"]])


def read_routed(params):
    route = params.get("route")
    label = Route(route).label if route in Route.values else route
    return (_("Petition %(code)s concerns a litigation matter: it belongs to %(route)s. "
              "See where to file it.") % {"code": params["code"], "route": label},
            _mine(params))


register("petition.routed", read_routed)
register("petition.accepted", lambda p: (
    _("Petition %(code)s accepted; the reply is due by %(day)s.") % p, _mine(p)))
register("petition.not_accepted", lambda p: (
    _("Petition %(code)s was not accepted; the reasons are on its page.") % p, _mine(p)))
register("petition.replied", lambda p: (
    _("Petition %(code)s has been replied to. Tell us whether you are satisfied.") % p,
    _mine(p)))
register("petition.assigned", lambda p: (
    _("Petition %(code)s is assigned to you; reply by %(day)s.") % p, _staff(p)))
register("petition.extension_asked", lambda p: (
    _("Petition %(code)s: 30 more days to reply are asked for your approval.") % p,
    _staff(p)))
