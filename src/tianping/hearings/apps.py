from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    name = "tianping.hearings"
    verbose_name = _("Hearings")

    def ready(self):
        from tianping.hearings import events

        events.register()
