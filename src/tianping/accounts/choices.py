from django.db import models
from django.utils.translation import gettext_lazy as _


class UserKind(models.TextChoices):
    """Staff work inside the court; litigants and lawyers use the public portal."""

    STAFF = "staff", _("Court staff")
    LITIGANT = "litigant", _("Litigant")
    LAWYER = "lawyer", _("Lawyer")
