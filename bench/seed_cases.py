"""Seed many cases with their time limits fast into a throwaway database, for the list
benchmarks (bench/lists.py, bench/lists_vs_bare.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_lists DEBUG=true \\
        .venv/bin/python bench/seed_cases.py --count 1000000

Loads the demo network first (idempotent), adds bench civil divisions (民二庭, 民三庭) and
judges (about one per 2,500 cases; half the civil judges of 内2502 in its fast-track team)
and a president for each court that has none, then spreads the cases over the demo courts
内2502, 内2501 and the intermediate court 内25: filing dates over the last three years (more
recent ones more often), most older cases closed (some archived), the rest filed /
assigned / in trial / suspended, green-channel flags on about one case in ten, two or three
parties and one "filed" event each, and each its time limit (`seed_limits.py`: the rule's
limit with approved extensions and excluded periods where a case needed them; about 6 % of
pending cases overdue, suspended cases suspended), then a review queue of open filings.

On PostgreSQL the rows go in by COPY (`bulk.py`), 20,000 cases a transaction, with their
ids taken from the sequences beforehand; elsewhere by bulk_create. A million cases take
about four and a half minutes on two cores. It ends with ANALYZE. Run it again to add more.
Not a test: it prints figures.
"""

import argparse
import datetime
import math
import os
import random
import sys
import time
from collections import defaultdict
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bulk import insert, reserve_ids  # noqa: E402 (bench/, beside this script)
from seed_limits import Limits  # noqa: E402

BATCH = 20_000
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗巴其乌苏图"
GIVEN = "军强敏丽涛峰霞志梅明华平雅娜日勒格尔根芳静伟磊洋"
COURT_SHARE = {"内2502": 0.55, "内2501": 0.30, "内25": 0.15}
TYPES_BASIC = {"民初": 0.62, "执": 0.20, "刑初": 0.10, "行初": 0.08}
TYPES_INTERMEDIATE = {"民终": 0.60, "执": 0.15, "刑终": 0.15, "行终": 0.10}
DIVISION_KIND = {"民": "civil", "执": "enforcement", "刑": "criminal", "行": "administrative"}
PENDING_SHARE = {"filed": 0.03, "assigned": 0.25, "in_trial": 0.65, "suspended": 0.07}
FILING_CHANNELS = {
    "online": 0.55,
    "window": 0.25,
    "mobile": 0.1,
    "self_service": 0.05,
    "on_site": 0.03,
    "circuit": 0.02,
}
CLOSURE_SHARE = {
    "judgment": 0.35,
    "mediation": 0.25,
    "withdrawal": 0.25,
    "dismissal": 0.05,
    "transfer": 0.03,
    "termination": 0.02,
    "other": 0.05,
}


def setup_django() -> None:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
    import django

    django.setup()


def pick(rng: random.Random, shares: dict):
    return rng.choices(list(shares), weights=list(shares.values()), k=1)[0]


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))


class World:
    """The demo courts, their trial divisions, judges, fast-track team, causes and deciders."""

    def __init__(self, rng: random.Random):
        from tianping.catalog.choices import CatalogKind
        from tianping.catalog.models import CatalogEntry
        from tianping.courts.models import Court, Membership

        self.rng = rng
        self.courts = {c.code: c for c in Court.objects.filter(code__in=COURT_SHARE)}
        self.divisions = defaultdict(list)  # (court code, kind) -> trial divisions
        for c in self.courts.values():
            for d in c.divisions.filter(kind__in=set(DIVISION_KIND.values())).order_by("pk"):
                self.divisions[(c.code, d.kind)].append(d)
        self.judges = defaultdict(list)  # division id -> judges' user ids
        current = Membership.objects.current()
        for m in current.filter(role="judge", court__in=self.courts.values()).order_by("pk"):
            self.judges[m.division_id].append(m.user_id)
        self.team = self.courts["内2502"].teams.filter(kind="fast_track").first()
        self.team_judges = (
            sorted(
                set(self.team.memberships.values_list("user_id", flat=True))
                & {u for users in self.judges.values() for u in users}
            )
            if self.team
            else []
        )
        self.causes = list(
            CatalogEntry.objects.filter(
                version__kind=CatalogKind.CIVIL_CAUSES, level__gte=3
            ).values_list("pk", flat=True)[:400]
        )
        presidents = {
            m.court_id: m.user_id
            for m in current.filter(role="president", court__in=self.courts.values())
        }
        self.deciders = {}
        for c in self.courts.values():
            above = presidents.get(c.parent_id) or presidents.get(c.pk)
            self.deciders[(c.pk, "president")] = presidents.get(c.pk)
            self.deciders[(c.pk, "higher_court")] = above


