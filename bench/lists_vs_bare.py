"""Each main list beside a bare Django view doing the same indexed lookup, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_lists DEBUG=true \\
        .venv/bin/python bench/lists_vs_bare.py [--runs 15]

For each list (the review queue, the case list of a judge, a president and a higher-court
officer, the overdue list, the case list API ...), requested in-process through Django's
test client as the persona who uses it, and for a bare view written here (a plain
function on a throwaway URLconf, behind `login_required` as any view of a signed-in user,
requested by the same signed-in client, so through the same middleware) that runs the
list's query alone: the same filter, ordering and page size, for the same persona's courts
or cases (their ids looked up once, before timing), rendering only a few columns of the
rows as JSON, with no permission check, form, template or related rows.

Both are requested RUNS times, alternating (after one warm-up request each); the table
shows the median time per request, the requests per second that makes (one process, one
request at a time), the queries of one more request, and the ratio of the throughputs,
ours / bare (target: at least 0.5). It also checks that both show the same rows, in the
same order (the links of our page against the bare view's codes). Run bench/seed_cases.py
first. Not a test: it prints figures.

DEBUG=true is there only for the development settings (secret key, allowed hosts, no
HTTPS redirect); once set up, the script turns DEBUG off, as in production, so that the
timed requests are not slowed by Django's query log (which costs each query a little, and
our pages take more queries than a bare view). The query counts are taken with the log
forced on for that one request. The template engine caches its compiled templates either
way (Django's cached loader is on whatever DEBUG says), and the test client keeps its
database connection from one request to the next (as DB_CONN_MAX_AGE does in production).
"""

import argparse
import os
import re
import statistics
import sys
import time
import types
import warnings

PENDING = ["filed", "assigned", "in_trial", "suspended"]
OPEN_FILINGS = ["submitted", "correction_requested"]


def setup_django() -> None:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.DEBUG = False  # as in production: no query log (see the docstring)
    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise: no collectstatic


# The bare views: the list's query and a few columns as JSON. Their constants (court and
# user ids, today) are looked up once, in `bare_views`, as a page written for one person.


def _json(rows):
    from django.http import JsonResponse

    return JsonResponse({"items": list(rows)}, json_dumps_params={"default": str})


def bare_views(ids: dict, sizes: dict) -> dict:
    from django.db.models import F

    from tianping.cases.models import Case
    from tianping.filings.models import Filing

    columns = ("code", "number", "state", "filed_on", "judge_id")

    def review_queue(request):
        rows = (
            Filing.objects.filter(court_id=ids["lixia_court"], status__in=OPEN_FILINGS)
            .order_by("priority", "review_due_on", "submitted_at", "id")
            .values("code", "status", "channel", "submitted_at", "review_due_on")
        )
        return _json(rows[: sizes["queue"]])

    def cases_of_judge(request):
        rows = Case.objects.filter(judge_id=ids["wangjun"], state__in=PENDING)
        rows = rows.order_by("priority", "filed_on", "id").values(*columns)
        return _json(rows[: sizes["cases"]])

    def cases_of_court(request):
        rows = Case.objects.filter(court_id=ids["chenzhi_court"], state__in=PENDING)
        rows = rows.order_by("priority", "filed_on", "id").values(*columns)
        return _json(rows[: sizes["cases"]])

    def cases_below(request):
        rows = Case.objects.filter(court_id__in=ids["bayar_courts"], state__in=PENDING)
        rows = rows.order_by("priority", "filed_on", "id").values(*columns)
        return _json(rows[: sizes["cases"]])

    def overdue(court_ids):
        def view(request):
            rows = (
                Case.objects.filter(
                    court_id__in=court_ids,
                    state__in=PENDING,
                    time_limit__runs_until__lt=ids["today"],
                )
                .order_by("time_limit__runs_until", "id")
                .values("code", "number", "judge_id", expires_on=F("time_limit__expires_on"))
            )
            return _json(rows[: sizes["overdue"]])

        return view

    def empty(request):
        return _json([])

    def base_page(request):
        from django.shortcuts import render

        return render(request, "base.html", {})

    return {
        "empty": empty,
        "base-page": base_page,
        "review-queue": review_queue,
        "cases-judge": cases_of_judge,
        "cases-court": cases_of_court,
        "cases-below": cases_below,
        "overdue-court": overdue([ids["chenzhi_court"]]),
        "overdue-below": overdue(ids["bayar_courts"]),
    }


def install(views: dict) -> None:
    """A throwaway URLconf: /bare/<name>/ for each bare view, then the project's own."""
    from django.conf import settings
    from django.urls import clear_url_caches, include, path

    module = types.ModuleType("bench_bare_urls")
    from django.contrib.auth.decorators import login_required

    module.urlpatterns = [
        path(f"bare/{name}/", login_required(view)) for name, view in views.items()
    ]
    module.urlpatterns.append(path("", include(settings.ROOT_URLCONF)))
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()


