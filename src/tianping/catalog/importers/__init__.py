"""Importing official catalog tables in the layouts the SPC's tables come in.

    entries = parse_catalog("civil-causes", data)   # raises CatalogImportError

The layouts are those of the shared reference tables (the headers of
../shared/reference-data/*.csv). Parsing is pure and checks the whole table first, so an
import either applies whole or not at all.
"""

from django.utils.translation import gettext as _

from tianping.catalog.choices import CatalogKind
from tianping.catalog.importers import layouts
from tianping.catalog.importers.entries import EntryData, search_keys
from tianping.catalog.importers.reading import CatalogImportError, decode, read_rows

LAYOUTS = {
    CatalogKind.CASE_TYPES: layouts.Layout(
        CatalogKind.CASE_TYPES, layouts.CASE_TYPE_COLUMNS, layouts.read_case_types
    ),
    CatalogKind.CIVIL_CAUSES: layouts.Layout(
        CatalogKind.CIVIL_CAUSES, layouts.CIVIL_COLUMNS, layouts.read_civil_causes
    ),
    CatalogKind.ADMINISTRATIVE_CAUSES: layouts.Layout(
        CatalogKind.ADMINISTRATIVE_CAUSES,
        layouts.ADMINISTRATIVE_COLUMNS,
        layouts.read_administrative_causes,
    ),
    CatalogKind.CRIMINAL_CHARGES: layouts.Layout(
        CatalogKind.CRIMINAL_CHARGES, layouts.CRIMINAL_COLUMNS, layouts.read_criminal_charges
    ),
    CatalogKind.COURT_CODES: layouts.Layout(
        CatalogKind.COURT_CODES,
        layouts.COURT_COLUMNS,
        layouts.read_court_codes,
        optional=layouts.COURT_OPTIONAL,
    ),
}

__all__ = ["LAYOUTS", "CatalogImportError", "EntryData", "parse_catalog", "search_keys"]


def parse_catalog(kind: str, data: bytes, *, encoding: str | None = None) -> list[EntryData]:
    """The entries of a table of KIND; CatalogImportError lists every problem found."""
    layout = LAYOUTS.get(kind)
    if layout is None:
        raise CatalogImportError([_("Unknown catalog “%(kind)s”.") % {"kind": kind}])
    text = decode(data, encoding)
    try:
        rows = read_rows(text, layout.columns, layout.optional)
    except CatalogImportError as exc:
        raise CatalogImportError(exc.errors + _other_layout_hint(text, kind)) from None
    return layout.read(rows)


def _other_layout_hint(text: str, kind: str) -> list[str]:
    """If the header is that of another catalog, say so: the wrong kind was chosen."""
    header = {cell.strip() for cell in text.lstrip("\ufeff").split("\n", 1)[0].split(",")}
    for other in LAYOUTS.values():
        if other.kind != kind and set(other.columns) <= header:
            return [_("The columns are those of the catalog “%(other)s”: choose that one.")
                    % {"other": CatalogKind(other.kind).label}]
    return []