def judges_per_court(count: int) -> dict[str, int]:
    """About one judge per 2,500 cases over the three years (some 800 a year), at least the
    few a small seed needs."""
    base = {"内2502": 10, "内2501": 6, "内25": 6}
    return {code: max(n, round(COURT_SHARE[code] * count / 2500)) for code, n in base.items()}


def ensure_bench_staff(rng: random.Random, count: int) -> None:
    """Bench civil divisions (民二庭, 民三庭), judges over the trial divisions (six in ten
    civil, half of the civil ones at 内2502 also in its fast-track team) and a president
    for each court that has none (they decide extensions)."""
    from tianping.accounts.models import User
    from tianping.courts.models import Court, Division, Membership, Team, TeamMember

    extra = {"内2502": ["民事审判第二庭", "民事审判第三庭"], "内25": ["民事审判第二庭"]}
    kinds = ["civil"] * 6 + ["enforcement"] * 2 + ["criminal", "administrative"]
    team = Team.objects.filter(court__code="内2502", kind="fast_track").first()
    for code, n in judges_per_court(count).items():
        court = Court.objects.get(code=code)
        for title in extra.get(code, []):
            Division.objects.get_or_create(court=court, name=title, defaults={"kind": "civil"})
        divisions = defaultdict(list)
        for d in court.divisions.order_by("pk"):
            divisions[d.kind].append(d)
        existing = set(
            User.objects.filter(username__startswith=f"bench-{code}-").values_list(
                "username", flat=True
            )
        )
        for i in range(n):
            username = f"bench-{code}-{i}"
            if username in existing:
                continue
            user = User.objects.create(username=username, full_name=name(rng), kind="staff")
            kind = kinds[i % len(kinds)]
            choices = divisions[kind]
            division = choices[(i // len(kinds)) % len(choices)] if choices else None
            Membership.objects.create(user=user, court=court, role="judge", division=division)
            if code == "内2502" and kind == "civil" and i % 2 == 0 and team is not None:
                TeamMember.objects.create(team=team, user=user, role="member")
        if not Membership.objects.filter(court=court, role="president").exists():
            user, _ = User.objects.get_or_create(
                username=f"bench-{code}-president",
                defaults={"full_name": name(rng), "kind": "staff"},
            )
            Membership.objects.create(user=user, court=court, role="president")


class Numbers:
    """Case numbers per court, type and year, continuing after those already there."""

    def __init__(self):
        self.next = {}

    def issue(self, court_code: str, type_code: str, year: int) -> str:
        from tianping.cases.models import Case

        prefix = f"（{year}）{court_code}{type_code}"
        if prefix not in self.next:
            self.next[prefix] = Case.objects.filter(number__startswith=prefix).count() + 1
        n = self.next[prefix]
        self.next[prefix] = n + 1
        return f"{prefix}{n}号"


CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def public_code(rng: random.Random, used: set) -> str:
    """A random public code (as `parties.models.new_public_code`, but from the seeded
    generator: much faster than `secrets` for a million rows)."""
    while True:
        code = "".join(rng.choices(CODE_ALPHABET, k=10))
        if code not in used:
            used.add(code)
            return code


def one_case(world: World, numbers: Numbers, today: datetime.date, pk: int, used: set) -> dict:
    """A case row with a realistic spread of court, type, division, dates, state and flags."""
    rng = world.rng
    court_code = pick(rng, COURT_SHARE)
    type_code = pick(rng, TYPES_INTERMEDIATE if court_code == "内25" else TYPES_BASIC)
    age = int(rng.triangular(0, 1095, 0))
    filed_on = today - datetime.timedelta(days=age)
    amount = _amount(rng) if type_code.startswith(("民", "执")) else None
    track, procedure, in_team = _triage(rng, court_code, type_code, amount)
    kind = DIVISION_KIND[type_code[0]]
    choices = world.divisions.get((court_code, kind)) or [None]
    division = choices[0] if in_team else rng.choice(choices)
    judges = world.team_judges if in_team else world.judges.get(division and division.pk, [])
    state, closed_on, mode = _fate(rng, filed_on, age, today)
    return {
        "id": pk,
        "code": public_code(rng, used),
        "number": numbers.issue(court_code, type_code, filed_on.year),
        "court_id": world.courts[court_code].pk,
        "division_id": division.pk if division else None,
        "team_id": world.team.pk if in_team else None,
        "judge_id": rng.choice(judges) if judges and state != "filed" else None,
        "filing_id": None,
        "type_code": type_code,
        "special_code": "",
        "procedure": procedure,
        "track": track,
        "triage_reasons": [_reason(track)],
        "cause_id": rng.choice(world.causes) if world.causes and type_code[0] == "民" else None,
        "claims": "判令被告支付款项",
        "amount": amount,
        "is_livelihood": rng.random() < 0.06,
        "is_enterprise": rng.random() < 0.03,
        "is_migrant_wages": rng.random() < 0.02,
        "state": state,
        "filed_on": filed_on,
        "closed_on": closed_on,
        "closure_mode": mode,
        "closure_note": "",
        "created_at": world.now,
    }


def _amount(rng: random.Random) -> Decimal:
    return Decimal(round(rng.lognormvariate(math.log(50000), 1.2), -2))


def _triage(rng, court_code: str, type_code: str, amount) -> tuple[str, str, bool]:
    """(track, procedure, to the fast-track team): half the simple cases of 内2502 go to
    its fast-track team, the rest to a civil division."""
    if type_code == "执":
        return "", "enforcement", False
    if type_code == "民初" and amount is not None and amount <= 500000:
        procedure = "small_claims" if amount <= 30000 else "summary"
        return "simple", procedure, court_code == "内2502" and rng.random() < 0.5
    return "ordinary", "ordinary", False


def _reason(track: str) -> str:
    if track == "simple":
        return "标的额不超过50万元的民事案件：适用简易程序，由速裁快审团队审理"
    return "No simple-case rule matched; the case goes to a division as a complex case."


def _fate(rng: random.Random, filed_on, age: int, today) -> tuple[str, object, str]:
    """Older cases are mostly closed; a few stay pending for more than a year."""
    if rng.random() > 1 - math.exp(-age / 120):
        return pick(rng, PENDING_SHARE), None, ""
    took = min(age, int(rng.expovariate(1 / 75)))
    closed_on = filed_on + datetime.timedelta(days=took)
    archived = (today - closed_on).days > 365 and rng.random() < 0.7
    return ("archived" if archived else "closed"), closed_on, pick(rng, CLOSURE_SHARE)


def parties_of(case: dict, rng: random.Random) -> list[dict]:
    roles = ["applicant", "respondent"] if case["type_code"] == "执" else ["plaintiff", "defendant"]
    if rng.random() < 0.1:
        roles.append(roles[1])
    return [
        {
            "case_id": case["id"],
            "user_id": None,
            "role": role,
            "kind": "natural",
            "name": name(rng),
            "doc_type": "resident_id",
            "id_number": f"1525{rng.randrange(10**13, 10**14)}",
            "position": i,
        }
        for i, role in enumerate(roles)
    ]


def with_ids(model, rows: list[dict]) -> list[dict]:
    for row, pk in zip(rows, reserve_ids(model, len(rows)), strict=True):
        row["id"] = pk
    return rows


def seed_cases(count: int, rng: random.Random, today: datetime.date) -> None:
    """COUNT cases in batches of BATCH, each batch one transaction: the cases, their
    parties, "filed" events, time limits, extension requests and excluded periods."""
    from django.db import transaction
    from django.utils import timezone

    from tianping.cases.models import Case, CaseEvent, CaseParty
    from tianping.deadlines.models import CaseExclusion, CaseTimeLimit, ExtensionRequest

    world, numbers = World(rng), Numbers()
    world.now = timezone.now()
    limits = Limits(rng, today, world.deciders)
    used = set(Case.objects.values_list("code", flat=True))
    done, started, tally = 0, time.perf_counter(), defaultdict(int)
    while done < count:
        size = min(BATCH, count - done)
        cases = [one_case(world, numbers, today, pk, used) for pk in reserve_ids(Case, size)]
        parties = [p for case in cases for p in parties_of(case, rng)]
        events = [
            {
                "case_id": c["id"],
                "seq": 1,
                "kind": "filed",
                "at": world.now,
                "actor_id": None,
                "acted_for_id": None,
                "details": {"number": c["number"]},
                "is_public": True,
            }
            for c in cases
        ]
        found = [limits.rows(c) for c in cases]
        with transaction.atomic():
            insert(Case, cases)
            insert(CaseParty, with_ids(CaseParty, parties))
            insert(CaseEvent, with_ids(CaseEvent, events))
            insert(
                CaseTimeLimit, with_ids(CaseTimeLimit, [f["limit"] for f in found if f["limit"]])
            )
            insert(
                ExtensionRequest,
                with_ids(ExtensionRequest, [x for f in found for x in f["extensions"]]),
            )
            insert(
                CaseExclusion, with_ids(CaseExclusion, [x for f in found for x in f["exclusions"]])
            )
        for c in cases:
            tally["pending" if c["closed_on"] is None else "closed"] += 1
            tally["green"] += c["is_livelihood"] or c["is_enterprise"] or c["is_migrant_wages"]
        done += size
        rate = done / (time.perf_counter() - started)
        print(
            f"  {done:>9,} cases  ({rate:,.0f}/s, {(count - done) / rate:,.0f} s to go)", flush=True
        )
    pending = tally["pending"] or 1
    print(
        f"  pending {tally['pending']:,} ({tally['pending'] / count:.0%}), closed or archived "
        f"{tally['closed']:,}, green channel {tally['green']:,} ({tally['green'] / count:.0%})"
    )
    print(
        f"  time limits: overdue {limits.overdue:,} ({limits.overdue / pending:.1%} of pending), "
        f"suspended {limits.suspended:,}, extended {limits.extended:,}, with an excluded "
        f"period {limits.excluded:,}"
    )


def seed_filings(count: int, rng: random.Random) -> None:
    """Open filings awaiting review at the two basic courts (the review queue)."""
    from django.utils import timezone

    from tianping.accounts.models import User
    from tianping.courts.models import Court
    from tianping.filings.models import Filing, FilingParty

    filer = User.objects.get(username="zhangsan")
    courts = {c.code: c for c in Court.objects.filter(code__in=["内2502", "内2501"])}
    now = timezone.now()
    filings = []
    for i in range(count):
        received = now - datetime.timedelta(hours=rng.randrange(1, 24 * 10))
        filings.append(
            Filing(
                court=courts["内2502" if i % 3 else "内2501"],
                channel=pick(rng, FILING_CHANNELS),
                filer=filer,
                entered_by=filer,
                status="submitted" if rng.random() < 0.85 else "correction_requested",
                claims="判令被告归还借款",
                amount=_amount(rng),
                is_livelihood=rng.random() < 0.06,
                is_enterprise=rng.random() < 0.03,
                is_migrant_wages=rng.random() < 0.02,
                submitted_at=received,
                clock_starts_on=received.date(),
                review_due_on=received.date() + datetime.timedelta(days=7),
            )
        )
    filings = Filing.objects.bulk_create(filings, batch_size=1000)
    FilingParty.objects.bulk_create(
        [
            FilingParty(filing=f, role=r, name=name(rng), doc_type="resident_id", id_number="1")
            for f in filings
            for r in ("plaintiff", "defendant")
        ],
        batch_size=2000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="cases to add")
    parser.add_argument(
        "--filings", type=int, default=None, help="open filings (count/2000, 20 to 600)"
    )
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.utils import timezone

    from tianping.demo.network import load_demo

    rng, started = random.Random(args.seed), time.perf_counter()
    where = f"{connection.vendor} {connection.settings_dict['NAME']}"
    print(f"Seeding {args.count:,} cases with their time limits into {where}")
    load_demo()
    ensure_bench_staff(rng, args.count)
    seed_cases(args.count, rng, timezone.localdate())
    filings = args.filings if args.filings is not None else min(600, max(20, args.count // 2000))
    seed_filings(filings, rng)
    print(f"  {filings:,} open filings for the review queue")
    if connection.vendor == "postgresql":
        analyzed = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"  ANALYZE in {time.perf_counter() - analyzed:.1f} s")
    print(f"Done in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
