"""A province-year of cases as an older system would export it, for the historical import
and the indicator engine (issue 13).

    DEBUG=true .venv/bin/python bench/province_year.py --count 1000000 \\
        --year 2025 --out /tmp/province-2025.csv

writes a CSV with the import's Chinese headers (案号, 立案日期, 结案日期, 结案方式, 案由, 适用程序,
承办部门, 承办法官, 标的额, 审限届满日期, 原审案号) for the first 100 courts of 内蒙古 in the
built-in court-code catalog (the high court, its intermediate courts, then basic courts),
COUNT rows in all, with the mix `tianping.demo.history` describes (civil, enforcement,
pre-filing mediation, criminal, administrative and preservation cases; appeals at the court
above with 原审案号, remands, enforcement of judgments; a tenth filed the year before).
Deterministic for a given --seed. Not a test: it writes a file and prints what it wrote.
"""

import argparse
import csv
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src"))

from tianping.demo.history import write_history  # noqa: E402

CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src",
                       "tianping", "catalog", "data", "court_codes.csv")


def province(prefix="内", count=100):
    """The high court of PREFIX, its intermediate courts and basic courts: COUNT in all."""
    with open(CATALOG, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle)
                if r["code"].startswith(prefix) and not r["valid_to"]]
    order = {"high": 0, "intermediate": 1, "basic": 2}
    courts = list({r["code"]: r for r in sorted(
        rows, key=lambda r: (order.get(r["level"], 3), r["code"]))}.values())
    fixed = [c for c in courts if c["level"] in ("high", "intermediate")]
    return fixed + [c for c in courts if c["level"] == "basic"][:count - len(fixed)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", default="/tmp/province.csv")
    args = parser.parse_args(argv)
    courts = province()
    started = time.perf_counter()
    history = write_history(args.out, courts, datetime.date(args.year, 1, 1),
                            datetime.date(args.year, 12, 31), args.count, seed=args.seed)
    took = time.perf_counter() - started
    print(f"{history.rows:,} rows for {len(courts)} courts in {took:.1f} s → {args.out}")
    for type_code, n in history.kinds.most_common():
        print(f"  {type_code:6} {n:>9,}")


if __name__ == "__main__":
    sys.exit(main())
