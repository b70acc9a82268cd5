"""Fast inserts for the bench seeds: COPY on PostgreSQL, bulk_create elsewhere.

Rows are dicts of attribute names (``court_id``, not ``court``) to Python values, each with
its primary key already chosen (`reserve_ids`), so that rows of other tables can point to
it in the same batch. Fields missing from a row take the field's default, computed once
(pass every field whose default must differ per row, such as a public code). Generated
columns are left to the database. Not used by the application: bench scripts only.
"""

import json

from django.db import connection, models


def reserve_ids(model, count: int) -> list[int]:
    """COUNT new primary keys for MODEL: from its sequence on PostgreSQL, after the largest
    one elsewhere."""
    if not count:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + count))


class Table:
    """The columns of MODEL that an insert gives, and their defaults."""

    def __init__(self, model):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not getattr(f, "generated", False)]
        self.defaults = {}
        for f in self.fields:
            if f.has_default():
                self.defaults[f.attname] = f.get_default()
            elif f.null:
                self.defaults[f.attname] = None
            elif isinstance(f, models.CharField | models.TextField):
                self.defaults[f.attname] = ""
        self.json = {f.attname for f in self.fields if isinstance(f, models.JSONField)}
        self.sql = 'COPY "{}" ({}) FROM STDIN'.format(
            model._meta.db_table, ", ".join(f'"{f.column}"' for f in self.fields)
        )

    def values(self, row: dict) -> tuple:
        full = {**self.defaults, **row}
        return tuple(
            json.dumps(full[f.attname], ensure_ascii=False)
            if f.attname in self.json and full[f.attname] is not None
            else full[f.attname]
            for f in self.fields
        )


_tables: dict = {}


def insert(model, rows: list[dict]) -> None:
    """Insert ROWS (dicts with their ids) into MODEL's table, in the current transaction."""
    if not rows:
        return
    table = _tables.get(model) or _tables.setdefault(model, Table(model))
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**{**table.defaults, **r}) for r in rows], batch_size=500)
        return
    with connection.cursor() as cursor:
        with cursor.cursor.copy(table.sql) as copy:
            for row in rows:
                copy.write_row(table.values(row))
