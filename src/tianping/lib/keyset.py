"""Keyset pagination: the next page starts after the last row shown, found through the list's
index, with no COUNT over the whole list and no OFFSET (which reads every skipped row).

    page = keyset_page(cases, ("priority", "filed_on", "id"), after=request.GET.get("after"))
    page.items, page.next   # the rows' ordering values (the last one is the id), and the
                            # token of the next page (None on the last)

    page = rows_page(rows, ordering, after=...)  # the same with the rows themselves, in
                                                 # one query (and one per prefetch)

The ordering must end with a unique field (the primary key). A token is the last row's
values, encoded; a malformed or foreign token gives the first page, never an error. The
rows after a token are asked for as one row comparison, ``(priority, filed_on, id) >
(…)``, so that the database starts its index scan at the token: page 200 costs what page 1
does. (Where the directions are mixed or a value is NULL, an OR of comparisons instead.)
"""

import base64
import datetime
import json
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import BooleanField, F, Func, Q, Value

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


class _Row(Func):
    template = "(%(expressions)s)"


class _RowAfter(Func):
    """(a, b, id) > (x, y, z), or < for a descending order: a row comparison, which the
    database answers by starting the index scan at the key (the OR of `_after` it can only
    filter row by row, reading every row before the key)."""

    output_field = BooleanField()

    def __init__(self, columns, values, *, descending: bool):
        self.operator = "<" if descending else ">"
        super().__init__(_Row(*columns), _Row(*values))

    def as_sql(self, compiler, connection, **extra):
        extra.update(template="%(expressions)s", arg_joiner=f" {self.operator} ")
        return super().as_sql(compiler, connection, **extra)


def _field(model, path: str, annotations=None):
    """The model field that PATH (``a__b``) names, or the type of the annotation of that
    name (ANNOTATIONS: the queryset's)."""
    if annotations and path in annotations:
        return annotations[path].output_field
    *links, name = path.split("__")
    for link in links:
        model = model._meta.get_field(link).related_model
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    return getattr(field, "output_field", None) or field  # a generated column: its type


def _row_after(model, ordering: tuple[str, ...], values: list, annotations=None):
    """The row comparison for ORDERING after VALUES, or None where it does not apply
    (directions mixed, or a NULL among the values). A field of ORDERING may be one of
    the queryset's ANNOTATIONS."""
    directions = {field.startswith("-") for field in ordering}
    if len(directions) != 1 or any(v is None for v in values):
        return None
    columns, typed = [], []
    for field, value in zip(ordering, values, strict=True):
        name = field.lstrip("-")
        target = _field(model, name, annotations)
        columns.append(F(name))
        typed.append(Value(target.to_python(value), output_field=target))
    return _RowAfter(columns, typed, descending=directions.pop())


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


def _keyed(queryset, ordering: tuple[str, ...], after: str | None):
    """QUERYSET in ORDERING after the row AFTER names, and whether AFTER named one."""
    values = _decode(after, len(ordering))
    rows = queryset.order_by(*ordering)
    if values is None:
        return rows, False
    values = [_typed(v) for v in values]
    try:
        condition = _row_after(queryset.model, ordering, values, queryset.query.annotations)
    except (FieldDoesNotExist, ValueError, TypeError, ValidationError):
        return rows, False  # a foreign or malformed token: the first page
    return rows.filter(condition if condition is not None else _after(ordering, values)), True


def keyset_page(queryset, ordering: tuple[str, ...], *, after: str | None, size: int = 50):
    """One page of QUERYSET in ORDERING, starting after the row that AFTER names."""
    size = max(1, min(int(size), MAX_SIZE))
    names = [field.lstrip("-") for field in ordering]
    rows, keyed = _keyed(queryset, ordering, after)
    items = list(rows.values_list(*names)[: size + 1])
    following = None
    if len(items) > size:
        items = items[:size]
        following = _encode(list(items[-1]))
    return KeysetPage(items, following, after if keyed else None)


def _value(row, path: str):
    if isinstance(row, dict):  # a row of values(): the field by its name
        return row[path]
    for name in path.split("__"):
        row = getattr(row, name)
    return row


def rows_page(queryset, ordering: tuple[str, ...], *, after: str | None, size: int = 50):
    """Like keyset_page, with the page's rows themselves (QUERYSET's select/prefetch kept),
    in one query (and one per prefetch). A field of ORDERING across a relation must be
    selected with the row (select_related) to make the next page's token; for a
    `values()` QUERYSET, each field of ORDERING must be among the values, by its name."""
    size = max(1, min(int(size), MAX_SIZE))
    rows, keyed = _keyed(queryset, ordering, after)
    items = list(rows[: size + 1])
    following = None
    if len(items) > size:
        items = items[:size]
        following = _encode([_value(items[-1], f.lstrip("-")) for f in ordering])
    return KeysetPage(items, following, after if keyed else None)


def merged_page(querysets, ordering: tuple[str, ...], *, after: str | None, size: int = 50):
    """Like keyset_page, over the union of QUERYSETS (disjoint, of one model): each is
    read through its own index (one query each, SIZE + 1 rows at most) and the keys merged.
    Where a list's filter is an OR of conditions with different indexes (a partial index
    for one, a range for the other), the database would otherwise gather and sort every
    matching row for each page. ORDERING's fields must all run in one direction."""
    size = max(1, min(int(size), MAX_SIZE))
    descending = {field.startswith("-") for field in ordering}
    if len(descending) != 1:
        raise ValueError("merged_page needs one direction for the whole ordering")
    names = [field.lstrip("-") for field in ordering]
    items, keyed = [], False
    for queryset in querysets:
        rows, this_keyed = _keyed(queryset, ordering, after)
        keyed = keyed or this_keyed
        items += list(rows.values_list(*names)[: size + 1])
    items.sort(reverse=descending.pop())
    following = None
    if len(items) > size:
        items = items[:size]
        following = _encode(list(items[-1]))
    return KeysetPage(items, following, after if keyed else None)
