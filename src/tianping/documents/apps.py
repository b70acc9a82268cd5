from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "tianping.documents"
    label = "documents"
    verbose_name = _("Document templates")

    def ready(self):
        from tianping.documents import events

        events.register()
