"""Use cases of the catalogs: importing an official table as a new catalog version.

The page, the API and `tianping catalog import` all call import_catalog().
"""

import hashlib
from datetime import date, timedelta

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.audit.actions import record
from tianping.catalog.choices import CatalogKind
from tianping.catalog.importers import CatalogImportError, EntryData, parse_catalog, search_keys
from tianping.catalog.importers.reading import MAX_BYTES
from tianping.catalog.models import CatalogEntry, CatalogVersion


def import_catalog(
    kind: str,
    file,
    *,
    actor,
    label: str,
    source: str = "",
    valid_from: date | None = None,
    valid_to: date | None = None,
    replace: bool = False,
    encoding: str | None = None,
) -> CatalogVersion:
    """Import FILE (bytes or a binary file) as version LABEL of catalog KIND.

    The whole table is checked first and every problem reported at once (CatalogImportError,
    with line numbers); nothing is written unless all is well. An existing label is refused
    unless REPLACE, in which case the old version and its entries go, in the same transaction.
    """
    # One byte past the limit is enough for decode() to refuse an oversized file.
    data = file if isinstance(file, bytes) else file.read(MAX_BYTES + 1)
    label, source = label.strip(), source.strip()
    errors = _version_errors(kind, label, source, valid_from, valid_to, replace)
    try:
        entries = parse_catalog(kind, data, encoding=encoding) if kind in CatalogKind.values else []
    except CatalogImportError as exc:
        errors += exc.errors
    if errors:
        raise CatalogImportError(errors)
    with transaction.atomic():
        version = CatalogVersion.objects.select_for_update().filter(kind=kind, label=label).first()
        replaced = version is not None
        version = version or CatalogVersion(kind=kind, label=label)
        version.source, version.valid_from, version.valid_to = source, valid_from, valid_to
        version.is_builtin, version.checksum = False, ""
        version.imported_by = actor if getattr(actor, "pk", None) else None
        version.save()
        count = replace_entries(version, entries)
        changes = {"kind": kind, "label": label, "source": source, "entries": count,
                   "valid_from": str(valid_from or ""), "valid_to": str(valid_to or ""),
                   "replaced": replaced, "sha256": hashlib.sha256(data).hexdigest()}
        record("catalog.imported", version, actor=actor, changes=changes)
    return version


def _version_errors(kind, label, source, valid_from, valid_to, replace) -> list[str]:
    errors = []
    if kind not in CatalogKind.values:
        errors.append(_("Unknown catalog “%(kind)s”.") % {"kind": kind})
    if not label or len(label) > 40:
        errors.append(_("Give the version a label of at most 40 characters, e.g. 2025."))
    if len(source) > 300:
        errors.append(_("The source document may have at most 300 characters."))
    if valid_from and valid_to and valid_to < valid_from:
        errors.append(_("“Valid to” is before “valid from”."))
    if label and not replace and CatalogVersion.objects.filter(kind=kind, label=label).exists():
        errors.append(_("Version %(label)s of this catalog exists already. Choose another label, "
                        "or replace it (command line: --replace).") % {"label": label})
    return errors


ENTRY_FIELDS = ["name", "parent_code", "level", "category", "initials", "pinyin", "path",
                "valid_to", "extra", "position"]


def replace_entries(version: CatalogVersion, entries: list[EntryData]) -> int:
    """Make ENTRIES the content of VERSION, in bulk; returns their number.

    Filings and cases point at entries, so an entry already there (same code and start
    date) is updated in place. One that is gone from the table is deleted, or, if a case
    uses it, kept as history: valid until yesterday.
    """
    old = {(e.code, e.valid_from): e for e in version.entries.all()}
    new, changed = [], []
    for row in _entry_rows(version, entries):
        existing = old.pop((row.code, row.valid_from), None)
        if existing is not None:
            row.pk = existing.pk
        (changed if existing is not None else new).append(row)
    CatalogEntry.objects.bulk_update(changed, ENTRY_FIELDS, batch_size=500)
    CatalogEntry.objects.bulk_create(new, batch_size=1000)
    _retire(list(old.values()), len(entries))
    version.entry_count = len(entries)
    version.save(update_fields=["entry_count"])
    return len(entries)


def _entry_rows(version: CatalogVersion, entries: list[EntryData]) -> list[CatalogEntry]:
    rows = []
    for position, entry in enumerate(entries):
        initials, pinyin = search_keys(entry.name)
        rows.append(CatalogEntry(
            version=version, code=entry.code, name=entry.name, parent_code=entry.parent_code,
            level=entry.level, category=entry.category, initials=initials, pinyin=pinyin,
            path=entry.path, valid_from=entry.valid_from, valid_to=entry.valid_to,
            extra=entry.extra, position=position,
        ))
    return rows


def _retire(gone: list[CatalogEntry], first_position: int) -> None:
    yesterday = timezone.localdate() - timedelta(days=1)
    for position, entry in enumerate(gone, start=first_position):
        try:
            with transaction.atomic():
                entry.delete()
        except ProtectedError:
            entry.valid_to = min(entry.valid_to or yesterday, yesterday)
            entry.extra = {**entry.extra, "withdrawn": True}
            entry.position = position
            entry.save(update_fields=["valid_to", "extra", "position"])
