"""Seed many cases fast (bulk_create) into a throwaway database, for bench/lists.py.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tianping_bench DEBUG=true \\
        .venv/bin/python bench/seed_cases.py --count 100000

Loads the demo network first (idempotent), adds bench judges, then spreads the cases over
the demo courts: filing dates over the last three years (more recent ones more often),
most older cases closed (some archived), the rest filed / assigned / in trial /
suspended, green-channel flags on about one case in ten, two or three parties each, one
"filed" event each, and a review queue of open filings. Not a test: it prints figures.
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

BATCH = 5000
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗巴其乌苏图"
GIVEN = "军强敏丽涛峰霞志梅明华平雅娜日勒格尔根芳静伟磊洋"
COURT_SHARE = {"内2502": 0.55, "内2501": 0.30, "内25": 0.15}
TYPES_BASIC = {"民初": 0.62, "执": 0.20, "刑初": 0.10, "行初": 0.08}
TYPES_INTERMEDIATE = {"民终": 0.60, "执": 0.15, "刑终": 0.15, "行终": 0.10}
DIVISION_KIND = {"民": "civil", "执": "enforcement", "刑": "criminal", "行": "administrative"}
PENDING_SHARE = {"filed": 0.03, "assigned": 0.25, "in_trial": 0.65, "suspended": 0.07}
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
    """The demo courts, their divisions, judges, fast-track team and some causes."""

    def __init__(self, rng: random.Random):
        from tianping.catalog.choices import CatalogKind
        from tianping.catalog.models import CatalogEntry
        from tianping.courts.models import Court, Membership

        self.rng = rng
        self.courts = {c.code: c for c in Court.objects.filter(code__in=COURT_SHARE)}
        self.divisions = {
            (d.court.code, d.kind): d
            for c in self.courts.values()
            for d in c.divisions.select_related("court")
        }
        self.judges = defaultdict(list)
        for m in Membership.objects.current().filter(role="judge", court__in=self.courts.values()):
            kind = m.division.kind if m.division_id else "civil"
            self.judges[(m.court.code, kind)].append(m.user_id)
        self.team = self.courts["内2502"].teams.filter(kind="fast_track").first()
        self.team_judges = (
            list(
                self.team.memberships.filter(user__memberships__role="judge").values_list(
                    "user_id", flat=True
                )
            )
            if self.team
            else []
        )
        self.causes = list(
            CatalogEntry.objects.filter(
                version__kind=CatalogKind.CIVIL_CAUSES, level__gte=3
            ).values_list("pk", flat=True)[:400]
        )


def ensure_bench_judges(rng: random.Random) -> None:
    """Ten judges at 内2502, six at 内2501 and 内25, over the trial divisions."""
    from tianping.accounts.models import User
    from tianping.courts.models import Court, Membership, Team, TeamMember

    plan = {"内2502": 10, "内2501": 6, "内25": 6}
    kinds = ["civil", "civil", "civil", "enforcement", "criminal", "administrative"]
    team = Team.objects.filter(court__code="内2502", kind="fast_track").first()
    for code, count in plan.items():
        court = Court.objects.get(code=code)
        for i in range(count):
            user, created = User.objects.get_or_create(
                username=f"bench-{code}-{i}", defaults={"full_name": name(rng), "kind": "staff"}
            )
            kind = kinds[i % len(kinds)]
            Membership.objects.get_or_create(
                user=user,
                court=court,
                role="judge",
                defaults={"division": court.divisions.filter(kind=kind).first()},
            )
            if code == "内2502" and i < 3 and team is not None:
                TeamMember.objects.get_or_create(team=team, user=user, defaults={"role": "member"})


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


def one_case(world: World, numbers: Numbers, today: datetime.date):
    """An unsaved Case with a realistic spread of court, type, dates, state and flags."""
    from tianping.cases.models import Case

    rng = world.rng
    court_code = pick(rng, COURT_SHARE)
    type_code = pick(rng, TYPES_INTERMEDIATE if court_code == "内25" else TYPES_BASIC)
    age = int(rng.triangular(0, 1095, 0))
    filed_on = today - datetime.timedelta(days=age)
    amount = _amount(rng) if type_code.startswith(("民", "执")) else None
    track, procedure, in_team = _triage(court_code, type_code, amount)
    kind = DIVISION_KIND[type_code[0]]
    judges = world.team_judges if in_team else world.judges.get((court_code, kind), [])
    state, closed_on, mode = _fate(rng, filed_on, age, today)
    return Case(
        number=numbers.issue(court_code, type_code, filed_on.year),
        court=world.courts[court_code],
        division=world.divisions.get((court_code, kind)),
        team=world.team if in_team else None,
        judge_id=rng.choice(judges) if judges and state != "filed" else None,
        type_code=type_code,
        procedure=procedure,
        track=track,
        triage_reasons=[_reason(track)],
        cause_id=rng.choice(world.causes) if world.causes and type_code[0] == "民" else None,
        claims="判令被告支付款项",
        amount=amount,
        is_livelihood=rng.random() < 0.06,
        is_enterprise=rng.random() < 0.03,
        is_migrant_wages=rng.random() < 0.02,
        state=state,
        filed_on=filed_on,
        closed_on=closed_on,
        closure_mode=mode,
    )


def _amount(rng: random.Random) -> Decimal:
    return Decimal(round(rng.lognormvariate(math.log(50000), 1.2), -2))


def _triage(court_code: str, type_code: str, amount) -> tuple[str, str, bool]:
    if type_code == "执":
        return "", "enforcement", False
    if type_code == "民初" and amount is not None and amount <= 500000:
        procedure = "small_claims" if amount <= 30000 else "summary"
        return "simple", procedure, court_code == "内2502"
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


def parties_of(case, rng: random.Random) -> list:
    from tianping.cases.models import CaseParty

    roles = ["applicant", "respondent"] if case.type_code == "执" else ["plaintiff", "defendant"]
    if rng.random() < 0.1:
        roles.append(roles[1])
    return [
        CaseParty(
            case=case,
            role=role,
            kind="natural",
            name=name(rng),
            doc_type="resident_id",
            id_number=f"1525{rng.randrange(10**13, 10**14)}",
            position=i,
        )
        for i, role in enumerate(roles)
    ]


def seed_cases(count: int, rng: random.Random, today: datetime.date) -> None:
    from django.db import transaction

    from tianping.cases.models import Case, CaseEvent, CaseParty

    world, numbers, done = World(rng), Numbers(), 0
    while done < count:
        size = min(BATCH, count - done)
        with transaction.atomic():
            cases = Case.objects.bulk_create(
                [one_case(world, numbers, today) for _ in range(size)], batch_size=1000
            )
            parties = [p for case in cases for p in parties_of(case, rng)]
            CaseParty.objects.bulk_create(parties, batch_size=2000)
            CaseEvent.objects.bulk_create(
                [
                    CaseEvent(case=c, seq=1, kind="filed", details={"number": c.number})
                    for c in cases
                ],
                batch_size=2000,
            )
        done += size
        print(f"  {done:>7} cases", end="\r", flush=True)
    print()


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
                channel="online",
                filer=filer,
                entered_by=filer,
                status="submitted" if rng.random() < 0.85 else "correction_requested",
                claims="判令被告归还借款",
                amount=_amount(rng),
                is_livelihood=rng.random() < 0.06,
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
    parser.add_argument("--filings", type=int, default=None, help="open filings (count/500)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.utils import timezone

    from tianping.demo.network import load_demo

    rng, started = random.Random(args.seed), time.perf_counter()
    print(f"Seeding {args.count} cases into {connection.vendor} {connection.settings_dict['NAME']}")
    load_demo()
    ensure_bench_judges(rng)
    seed_cases(args.count, rng, timezone.localdate())
    seed_filings(args.filings if args.filings is not None else max(20, args.count // 500), rng)
    print(f"Done in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
