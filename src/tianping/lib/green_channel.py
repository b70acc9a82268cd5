"""Green channels (绿色通道): flags on filings and cases, and their priority in every queue."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

GREEN = Q(is_livelihood=True) | Q(is_enterprise=True) | Q(is_migrant_wages=True)


class GreenChannel(models.Model):
    """Livelihood, enterprise and migrant workers' wages cases go first wherever they appear."""

    is_livelihood = models.BooleanField(_("livelihood case"), default=False)
    is_enterprise = models.BooleanField(_("enterprise case"), default=False)
    is_migrant_wages = models.BooleanField(_("migrant workers' wages"), default=False)

    class Meta:
        abstract = True

    @property
    def is_green(self) -> bool:
        return self.is_livelihood or self.is_enterprise or self.is_migrant_wages


def green_first(queryset, *then: str):
    """QUERYSET with green-channel rows first, then ordered by THEN."""
    first = models.Case(models.When(GREEN, then=0), default=1, output_field=models.IntegerField())
    return queryset.alias(green=first).order_by("green", *then)
