from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "tianping.deadlines"
    verbose_name = _("Periods and time limits")

    def ready(self):
        from tianping.deadlines import checks, events  # checks: registers the setting's check

        events.register()
        assert checks.exclusion_bounds_setting
