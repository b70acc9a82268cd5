"""Seed hearings with their bookings and service records with their attempts, for
bench/calendar_service_vs_bare.py.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tianping_bench_hs DEBUG=true \\
        .venv/bin/python bench/seed_hearings_service.py [--cases 100000] \\
        [--hearings 100000] [--services 1000000]

Loads the demo network and CASES cases as bench/seed_cases.py does (its functions: courts,
bench judges, time limits), then:

- bench courtrooms (第N法庭, 30 at 内2502, 18 at 内2501, 10 at 内25);
- HEARINGS hearings of the cases with a judge, from 15 days after filing until the case
  closed (or 8 weeks ahead for pending cases), on weekdays in four slots (09:00, 10:30,
  14:30, 16:00 local, 90 minutes), never two in one room or for one judge at once; past
  ones mostly held (some postponed or cancelled), future ones scheduled; each with its
  bookings as the hearings app stores them (`room:<id>` and `user:<judge id>`, with the
  hearing's times, active while scheduled, released otherwise);
- SERVICES services over the cases' parties (2 to 6 documents a party, each named once
  per party), each with one or two attempts: platform, SMS, court post (tracking number,
  posted, the receipt back), direct service, a few public notices (30 days). Services of
  the last month are often not yet effective (court post awaiting its receipt), a few
  older ones never were; the public notices of the last 30 days are still running.

Rows go in by COPY (bench/bulk.py), 20,000 a transaction, then ANALYZE. About five minutes
on 2 cores at the default sizes. Use a fresh database.
"""

import argparse
import datetime
import os
import random
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bulk import insert, reserve_ids  # noqa: E402
from seed_cases import (  # noqa: E402
    CODE_ALPHABET,
    ensure_bench_staff,
    seed_cases,
    setup_django,
)

BATCH = 20_000
ROOMS = {"内2502": 30, "内2501": 18, "内25": 10}
SLOTS = [(9, 0), (10, 30), (14, 30), (16, 0)]
LENGTH = datetime.timedelta(minutes=90)
DOCUMENTS = [
    ("acceptance-notice", "受理案件通知书"), ("response-notice", "应诉通知书"),
    ("summons", "传票"), ("evidence-notice", "举证通知书"), ("hearing-notice", "开庭通知书"),
    ("judgment", "民事判决书"), ("ruling", "民事裁定书"), ("mediation-document", "民事调解书"),
]
CHANNELS = {"platform": 0.38, "sms": 0.14, "postal": 0.38, "direct": 0.095, "public_notice": 0.005}


def pick(rng, shares: dict):
    return rng.choices(list(shares), weights=list(shares.values()))[0]


class Codes:
    def __init__(self, rng, used):
        self.rng, self.used = rng, used

    def __call__(self) -> str:
        while True:
            code = "".join(self.rng.choices(CODE_ALPHABET, k=10))
            if code not in self.used:
                self.used.add(code)
                return code


def ensure_rooms() -> dict[int, list[int]]:
    from tianping.courts.models import Court, Courtroom

    rooms = {}
    for code, n in ROOMS.items():
        court = Court.objects.get(code=code)
        for i in range(1, n + 1):
            Courtroom.objects.get_or_create(court=court, name=f"第{i}法庭",
                                            defaults={"seats": 40, "location": f"{i}楼"})
        rooms[court.pk] = list(Courtroom.objects.filter(court=court, is_online=False)
                               .order_by("pk").values_list("pk", flat=True))
    return rooms


def _slot(day: datetime.date, slot: int):
    from django.utils import timezone

    hour, minute = SLOTS[slot]
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    return start, start + LENGTH


