from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a document is served (送达方式)."""

    PLATFORM = "platform", _("Platform inbox (电子送达平台)")
    SMS = "sms", _("SMS (短信)")
    EMAIL = "email", _("E-mail (电子邮件)")
    POSTAL = "postal", _("Court post (法院专递)")
    DIRECT = "direct", _("Direct service (直接送达)")
    RETAINED = "retained", _("Left at the address (留置送达)")
    PUBLIC_NOTICE = "public_notice", _("Public notice (公告送达)")


# Electronic channels need the party's consent for that channel (民事诉讼法 art. 90).
ELECTRONIC = (Channel.PLATFORM, Channel.SMS, Channel.EMAIL)


class Recorded(models.TextChoices):
    """How an address confirmation was recorded."""

    FORM = "form", _("Signed form handed in (uploaded)")
    ONLINE = "online", _("Confirmed online by the party's account")


class AttemptStatus(models.TextChoices):
    SENT = "sent", _("Sent, not yet effective")
    EFFECTIVE = "effective", _("Effective")
    FAILED = "failed", _("Failed")
