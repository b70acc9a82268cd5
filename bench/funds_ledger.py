"""The case funds ledger at scale: seeds movements on PostgreSQL, then times a case's
balance and movements, the month's reconciliation and a payout command, each beside a bare
single SQL statement doing the same read (or write), in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_funds DEBUG=true \\
        .venv/bin/python bench/funds_ledger.py [--entries 1000000] [--statement 20000] [--runs 15]

Needs the demo network (`tianping migrate` and `tianping demo` on that database, or
bench/seed_cases.py). The seed spreads ENTRIES movements (received, fees, refunds: the
balance of each case stays positive) over the cases of 内2502 and the last twelve months,
by COPY (bench/bulk.py), 50,000 a transaction, then ANALYZE; one case, the "target",
gets 2,000 of them (the first 执 case of the court with an applicant: the officer
requests payouts to them). It can be run again (--entries 0 to time only).

Timed, in-process (no HTTP), the median of RUNS after one warm-up each:

- a case's funds: `funds.queries.case_funds` (balance, pending payouts, movements, payouts,
  deferrals, the payout clock) for the target case, beside one SELECT of its movements with
  the balance as a window sum;
- the month's reconciliation: `funds.reconcile.differences` for 内2502 and last month,
  against a statement of STATEMENT lines (its references taken from the month's ledger,
  one in ten with another amount, 50 not in the ledger), beside one FULL OUTER JOIN;
- a payout command: `funds.actions.pay` of an approved payout (lock, balance, backend,
  entry, event, audit), beside one INSERT ... SELECT that checks the balance.

Prints the figures and the ratio ours / bare (how many times slower ours is). Not a test.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import warnings
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

BATCH = 50_000
TARGET_ENTRIES = 2_000


def setup_django() -> None:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    warnings.filterwarnings("ignore", message="No directory at")


def median_ms(work, runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def seed(count: int, court, actor, target, only_target: bool = False) -> None:
    from bulk import insert, reserve_ids
    from django.db import connection, transaction
    from django.utils import timezone

    from tianping.cases.models import Case
    from tianping.funds.models import Entry

    if not count:
        return
    case_ids = list(Case.objects.filter(court=court).values_list("pk", flat=True))
    today = timezone.localdate()
    rng = random.Random(7)
    now = timezone.now()
    done = 0
    while done < count:
        n = min(BATCH, count - done)
        ids = reserve_ids(Entry, n)
        rows = []
        for i, pk in enumerate(ids):
            case_id = (target.pk if only_target or (done + i) < TARGET_ENTRIES
                       else rng.choice(case_ids))
            # per case in order: received 100, then alternately a fee or a refund of 40
            kind = "received" if i % 2 == 0 else rng.choice(("fee", "refunded"))
            amount = Decimal("100.00") if kind == "received" else Decimal("40.00")
            rows.append({
                "id": pk, "court_id": court.pk, "case_id": case_id, "kind": kind,
                "amount": amount, "on": today - datetime.timedelta(days=rng.randrange(365)),
                "at": now, "actor_id": actor.pk, "counterparty": "李四",
                "reference": f"B{pk}", "purpose": "bench"})
        # keep each case's balance positive: a case's outflow goes with the inflow before it
        for a, b in zip(rows[0::2], rows[1::2], strict=False):
            b["case_id"], b["on"] = a["case_id"], max(a["on"], b["on"])
        with transaction.atomic():
            insert(Entry, rows)
        done += n
        print(f"  seeded {done:,} movements", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE funds_entry")


CASE_SQL = """
SELECT id, kind, amount, value_date, counterparty, reference,
       SUM(CASE WHEN kind IN ('received', 'claimed') THEN amount ELSE -amount END) OVER ()
FROM funds_entry WHERE case_id = %s ORDER BY value_date, id
"""

DIFF_SQL = """
SELECT coalesce(e.reference, l.reference), e.amount, l.amount
FROM (SELECT reference, amount, CASE WHEN kind IN ('received', 'arrived') THEN 'in'
             ELSE 'out' END AS direction
      FROM funds_entry
      WHERE court_id = %(court)s AND value_date BETWEEN %(first)s AND %(last)s
        AND kind IN ('received', 'arrived', 'disbursed', 'refunded', 'deposited', 'fee')) e
FULL OUTER JOIN (SELECT reference, amount, direction FROM funds_statementline
                 WHERE statement_id = %(statement)s) l ON l.reference = e.reference
WHERE e.reference IS NULL OR l.reference IS NULL OR e.amount <> l.amount
   OR e.direction <> l.direction
"""

PAY_SQL = """
INSERT INTO funds_entry (court_id, case_id, kind, amount, value_date, at, actor_id, counterparty,
                         party_id, reference, purpose, case_number_given, key)
SELECT %(court)s, %(case)s, 'disbursed', %(amount)s, %(on)s, now(), %(actor)s, '张三', NULL,
       %(ref)s, '', '', %(key)s