def seed_hearings(rng, count: int, rooms: dict, today: datetime.date) -> dict:
    from django.db import transaction
    from django.utils import timezone

    from tianping.accounts.models import User
    from tianping.cases.models import Case
    from tianping.hearings.models import Booking, Hearing

    cases = list(Case.objects.filter(judge__isnull=False, court_id__in=list(rooms))
                 .values_list("pk", "court_id", "judge_id", "filed_on", "closed_on"))
    names = dict(User.objects.filter(pk__in={c[2] for c in cases})
                 .values_list("pk", "full_name"))
    codes = Codes(rng, set(Hearing.objects.values_list("code", flat=True)))
    taken_room, taken_judge = set(), set()
    horizon = today + datetime.timedelta(weeks=8)
    now = timezone.now()
    done, tally, started = 0, defaultdict(int), time.perf_counter()
    while done < count:
        size = min(BATCH, count - done)
        hearings, bookings = [], []
        ids = reserve_ids(Hearing, size)
        while len(hearings) < size:
            pk, court_id, judge_id, filed_on, closed_on = rng.choice(cases)
            first = filed_on + datetime.timedelta(days=15)
            last = min(closed_on or horizon, horizon)
            if last <= first:
                continue
            # pending cases: their hearings mostly near today (the calendars' busy weeks)
            if closed_on is None and rng.random() < 0.6:
                first = max(first, today - datetime.timedelta(days=28))
            for _attempt in range(6):
                day = first + datetime.timedelta(days=rng.randrange((last - first).days + 1))
                if day.weekday() >= 5:
                    continue
                slot = rng.randrange(len(SLOTS))
                room = rng.choice(rooms[court_id])
                if (room, day, slot) in taken_room or (judge_id, day, slot) in taken_judge:
                    continue
                taken_room.add((room, day, slot))
                taken_judge.add((judge_id, day, slot))
                break
            else:
                continue
            starts_at, ends_at = _slot(day, slot)
            if starts_at > now:
                status = "scheduled"
            else:
                status = pick(rng, {"held": 0.88, "postponed": 0.08, "cancelled": 0.04})
            tally[status] += 1
            hid = ids[len(hearings)]
            hearings.append({
                "id": hid, "code": codes(), "case_id": pk, "kind": "hearing",
                "starts_at": starts_at, "ends_at": ends_at, "place_kind": "courtroom",
                "courtroom_id": room, "status": status, "is_public": rng.random() < 0.9,
                "people": [], "record": "", "scheduled_by_id": judge_id,
                "scheduled_at": starts_at - datetime.timedelta(days=rng.randint(5, 30)),
                "held_at": ends_at if status == "held" else None,
                "postponement_reason": "当事人申请延期" if status == "postponed" else "",
                "caused_by": "party" if status == "postponed" else "",
                "cancel_reason": "原告撤诉" if status == "cancelled" else "",
            })
            active = status == "scheduled"
            for resource, label in ((f"room:{room}", f"第{room}法庭"),
                                    (f"user:{judge_id}", names.get(judge_id) or "法官")):
                bookings.append({"hearing_id": hid, "resource": resource, "label": label[:120],
                                 "starts_at": starts_at, "ends_at": ends_at, "active": active})
        for row, bid in zip(bookings, reserve_ids(Booking, len(bookings)), strict=True):
            row["id"] = bid
        with transaction.atomic():
            insert(Hearing, hearings)
            insert(Booking, bookings)
        done += size
        rate = done / (time.perf_counter() - started)
        print(f"  {done:>9,} hearings  ({rate:,.0f}/s)", flush=True)
    return tally


def seed_services(rng, count: int, today: datetime.date) -> dict:
    from django.db import transaction
    from django.utils import timezone

    from tianping.cases.models import Case, CaseParty
    from tianping.service.models import Service, ServiceAttempt

    cases = {pk: (judge_id, filed_on, closed_on) for pk, judge_id, filed_on, closed_on in
             Case.objects.filter(judge__isnull=False)
             .values_list("pk", "judge_id", "filed_on", "closed_on")}
    parties = [(pk, case_id, name) for pk, case_id, name in
               CaseParty.objects.filter(case_id__in=list(cases))
               .values_list("pk", "case_id", "name")]
    rng.shuffle(parties)
    codes = Codes(rng, set(Service.objects.values_list("code", flat=True)))
    tz = timezone.get_current_timezone()
    done, tally, started = 0, defaultdict(int), time.perf_counter()
    services, attempts = [], []

    def flush():
        for row, pk in zip(attempts, reserve_ids(ServiceAttempt, len(attempts)), strict=True):
            row["id"] = pk
            row["service_id"] = row["service"]["id"]
            if row["service"].get("_first") is row:
                row["service"]["effective_attempt_id"] = pk
        rows = [{k: v for k, v in a.items() if k != "service"} for a in attempts]
        with transaction.atomic():
            insert(Service, services)
            insert(ServiceAttempt, rows)
        services.clear()
        attempts.clear()

    passes = 0
    while done < count:
        suffix = f"-{passes}" if passes else ""
        for party_id, case_id, _name in parties:
            if done >= count:
                break
            judge_id, filed_on, closed_on = cases[case_id]
            end = min(closed_on or today, today)
            span = max(0, (end - filed_on).days)
            for name, title in rng.sample(DOCUMENTS, rng.randint(2, 6)):
                day = filed_on + datetime.timedelta(days=rng.randint(0, span))
                created_at = datetime.datetime.combine(
                    day, datetime.time(rng.randint(8, 17), rng.randrange(60)), tz)
                service = {"code": codes(), "case_id": case_id, "party_id": party_id,
                           "document_name": f"{name}{suffix}", "title": title,
                           "created_by_id": judge_id, "created_at": created_at}
                service["_age"] = (today - day).days
                services.append(service)
                _attempts_of(rng, service, attempts, day, created_at, today, tally)
                done += 1
                if len(services) >= BATCH:
                    _ids(services)
                    flush()
                    rate = done / (time.perf_counter() - started)
                    print(f"  {done:>9,} services  ({rate:,.0f}/s)", flush=True)
                if done >= count:
                    break
        passes += 1
    if services:
        _ids(services)
        flush()
    return tally


