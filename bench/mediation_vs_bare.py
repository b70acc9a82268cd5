"""The mediator recommendation and the mediators' queue beside bare Django views doing the
same lookup, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_mediation DEBUG=true \\
        .venv/bin/python bench/mediation_vs_bare.py [--runs 15]

Pages, requested in-process through Django's test client as the persona who uses each:

- the recommendation: the page of the demo's mediation awaiting a mediator, as the filing
  clerk lixia (GET /mediation/m/<code>/: the dispute, the court's five recommended
  mediators with their reasons and warnings, the appointment form with the whole roster);
- a mediator's queue: the mediations list as a bench mediator with an account who holds
  about COUNT / MEDIATORS mediations (GET /mediation/mediations/?tab=open, and ?tab=ended,
  first page), and the same list in the API (GET /api/v1/mediation/mediations, open);
- for scale, the filing division's queue (lixia, ?tab=awaiting and ?tab=open: the whole
  court's mediations).

Each beside a **bare view** (a plain function on a throwaway URLconf, behind
`login_required`, requested by the same signed-in client) that runs one SQL statement for
the same rows: for the recommendation, the ranking written by hand (candidates of the
roster, each one's open mediations counted in a LATERAL subquery, the same order and
limit) for the dispute's kind and townships looked up once; for a queue, the list's
filter (the persona's mediator entries or court, looked up once), ordering and page size;
a few columns as JSON, with no permission check, form, template or related rows. Both are
requested RUNS times, alternating (after one warm-up request each); the table shows the
median time, the requests per second that makes, the queries of one more request, the
ratio of the throughputs ours / bare (target: at least 0.5; 1/ratio is how many times
slower ours is) and whether both show the same rows in the same order. Then `recommend()`
alone, called in-process, beside the bare statement run on a cursor. Run
bench/seed_mediations.py first. Not a test: it prints figures.

DEBUG=true only selects the development settings; the timed requests run with DEBUG off,
as in production (see bench/lists_vs_bare.py, whose helpers this script uses).
"""

import argparse
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lists_vs_bare import _json, counted, install, setup_django, timed  # noqa: E402

COURT = "内2502"
ENDED = ("settled", "failed", "withdrawn")


def open_statuses():
    from tianping.mediation.choices import OPEN_STATUSES

    return [str(s) for s in OPEN_STATUSES]


# The recommendation by hand: one statement, the open mediations counted per candidate.
RECOMMEND_SQL = """
SELECT m.id, m.name, o.n AS open_count
FROM mediation_mediator m
CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM mediation_mediation x
    WHERE x.mediator_id = m.id AND x.status = ANY(%(open)s)
) o
WHERE m.court_id = %(court)s AND m.delisted_on IS NULL
  AND (m.available OR m.unavailable_until < %(today)s)
ORDER BY (m.specialities LIKE %(speciality)s) DESC, (o.n < m.capacity) DESC,
         (m.township = ANY(%(townships)s)) DESC, o.n, m.name, m.id
LIMIT %(limit)s
"""


def bare_recommend(ids: dict) -> list[dict]:
    from django.db import connection

    from tianping.mediation.recommend import LIMIT

    params = {"open": open_statuses(), "court": ids["court"], "today": ids["today"],
              "speciality": f"%,{ids['speciality']},%" if ids["speciality"] else "",
              "townships": ids["townships"], "limit": LIMIT}
    with connection.cursor() as cursor:
        cursor.execute(RECOMMEND_SQL, params)
        return [{"id": i, "name": n, "open_count": c} for i, n, c in cursor.fetchall()]


def _queue(statuses, **where):
    """The list's query (views_mediations.mediations): filter, ordering, page size."""
    from django.db.models import Case, IntegerField, Value, When
    from django.db.models.functions import Coalesce

    from tianping.mediation.choices import MediationStatus
    from tianping.mediation.models import Mediation

    rank = Case(*[When(status=s, then=Value(i)) for i, s in enumerate(MediationStatus.values)],
                output_field=IntegerField())
    due = Coalesce("appoint_due_on", "accept_due_on", "ends_on", "ended_on", "applied_on")

    def view(request):
        rows = (Mediation.objects.filter(status__in=statuses, **where)
                .annotate(status_rank=rank, due=due)
                .order_by("status_rank", "due", "id")
                .values("code", "number", "status", "due", "mediator_id"))
        return _json(rows[:50])

    return view


