"""Role-aware navigation for every page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tianping.courts import permissions


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [(reverse("portal:courts"), _("Courts and service points"))]}
    if user.is_public_user:
        items = [
            (reverse("portal:home"), _("My home")),
            (reverse("portal:courts"), _("Courts and service points")),
        ]
        return {"nav_items": items}
    acting = permissions.effective_user(request)
    items = [
        (reverse("workspace:home"), _("Workspace")),
        (reverse("courts:list"), _("Courts")),
        (reverse("workspace:backups"), _("A/B backup")),
    ]
    if permissions.can_manage_reference_data(acting):
        items.append((reverse("admin:index"), _("Reference data")))
    return {"nav_items": items}
