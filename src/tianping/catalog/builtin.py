"""The catalogs shipped with Tianping, loaded into CatalogVersion/CatalogEntry.

    sync_builtin_catalogs()     # idempotent: a second run changes nothing

Sources (files in data/, made by scripts/build_catalog_data.py from the official tables):
court codes and case types come through `reference` (the same data the case-number parser
uses); causes and charges from their own files. A built-in version is reloaded only when
its file changed (a checksum is kept on the version). A version that an administrator
imported under a built-in label is left alone.

The 2020 revision of the civil causes (法〔2020〕347号, in force 2021-01-01 to 2025-12-31)
is shipped as a reconstruction (the shared table's README and provenance file say which
source each row comes from). A court holding the official table replaces it with
`tianping catalog import civil-causes FILE --label 2020 --valid-from 2021-01-01
--valid-to 2025-12-31 --source "法〔2020〕347号"`: a version imported under a built-in
label is kept and never overwritten by the built-in file.
"""

import csv
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from tianping.audit.actions import record
from tianping.catalog import reference
from tianping.catalog.actions import replace_entries
from tianping.catalog.choices import CatalogKind
from tianping.catalog.importers.entries import EntryData, finish
from tianping.catalog.importers.layouts import COURT_LEVELS
from tianping.catalog.models import CatalogVersion

# Bump when the way files become entries changes, so that every built-in version reloads.
FORMAT_REVISION = "1"


def _rows(filename: str) -> list[dict[str, str]]:
    with (reference.DATA_DIR / filename).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def case_type_entries() -> list[EntryData]:
    entries = []
    for slug, codes in reference.type_codes_by_category().items():
        for code in codes:
            kind = reference.case_type(code)
            extra = {"kind": "type", "category": slug, "standard_codes": list(kind.standard_codes),
                     "covers": list(kind.covers), "source": kind.source, "note": kind.note}
            entries.append(EntryData(code, kind.name, category=kind.category_name, extra=extra))
    for code in sorted(reference.special_codes()):
        special = reference.special_code(code)
        extra = {"kind": "special", "source": special.source, "note": special.note}
        entries.append(EntryData(code, special.name, extra=extra))
    return finish(entries)


def court_entries() -> list[EntryData]:
    entries = [
        EntryData(court.code, court.name, parent_code=court.parent_code,
                  level=COURT_LEVELS[court.level], category=court.level,
                  valid_from=court.valid_from, valid_to=court.valid_to,
                  extra={"source": court.source, **({"note": court.note} if court.note else {})})
        for court in reference.all_courts()
    ]
    return finish(entries)


def _cause_entries(filename: str, category_level: int):
    def entries() -> list[EntryData]:
        return finish(
            [EntryData(row["code"], row["name"], parent_code=row["parent_code"],
                       level=int(row["level"])) for row in _rows(filename)],
            category_level=category_level,
        )

    return entries


def criminal_charge_entries() -> list[EntryData]:
    return finish([
        EntryData(row["code"], row["name"], category=row["chapter"],
                  extra={"section": row["section"], "article": row["article"]})
        for row in _rows("criminal_charges_2024.csv")
    ])


@dataclass(frozen=True)
class BuiltinCatalog:
    kind: str
    label: str
    source: str
    valid_from: date | None
    files: tuple[str, ...]
    entries: Callable[[], list[EntryData]]
    valid_to: date | None = None

    def checksum(self) -> str:
        digest = hashlib.sha256(
            f"{FORMAT_REVISION}|{self.source}|{self.valid_from}|{self.valid_to}".encode()
        )
        for filename in self.files:
            digest.update((reference.DATA_DIR / filename).read_bytes())
        return digest.hexdigest()


BUILTINS = (
    BuiltinCatalog(
        CatalogKind.CASE_TYPES, "2016",
        "《人民法院案件类型及其代字标准》（法〔2015〕137号，法〔2018〕335号修订）",
        date(2016, 1, 1), ("case_types.csv",), case_type_entries,
    ),
    BuiltinCatalog(
        CatalogKind.CIVIL_CAUSES, "2020",
        "《民事案件案由规定》（2020年修正，法〔2020〕347号；重建版本，非官方数据文件）",
        date(2021, 1, 1), ("civil_causes_2020.csv",), _cause_entries("civil_causes_2020.csv", 1),
        valid_to=date(2025, 12, 31),
    ),
    BuiltinCatalog(
        CatalogKind.CIVIL_CAUSES, "2025", "《民事案件案由规定》（2025年修正，法〔2025〕226号）",
        date(2026, 1, 1), ("civil_causes_2025.csv",), _cause_entries("civil_causes_2025.csv", 1),
    ),
    BuiltinCatalog(
        CatalogKind.ADMINISTRATIVE_CAUSES, "2021",
        "《关于行政案件案由的暂行规定》（法发〔2020〕44号）", date(2021, 1, 1),
        ("administrative_causes_2021.csv",), _cause_entries("administrative_causes_2021.csv", 2),
    ),
    BuiltinCatalog(
        CatalogKind.CRIMINAL_CHARGES, "2024",
        "两高确定的《刑法》罪名（至《罪名补充规定（八）》，法释〔2024〕3号）",
        date(2024, 3, 1), ("criminal_charges_2024.csv",), criminal_charge_entries,
    ),
    # Open start: the entries carry their own dates (history of re-coded courts), and a
    # case filed before 2018 still needs its court looked up.
    BuiltinCatalog(
        CatalogKind.COURT_CODES, "2018", "YB/T 51202—2016《法院代码技术规范》（2018-07-24）",
        None, ("court_codes.csv",), court_entries,
    ),
)


@dataclass(frozen=True)
class SyncResult:
    kind: str
    label: str
    status: str  # created / updated / unchanged / kept-imported
    entry_count: int


def sync_builtin_catalogs(kinds: list[str] | None = None) -> list[SyncResult]:
    """Load or refresh the built-in catalogs (of KINDS, default all); up-to-date ones are
    not touched, so a second run does nothing."""
    builtins = [b for b in BUILTINS if not kinds or b.kind in kinds]
    existing = {
        (v.kind, v.label): v
        for v in CatalogVersion.objects.filter(label__in={b.label for b in builtins})
    }
    return [_sync(builtin, existing.get((builtin.kind, builtin.label))) for builtin in builtins]


def _sync(builtin: BuiltinCatalog, version: CatalogVersion | None) -> SyncResult:
    if version is not None and not version.is_builtin:
        return SyncResult(builtin.kind, builtin.label, "kept-imported", version.entry_count)
    checksum = builtin.checksum()
    if version is not None and version.checksum == checksum:
        return SyncResult(builtin.kind, builtin.label, "unchanged", version.entry_count)
    with transaction.atomic():
        status = "updated" if version else "created"
        version = version or CatalogVersion(kind=builtin.kind, label=builtin.label,
                                            is_builtin=True)
        version.source, version.valid_from, version.valid_to, version.checksum = (
            builtin.source, builtin.valid_from, builtin.valid_to, checksum)
        version.save()
        count = replace_entries(version, builtin.entries())
        record(f"catalog.builtin_{status}", version, actor=None,
               changes={"entries": count, "checksum": checksum})
    return SyncResult(builtin.kind, builtin.label, status, count)
