from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_CASES = 500  # cases on one order: a leader's list of cases, not the whole court


class Reason(models.TextChoices):
    """Why a leader supervises (督办事由)."""

    OVERDUE = "overdue", _("Past the time limit (超审限)")
    LONG_PENDING = "long_pending", _("Long pending (长期未结)")
    PETITION = "petition", _("Petition (信访)")
    QUALITY = "quality", _("Quality of the trial (质量)")
    OTHER = "other", _("Other")


class OrderStatus(models.TextChoices):
    OPEN = "open", _("Waiting for replies")
    REPLIED = "replied", _("Every case replied")
    CLOSED = "closed", pgettext_lazy("supervision", "Closed")


class ItemStatus(models.TextChoices):
    OPEN = "open", _("Waiting for the judge's reply")
    REPLIED = "replied", _("Replied")
    CLOSED = "closed", pgettext_lazy("supervision", "Closed")
