from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "tianping.enforcement"
    verbose_name = _("Enforcement cases (执行)")

    def ready(self) -> None:
        from tianping.enforcement import events

        events.register()
