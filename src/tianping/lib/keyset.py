"""Keyset pagination: the next page starts after the last row shown, found through the list's
index, with no COUNT over the whole list and no OFFSET (which reads every skipped row).

    page = keyset_page(cases, ("priority", "filed_on", "id"), after=request.GET.get("after"))
    page.items, page.next   # the rows' ordering values (the last one is the id), and the
                            # token of the next page (None on the last)

The ordering must end with a unique field (the primary key). A token is the last row's
values, encoded; a malformed or foreign token gives the first page, never an error.
"""

import base64
import datetime
import json
from dataclasses import dataclass

from django.db.models import Q

MAX_SIZE = 100


@dataclass(frozen=True)
class KeysetPage:
    items: list
    next: str | None
    after: str | None

    @property
    def is_first(self) -> bool:
        return self.after is None


def _encode(values: list) -> str:
    plain = [v.isoformat() if hasattr(v, "isoformat") else v for v in values]
    text = json.dumps(plain, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(token: str | None, count: int) -> list | None:
    if not token or len(token) > 500:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(values, list) or len(values) != count:
        return None
    if any(v is not None and not isinstance(v, int | str) for v in values):
        return None
    return values


def _typed(value):
    """A token value as the field's type (dates come back from JSON as text)."""
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _after(ordering: tuple[str, ...], values: list) -> Q:
    """Rows that come after VALUES in ORDERING ("-field" for descending)."""
    condition = Q(pk__in=[])
    for i, field in enumerate(ordering):
        name = field.lstrip("-")
        step = Q(**{f"{name}__{'lt' if field.startswith('-') else 'gt'}": values[i]})
        for earlier, value in zip(ordering[:i], values[:i], strict=True):
            step &= Q(**{earlier.lstrip("-"): value})
        condition |= step
    return condition


def keyset_page(queryset, ordering: tuple[str, ...], *, after: str | None, size: int = 50):
    """One page of QUERYSET in ORDERING, starting after the row that AFTER names."""
    size = max(1, min(int(size), MAX_SIZE))
    names = [field.lstrip("-") for field in ordering]
    values = _decode(after, len(ordering))
    rows = queryset.order_by(*ordering).values_list(*names)
    if values is not None:
        rows = rows.filter(_after(ordering, [_typed(v) for v in values]))
    items = list(rows[: size + 1])
    following = None
    if len(items) > size:
        items = items[:size]
        following = _encode(list(items[-1]))
    return KeysetPage(items, following, after if values is not None else None)


def rows_page(queryset, ordering: tuple[str, ...], *, after: str | None, size: int = 50):
    """Like keyset_page, with the page's rows themselves (QUERYSET's select/prefetch kept)."""
    page = keyset_page(queryset, ordering, after=after, size=size)
    ids = [values[-1] for values in page.items]
    by_id = {row.pk: row for row in queryset.order_by().filter(pk__in=ids)}
    return KeysetPage([by_id[pk] for pk in ids], page.next, page.after)
