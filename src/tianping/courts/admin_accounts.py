"""The user admin (accounts sit below courts, so courts registers it with its gates).

Superusers only, like the whole admin site; a court's administrator manages the accounts
of their own court on the court administration pages.
"""

from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction

from tianping.accounts.models import LawyerProfile, User
from tianping.courts.admin import ReferenceAdmin, ReferenceInline, admin


class LawyerProfileInline(ReferenceInline):
    model = LawyerProfile


@admin.register(User)
class UserAdmin(ReferenceAdmin, BaseUserAdmin):
    list_display = ["username", "full_name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["username", "full_name", "phone"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Tianping", {"fields": ["kind", "full_name", "phone", "id_number"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("Tianping", {"fields": ["kind", "full_name", "phone"]}),
    ]
    inlines = [LawyerProfileInline]

    def user_change_password(self, request, id, form_url=""):
        """The admin's password form: the password set and its audit entry (which names
        the change, never the password) in one transaction."""
        request.tianping_admin_action = "password_changed"
        with transaction.atomic():
            return super().user_change_password(request, id, form_url)