WHERE (SELECT coalesce(SUM(CASE WHEN kind IN ('received', 'claimed') THEN amount
                                ELSE -amount END), 0)
       FROM funds_entry WHERE case_id = %(case)s) >= %(amount)s
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--statement", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from tianping.cases.models import Case
    from tianping.courts.models import Court
    from tianping.funds import actions, queries, reconcile
    from tianping.funds.models import Entry, Statement, StatementLine

    assert connection.vendor == "postgresql", "run on PostgreSQL (DATABASE_URL)"
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=("qianhui", "gaofeng", "hanlei"))}
    court = Court.objects.get(code="内2502")
    target = Case.objects.filter(court=court, type_code="执", parties__role="applicant"
                                 ).order_by("id").first()
    if target is None:  # the demo's funds case (an enforcement case of 张三's)
        from tianping.demo.funds import load_funds_demo

        load_funds_demo()
        target = Case.objects.filter(court=court, type_code="执", parties__role="applicant"
                                     ).order_by("id").first()
    missing = TARGET_ENTRIES - Entry.objects.filter(case=target).count()
    if missing > 0:
        seed(missing, court, users["qianhui"], target, only_target=True)
    started = time.perf_counter()
    seed(args.entries, court, users["qianhui"], target)
    if args.entries:
        print(f"seeded {args.entries:,} in {time.perf_counter() - started:.1f} s")
    total = Entry.objects.count()
    print(f"ledger: {total:,} movements; target case {target.number}: "
          f"{Entry.objects.filter(case=target).count():,} movements")

    rows = []

    def line(what, ours, bare):
        rows.append((what, ours, bare))
        print(f"{what:<46} ours {ours:9.2f} ms   bare {bare:8.2f} ms   "
              f"ratio {ours / bare:6.1f}", flush=True)

    def bare_case():
        with connection.cursor() as cursor:
            cursor.execute(CASE_SQL, [target.pk])
            return cursor.fetchall()

    funds = queries.case_funds(target)
    assert len(bare_case()) == len(funds.entries)
    line("case balance and movements", median_ms(lambda: queries.case_funds(target), args.runs),
         median_ms(bare_case, args.runs))

    today = timezone.localdate()
    first, last = queries.month_bounds(today.replace(day=1) - datetime.timedelta(days=1))
    month_entries = list(Entry.objects.filter(
        court=court, on__range=(first, last),
        kind__in=("received", "arrived", "disbursed", "refunded", "deposited", "fee"))
        .values_list("reference", "amount", "kind", "on")[:args.statement])
    statement = Statement.objects.create(court=court, month=first, file_name="bench.csv",
                                         sha256="0" * 64, imported_by=users["qianhui"])
    lines = [StatementLine(statement=statement, line=i + 2, on=on, reference=ref,
                           amount=amount + (1 if i % 10 == 0 else 0),
                           direction="in" if kind in ("received", "arrived") else "out")
             for i, (ref, amount, kind, on) in enumerate(month_entries)]
    lines += [StatementLine(statement=statement, line=len(lines) + 2 + i, on=first,
                            reference=f"X{statement.pk}-{i}", amount=Decimal("9.99"),
                            direction="in") for i in range(50)]
    StatementLine.objects.bulk_create(lines, batch_size=5000)
    params = {"court": court.pk, "first": first, "last": last, "statement": statement.pk}

    def bare_diff():
        with connection.cursor() as cursor:
            cursor.execute(DIFF_SQL, params)
            return cursor.fetchall()

    ours_n = len(reconcile.differences(court, first, statement))
    print(f"reconciliation: {len(lines):,} statement lines, {ours_n:,} differences "
          f"(bare: {len(bare_diff()):,})")
    line(f"month's reconciliation ({len(lines):,} lines)",
         median_ms(lambda: reconcile.differences(court, first, statement), args.runs),
         median_ms(bare_diff, args.runs))

    party = target.parties.filter(role="applicant").first()
    stamp = time.time()
    actions.record_arrival(court, actor=users["qianhui"], amount="1000000",
                           key=f"bench-{stamp}", reference=f"BENCH{stamp}", payer="李四",
                           case=target)
    payouts = []
    for i in range(args.runs + 1):
        p = actions.request_payout(target, actor=users["gaofeng"], party=party, amount="10",
                                   key=f"bench-{time.time()}-{i}", bank="中国银行",
                                   account_name="张三", account_number="6217000012345678")
        payouts.append(actions.decide_payout(p, actor=users["hanlei"], approve=True))
    queue = list(payouts)

    def ours_pay():
        p = queue.pop()
        actions.pay(p, actor=users["qianhui"], key=f"pay-{p.pk}", reference=f"Z{p.pk}")

    counter = iter(range(10**9))

    def bare_pay():
        n = next(counter)
        with connection.cursor() as cursor:
            cursor.execute(PAY_SQL, {"court": court.pk, "case": target.pk, "amount": 10,
                                     "on": today, "actor": users["qianhui"].pk,
                                     "ref": f"BARE{time.time()}-{n}",
                                     "key": f"bare-{time.time()}-{n}"})

    line("payout command (pay)", median_ms(ours_pay, args.runs), median_ms(bare_pay, args.runs))
    print(f"{'':<46} (ratio = ours / bare: how many times slower ours is)")


if __name__ == "__main__":
    main()
