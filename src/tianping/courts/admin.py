"""Django admin, for the platform's superusers (admin_site.py): reference data of the whole
network (courts, divisions, teams, rooms, service points, the national holiday table).

Every change made here lands in the append-only audit record, in the admin's transaction:
the object saved (its fields before and after, never a password), each inline row, each
object of a bulk "delete selected", and a password set through the password form.
"""

from django.contrib import admin
from django.db import transaction

from tianping.audit.actions import field_values, model_changes, record
from tianping.courts import models
from tianping.courts.permissions import can_manage_reference_data

_BEFORE = "_tianping_admin_before"  # request attribute: field values read before a save


def _record(request, action, obj, changes):
    record(
        action,
        obj,
        actor=request.user,
        changes=changes,
        ip_address=request.META.get("REMOTE_ADDR"),
    )


def _changed_fields(message) -> list[str]:
    """The field names Django's change message lists for the object itself."""
    names = []
    for part in message if isinstance(message, list) else []:
        changed = part.get("changed", {})
        if "fields" in changed and "object" not in changed:
            names += changed["fields"]
    return names


def _before_values(obj) -> dict:
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return field_values(stored) if stored is not None else {}


class ReferenceAdmin(admin.ModelAdmin):
    """The project's admin base class: superusers only, every change audited."""

    def has_module_permission(self, request):
        return can_manage_reference_data(request.user)

    def has_view_permission(self, request, obj=None):
        return can_manage_reference_data(request.user)

    has_add_permission = has_view_permission
    has_change_permission = has_view_permission
    has_delete_permission = has_view_permission

    def save_model(self, request, obj, form, change):
        if change:
            before = getattr(request, _BEFORE, {})
            before[(obj._meta.label_lower, obj.pk)] = _before_values(obj)
            setattr(request, _BEFORE, before)
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        _record(request, f"{obj._meta.model_name}.created", obj, field_values(obj))
        return entry

    def log_change(self, request, obj, message):
        """Called by Django for every change it logs: the change form (after save_model
        and the inlines) and views that save by themselves (the password form)."""
        entry = super().log_change(request, obj, message)
        before = getattr(request, _BEFORE, {}).pop((obj._meta.label_lower, obj.pk), None)
        changes = model_changes(before, obj) if before is not None else {}
        for name in _changed_fields(message):  # many-to-many fields, the password form
            changes.setdefault(name, {"changed": True})
        action = getattr(request, "tianping_admin_action", None) or "changed"
        _record(request, f"{obj._meta.model_name}.{action}", obj, changes)
        return entry

    def save_formset(self, request, form, formset, change):
        """Inline rows: each one created, changed or deleted is recorded."""
        before = {
            f.instance.pk: _before_values(f.instance)
            for f in formset.initial_forms
            if f.instance.pk is not None
        }
        for gone in formset.deleted_forms:  # recorded before the rows go
            if gone.instance.pk is not None:
                obj = gone.instance
                _record(request, f"{obj._meta.model_name}.deleted", obj, before.get(obj.pk, {}))
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            _record(request, f"{obj._meta.model_name}.created", obj, field_values(obj))
        for obj, _fields in formset.changed_objects:
            changes = model_changes(before.get(obj.pk, {}), obj)
            _record(request, f"{obj._meta.model_name}.changed", obj, changes)

    def delete_model(self, request, obj):
        with transaction.atomic():
            _record(request, f"{obj._meta.model_name}.deleted", obj, field_values(obj))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        """The "delete selected" action: one audit entry per object deleted."""
        with transaction.atomic():
            for obj in queryset:
                _record(request, f"{obj._meta.model_name}.deleted", obj, field_values(obj))
            super().delete_queryset(request, queryset)


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
    """The national table (no court) and, beside it, each court's own days."""

    list_display = ["day", "is_rest_day", "name", "court"]
    list_filter = ["is_rest_day", ("court", admin.EmptyFieldListFilter)]
    autocomplete_fields = ["court"]
    date_hierarchy = "day"


@admin.register(models.CoveredYear)
class CoveredYearAdmin(ReferenceAdmin):
    list_display = ["year", "source"]


# Registered here: accounts sit below courts and cannot import these gates.
from tianping.courts import admin_accounts  # noqa: E402, F401
