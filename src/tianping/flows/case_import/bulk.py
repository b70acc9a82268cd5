"""Upserts of many rows keyed by a unique column: on PostgreSQL through COPY into a
temporary table and one INSERT … ON CONFLICT DO UPDATE per batch (no model instances, no
statement with tens of thousands of parameters); elsewhere through `bulk_create`.

A row is a dict of column (attname) -> value; a column the row leaves out takes its
field's default (a callable default such as a public code: once per row)."""

import json

from django.db import connection, models
from django.utils import timezone


def _columns(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields
            if not f.primary_key and not getattr(f, "generated", False)]


def _defaults(fields, given) -> tuple[dict, list]:
    """Fixed defaults, and the fields whose default is made afresh per row."""
    fixed, per_row = {}, []
    now = timezone.now()
    for field in fields:
        if field.attname in given:
            continue
        if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
            fixed[field.attname] = now
        elif field.has_default() and callable(field.default) and field.default not in (
                list, dict):
            per_row.append(field)
        else:
            fixed[field.attname] = field.get_default()
    return fixed, per_row


def upsert(model, rows: list[dict], *, key: str, update: list[str]) -> dict:
    """Insert ROWS into MODEL's table, or update the UPDATE columns of the row with the
    same KEY; returns {key value: id}."""
    if not rows:
        return {}
    if connection.vendor == "postgresql":
        return _copy_upsert(model, rows, key, update)
    objs = [model(**row) for row in rows]
    model.objects.bulk_create(objs, update_conflicts=True, unique_fields=[key],
                              update_fields=update)
    if any(o.pk is None for o in objs):  # a backend that returns no ids
        return dict(model.objects.filter(**{f"{key}__in": [row[key] for row in rows]})
                    .values_list(key, "pk"))
    return {getattr(o, key): o.pk for o in objs}


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _copy_upsert(model, rows, key, update) -> dict:
    fields = _columns(model)
    fixed, per_row = _defaults(fields, rows[0].keys())
    names = [f.attname for f in fields]
    json_columns = {f.attname for f in fields if isinstance(f, models.JSONField)}
    table, q = model._meta.db_table, connection.ops.quote_name
    temp = q(f"import_{table}")
    cols = ", ".join(q(n) for n in names)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {temp} ON COMMIT DROP AS "
                       f"SELECT {cols} FROM {q(table)} WITH NO DATA")
        cursor.execute(f"TRUNCATE {temp}")
        # Per column: the row's value (JSON columns dumped), a fresh default, or a fixed one.
        plan = []
        for field in fields:
            name = field.attname
            if name in rows[0]:
                plan.append((0, name, name in json_columns))
            elif field in per_row:
                plan.append((1, field.get_default, False))
            else:
                value = fixed[name]
                plan.append((2, _dumps(value) if name in json_columns else value, False))
        with cursor.cursor.copy(f"COPY {temp} ({cols}) FROM STDIN") as copy:
            write = copy.write_row
            for row in rows:
                write([(_dumps(row[x]) if is_json else row[x]) if kind == 0
                       else x() if kind == 1 else x for kind, x, is_json in plan])
        sets = ", ".join(f"{q(c)} = EXCLUDED.{q(c)}" for c in update)
        cursor.execute(f"INSERT INTO {q(table)} ({cols}) SELECT {cols} FROM {temp} "
                       f"ON CONFLICT ({q(key)}) DO UPDATE SET {sets} "
                       f"RETURNING {q(key)}, {q(model._meta.pk.attname)}")
        return dict(cursor.fetchall())
