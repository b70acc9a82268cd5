"""Seed a large roster of mediators and many mediations fast into a throwaway database, for
the mediation benchmark (bench/mediation_vs_bare.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_mediation DEBUG=true \\
        .venv/bin/python bench/seed_mediations.py [--mediators 1000 --count 100000]

Loads the demo first (idempotent: the network, the holiday table, the demo filings, cases
and mediations, as `tianping demo` does; the benchmark opens the demo's mediation awaiting
a mediator), then adds to the roster of 锡林浩特市人民法院 (内2502) MEDIATORS mediators of
every kind (mediators of an invited organisation belong to one of the demo's partners),
with one to three specialities, Chinese and often Mongolian, a township of the city, a
capacity of 3 to 15 open mediations, most available (some unavailable for a while, some
back already, a few taken off the roster); about one in ten has an account (bench-med-N,
court staff without a membership, as an invited mediator who works on the platform; kept
by --reset and reused).

Then COUNT pre-filing mediations over the last three years, spread unevenly over the
bench mediators (about COUNT / MEDIATORS each on average): most ended (settled, failed,
withdrawn, with their appointment, acceptance and end dates and the share held online),
some thousands open (awaiting a mediator, appointed, being mediated) with their clocks,
recent ones. Each has its 民诉前调 number (the court's sequence is moved past them), a kind of
dispute and a mediator who mostly has that speciality. The dispute's papers (the filing)
and the timeline events are left out: the lists and the recommendation do not read them
(the demo's own mediations have both).

On PostgreSQL the rows go in by COPY (`bulk.py`), 20,000 mediations a transaction; the
script ends with ANALYZE. It refuses to seed twice: `--reset` removes the bench mediators,
their accounts and the bench mediations first. Not a test: it prints figures.
"""

import argparse
import datetime
import itertools
import os
import random
import sys
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bulk import insert, reserve_ids  # noqa: E402 (bench/, beside this script)
from seed_cases import name, pick, public_code, setup_django  # noqa: E402

BATCH = 20_000
COURT = "内2502"
APPLICANT = "bench-applicant"  # applied_by of every bench mediation: how --reset finds them
USER_PREFIX = "bench-med-"
PHONE_PREFIX = "1590000"  # the bench mediators' telephone numbers: how --reset finds them
TOWNSHIPS = [
    "希日塔拉街道", "宝力根街道", "楚古兰街道", "杭盖街道", "巴彦查干街道", "额尔敦街道",
    "南郊街道", "朝克乌拉苏木", "阿尔善宝力格镇", "宝力根苏木", "白音锡勒牧场", "贝力克牧场",
]
KINDS = {"invited": 0.30, "invited_organisation": 0.40, "peoples": 0.20, "in_court": 0.05,
         "judge_assistant": 0.05}
SPECIALITIES = {"family": 0.22, "neighbours": 0.12, "labour": 0.14, "traffic": 0.12,
                "finance": 0.16, "property_management": 0.08, "commerce": 0.08, "consumer": 0.03,
                "construction": 0.03, "other": 0.02}
CAPACITY = {3: 0.15, 5: 0.40, 8: 0.25, 10: 0.12, 15: 0.08}
# Shares of the mediations by status: some thousands open (4.5 % of 100,000), the rest ended.
STATUS = {"awaiting_appointment": 0.006, "appointed": 0.009, "in_progress": 0.030,
          "settled": 0.52, "failed": 0.325, "withdrawn": 0.11}
FAILURES = {"refused": 0.30, "no_contact": 0.15, "disagreement": 0.40, "expired": 0.10,
            "other": 0.05}
