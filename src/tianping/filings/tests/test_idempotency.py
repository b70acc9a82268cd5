"""The same hand-in sent again, even at the same moment, is one hand-in with one answer;
and an idempotency key belongs to the person who sent it at their court: the same key from
another court (or another clerk) is another walk-in, which used to be silently dropped."""

import threading

import pytest
from django.db import connection, connections

from tianping.filings.models import Filing
from tianping.filings.tests.test_online_filing_api import API, bearer, complete, create
from tianping.filings.tests.test_review_api import complaint, post
from tianping.filings.tests.test_review_pages import clerk_at
from tianping.filings.tests.test_window_filing import form

REVIEW_API = "/api/v1/filing-review"
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)


def at_once(count, send) -> list:
    """SEND(i) from COUNT threads released together; their responses in order."""
    barrier = threading.Barrier(count)
    answers = [None] * count

    def run(i):
        barrier.wait()
        try:
            answers[i] = send(i)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_ten_submits_at_once_with_one_key_give_the_same_filing(demo):
    client = bearer(demo["zhangsan"])
    code = create(client)
    complete(client, code)
    clients = [bearer(demo["zhangsan"]) for _ in range(10)]

    answers = at_once(
        10, lambda i: clients[i].post(f"{API}/{code}/submit", headers={"Idempotency-Key": "once"})
    )

    assert [a.status_code for a in answers] == [200] * 10
    assert all(a.json() == answers[0].json() for a in answers)
    assert answers[0].json()["status"] == "submitted"
    assert Filing.objects.get(code=code).events.filter(kind="submitted").count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_one_walk_in_sent_five_times_at_once_is_one_filing(demo, client, login):
    login(demo["lixia"])
    cookies = client.cookies
    body = complaint(court="内2502", submission_key="walk-in-1")

    def send(i):
        from django.test import Client

        browser = Client()
        browser.cookies = cookies
        return post(browser, f"{REVIEW_API}/window", body)

    answers = at_once(5, send)

    assert [a.status_code for a in answers] == [201] * 5
    assert len({a.json()["code"] for a in answers}) == 1
    assert Filing.objects.count() == 1


@pytest.mark.django_db
def test_the_same_key_at_another_court_is_another_walk_in(demo, client, login):
    body = complaint(submission_key="walk-in-1")
    login(demo["lixia"])
    here = post(client, f"{REVIEW_API}/window", {**body, "court": "内2502"})
    again = post(client, f"{REVIEW_API}/window", {**body, "court": "内2502"})
    client.post("/accounts/logout/")
    login(clerk_at(demo, "内2501"))
    there = post(client, f"{REVIEW_API}/window", {**body, "court": "内2501"})

    assert here.status_code == again.status_code == there.status_code == 201
    assert again.json() == here.json()  # a replay: the same answer
    assert there.json()["code"] != here.json()["code"] and there.json()["court"] == "内2501"
    assert sorted(Filing.objects.values_list("court__code", flat=True)) == ["内2501", "内2502"]


@pytest.mark.django_db
def test_the_same_form_key_from_two_clerks_is_two_walk_ins(demo, client, login):
    login(demo["lixia"])
    first = client.post("/filing-review/window/new/", form(key="k-1", hand_in="1"))
    client.post("/accounts/logout/")
    colleague = clerk_at(demo, "内2502", username="saihan")
    login(colleague)
    second = client.post("/filing-review/window/new/", form(key="k-1", hand_in="1"))

    assert first.status_code == second.status_code == 302
    assert Filing.objects.count() == 2
    assert {f.entered_by.username for f in Filing.objects.all()} == {"lixia", "saihan"}


@pytest.mark.django_db
def test_a_replayed_online_submit_gives_the_original_answer(demo):
    client = bearer(demo["zhangsan"])
    code = create(client)
    complete(client, code)
    first = client.post(f"{API}/{code}/submit", headers={"Idempotency-Key": "k" * 100})
    second = client.post(f"{API}/{code}/submit", headers={"Idempotency-Key": "k" * 100})
    too_long = client.post(f"{API}/{code}/submit", headers={"Idempotency-Key": "k" * 101})
    assert first.status_code == second.status_code == 200 and first.json() == second.json()
    assert too_long.status_code == 422
