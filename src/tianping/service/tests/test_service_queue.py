"""The service queue (送达待办): what is waiting across the cases a staff member sees, oldest
first, page and API; who sees what; and the query counts of the queue and the case's
service page and API, which must not grow with the services (bench/
calendar_service_vs_bare.py times them at 1,000,000 services)."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tianping.cases.models import CaseParty
from tianping.service.models import Service, ServiceAttempt
from tianping.service.tests.test_service import TODAY, served_case

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def add_services(case, actor, n: int, *, start: int = 0) -> None:
    """N services on a fresh party each: a third waiting for their postal receipt, a third
    served, a third by a public notice (still running for odd I, done for even)."""
    for i in range(start, start + n):
        party = CaseParty.objects.create(case=case, role="third_party", kind="natural",
                                         name=f"第三人{i}", position=10 + i)
        service = Service.objects.create(case=case, party=party, document_name=f"n{i}",
                                         title=f"通知书{i}", created_by=actor)
        kind = i % 3
        attempt = ServiceAttempt.objects.create(
            service=service, idempotency_key="k", created_by=actor,
            channel=("postal", "platform", "public_notice")[kind],
            status="sent" if kind == 0 else "effective", tracking_number=f"EMS{i}",
            effective_on=None if kind == 0 else TODAY + DAY * (20 if kind == 2 and i % 2 else -5))
        if kind:
            Service.objects.filter(pk=service.pk).update(
                effective_on=attempt.effective_on, effective_attempt=attempt)


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries.captured_queries)


URLS = ["/service/queue/", "/service/queue/?kind=postal", "/service/queue/?kind=notice",
        "/api/v1/service/queue", "/api/v1/service/queue?kind=postal"]


def test_the_queue_shows_what_waits_oldest_first(demo):
    case, _document, _plaintiff, _defendant = served_case(demo)
    add_services(case, demo["wangjun"], 9)
    client = Client()
    client.force_login(demo["sunli"])
    page = client.get("/service/queue/")
    assert page.status_code == 200
    text = page.content.decode()
    waiting = [s for s in Service.objects.filter(case=case).order_by("created_at", "id")
               if s.effective_on is None or s.effective_on > TODAY]
    assert [s.title for s in page.context["page"].items] == [s.title for s in waiting]
    assert "通知书0" in text and "通知书1" not in text  # served on the platform: done
    assert "通知书5" in text  # a public notice still running
    data = client.get("/api/v1/service/queue?kind=postal").json()
    assert [row["title"] for row in data["items"]] == ["通知书0", "通知书3", "通知书6"]
    assert data["items"][0]["pending"][0]["tracking_number"] == "EMS0"
    notices = client.get("/api/v1/service/queue?kind=notice").json()["items"]
    assert [row["title"] for row in notices] == ["通知书5"]
    # a page of two, then the next
    first = client.get("/api/v1/service/queue?limit=2").json()
    second = client.get(f"/api/v1/service/queue?limit=2&after={first['next']}").json()
    assert [r["title"] for r in first["items"] + second["items"]] == [
        s.title for s in waiting[:4]]


def test_the_queue_is_the_staffs_of_the_cases_they_see(demo):
    case, *_rest = served_case(demo)
    add_services(case, demo["wangjun"], 3)
    client = Client()
    client.force_login(demo["zhangsan"])
    assert client.get("/service/queue/").status_code == 403
    assert client.get("/api/v1/service/queue").status_code == 403
    client.force_login(demo["zhoumei"])  # the court's trial management: its cases
    items = client.get("/api/v1/service/queue").json()["items"]
    assert {row["case"] for row in items} == {case.code}


def test_queries_do_not_grow_with_the_services(demo):
    case, _document, _plaintiff, _defendant = served_case(demo)
    add_services(case, demo["wangjun"], 6)
    client = Client()
    client.force_login(demo["sunli"])
    urls = [*URLS, f"/service/cases/{case.code}/",
            f"/api/v1/service/cases/{case.code}/services"]
    few = {url: count(client, url) for url in urls}
    add_services(case, demo["wangjun"], 60, start=6)
    many = {url: count(client, url) for url in urls}
    assert many == few
