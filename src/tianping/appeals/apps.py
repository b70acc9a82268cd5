from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "tianping.appeals"
    verbose_name = _("Effectiveness and appeals")

    def ready(self):
        from tianping.appeals import events
        from tianping.appeals.permissions import earlier_cases_sight
        from tianping.appeals.queries import second_instance_rule
        from tianping.cases.permissions import register_case_sight
        from tianping.deadlines.actions import register_rule_source

        events.register()
        register_rule_source(second_instance_rule)
        register_case_sight(earlier_cases_sight)
