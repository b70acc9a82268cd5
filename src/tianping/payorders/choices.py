from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderStatus(models.TextChoices):
    """Where a payment order (支付令) stands (民事诉讼法 arts. 226-228)."""

    ACCEPTED = "accepted", _("Accepted: the order is to be issued")
    ISSUED = "issued", _("Order issued: the debtor may object")
    DISMISSED = "dismissed", _("Application dismissed by ruling")
    OBJECTED = "objected", _("The debtor objected")
    TERMINATED = "terminated", _("Procedure terminated by ruling")
    LITIGATION = "litigation", _("Turned into a suit")
    NO_SUIT = "no_suit", _("Terminated: the creditor wants no suit")
    EFFECTIVE = "effective", _("Order in effect: enforceable")


class ObjectionChannel(models.TextChoices):
    ONLINE = "online", _("Online, by the debtor")
    WINDOW = "window", _("At the window, entered by the court")
