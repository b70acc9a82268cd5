"""The courtroom and judge calendars and the service pages beside bare Django views doing
the same lookup, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tianping_bench_hs DEBUG=true \\
        .venv/bin/python bench/calendar_service_vs_bare.py [--runs 15] [--only TEXT]

Pages, requested in-process through Django's test client as the persona who uses each:

- the courtroom calendar (/hearings/rooms/<id>/?week=...) of the busiest room of 内2502 in
  its busiest week among the four weeks before today and the eight after, as the president
  chenzhi (who sees every case of the court: each hearing shows its case);
- the judge calendar (/hearings/judges/<id>/?week=...) of the judge with the most
  hearings in one such week, as that judge; both weeks also through the API
  (/api/v1/hearings/rooms/<id>/week, /api/v1/hearings/judges/<id>/week);
- the service queue (/service/queue/, all waiting and ?kind=postal) and its API
  (/api/v1/service/queue) as the filing clerk lixia (who sees the court's cases);
- the case's service page (/service/cases/<code>/) and its API list
  (/api/v1/service/cases/<code>/services) for the case with the most services, as chenzhi.

Each beside a **bare view** (a plain function on a throwaway URLconf, behind
`login_required`, requested by the same signed-in client) running one SQL statement for
the same rows (the week's hearings of the room or the judge, with the case number; the
queue's filter for the court, its ordering and page size; the case's services), a few
columns as JSON, with no permission check, form, template or related rows. Both are
requested RUNS times, alternating (after a warm-up request each), with DEBUG off; the
table shows the median time, requests per second, the queries of one more request, the
ratio of the throughputs ours / bare (target: at least 0.5), and whether both show the
same rows in the same order. Run bench/seed_hearings_service.py first. Not a test.
"""

import argparse
import datetime
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lists_vs_bare import _json, counted, install, setup_django, timed  # noqa: E402

COURT = "内2502"
ON_CALENDAR = ["scheduled", "held"]


def _bounds(monday: datetime.date):
    from django.utils import timezone

    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    return start, start + datetime.timedelta(days=7)


