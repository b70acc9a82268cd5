from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "tianping.supervision"
    verbose_name = _("Supervision orders")

    def ready(self):
        from tianping.supervision import events

        events.register()
