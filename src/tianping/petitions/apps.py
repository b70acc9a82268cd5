from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "tianping.petitions"
    verbose_name = _("Petitions (涉诉信访)")

    def ready(self):
        from tianping.petitions import events

        events.register()
