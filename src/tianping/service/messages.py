"""The message a party's account gets when a document is served through the platform inbox
(the message is the service: it takes effect when stored, 民事诉讼法 art. 90 ¶2). Stored as
a kind and plain values, worded when read in the reader's language."""

from django.urls import reverse
from django.utils.translation import gettext as _

from tianping.notifications.messages import register


def read_served(params: dict) -> tuple[str, str]:
    text = _("Case %(number)s: %(title)s is served on you. Open it to read it.") % {
        "number": params["number"], "title": params["title"]}
    return text, reverse("service:open", args=[params["code"]])


register("service.served", read_served)