def bare_views(ids: dict) -> dict:
    def recommendation(request):
        return _json(bare_recommend(ids))

    def empty(request):
        return _json([])

    def base_page(request):
        from django.shortcuts import render

        return render(request, "base.html", {})

    mine = {"mediator_id__in": ids["entries"]}
    court = {"court_id": ids["court"]}
    return {
        "empty": empty,
        "base-page": base_page,
        "recommend": recommendation,
        "queue-open": _queue(open_statuses(), **mine),
        "queue-ended": _queue(list(ENDED), **mine),
        "court-awaiting": _queue(["awaiting_appointment"], **court),
        "court-open": _queue(open_statuses(), **court),
    }


def lookups() -> dict:
    """The personas, the demo's mediation awaiting a mediator and what the bare views
    filter on, looked up once (as our pages compute them)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.utils import timezone

    from tianping.courts.models import Court
    from tianping.mediation.models import Mediation, Mediator
    from tianping.mediation.recommend import townships_of

    court = Court.objects.get(code=COURT)
    waiting = (Mediation.objects.filter(court=court, status="awaiting_appointment",
                                        filing__isnull=False)
               .select_related("filing").order_by("pk").first())
    if waiting is None:
        sys.exit("No mediation with its dispute awaits a mediator: run bench/seed_mediations.py")
    roster = Mediator.objects.filter(court=court, delisted_on__isnull=True)
    towns = townships_of([p.address for p in waiting.filing.parties.all()],
                         set(roster.values_list("township", flat=True)))
    held = (Mediation.objects.filter(mediator__user__username__startswith="bench-med-")
            .values("mediator__user").annotate(n=Count("pk")))
    if not held:
        sys.exit("No bench mediator with an account: run bench/seed_mediations.py")
    target = Mediation.objects.count() // max(1, Mediator.objects.count())
    chosen = min(held, key=lambda row: (abs(row["n"] - target), row["mediator__user"]))
    User = get_user_model()
    mediator = User.objects.get(pk=chosen["mediator__user"])
    return {
        "users": {"lixia": User.objects.get(username="lixia"), "mediator": mediator},
        "held": chosen["n"],
        "court": court.pk,
        "today": timezone.localdate(),
        "waiting": waiting.code,
        "speciality": waiting.speciality,
        "townships": towns,
        "entries": list(Mediator.objects.filter(user=mediator).values_list("pk", flat=True)),
    }


SUGGESTED = re.compile(r'id="appoint".*?<ul>(.*?)</ul>', re.S)


def rows_of(response, how: str) -> list[str]:
    if how == "json":
        data = response.json()
        items = data["items"] if isinstance(data, dict) else data
        return [row.get("code") or row.get("name") for row in items]
    text = response.content.decode()
    if how == "suggested":
        found = SUGGESTED.search(text)
        return re.findall(r"<li><strong>(.*?)</strong>", found.group(1)) if found else []
    return list(dict.fromkeys(re.findall(r'href="/mediation/m/([0-9A-Z]+)/"', text)))


def pages(ids: dict) -> list[tuple]:
    # (what, persona, our URL, bare view, how to read our rows)
    return [
        ("recommendation (page)", "lixia", f"/mediation/m/{ids['waiting']}/", "recommend",
         "suggested"),
        ("mediator's queue, open", "mediator", "/mediation/mediations/?tab=open", "queue-open",
         "page"),
        ("mediator's queue, ended", "mediator", "/mediation/mediations/?tab=ended",
         "queue-ended", "page"),
        ("mediator's queue (API)", "mediator", "/api/v1/mediation/mediations", "queue-open",
         "json"),
        ("filing division, awaiting", "lixia", "/mediation/mediations/?tab=awaiting",
         "court-awaiting", "page"),
        ("filing division, open", "lixia", "/mediation/mediations/?tab=open", "court-open",
         "page"),
    ]


def compare_function(ids: dict, runs: int) -> None:
    """recommend() in-process beside the bare statement on a cursor."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tianping.courts.models import Court
    from tianping.mediation.recommend import recommend

    court = Court.objects.get(pk=ids["court"])

    def ours():
        return recommend(court, speciality=ids["speciality"], townships=ids["townships"],
                         today=ids["today"])

    with CaptureQueriesContext(connection) as queries:
        found = ours()
    same = [r.mediator.pk for r in found] == [r["id"] for r in bare_recommend(ids)]
    ours_ms, bare_ms = [], []
    for _ in range(runs):
        started = time.perf_counter()
        ours()
        ours_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        bare_recommend(ids)
        bare_ms.append((time.perf_counter() - started) * 1000)
    ours_median, bare_median = statistics.median(ours_ms), statistics.median(bare_ms)
    print(f"{'recommend() in-process':<29}{ours_median:>9.1f}{1000 / ours_median:>8.0f}"
          f"{len(queries.captured_queries):>8}  │{bare_median:>8.1f}{1000 / bare_median:>8.0f}"
          f"{1:>8}  │{bare_median / ours_median:>10.2f}  {len(found):>5} "
          f"{'yes' if same else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", default="", help="pages whose name contains this")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client

    from tianping.mediation.models import Mediation, Mediator

    ids = lookups()
    install(bare_views(ids))
    mediator = ids["users"]["mediator"]
    print(
        f"{connection.vendor} {connection.settings_dict['NAME']}: "
        f"{Mediator.objects.filter(court_id=ids['court']).count():,} mediators on the roster "
        f"of {COURT}, {Mediation.objects.count():,} mediations "
        f"({Mediation.objects.filter(status__in=open_statuses()).count():,} open); "
        f"the mediator {mediator.username} holds {ids['held']} of them; "
        f"{args.runs} runs each, alternating; medians"
    )
    head = (
        f"{'page':<29}{'ours ms':>9}{'req/s':>8}{'queries':>8}  │{'bare ms':>8}{'req/s':>8}"
        f"{'queries':>8}  │{'ours/bare':>10}  {'rows':>5} same"
    )
    print(head)
    print("─" * len(head))
    for what, persona, url, bare, how in pages(ids):
        if args.only and args.only not in what:
            continue
        client = Client()
        client.force_login(ids["users"][persona])
        bare_url = f"/bare/{bare}/"
        ours_answer, ours_queries = counted(client, url)
        bare_answer, bare_queries = counted(client, bare_url)
        ours_rows, bare_rows = rows_of(ours_answer, how), rows_of(bare_answer, "json")
        if how == "suggested":
            bare_rows = [row["name"] for row in bare_answer.json()["items"]]
        ours_ms, bare_ms = [], []
        for _ in range(args.runs):
            ours_ms.append(timed(client, url))
            bare_ms.append(timed(client, bare_url))
        ours, bare_median = statistics.median(ours_ms), statistics.median(bare_ms)
        ratio = bare_median / ours
        print(
            f"{what:<29}{ours:>9.1f}{1000 / ours:>8.0f}{ours_queries:>8}  │"
            f"{bare_median:>8.1f}{1000 / bare_median:>8.0f}{bare_queries:>8}  │"
            f"{ratio:>10.2f}{'' if ratio >= 0.5 else ' <0.5'}  {len(bare_rows):>5} "
            f"{'yes' if ours_rows == bare_rows else 'NO'}"
        )
    if not args.only or args.only in "recommend() in-process":
        compare_function(ids, args.runs)
    print("ours/bare: our throughput over the bare view's (target: at least 0.5). Queries of "
          "a bare view: the session and user of login_required, and its statement.")
    client = Client()
    client.force_login(mediator)
    floor = {}
    for name in ("empty", "base-page"):
        timed(client, f"/bare/{name}/")
        floor[name] = statistics.median(timed(client, f"/bare/{name}/") for _ in range(args.runs))
    print(f"For scale, as the mediator: an empty view answers in {floor['empty']:.1f} ms; the "
          f"base page alone (navigation, no content) in {floor['base-page']:.1f} ms.")


if __name__ == "__main__":
    main()
