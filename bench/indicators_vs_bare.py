"""The indicator engine for a province-year beside one hand-written SQL statement (issue 13).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_province DEBUG=true \\
        .venv/bin/python bench/indicators_vs_bare.py --import /tmp/province-2025.csv \\
        --court 内 --from 2025-01-01 --to 2025-12-31 --runs 7

1. With --import FILE: migrates the database, loads the demo network (idempotent) and runs
   `tianping cases import FILE --user bench-import` (the import a trial management office
   runs; a superuser made for it, so every court of the province may be imported), and
   prints the rows, the seconds and the import rate (rows per second). Then ANALYZE.
2. Times, alternating, RUNS times each: (a) the engine as `tianping indicators compute
   --court COURT --include-lower` runs it in process (`compute.make_slice` + `compute.compute`:
   every computed indicator with its ranges), and (b) one hand-written SQL statement that
   computes the same counts over the same rows (the court's subtree by a recursive CTE, the
   trial-case aggregate with FILTER clauses, the time-limit join, the appeal links, the
   案-件 chain and the pre-filing mediations) and nothing else, as written (PostgreSQL may
   JIT-compile it) and with `SET LOCAL jit = off` as the engine runs. Prints the median
   and minimum of each, the ratios engine ÷ bare (target: at most 1.5) and whether every
   count agrees.
Not a test: it prints figures. Run it against a throwaway database.
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
os.environ.setdefault("DEBUG", "true")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from tianping.indicators import compute  # noqa: E402

BARE_SQL = """
WITH RECURSIVE subtree(id) AS (
    SELECT id FROM courts_court WHERE code = %(court)s
    UNION ALL SELECT c.id FROM courts_court c JOIN subtree ON c.parent_id = subtree.id
), trial AS (
    SELECT c.id, c.type_code, c.filed_on, c.closed_on, c.closure_mode, c.procedure
    FROM cases_case c
    WHERE c.court_id IN (SELECT id FROM subtree)
      AND c.filed_on <= %(end)s AND (c.closed_on IS NULL OR c.closed_on >= %(start)s)
      AND c.type_code NOT LIKE '执%%' AND c.type_code NOT LIKE '%%保'
      AND c.type_code NOT LIKE '%%诉前调'
), appeals AS (
    SELECT origin_id, bool_or(outcome IN ('amended', 'remanded')) AS reversed
    FROM appeals_disputecase WHERE stage = 'second' AND origin_id IS NOT NULL
    GROUP BY origin_id
), roots AS (
    SELECT t.id FROM trial t
    WHERE t.type_code LIKE '%%初' AND t.filed_on BETWEEN %(start)s AND %(end)s
      AND NOT EXISTS (SELECT 1 FROM appeals_disputecase d
                      WHERE d.case_id = t.id AND d.origin_id IS NOT NULL)
), chain(id, depth) AS (
    SELECT id, 0 FROM roots
    UNION ALL SELECT d.case_id, chain.depth + 1 FROM appeals_disputecase d
    JOIN chain ON d.origin_id = chain.id WHERE chain.depth < 10
), totals AS (
    SELECT
      count(*) FILTER (WHERE filed_on BETWEEN %(start)s AND %(end)s) AS received,
      count(*) FILTER (WHERE closed_on BETWEEN %(start)s AND %(end)s) AS closed,
      count(*) FILTER (WHERE filed_on < %(start)s) AS pending_start,
      count(*) FILTER (WHERE closed_on IS NULL OR closed_on > %(end)s) AS pending_end,
      count(*) FILTER (WHERE closed_on BETWEEN %(start)s AND %(end)s
                       AND l.expires_on >= closed_on) AS closed_within_limit,
      coalesce(sum(closed_on - filed_on) FILTER (
          WHERE closed_on BETWEEN %(start)s AND %(end)s), 0) AS days_to_close,
      count(*) FILTER (WHERE closed_on BETWEEN %(start)s AND %(end)s
                       AND closure_mode IN ('mediation', 'withdrawal')) AS mediated_or_withdrawn,
      count(*) FILTER (WHERE (closed_on IS NULL OR closed_on > %(end)s)
                       AND filed_on < %(old)s) AS pending_over_12m,
      count(*) FILTER (WHERE closed_on BETWEEN %(start)s AND %(end)s
                       AND type_code LIKE '%%初') AS first_closed,
      count(*) FILTER (WHERE closed_on BETWEEN %(start)s AND %(end)s
                       AND type_code LIKE '%%初' AND a.origin_id IS NOT NULL) AS first_appealed,
      count(*) FILTER (WHERE closed_on BETWEEN %(start)s AND %(end)s
                       AND type_code LIKE '%%初' AND a.reversed) AS first_reversed_remanded,
      count(*) FILTER (WHERE closed_on BETWEEN %(start)s AND %(end)s
                       AND type_code LIKE '民%%初') AS civil_first_closed,
      count(*) FILTER (WHERE closed_on BETWEEN %(start)s AND %(end)s
                       AND type_code LIKE '民%%初'
                       AND procedure IN ('summary', 'small_claims')) AS civil_first_summary
    FROM trial t
    LEFT JOIN deadlines_casetimelimit l ON l.case_id = t.id
    LEFT JOIN appeals a ON a.origin_id = t.id
)
SELECT totals.*,
  (SELECT count(*) FROM chain WHERE depth = 0) AS disputes,
  (SELECT count(DISTINCT id) FROM chain) AS dispute_cases,
  (SELECT count(*) FROM mediation_mediation m WHERE m.court_id IN (SELECT id FROM subtree)
     AND m.kind = 'pre_filing' AND m.ended_on BETWEEN %(start)s AND %(end)s) AS prefiling_ended,
  (SELECT count(*) FROM mediation_mediation m WHERE m.court_id IN (SELECT id FROM subtree)
     AND m.kind = 'pre_filing' AND m.ended_on BETWEEN %(start)s AND %(end)s
     AND m.status = 'settled') AS prefiling_settled
