from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "tianping.mediation"
    verbose_name = _("Mediation")

    def ready(self):
        from tianping.mediation import events

        events.register()
