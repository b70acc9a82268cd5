"""SMS and e-mail backends for service (settings SERVICE_SMS_BACKEND, SERVICE_EMAIL_BACKEND:
dotted paths of classes with `send`).

`send` is called inside the action's transaction, once the attempt's row is in: a retry of
the same request waits on the case's lock, finds the attempt and never calls `send` again.
A backend answers with a `Delivery`: delivered (effective at once: the message reached the
recipient's system, 民事诉讼法 art. 90 ¶2) or not yet (a gateway that reports later calls
`service.actions.record_delivery`). A backend that talks to a gateway should hand the
message over on commit (`transaction.on_commit`), so that a rolled-back attempt sends
nothing.

The default, `LoggingBackend`, logs the message and keeps it (`OutboundMessage`), and
reports it delivered at once: there is no network at runtime.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from tianping.service.choices import Channel
from tianping.service.models import OutboundMessage

logger = logging.getLogger("tianping.service")


@dataclass(frozen=True)
class Delivery:
    delivered: bool
    ref: str = ""
    at: datetime.datetime | None = None


class LoggingBackend:
    def send(self, *, attempt, to: str, subject: str, text: str) -> Delivery:
        message = OutboundMessage.objects.create(attempt=attempt, channel=attempt.channel,
                                                 to=to, subject=subject, text=text)
        logger.info("service %s to %s: %s", attempt.channel, to, subject)
        return Delivery(True, ref=f"log-{message.pk}", at=timezone.now())


def backend_for(channel: str):
    path = (settings.SERVICE_SMS_BACKEND if channel == Channel.SMS
            else settings.SERVICE_EMAIL_BACKEND)
    return import_string(path)()