def lookups() -> dict:
    """The personas, the busy week and room, the busy judge, the case with most services."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.db.models.functions import TruncWeek
    from django.utils import timezone

    from tianping.courts.models import Court
    from tianping.hearings.models import Booking, Hearing
    from tianping.service.models import Service

    User = get_user_model()
    court = Court.objects.get(code=COURT)
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    start, _ = _bounds(monday - datetime.timedelta(weeks=4))
    end, _ = _bounds(monday + datetime.timedelta(weeks=8))
    busy = (Hearing.objects.filter(courtroom__court=court, status__in=ON_CALENDAR,
                                   starts_at__gte=start, starts_at__lt=end)
            .annotate(week=TruncWeek("starts_at")).values("courtroom", "week")
            .annotate(n=Count("pk")).order_by("-n", "courtroom", "week").first())
    if busy is None:
        sys.exit("No hearings near today: run bench/seed_hearings_service.py")
    judge = (Booking.objects.filter(resource__startswith="user:", starts_at__gte=start,
                                    starts_at__lt=end,
                                    hearing__status__in=ON_CALENDAR,
                                    hearing__case__court=court)
             .annotate(week=TruncWeek("starts_at")).values("resource", "week")
             .annotate(n=Count("pk")).order_by("-n", "resource", "week").first())
    case = (Service.objects.filter(case__court=court).values("case")
            .annotate(n=Count("pk")).order_by("-n", "case").first())
    users = {u.username: u for u in User.objects.filter(username__in=["lixia", "chenzhi"])}
    users["judge"] = User.objects.get(pk=int(judge["resource"].split(":")[1]))
    from tianping.cases.models import Case

    return {
        "users": users, "court": court.pk, "today": today,
        "room": busy["courtroom"], "room_week": timezone.localtime(busy["week"]).date(),
        "room_n": busy["n"], "judge_week": timezone.localtime(judge["week"]).date(),
        "judge_n": judge["n"], "case": Case.objects.get(pk=case["case"]), "case_n": case["n"],
    }


_PART = """(SELECT s.code, s.title, s.created_at, s.id, s.effective_on, c.number, p.name
  FROM service_service s JOIN cases_case c ON c.id = s.case_id
  JOIN cases_caseparty p ON p.id = s.party_id
  WHERE {} AND c.court_id = %(court)s ORDER BY s.created_at, s.id LIMIT 50)"""
QUEUE_SQL = (_PART.format("s.effective_on IS NULL") + " UNION ALL "
             + _PART.format("s.effective_on > %(today)s") + " ORDER BY created_at, id LIMIT 50")


def bare_views(ids: dict) -> dict:
    from django.db import connection
    from django.db.models import Exists, OuterRef

    from tianping.hearings.models import Hearing
    from tianping.service.models import Service, ServiceAttempt

    hearing_columns = ("code", "starts_at", "ends_at", "kind", "status", "case__number")

    def room_week(request):
        start, end = _bounds(ids["room_week"])
        rows = (Hearing.objects.filter(courtroom_id=ids["room"], status__in=ON_CALENDAR,
                                       starts_at__gte=start, starts_at__lt=end)
                .order_by("starts_at", "id").values(*hearing_columns))
        return _json(rows)

    def judge_week(request):
        start, end = _bounds(ids["judge_week"])
        rows = (Hearing.objects.filter(bookings__resource=f"user:{ids['users']['judge'].pk}",
                                       bookings__starts_at__gte=start,
                                       bookings__starts_at__lt=end,
                                       status__in=ON_CALENDAR, starts_at__gte=start,
                                       starts_at__lt=end)
                .order_by("starts_at", "id").values(*hearing_columns))
        return _json(rows)

    service_columns = ("code", "title", "created_at", "effective_on", "case__number",
                       "party__name")

    def queue(request):
        # the two parts of the queue (not yet effective; public notices running), each in
        # its order through its index, merged: one statement
        with connection.cursor() as cursor:
            cursor.execute(QUEUE_SQL, {"court": ids["court"], "today": ids["today"]})
            names = [c.name for c in cursor.description]
            return _json(dict(zip(names, row, strict=True)) for row in cursor.fetchall())

    def queue_postal(request):
        receipt = ServiceAttempt.objects.filter(service=OuterRef("pk"), channel="postal",
                                                status="sent")
        rows = (Service.objects.filter(Exists(receipt), case__court_id=ids["court"],
                                       effective_on__isnull=True)
                .order_by("created_at", "id").values(*service_columns))
        return _json(rows[:50])

    def case_services(request):
        rows = (Service.objects.filter(case_id=ids["case"].pk).order_by("created_at", "id")
                .values(*service_columns))
        return _json(rows)

    def empty(request):
        return _json([])

    def base_page(request):
        from django.shortcuts import render

        return render(request, "base.html", {})

    return {"empty": empty, "base-page": base_page, "room-week": room_week,
            "judge-week": judge_week, "queue": queue, "queue-postal": queue_postal,
            "case-services": case_services}


LINK = {"hearing": r'href="/hearings/([0-9A-Z]+)/"', "service": r'href="/service/s/([0-9A-Z]+)/"'}


def rows_of(response, how: str) -> list[str]:
    if how == "week":
        return [h["code"] for d in response.json()["days"] for h in d["hearings"]]
    if how == "json":
        data = response.json()
        items = data["items"] if isinstance(data, dict) else data
        return [row["code"] for row in items]
    return list(dict.fromkeys(re.findall(LINK[how], response.content.decode())))


def pages(ids: dict) -> list[tuple]:
    judge = ids["users"]["judge"]
    case = ids["case"].code
    return [
        ("courtroom calendar", "chenzhi",
         f"/hearings/rooms/{ids['room']}/?week={ids['room_week']}", "room-week", "hearing"),
        ("judge calendar", "judge", f"/hearings/judges/{judge.pk}/?week={ids['judge_week']}",
         "judge-week", "hearing"),
        ("courtroom week (API)", "chenzhi",
         f"/api/v1/hearings/rooms/{ids['room']}/week?week={ids['room_week']}", "room-week",
         "week"),
        ("judge week (API)", "judge",
         f"/api/v1/hearings/judges/{judge.pk}/week?week={ids['judge_week']}", "judge-week",
         "week"),
        ("service queue (page)", "lixia", "/service/queue/", "queue", "service"),
        ("service queue, postal", "lixia", "/service/queue/?kind=postal", "queue-postal",
         "service"),
        ("service queue (API)", "lixia", "/api/v1/service/queue", "queue", "json"),
        ("case's service page", "chenzhi", f"/service/cases/{case}/", "case-services",
         "service"),
        ("case's services (API)", "chenzhi", f"/api/v1/service/cases/{case}/services",
         "case-services", "json"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", default="", help="pages whose name contains this")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client

    from tianping.hearings.models import Booking, Hearing
    from tianping.service.models import Service, ServiceAttempt
    from tianping.service.queries import waiting

    ids = lookups()
    install(bare_views(ids))
    print(
        f"{connection.vendor} {connection.settings_dict['NAME']}: "
        f"{Hearing.objects.count():,} hearings ({Booking.objects.count():,} bookings), "
        f"{Service.objects.count():,} services ({ServiceAttempt.objects.count():,} attempts; "
        f"{waiting(Service.objects.all()).count():,} waiting); busiest room week "
        f"{ids['room_week']} ({ids['room_n']} hearings), judge {ids['users']['judge'].username} "
        f"week {ids['judge_week']} ({ids['judge_n']}), case {ids['case'].number} "
        f"({ids['case_n']} services); {args.runs} runs each, alternating; medians"
    )
    head = (f"{'page':<25}{'ours ms':>9}{'req/s':>8}{'queries':>8}  │{'bare ms':>8}{'req/s':>8}"
            f"{'queries':>8}  │{'ours/bare':>10}  {'rows':>5} same")
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
        ours_ms, bare_ms = [], []
        for _ in range(args.runs):
            ours_ms.append(timed(client, url))
            bare_ms.append(timed(client, bare_url))
        ours, bare_median = statistics.median(ours_ms), statistics.median(bare_ms)
        ratio = bare_median / ours
        print(f"{what:<25}{ours:>9.1f}{1000 / ours:>8.0f}{ours_queries:>8}  │"
              f"{bare_median:>8.1f}{1000 / bare_median:>8.0f}{bare_queries:>8}  │"
              f"{ratio:>10.2f}{'' if ratio >= 0.5 else ' <0.5'}  {len(bare_rows):>5} "
              f"{'yes' if ours_rows == bare_rows else 'NO'}")
    print("ours/bare: our throughput over the bare view's (target: at least 0.5). Queries of "
          "a bare view: the session and user of login_required, and its statement.")
    client = Client()
    client.force_login(ids["users"]["lixia"])
    floor = {}
    for name in ("empty", "base-page"):
        timed(client, f"/bare/{name}/")
        floor[name] = statistics.median(timed(client, f"/bare/{name}/") for _ in range(args.runs))
    print(f"For scale: an empty view answers in {floor['empty']:.1f} ms; the base page alone "
          f"(navigation, no content) in {floor['base-page']:.1f} ms.")


if __name__ == "__main__":
    main()
