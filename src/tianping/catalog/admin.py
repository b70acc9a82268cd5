"""Django admin for the catalogs: read-only. Tables come in through the import action
(the catalog import page, the API or `tianping catalog import`), never by editing rows."""

from django.contrib import admin

from tianping.catalog.models import CatalogEntry, CatalogVersion
from tianping.courts.admin import ReferenceAdmin


class ReadOnlyReferenceAdmin(ReferenceAdmin):
    """Administrators may look; nobody adds, changes or deletes here."""

    actions = None

    def has_add_permission(self, request, obj=None):
        return False

    has_change_permission = has_add_permission
    has_delete_permission = has_add_permission


@admin.register(CatalogVersion)
class CatalogVersionAdmin(ReadOnlyReferenceAdmin):
    list_display = ["kind", "label", "source", "valid_from", "valid_to", "entry_count",
                    "is_builtin", "imported_at", "imported_by"]
    list_filter = ["kind", "is_builtin"]
    search_fields = ["label", "source"]


@admin.register(CatalogEntry)
class CatalogEntryAdmin(ReadOnlyReferenceAdmin):
    list_display = ["code", "name", "version", "level", "category", "valid_from", "valid_to"]
    list_filter = ["version__kind", "version"]
    search_fields = ["code", "name", "initials", "pinyin"]
    list_select_related = ["version"]
    show_full_result_count = False
