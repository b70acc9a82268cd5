"""The same service request sent twice at the same moment (a double click, a client's
retry racing the first answer) is one attempt: one message, one event, one effective date.
On PostgreSQL, from two threads released together; SQLite serialises writers, so
test_service.py checks the sequential retry there."""

import threading

import pytest
from django.db import connection, connections

from tianping.notifications.models import Notification
from tianping.service import actions
from tianping.service.models import OutboundMessage, Service, ServiceAttempt
from tianping.service.tests.test_service import consent, served_case

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)


def at_once(count, send) -> list:
    """SEND(i) from COUNT threads released together; their results (or errors) in order."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(i):
        barrier.wait()
        try:
            results[i] = send(i)
        except Exception as exc:  # noqa: BLE001  (reported by the test)
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_identical_requests_at_once_send_one_message(demo):
    case, document, plaintiff, _defendant = served_case(demo)
    consent(case, plaintiff, demo["sunli"])

    results = at_once(2, lambda i: actions.serve(
        case, party=plaintiff, channels=["platform", "sms"], key="same", document=document,
        actor=demo["sunli"]))

    assert all(isinstance(r, Service) for r in results), results
    assert results[0].pk == results[1].pk
    assert ServiceAttempt.objects.count() == 2  # one per channel
    assert Notification.objects.filter(kind="service.served").count() == 1
    assert OutboundMessage.objects.count() == 1
    assert case.events.filter(kind="service_effective").count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_different_requests_at_once_share_one_service(demo):
    case, document, plaintiff, _defendant = served_case(demo)
    consent(case, plaintiff, demo["sunli"])

    results = at_once(2, lambda i: actions.serve(
        case, party=plaintiff, channels=["sms"], key=f"key-{i}", document=document,
        actor=demo["sunli"]))

    assert all(isinstance(r, Service) for r in results), results
    assert Service.objects.count() == 1
    assert OutboundMessage.objects.count() == 2  # two requests: two messages
    assert case.events.filter(kind="service_effective").count() == 1
