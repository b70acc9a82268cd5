"""Server time and query count of the review queue, the case list and the dashboard.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tianping_bench DEBUG=true \\
        .venv/bin/python bench/lists.py [--runs 5]

Each page is requested in-process through Django's test client as the persona who uses it
(after one warm-up request); the time is the median of RUNS requests, the query count is
taken on one further request. Run bench/seed_cases.py first. Not a test: it prints figures.
"""

import argparse
import os
import statistics
import sys
import time

# (what, persona, URL name or path); a URL name that does not exist yet is skipped.
PAGES = [
    ("review queue", "lixia", "review:queue"),
    ("case list, president, pending, page 1", "chenzhi", "/cases/"),
    ("case list, president, all states, page 1", "chenzhi", "/cases/?state=all"),
    ("case list, judge, my cases", "wangjun", "/cases/?mine=on"),
    ("case list, higher court, page 1", "bayar", "/cases/"),
    ("case list API, president", "chenzhi", "/api/v1/cases"),
    ("overdue list, president", "chenzhi", "/time-limits/overdue/"),
    ("overdue list, higher court", "bayar", "/time-limits/overdue/"),
    ("long pending (12 months), president", "chenzhi", "/time-limits/overdue/?months=12"),
    ("dashboard, president, this year", "chenzhi", "/cases/dashboard/"),
    ("dashboard, higher court, all below", "bayar", "/cases/dashboard/?court=*"),
    ("dashboard API, higher court", "bayar", "/api/v1/cases/dashboard?court=*"),
]


def setup_django() -> None:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tianping.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def resolve(target: str) -> str | None:
    from django.urls import NoReverseMatch, reverse

    if target.startswith("/"):
        return target
    try:
        return reverse(target)
    except NoReverseMatch:
        return None


def measure(client, url: str, runs: int) -> tuple[list[float], int, int]:
    """Times in ms of RUNS requests, the query count of one more, and its status."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: templates, translations, connection
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return times, len(queries.captured_queries), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from tianping.cases.models import Case
    from tianping.filings.models import Filing

    users = {u.username: u for u in get_user_model().objects.filter(username__in=_personas())}
    print(
        f"{connection.vendor} {connection.settings_dict['NAME']}: {Case.objects.count()} cases, "
        f"{Filing.objects.open_for_review().count()} filings awaiting review"
    )
    print(f"{'page':<44} {'median ms':>9} {'min ms':>8} {'max ms':>8} {'queries':>8} status")
    for what, persona, target in PAGES:
        url = resolve(target)
        if url is None:
            print(f"{what:<44} (no page named {target} yet)")
            continue
        client = Client()
        client.force_login(users[persona])
        times, queries, status = measure(client, url, args.runs)
        print(
            f"{what:<44} {statistics.median(times):>9.1f} {min(times):>8.1f} "
            f"{max(times):>8.1f} {queries:>8} {status}"
        )


def _personas() -> set[str]:
    return {persona for _, persona, _ in PAGES}


if __name__ == "__main__":
    main()
