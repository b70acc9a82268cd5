from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "tianping.funds"
    verbose_name = _("Case funds (执行案款)")

    def ready(self):
        from tianping.funds import events

        events.register()
