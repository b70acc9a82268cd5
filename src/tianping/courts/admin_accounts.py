"""The user admin (accounts sit below courts, so courts registers it with its gates)."""

from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

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
