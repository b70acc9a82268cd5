"""Reads of the catalogs. Reference data is public: no access checks here.

A catalog has versions; the one used on a day is the version in force then (the newest
in force if several are): a case's cause comes from the version in force on its filing day.
"""

import re
from datetime import date

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from tianping.catalog.choices import CatalogKind
from tianping.catalog.models import CatalogEntry, CatalogVersion

_PINYIN_QUERY = re.compile(r"[A-Za-z][A-Za-z ']*")


def catalog_versions(kind: str | None = None) -> QuerySet[CatalogVersion]:
    versions = CatalogVersion.objects.select_related("imported_by")
    return versions.filter(kind=kind) if kind else versions


def _newest_first(versions: QuerySet[CatalogVersion]) -> QuerySet[CatalogVersion]:
    return versions.order_by(F("valid_from").desc(nulls_last=True), "-imported_at", "-pk")


def resolve_version(
    kind: str, *, on: date | None = None, version: "str | CatalogVersion | None" = None
) -> CatalogVersion | None:
    """The version asked for by label, else the one in force on ON (default: today).

    Without ON, a catalog with nothing in force today gives its newest version, so that a
    catalog whose only version starts in the future can still be browsed.
    """
    if isinstance(version, CatalogVersion):
        return version
    versions = CatalogVersion.objects.filter(kind=kind)
    if version:
        return versions.filter(label=version).first()
    found = _newest_first(versions.in_force(kind, on or timezone.localdate())).first()
    if found is not None or on is not None:
        return found
    return _newest_first(versions).first()


def cause_version_for(filing_date: date) -> CatalogVersion | None:
    """The civil causes in force on a case's filing date: 2020 rules before 2026, 2025 after."""
    return resolve_version(CatalogKind.CIVIL_CAUSES, on=filing_date)


def valid_on(entries: QuerySet[CatalogEntry], on: date | None) -> QuerySet[CatalogEntry]:
    """Entries valid on ON (a court code held then); all of them without a date."""
    if on is None:
        return entries
    return entries.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on),
                          Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def search_entries(
    kind: str,
    q: str,
    *,
    on: date | None = None,
    version: "str | CatalogVersion | None" = None,
    limit: int = 20,
) -> list[CatalogEntry]:
    """Entries of the chosen version matching Q, best first.

    Q matches a code by prefix, a name by substring, and pinyin: initials by prefix or
    substring (mmht -> 买卖合同纠纷), full pinyin by prefix (maimai) or a longer substring.
    """
    chosen = resolve_version(kind, on=on, version=version)
    if chosen is None:
        return []
    entries = valid_on(chosen.entries.all(), on)
    q = q.strip()
    if q:
        entries = _matching(entries, q)
    found = list(entries[: max(1, min(limit, 200))])
    for entry in found:
        entry.version = chosen
    return found


def _matching(entries: QuerySet[CatalogEntry], q: str) -> QuerySet[CatalogEntry]:
    key = re.sub(r"[^a-z]", "", q.lower()) if _PINYIN_QUERY.fullmatch(q) else ""
    condition = Q(code__istartswith=q) | Q(name__icontains=q)
    ranks = [When(code__iexact=q, then=0), When(name=q, then=0), When(code__istartswith=q, then=1),
             When(name__startswith=q, then=2)]
    if key:
        condition |= Q(initials__contains=key) | Q(pinyin__startswith=key)
        if len(key) >= 4:
            condition |= Q(pinyin__contains=key)
        ranks += [When(initials__startswith=key, then=2), When(pinyin__startswith=key, then=2),
                  When(initials__contains=key, then=3)]
    rank = Case(*ranks, default=Value(4), output_field=IntegerField())
    return entries.filter(condition).annotate(rank=rank).order_by("rank", "position")


def get_entry(
    kind: str,
    code: str,
    *,
    on: date | None = None,
    version: "str | CatalogVersion | None" = None,
) -> CatalogEntry | None:
    """The entry with CODE: the one valid on ON, or without a date the current holder."""
    chosen = resolve_version(kind, on=on, version=version)
    if chosen is None:
        return None
    rows = list(valid_on(chosen.entries.filter(code=code), on))
    current = [row for row in rows if row.valid_to is None]
    rows = current or sorted(rows, key=lambda row: row.valid_from or date.min)
    if not rows:
        return None
    rows[-1].version = chosen
    return rows[-1]


def entry_history(kind: str, code: str, *, version=None) -> list[CatalogEntry]:
    """Every period of CODE in the chosen version, oldest first (a re-coded court's history)."""
    chosen = resolve_version(kind, version=version)
    if chosen is None:
        return []
    rows = chosen.entries.filter(code=code).order_by(F("valid_from").asc(nulls_first=True))
    return list(rows)
