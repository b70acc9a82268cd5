"""Progress of an import run: told to a callback and written on the run's row.

The writing pass runs in one transaction, so the run's row is updated through a second
connection (PostgreSQL) that commits at once: the page sees the bar move. SQLite has one
writer at a time; there the row is updated when the transaction ends.
"""

import time

from django.db import connection, connections

from tianping.cases.models import ImportRun


class Progress:
    def __init__(self, run: ImportRun | None, callback=None, every: float = 0.5):
        self.run, self.callback, self.every = run, callback, every
        self.total, self.done, self._last = 0, 0, 0.0
        self._side = None

    def start(self, total: int) -> None:
        self.total = total
        self.step(0, force=True)

    def step(self, done: int, force: bool = False) -> None:
        self.done = done
        now = time.monotonic()
        if not force and now - self._last < self.every:
            return
        self._last = now
        if self.callback is not None:
            self.callback(done, self.total)
        if self.run is not None and self.run.pk:
            self._write(done)

    def _write(self, done: int) -> None:
        if not connection.in_atomic_block:
            ImportRun.objects.filter(pk=self.run.pk).update(done=done, total=self.total)
        elif connection.vendor == "postgresql":
            if self._side is None:
                self._side = connections.create_connection("default")
            with self._side.cursor() as cursor:
                cursor.execute(f"UPDATE {ImportRun._meta.db_table} SET done = %s, total = %s "
                               f"WHERE id = %s", [done, self.total, self.run.pk])

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None
