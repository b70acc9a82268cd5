from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "tianping.notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # The apps register how their messages read (notifications.messages) in these.
        autodiscover_modules("events", "messages")
