from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PayordersConfig(AppConfig):
    name = "tianping.payorders"
    verbose_name = _("Payment orders and the special procedure")

    def ready(self):
        from tianping.payorders import events

        events.register()
