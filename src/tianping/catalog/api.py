"""The catalogs over REST: versions, entries by search or code, and imports for administrators.

    GET  /api/v1/catalogs                                  every version
    GET  /api/v1/catalogs/{kind}/entries?q=&on=&version=&limit=
    GET  /api/v1/catalogs/{kind}/entries/{code}?on=&version=
    POST /api/v1/catalogs/{kind}/import                    multipart: file, label, ...

Reading needs a signed-in session or a token like the rest of the API; the same data is
on the public pages. The import calls the same action as the import page.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from tianping.catalog.actions import import_catalog
from tianping.catalog.choices import CatalogKind
from tianping.catalog.importers import CatalogImportError
from tianping.catalog.queries import catalog_versions, get_entry, resolve_version, search_entries
from tianping.courts.permissions import can_manage_reference_data
from tianping.lib.api_errors import ErrorOut

router = Router(tags=["catalogs"])


class VersionOut(Schema):
    kind: str
    label: str
    source: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    is_builtin: bool
    entry_count: int
    imported_at: datetime.datetime


class EntryOut(Schema):
    code: str
    name: str
    level: int
    parent_code: str
    path: str
    category: str
    initials: str
    pinyin: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    extra: dict


class EntryDetailOut(EntryOut):
    version: VersionOut


class SearchOut(Schema):
    version: VersionOut | None
    entries: list[EntryOut]


class ImportIn(Schema):
    label: str
    source: str = ""
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    replace: bool = False
    encoding: str = "utf-8"


def _kind(kind: str) -> str:
    if kind not in CatalogKind.values:
        raise Http404
    return kind


@router.get("", response=list[VersionOut], summary="Every version of every catalog")
def list_versions(request):
    return list(catalog_versions())


@router.get("/{kind}/entries", response=SearchOut, summary="Search the entries of a catalog")
def list_entries(request, kind: str, q: str = "", on: datetime.date | None = None,
                 version: str | None = None, limit: int = 20):
    """The version asked for, else the one in force on ON (default today); Q matches codes by
    prefix, names by substring, and pinyin (initials like mmht, or full pinyin)."""
    chosen = resolve_version(_kind(kind), on=on, version=version)
    entries = search_entries(kind, q, on=on, version=chosen, limit=limit) if chosen else []
    return {"version": chosen, "entries": entries}


@router.get("/{kind}/entries/{code}", response=EntryDetailOut, summary="One entry by its code")
def entry_detail(request, kind: str, code: str, on: datetime.date | None = None,
                 version: str | None = None):
    """The entry valid on ON (a court code that changed hands gives its holder then)."""
    entry = get_entry(_kind(kind), code, on=on, version=version)
    if entry is None:
        raise Http404
    return entry


@router.post("/{kind}/import", response={201: VersionOut, 422: ErrorOut},
             summary="Import an official table as a new version (administrators)")
def import_table(request, kind: str, file: File[UploadedFile], payload: Form[ImportIn]):
    if not can_manage_reference_data(request.user):
        raise PermissionDenied
    try:
        version = import_catalog(_kind(kind), file, actor=request.user, **payload.dict())
    except CatalogImportError as exc:
        return Status(422, {"detail": exc.errors})
    return Status(201, version)
