from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "tianping.appeals"
    verbose_name = _("Effectiveness and appeals")

    def ready(self):
        from tianping.appeals import events
        from tianping.appeals.queries import second_instance_rule
        from tianping.deadlines.actions import register_rule_source

        events.register()
        register_rule_source(second_instance_rule)