def _ids(services) -> None:
    from tianping.service.models import Service

    for row, pk in zip(services, reserve_ids(Service, len(services)), strict=True):
        row["id"] = pk
        row.pop("_age", None)


def _attempts_of(rng, service, attempts, day, created_at, today, tally) -> None:
    """One or two attempts of SERVICE; sets its day of effect (the first effective)."""
    age = service["_age"]
    channel = pick(rng, CHANNELS)
    chosen = [channel]
    if channel == "sms" and rng.random() < 0.5:
        chosen.append("postal")
    recent = age <= 30
    effective_days = []
    for ch in chosen:
        row = {"service": service, "channel": ch, "idempotency_key": f"bench-{ch}",
               "status": "effective", "sent_at": created_at,
               "created_by_id": service["created_by_id"], "address": "", "photo": ""}
        on = None
        if ch == "postal":
            row["tracking_number"] = f"EMS{rng.randrange(10**11):011d}"
            row["posted_on"] = day
            on = day + datetime.timedelta(days=rng.randint(2, 9))
            if on > today or (recent and rng.random() < 0.4) or rng.random() < 0.004:
                row["status"], on = "sent", None  # the receipt is not back
            else:
                row["receipt_on"] = on
        elif ch == "public_notice":
            row["published_on"] = day
            row["published_where"] = "人民法院公告网"
            on = day + datetime.timedelta(days=30)
        elif ch == "direct":
            on = day
            row["recipient"] = "本人"
        else:  # platform, sms: effective when sent, unless undelivered (rare)
            if rng.random() < 0.01:
                row["status"] = "failed"
            else:
                on = day
        if on is not None:
            row["effective_on"] = on
            row["effective_at"] = created_at + datetime.timedelta(days=(on - day).days)
            effective_days.append(on)
        attempts.append(row)
    if effective_days:
        first = min(effective_days)
        service["effective_on"] = first
        tally["running notice" if first > today else "effective"] += 1
    else:
        tally["waiting"] += 1
    # the effective attempt: the first that took effect (its id is set in flush)
    for row in attempts[-len(chosen):]:
        if row.get("effective_on") == service.get("effective_on") and row["status"] == "effective":
            row["service"]["_first"] = row
            break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--hearings", type=int, default=100_000)
    parser.add_argument("--services", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.utils import timezone

    from tianping.demo.network import load_demo

    rng, started = random.Random(args.seed), time.perf_counter()
    today = timezone.localdate()
    print(f"Seeding into {connection.vendor} {connection.settings_dict['NAME']}")
    load_demo()
    ensure_bench_staff(rng, args.cases)
    if args.cases:
        seed_cases(args.cases, rng, today)
    rooms = ensure_rooms()
    tally = seed_hearings(rng, args.hearings, rooms, today)
    print("  hearings: " + ", ".join(f"{k} {v:,}" for k, v in sorted(tally.items())))
    tally = seed_services(rng, args.services, today)
    print("  services: " + ", ".join(f"{k} {v:,}" for k, v in sorted(tally.items())))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"Done in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