PERIOD = 30


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def seed_mediators(rng: random.Random, count: int, court, partners, today) -> list[dict]:
    """COUNT roster entries of COURT, about one in ten with an account."""
    from django.contrib.auth import get_user_model

    from tianping.mediation.models import Mediator, joined_codes

    User = get_user_model()
    with_account = max(1, count // 10)
    wanted = [f"{USER_PREFIX}{i}" for i in range(with_account)]
    have = {u.username: u for u in User.objects.filter(username__in=wanted)}
    User.objects.bulk_create([User(username=u, full_name=name(rng), kind="staff")
                              for u in wanted if u not in have])
    have = {u.username: u for u in User.objects.filter(username__in=wanted)}
    users = [have[u] for u in wanted]
    rows = []
    for i, pk in enumerate(reserve_ids(Mediator, count)):
        kind = pick(rng, KINDS)
        specs = set(rng.choices(list(SPECIALITIES), weights=list(SPECIALITIES.values()),
                                k=rng.choice((1, 1, 2, 2, 3))))
        roll = rng.random()
        rows.append({
            "id": pk,
            "court_id": court.pk,
            "user_id": users[i].pk if i < with_account else None,
            "name": users[i].full_name if i < with_account else name(rng),
            "kind": kind,
            "partner_id": rng.choice(partners).pk if kind == "invited_organisation" else None,
            "phone": f"{PHONE_PREFIX}{i:04d}",
            "specialities": joined_codes([s for s in SPECIALITIES if s in specs]),
            "languages": joined_codes(["zh", "mn"] if rng.random() < 0.35 else ["zh"]),
            "township": rng.choice(TOWNSHIPS),
            "capacity": pick(rng, CAPACITY),
            "available": roll >= 0.10,
            # unavailable: half of them until a day to come, half back already
            "unavailable_until": (today + days(rng.randrange(1, 60)) if roll < 0.05
                                  else today - days(rng.randrange(1, 60)) if roll < 0.10
                                  else None),
            "availability_note": "外出培训" if roll < 0.10 else "",
            "listed_on": today - days(rng.randrange(400, 1500)),
            "delisted_on": today - days(rng.randrange(1, 300)) if rng.random() < 0.03 else None,
            "delisting_reason": "",
        })
    for row in rows:
        if row["delisted_on"]:
            row["delisting_reason"] = "任期届满"
    from django.db import transaction

    with transaction.atomic():
        insert(Mediator, rows)
    return rows


class Numbers:
    """民诉前调 numbers of COURT per year, after the court's sequence (moved past them)."""

    def __init__(self, court_code: str):
        from tianping.catalog.models import CaseNumberSequence
        from tianping.mediation.actions_mediations import PRE_FILING_TYPE

        self.court_code, self.type_code = court_code, PRE_FILING_TYPE
        self.last = dict(CaseNumberSequence.objects.filter(
            court_code=court_code, special_code="", type_code=PRE_FILING_TYPE,
        ).values_list("year", "last_serial"))

    def issue(self, year: int) -> str:
        from tianping.catalog.case_numbers import format_case_number

        serial = self.last.get(year, 0) + 1
        self.last[year] = serial
        return format_case_number(year, self.court_code, self.type_code, serial)

    def save(self) -> None:
        from tianping.catalog.models import CaseNumberSequence

        for year, serial in self.last.items():
            CaseNumberSequence.objects.update_or_create(
                court_code=self.court_code, special_code="", type_code=self.type_code,
                year=year, defaults={"last_serial": serial})


class Spread:
    """Which bench mediator takes a mediation: uneven (log-normal weights), mostly one with
    the dispute's speciality; never one taken off the roster before the application."""

    def __init__(self, rng: random.Random, mediators: list[dict]):
        self.rng = rng
        weights = [rng.lognormvariate(0, 0.5) for _m in mediators]
        self.all = (mediators, list(itertools.accumulate(weights)))
        self.by_speciality = {}
        for s in SPECIALITIES:
            pool = [(m, w) for m, w in zip(mediators, weights, strict=True)
                    if f",{s}," in m["specialities"]]
            if pool:
                self.by_speciality[s] = ([m for m, _w in pool],
                                         list(itertools.accumulate(w for _m, w in pool)))

    def choose(self, speciality: str, applied_on: datetime.date) -> dict:
        for _attempt in range(5):
            pool = self.by_speciality.get(speciality)
            rows, cumulated = pool if pool and self.rng.random() < 0.85 else self.all
            m = self.rng.choices(rows, cum_weights=cumulated)[0]
            if m["delisted_on"] is None or m["delisted_on"] > applied_on:
                return m
        return m


def one_mediation(rng, spread: Spread, numbers: Numbers, ctx: dict, pk: int, used: set) -> dict:
    today = ctx["today"]
    status = pick(rng, STATUS)
    speciality = pick(rng, SPECIALITIES)
    row = {
        "id": pk, "code": public_code(rng, used), "court_id": ctx["court"].pk,
        "kind": "pre_filing", "status": status, "filing_id": None, "case_id": None,
        "speciality": speciality, "applied_by_id": ctx["applicant"].pk,
        "clock_steps": {}, "agreed_days": 0, "held_online": False,
    }
    if status == "awaiting_appointment":
        applied = today - days(rng.randrange(0, 4))
    elif status == "appointed":
        applied = today - days(rng.randrange(1, 6))
    elif status == "in_progress":
        applied = today - days(rng.randrange(3, 45))
    else:  # ended: over the last three years, recent ones more often
        applied = today - days(int(rng.triangular(8, 1095, 8)))
    row["applied_on"] = applied
    row["number"] = numbers.issue(applied.year)
    row["appoint_due_on"] = applied + days(rng.choice((3, 3, 4, 5)))
    mediator = spread.choose(speciality, applied)
    if rng.random() < 0.15:
        row["preferred_mediator_id"] = mediator["id"]
    if status == "awaiting_appointment" or (status == "withdrawn" and rng.random() < 0.3):
        row["ended_on"] = applied + days(rng.randrange(1, 4)) if status == "withdrawn" else None
        return row
    appointed = min(today, applied + days(rng.randrange(0, 4)))
    row.update(mediator_id=mediator["id"], appointed_on=appointed,
               accept_due_on=appointed + days(rng.choice((3, 3, 4, 5))))
    if status == "appointed":
        return row
    accepted = min(today, appointed + days(rng.randrange(0, 3)))
    agreed = rng.choice((0,) * 9 + (15,))
    row.update(accepted_on=accepted, agreed_days=agreed,
               ends_on=accepted + days(PERIOD + agreed), held_online=rng.random() < 0.45)
    if status == "in_progress":
        return row
    took = min(PERIOD + agreed, int(rng.expovariate(1 / 11)) + 1)
    row["ended_on"] = min(today - days(1), accepted + days(took))
    if status == "failed":
        row["failure_reason"] = pick(rng, FAILURES)
        row["outcome_note"] = "双方分歧较大，未能达成调解协议。"
    elif status == "settled":
        row["outcome_note"] = "双方自愿达成调解协议。"
    return row


def seed_mediations(rng, count: int, mediators: list[dict], court, today) -> Counter:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from tianping.mediation.models import Mediation

    applicant, _created = get_user_model().objects.get_or_create(
        username=APPLICANT, defaults={"full_name": "批量申请人", "kind": "litigant"})
    ctx = {"today": today, "court": court, "applicant": applicant}
    spread, numbers = Spread(rng, mediators), Numbers(court.code)
    used = set(Mediation.objects.values_list("code", flat=True))
    done, started, tally = 0, time.perf_counter(), Counter()
    while done < count:
        size = min(BATCH, count - done)
        rows = [one_mediation(rng, spread, numbers, ctx, pk, used)
                for pk in reserve_ids(Mediation, size)]
        with transaction.atomic():
            insert(Mediation, rows)
            numbers.save()
        tally.update(r["status"] for r in rows)
        done += size
        rate = done / (time.perf_counter() - started)
        print(f"  {done:>9,} mediations  ({rate:,.0f}/s, {(count - done) / rate:,.0f} s to go)",
              flush=True)
    return tally


def reset() -> None:
    from django.db import transaction

    from tianping.mediation.models import Mediation, MediationWarning, Mediator

    with transaction.atomic():
        bench = Mediation.objects.filter(applied_by__username=APPLICANT)
        MediationWarning.objects.filter(mediation__in=bench).delete()
        n = bench._raw_delete(bench.db)
        m, _ = Mediator.objects.filter(court__code=COURT, phone__startswith=PHONE_PREFIX).delete()
    print(f"  removed {n:,} bench mediations and {m:,} bench mediators (their accounts stay, "
          "for the next seed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mediators", type=int, default=1_000, help="mediators to add")
    parser.add_argument("--count", type=int, default=100_000, help="mediations to add")
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    parser.add_argument("--reset", action="store_true", help="remove the bench rows first")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.utils import timezone

    from tianping.catalog.builtin import sync_builtin_catalogs
    from tianping.courts.models import Court
    from tianping.demo.cases import load_demo_cases
    from tianping.demo.mediations import load_demo_mediations
    from tianping.demo.network import load_demo, load_holiday_table
    from tianping.mediation.models import Mediation, Mediator, Partner

    rng, started = random.Random(args.seed), time.perf_counter()
    where = f"{connection.vendor} {connection.settings_dict['NAME']}"
    print(f"Seeding {args.mediators:,} mediators and {args.count:,} mediations into {where}")
    sync_builtin_catalogs()
    load_demo()
    load_holiday_table()
    load_demo_cases()
    load_demo_mediations()
    if args.reset:
        reset()
    elif Mediator.objects.filter(phone__startswith=PHONE_PREFIX).exists():
        print("  the bench rows are there already: nothing added (--reset to seed again)")
        return
    court = Court.objects.get(code=COURT)
    today = timezone.localdate()
    partners = list(Partner.objects.filter(court=court).order_by("pk"))
    mediators = seed_mediators(rng, args.mediators, court, partners, today)
    print(f"  {len(mediators):,} mediators on the roster of {COURT}, "
          f"{sum(1 for m in mediators if m['user_id']):,} with an account")
    tally = seed_mediations(rng, args.count, mediators, court, today)
    opened = sum(tally[s] for s in ("awaiting_appointment", "appointed", "in_progress"))
    shares = [f"{s} {tally[s]:,}" for s in STATUS]
    print(f"  open {opened:,} ({', '.join(shares[:3])}); ended {args.count - opened:,} "
          f"({', '.join(shares[3:])})")
    held = Counter(Mediation.objects.filter(mediator__user__username__startswith=USER_PREFIX)
                   .values_list("mediator__user__username", flat=True))
    if held:
        counts = sorted(held.values())
        print(f"  mediators with an account hold {counts[0]} to {counts[-1]} mediations "
              f"(median {counts[len(counts) // 2]})")
    if connection.vendor == "postgresql":
        analyzed = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"  ANALYZE in {time.perf_counter() - analyzed:.1f} s")
    print(f"Done in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
