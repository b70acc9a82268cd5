from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tianping.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib import admin

        from tianping.accounts import backends  # noqa: F401  records sign-ins
        from tianping.accounts.forms import AdminLoginForm

        # The admin's sign-in says how long a locked username waits, like the pages'; the
        # lock itself holds on every entry point (accounts.backends).
        admin.site.login_form = AdminLoginForm
