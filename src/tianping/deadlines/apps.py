from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _year_covered(sender, instance, created, **kwargs):
    """A year's holiday schedule is on file (the admin, the demo's loader, an import): the
    limits that took that year as weekends only are computed again once it commits."""
    from tianping.deadlines.actions import recompute_provisional

    transaction.on_commit(recompute_provisional)


class DeadlinesConfig(AppConfig):
    name = "tianping.deadlines"
    verbose_name = _("Periods and time limits")

    def ready(self):
        from tianping.courts.models import CoveredYear
        from tianping.deadlines import checks, events  # checks: registers the setting's check

        events.register()
        assert checks.exclusion_bounds_setting
        post_save.connect(_year_covered, sender=CoveredYear, dispatch_uid="deadlines.year_covered")