# (list, persona, our URL, bare view, how to read the rows' codes from our answer)
LINK = {
    "case": r'href="/cases/([0-9A-Z]+)/"',
    "filing": r'href="/filing-review/([0-9A-Z]+)/"',
    "limit": r'href="/time-limits/cases/([0-9A-Z]+)/"',
}
LISTS = [
    ("review queue (page)", "lixia", "/filing-review/", "review-queue", "filing"),
    ("review queue (API)", "lixia", "/api/v1/filing-review/queue", "review-queue", "json"),
    ("case list, judge, mine", "wangjun", "/cases/?mine=on", "cases-judge", "case"),
    ("case list, president", "chenzhi", "/cases/", "cases-court", "case"),
    ("case list, higher court", "bayar", "/cases/", "cases-below", "case"),
    ("overdue list, president", "chenzhi", "/time-limits/overdue/", "overdue-court", "limit"),
    ("overdue list, higher court", "bayar", "/time-limits/overdue/", "overdue-below", "limit"),
    ("case list API, president", "chenzhi", "/api/v1/cases", "cases-court", "json"),
    ("case list API, higher court", "bayar", "/api/v1/cases", "cases-below", "json"),
]


def codes(response, how: str) -> list[str]:
    if how == "json":
        return [row["code"] for row in response.json()["items"]]
    return list(dict.fromkeys(re.findall(LINK[how], response.content.decode())))


def timed(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def counted(client, url: str):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries.captured_queries)


def lookups() -> dict:
    """The ids the bare views filter on, looked up once (the persona's courts, as our
    pages compute them)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from tianping.courts.permissions import visible_court_ids as courts
    from tianping.filings.permissions import reviewing_court_ids

    users = {u.username: u for u in get_user_model().objects.filter(username__in=PERSONAS)}
    lixia_court = min(reviewing_court_ids(users["lixia"]))
    return {
        "users": users,
        "wangjun": users["wangjun"].pk,
        "chenzhi_court": min(courts(users["chenzhi"])),
        "bayar_courts": sorted(courts(users["bayar"])),
        "lixia_court": lixia_court,
        "today": timezone.localdate(),
    }


PERSONAS = {"lixia", "wangjun", "chenzhi", "bayar"}


def page_sizes() -> dict:
    from tianping.cases.reads import PAGE_SIZE
    from tianping.filings.review.reads import QUEUE_PAGE_SIZE

    return {"cases": PAGE_SIZE, "queue": QUEUE_PAGE_SIZE, "overdue": PAGE_SIZE}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", default="", help="lists whose name contains this")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client

    from tianping.cases.models import Case
    from tianping.deadlines.models import CaseTimeLimit
    from tianping.filings.models import Filing

    ids, sizes = lookups(), page_sizes()
    install(bare_views(ids, sizes))
    print(
        f"{connection.vendor} {connection.settings_dict['NAME']}: {Case.objects.count():,} cases, "
        f"{CaseTimeLimit.objects.count():,} time limits, "
        f"{Filing.objects.open_for_review().count():,} filings awaiting review; "
        f"{args.runs} runs each, alternating; medians"
    )
    head = (
        f"{'list':<29}{'ours ms':>9}{'req/s':>8}{'queries':>8}  │{'bare ms':>8}{'req/s':>8}"
        f"{'queries':>8}  │{'ours/bare':>10}  {'rows':>5} same"
    )
    print(head)
    print("─" * len(head))
    for what, persona, url, bare, how in LISTS:
        if args.only and args.only not in what:
            continue
        client = Client()
        client.force_login(ids["users"][persona])
        bare_url = f"/bare/{bare}/"
        if url.startswith("/api/") and bare == "review-queue":
            url += f"?limit={sizes['queue']}"
        ours_answer, ours_queries = counted(client, url)
        bare_answer, bare_queries = counted(client, bare_url)
        ours_rows, bare_rows = codes(ours_answer, how), codes(bare_answer, "json")
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
    print("ours/bare: our throughput over the bare view's (target: at least 0.5).")
    client = Client()
    client.force_login(ids["users"]["chenzhi"])
    floor = {}
    for name in ("empty", "base-page"):
        timed(client, f"/bare/{name}/")
        floor[name] = statistics.median(timed(client, f"/bare/{name}/") for _ in range(args.runs))
    print(
        f"For scale, as chenzhi: an empty view answers in {floor['empty']:.1f} ms; the base "
        f"page alone (navigation, no content) in {floor['base-page']:.1f} ms."
    )


if __name__ == "__main__":
    main()
