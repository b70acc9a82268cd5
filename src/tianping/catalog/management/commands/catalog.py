"""`tianping catalog`: the versioned reference catalogs from the command line.

    tianping catalog sync [KIND ...]              # load the built-in catalogs (idempotent)
    tianping catalog versions                     # every version of every catalog
    tianping catalog search civil-causes mmht --on 2026-03-01
    tianping catalog import civil-causes 2020.csv --label 2020 --valid-from 2021-01-01 \\
        --valid-to 2025-12-31 --source "法〔2020〕347号"

An import reads the layout of the official tables (see tianping.catalog.importers) and
applies whole or not at all. Bad input exits with status 2 and every problem on stderr.
"""

import time
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tianping.catalog.actions import import_catalog
from tianping.catalog.builtin import sync_builtin_catalogs
from tianping.catalog.choices import CatalogKind
from tianping.catalog.importers import CatalogImportError
from tianping.catalog.queries import catalog_versions, resolve_version, search_entries


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": text},
                           returncode=2) from exc


class Command(BaseCommand):
    help = "Versioned catalogs: case types, causes of action, charges, court codes."
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        sync = actions.add_parser("sync", help="load or refresh the built-in catalogs")
        # No `choices`: Python 3.11's argparse rejects an empty list against them.
        sync.add_argument("kinds", nargs="*", metavar="KIND",
                          help=f"only these catalogs: {', '.join(CatalogKind.values)}")
        actions.add_parser("versions", help="list the versions of every catalog")
        search = actions.add_parser("search", help="search the entries of a catalog")
        search.add_argument("kind", choices=CatalogKind.values)
        search.add_argument("query")
        search.add_argument("--on", help="the version in force on this date (YYYY-MM-DD)")
        search.add_argument("--version", help="a version label instead of a date")
        search.add_argument("--limit", type=int, default=20)
        load = actions.add_parser("import", help="import an official table as a new version")
        load.add_argument("kind", choices=CatalogKind.values)
        load.add_argument("file", type=Path)
        load.add_argument("--label", required=True, help="version label, e.g. 2020")
        load.add_argument("--source", default="", help="the document the table comes from")
        load.add_argument("--valid-from", help="first day in force (YYYY-MM-DD)")
        load.add_argument("--valid-to", help="last day in force (YYYY-MM-DD)")
        load.add_argument("--replace", action="store_true", help="replace a version of that label")
        load.add_argument("--encoding", help="utf-8 (default) or gb18030 for GBK files")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _sync(self, *, kinds, **options):
        unknown = sorted(set(kinds) - set(CatalogKind.values))
        if unknown:
            raise CommandError(_("Unknown catalogs: %(kinds)s. Known: %(known)s.") % {
                "kinds": ", ".join(unknown), "known": ", ".join(CatalogKind.values)},
                returncode=2)
        started = time.monotonic()
        for result in sync_builtin_catalogs(kinds):
            self.stdout.write(f"{result.kind:<22} {result.label:<6} {result.status:<14} "
                              f"{result.entry_count}")
        self.stdout.write(_("Done in %(seconds).1f s.") % {"seconds": time.monotonic() - started})

    def _versions(self, **options):
        for v in catalog_versions():
            dates = f"{v.valid_from or '…'} – {v.valid_to or '…'}"
            origin = _("built-in") if v.is_builtin else _("imported")
            self.stdout.write(f"{v.kind:<22} {v.label:<8} {dates:<25} {v.entry_count:>6}  "
                              f"{origin}  {v.source}")

    def _search(self, *, kind, query, on, version, limit, **options):
        day = _date(on) if on else None
        chosen = resolve_version(kind, on=day, version=version)
        if chosen is None:
            raise CommandError(_("No version of this catalog matches."), returncode=2)
        self.stdout.write(_("Version %(label)s") % {"label": chosen.label})
        for entry in search_entries(kind, query, on=day, version=chosen, limit=limit):
            where = f"  ({entry.path})" if entry.path else ""
            self.stdout.write(f"  {entry.code:<10} {entry.name}{where}")

    def _import(self, *, kind, file, label, source, valid_from, valid_to, replace, encoding,
                **options):
        dates = {"valid_from": _date(valid_from) if valid_from else None,
                 "valid_to": _date(valid_to) if valid_to else None}
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {
                "file": file, "error": exc.strerror}, returncode=2) from exc
        try:
            version = import_catalog(kind, data, actor=None, label=label, source=source,
                                     replace=replace, encoding=encoding, **dates)
        except CatalogImportError as exc:
            raise CommandError(_("%(file)s was not imported:\n%(errors)s") % {
                "file": file, "errors": "\n".join(exc.errors)}, returncode=2) from exc
        self.stdout.write(_("Imported %(count)s entries as %(version)s.") % {
            "count": version.entry_count, "version": version})
