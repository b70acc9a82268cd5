from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceConfig(AppConfig):
    name = "tianping.service"
    verbose_name = _("Service of documents")

    def ready(self):
        from tianping.service import events

        events.register()
