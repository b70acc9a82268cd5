"""Benchmark: time-limit computation and the deadline sweep. Prints figures; asserts nothing.

    DEBUG=true .venv/bin/python bench/time_limits.py compute [--n 1000000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tianping_bench DEBUG=true \
        .venv/bin/python bench/time_limits.py sweep [--n 200000]

`sweep` needs a migrated database with the demo loaded (`tianping migrate && tianping demo`);
it adds N pending cases with time limits spread over the coming 60 days, then times a
first sweep (raising warnings) and a second one (nothing new to raise). `bench/sweep.py`
does the same beside one plain SQL statement selecting the same due warnings.
"""

import argparse
import datetime
import os
import random
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
os.environ.setdefault("DEBUG", "true")


def bench_compute(n: int) -> None:
    import django

    django.setup()
    from tianping.law.calendar import RestDayCalendar
    from tianping.law.limits import Exclusion, compute_limit
    from tianping.law.rules import RULES

    rng = random.Random(7)
    calendar = RestDayCalendar()
    starts = [
        datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(5000))
        for _ in range(1000)
    ]
    began = time.perf_counter()
    for i in range(n):
        rule = RULES[i % len(RULES)]
        start = starts[i % 1000]
        exclusions = (
            (
                Exclusion(
                    "appraisal",
                    start + datetime.timedelta(days=10),
                    start + datetime.timedelta(days=20),
                ),
            )
            if i % 3 == 0
            else ()
        )
        compute_limit(rule, start, calendar, exclusions=exclusions)
    elapsed = time.perf_counter() - began
    print(f"compute: {n} limits in {elapsed:.1f} s ({n / elapsed:,.0f} per second)")


def seed_pending(n: int, today: datetime.date) -> None:
    """Add N pending cases at 内2502 (one judge, the judge's division) with time limits
    expiring over the 60 days from TODAY (expired, suspended and closed cases: none)."""
    from django.db import transaction

    from tianping.cases.models import Case
    from tianping.courts.models import Court
    from tianping.deadlines.models import CaseTimeLimit

    court = Court.objects.get(code="内2502")
    membership = court.memberships.filter(role="judge").first()
    year = 2000 + (Case.objects.count() // 1_000_000)
    for chunk in range(0, n, 5000):
        with transaction.atomic():
            cases = Case.objects.bulk_create(
                [
                    Case(
                        number=f"（{year}）内2502民初{chunk + i + 1}号B{os.getpid()}",
                        court=court,
                        division_id=membership.division_id,
                        type_code="民初",
                        procedure="ordinary",
                        state="assigned",
                        judge_id=membership.user_id,
                        filed_on=today - datetime.timedelta(days=100),
                    )
                    for i in range(min(5000, n - chunk))
                ]
            )
            CaseTimeLimit.objects.bulk_create(
                [
                    CaseTimeLimit(
                        case=c,
                        rule_code="civil-ordinary",
                        starts_on=c.filed_on,
                        expires_on=today + datetime.timedelta(days=(c.pk % 60)),
                    )
                    for c in cases
                ]
            )


def bench_sweep(n: int) -> None:
    import django

    django.setup()
    from django.db import connection

    from tianping.deadlines.models import TimeLimitWarning
    from tianping.deadlines.sweep import sweep
    from tianping.notifications.models import Notification

    today = datetime.date(2026, 6, 1)
    print(f"database: {connection.vendor}; seeding {n} pending cases...")
    began = time.perf_counter()
    seed_pending(n, today)
    print(f"seeded in {time.perf_counter() - began:.1f} s")
    for label in ("first sweep", "second sweep"):
        began = time.perf_counter()
        raised = sweep(today)
        print(
            f"{label}: {raised} warnings raised in {time.perf_counter() - began:.1f} s; "
            f"warnings {TimeLimitWarning.objects.count()}, "
            f"notifications {Notification.objects.count()}"
        )
    print("(bench/sweep.py compares the sweep with one SQL statement.)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["compute", "sweep"])
    parser.add_argument("--n", type=int)
    args = parser.parse_args()
    if args.what == "compute":
        bench_compute(args.n or 1_000_000)
    else:
        bench_sweep(args.n or 200_000)


if __name__ == "__main__":
    sys.exit(main())
