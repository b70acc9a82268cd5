from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "tianping.audit"
    verbose_name = _("Audit")

    def ready(self):
        from tianping.audit import maintenance  # noqa: F401  registers the SQLite function
