from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "tianping.payments"
    verbose_name = _("Litigation fee payments")

    def ready(self):
        from tianping.payments import events

        events.register()
