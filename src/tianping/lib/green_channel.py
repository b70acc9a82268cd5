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
    # 0 for a green-channel row, 1 otherwise: kept by the database itself, so every queue can
    # put green rows first through an index (a CASE in ORDER BY cannot use one).
    priority = models.GeneratedField(
        expression=models.Case(
            models.When(GREEN, then=models.Value(0)), default=models.Value(1)
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )

    class Meta:
        abstract = True

    @property
    def is_green(self) -> bool:
        return self.is_livelihood or self.is_enterprise or self.is_migrant_wages


def green_first(queryset, *then: str):
    """QUERYSET with green-channel rows first, then ordered by THEN."""
    return queryset.order_by("priority", *then)
