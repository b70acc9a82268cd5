from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "tianping.audit"
    verbose_name = _("Audit")

    def ready(self):
        from tianping.audit import maintenance  # noqa: F401  registers the SQLite function
        from tianping.audit.roles import revoke_changes

        post_migrate.connect(revoke_changes, sender=self, dispatch_uid="audit.revoke_changes")
