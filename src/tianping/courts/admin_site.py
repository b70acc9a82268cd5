"""The Django admin site: for the platform's superusers only.

It holds the reference data of the whole network (catalogs, the national holiday table,
courts, triage rules, every account). `is_staff` and the court administrator's role give
no way in: a court's administrator manages their own court on the court administration
pages (`courts/views_admin.py`). A signed-in person who is not a superuser gets 403 from
the admin's sign-in page, not its form.
"""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied


def is_platform_superuser(user) -> bool:
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


class PlatformAdminSite(AdminSite):
    def has_permission(self, request):
        return is_platform_superuser(request.user)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied
        return super().login(request, extra_context)


class PlatformAdminConfig(AdminConfig):
    """Replaces `django.contrib.admin` in INSTALLED_APPS so that `admin.site` is the
    platform's site."""

    default_site = "tianping.courts.admin_site.PlatformAdminSite"