FROM totals
"""


def bare(court, start, end, jit=True):
    """The hand-written statement; JIT False: in a transaction with `SET LOCAL jit = off`,
    as the engine runs its queries on PostgreSQL."""
    params = {"court": court, "start": start, "end": end,
              "old": end - datetime.timedelta(days=365)}
    with transaction.atomic(), connection.cursor() as cursor:
        if not jit:
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(BARE_SQL, params)
        names = [c.name for c in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def engine(court, start, end):
    s = compute.make_slice(court, start, end, include_lower=True)
    return s, compute.compute(s)


def import_file(path):
    from django.contrib.auth import get_user_model

    call_command("migrate", verbosity=0)
    call_command("demo", "--no-cases", verbosity=0, stdout=io.StringIO())
    # the province's trial management as a superuser: every court of the file
    get_user_model().objects.get_or_create(username="bench-import", defaults={
        "full_name": "导入", "kind": "staff", "is_superuser": True, "is_staff": True})
    rows = sum(1 for _ in open(path, encoding="utf-8")) - 1
    started = time.perf_counter()
    call_command("cases", "import", path, "--user", "bench-import", stdout=io.StringIO(),
                 stderr=io.StringIO())
    took = time.perf_counter() - started
    print(f"import: {rows:,} rows in {took:.1f} s = {rows / took:,.0f} rows/s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--import", dest="path", help="a CSV to import first")
    parser.add_argument("--court", default="内")
    parser.add_argument("--from", dest="start", default="2025-01-01")
    parser.add_argument("--to", dest="end", default="2025-12-31")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    start, end = (datetime.date.fromisoformat(args.start), datetime.date.fromisoformat(args.end))
    if args.path:
        import_file(args.path)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM cases_case")
        print(f"database: {connection.vendor}, {cursor.fetchone()[0]:,} cases")
    engine(args.court, start, end)  # warm-up
    bare(args.court, start, end)
    ours, theirs, no_jit = [], [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        s, results = engine(args.court, start, end)
        t1 = time.perf_counter()
        counts = bare(args.court, start, end)
        t2 = time.perf_counter()
        bare(args.court, start, end, jit=False)
        t3 = time.perf_counter()
        ours.append(t1 - t0)
        theirs.append(t2 - t1)
        no_jit.append(t3 - t2)
    engine_counts = compute.counts(s)
    differ = {k: (engine_counts.get(k), v) for k, v in counts.items()
              if engine_counts.get(k) != v}
    ours_ms, theirs_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    print(f"slice: {args.court} and {len(s.court_ids) - 1} courts below, {start} – {end}")
    print(f"{'':34}{'median ms':>12}{'min ms':>10}")
    print(f"{'indicators compute (engine)':34}{ours_ms:>12.1f}{min(ours) * 1000:>10.1f}")
    print(f"{'one hand-written SQL statement':34}{theirs_ms:>12.1f}{min(theirs) * 1000:>10.1f}")
    if connection.vendor == "postgresql":
        print(f"{'the same, SET LOCAL jit = off':34}{statistics.median(no_jit) * 1000:>12.1f}"
              f"{min(no_jit) * 1000:>10.1f}")
    print(f"ratio engine ÷ hand-written: {ours_ms / theirs_ms:.2f} (target ≤ 1.5); "
          f"÷ the same without JIT: {ours_ms / (statistics.median(no_jit) * 1000):.2f}")
    print("counts agree" if not differ else f"counts DIFFER (engine, bare): {differ}")
    for r in results:
        print(f"  {r.code:34} {str(r.value):>10} = {r.numerator} / {r.denominator}")


if __name__ == "__main__":
    sys.exit(main())
