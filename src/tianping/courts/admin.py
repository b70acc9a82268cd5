"""Django admin, for reference data only (courts, divisions, teams, rooms, service points)."""

from django.contrib import admin

from tianping.audit.actions import field_values, model_changes, record
from tianping.courts import models
from tianping.courts.permissions import can_manage_reference_data


class ReferenceAdmin(admin.ModelAdmin):
    """Open to administrators only; every save and delete lands in the audit record."""

    def has_module_permission(self, request):
        return can_manage_reference_data(request.user)

    def has_view_permission(self, request, obj=None):
        return can_manage_reference_data(request.user)

    has_add_permission = has_view_permission
    has_change_permission = has_view_permission
    has_delete_permission = has_view_permission

    def save_model(self, request, obj, form, change):
        before = field_values(type(obj).objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)
        action = f"{obj._meta.model_name}.{'changed' if change else 'created'}"
        record(action, obj, actor=request.user, changes=model_changes(before, obj))

    def delete_model(self, request, obj):
        record(
            f"{obj._meta.model_name}.deleted", obj, actor=request.user, changes=field_values(obj)
        )
        super().delete_model(request, obj)


class ReferenceInline(admin.TabularInline):
    extra = 0

    def has_view_permission(self, request, obj=None):
        return can_manage_reference_data(request.user)

    has_add_permission = has_view_permission
    has_change_permission = has_view_permission
    has_delete_permission = has_view_permission


class DivisionInline(ReferenceInline):
    model = models.Division


class TeamMemberInline(ReferenceInline):
    model = models.TeamMember
    autocomplete_fields = ["user"]


class LiaisonInline(ReferenceInline):
    model = models.Liaison


@admin.register(models.Court)
class CourtAdmin(ReferenceAdmin):
    list_display = ["code", "name", "level", "special_kind", "parent", "is_active"]
    list_filter = ["level", "special_kind", "is_active"]
    search_fields = ["code", "name", "short_name"]
    autocomplete_fields = ["parent"]
    inlines = [DivisionInline]


@admin.register(models.Team)
class TeamAdmin(ReferenceAdmin):
    list_display = ["name", "court", "division", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "court__name"]
    inlines = [TeamMemberInline]


@admin.register(models.Courtroom)
class CourtroomAdmin(ReferenceAdmin):
    list_display = ["name", "court", "location", "is_online", "seats"]
    search_fields = ["name", "court__name"]


@admin.register(models.ServicePoint)
class ServicePointAdmin(ReferenceAdmin):
    list_display = ["name", "court", "township", "phone", "is_active"]
    search_fields = ["name", "township", "court__name"]
    inlines = [LiaisonInline]


@admin.register(models.Membership)
class MembershipAdmin(ReferenceAdmin):
    list_display = ["user", "court", "division", "role", "sees_lower_courts", "is_active"]
    list_filter = ["role", "is_active", "sees_lower_courts"]
    search_fields = ["user__username", "user__full_name", "court__name"]
    autocomplete_fields = ["user", "court"]


@admin.register(models.CalendarDay)
class CalendarDayAdmin(ReferenceAdmin):
    list_display = ["day", "is_rest_day", "name"]
    list_filter = ["is_rest_day"]
    date_hierarchy = "day"


@admin.register(models.CoveredYear)
class CoveredYearAdmin(ReferenceAdmin):
    list_display = ["year", "source"]


# Registered here: accounts sit below courts and cannot import these gates.
from tianping.courts import admin_accounts  # noqa: E402, F401
