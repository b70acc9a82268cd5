"""Benchmark: the deadline sweep beside one SQL statement selecting the same due warnings.

    createdb -h 127.0.0.1 -U postgres tianping_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/tianping_bench DEBUG=true
    .venv/bin/tianping migrate
    .venv/bin/python bench/sweep.py [--n 200000] [--runs 5]

Loads the demo network (idempotent), adds N pending cases with time limits spread over the
coming 60 days (as `bench/time_limits.py sweep`), runs ANALYZE, then prints in one run:

- the first sweep (raising every warning due: about 0.9 N warnings, two messages each);
- the second sweep (nothing new to raise), median of RUNS;
- the reference: one plain SQL statement, written here by hand, selecting the warnings
  due and not yet raised (the same rows the sweep looks for), median of RUNS;
- the ratio second sweep / reference (target: at most 2).

The last three twice: right after the first sweep (the planner's statistics still see an
empty warnings table), then after VACUUM ANALYZE of the two deadlines tables, which
autovacuum does on its own long before the next day's sweep.

Prints figures; asserts nothing. Works on SQLite too (no ANALYZE), but the target is
PostgreSQL. Run it against a throwaway database: it adds many cases.
"""

import argparse
import datetime
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
os.environ.setdefault("DEBUG", "true")

TODAY = datetime.date(2026, 6, 1)

# The reference: what a person would type at psql to list the warnings due on TODAY that
# were never raised (pending, unsuspended cases; one row per case, threshold and expiry).
REFERENCE = """
WITH t (threshold, last_day) AS (VALUES {thresholds})
SELECT l.case_id, t.threshold, l.expires_on
FROM deadlines_casetimelimit l
JOIN cases_case c ON c.id = l.case_id
JOIN t ON l.expires_on <= t.last_day
WHERE l.suspended_since IS NULL
  AND c.state IN ('filed', 'assigned', 'in_trial', 'suspended')
  AND NOT EXISTS (
    SELECT 1 FROM deadlines_timelimitwarning w
    WHERE w.case_id = l.case_id AND w.threshold = t.threshold AND w.expires_on = l.expires_on
  )
"""


def reference(cursor, today: datetime.date, thresholds: list[int]) -> tuple[float, int]:
    """Run the reference statement once; returns (seconds, rows)."""
    from django.db import connection

    sql = REFERENCE.format(thresholds=", ".join(["(%s, %s)"] * len(thresholds)))
    params = []
    for t in thresholds:
        params += [t, connection.ops.adapt_datefield_value(today + datetime.timedelta(days=t))]
    began = time.perf_counter()
    cursor.execute(sql, params)
    rows = len(cursor.fetchall())
    return time.perf_counter() - began, rows


def timed(fn) -> tuple[float, object]:
    began = time.perf_counter()
    value = fn()
    return time.perf_counter() - began, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200_000, help="pending cases to add")
    parser.add_argument("--runs", type=int, default=5, help="runs of the second sweep and SQL")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from time_limits import seed_pending

    from tianping.deadlines.sweep import sweep, thresholds
    from tianping.demo.network import load_demo
    from tianping.notifications.models import Notification

    load_demo()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    seconds, _ = timed(lambda: seed_pending(args.n, TODAY))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"seeded {args.n:,} pending cases with time limits in {seconds:.1f} s")

    with connection.cursor() as cursor:
        before, due = reference(cursor, TODAY, thresholds())
    print(f"due and not raised before the first sweep: {due:,} (reference SQL {before:.3f} s)")

    messages = Notification.objects.count()
    first, raised = timed(lambda: sweep(TODAY))
    messages = Notification.objects.count() - messages
    print()
    print(f"{'N (pending cases added)':<30}{args.n:>11,}")
    print(f"{'first sweep':<30}{first:>10.3f}s  {raised:,} warnings, {messages:,} messages")
    compare("right after the first sweep", args.runs)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE deadlines_timelimitwarning")
            cursor.execute("VACUUM ANALYZE deadlines_casetimelimit")
        compare("after VACUUM ANALYZE (autovacuum's work before the next day's sweep)", args.runs)


def compare(when: str, runs: int) -> None:
    """Time the second sweep and the reference RUNS times each, alternating; print medians."""
    from django.db import connection

    from tianping.deadlines.sweep import sweep, thresholds

    second, ref, rows = [], [], 0
    with connection.cursor() as cursor:
        for _ in range(runs):
            seconds, again = timed(lambda: sweep(TODAY))
            assert again == 0, "a second sweep raised warnings"
            second.append(seconds)
            seconds, rows = reference(cursor, TODAY, thresholds())
            ref.append(seconds)
    second_s, ref_s = statistics.median(second), statistics.median(ref)
    print(when + ":")
    print(f"  {'second sweep (nothing new)':<28}{second_s:>10.3f}s  runs {_ms(second)}")
    print(f"  {'reference SQL':<28}{ref_s:>10.3f}s  runs {_ms(ref)}; {rows} rows")
    print(f"  {'ratio second / reference':<28}{second_s / ref_s:>11.2f}  (target: at most 2)")


def _ms(values: list[float]) -> str:
    return " ".join(f"{v * 1000:.0f}" for v in values) + " ms"


if __name__ == "__main__":
    main()
