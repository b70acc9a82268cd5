"""Query counts of the mediator recommendation and the mediators' queue (issue 11: constant
queries per page, bench/mediation_vs_bare.py times them at 1,000 mediators and 100,000
mediations): measured with a few mediations and mediators, then the roster and the
mediations grow (more mediators, with and without an account, of partners or not, more
mediations than a page in every status), and the count must not change."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tianping.courts.models import Court
from tianping.mediation.choices import MediationStatus
from tianping.mediation.models import Mediation, Mediator, Partner, joined_codes
from tianping.mediation.recommend import recommend
from tianping.mediation.tests.test_mediations import MONDAY, applied, hutao_entry

pytestmark = pytest.mark.django_db
_serial = itertools.count(1)
STATUSES = list(MediationStatus.values)
QUEUE = [
    "/mediation/mediations/?tab=open",
    "/mediation/mediations/?tab=ended",
    "/mediation/mediations/?tab=in_progress",
    "/api/v1/mediation/mediations",
    "/api/v1/mediation/mediations?tab=ended",
]


@pytest.fixture
def court(demo):
    return Court.objects.get(code="内2502")


def grow(court, applicant, *, mediators: int, mediations: int, holder: Mediator) -> None:
    """MEDIATORS more roster entries of COURT (some of a partner) and MEDIATIONS more
    mediations over every status, half of them held by HOLDER, the rest spread."""
    partner = Partner.objects.filter(court=court).first()
    specs = ["family", "finance", "labour", "traffic"]
    added = Mediator.objects.bulk_create([
        Mediator(court=court, name=f"调解员{next(_serial)}", kind="invited",
                 partner=partner if i % 3 == 0 else None,
                 specialities=joined_codes([specs[i % 4]]), township="宝力根街道",
                 capacity=3 + i % 5, listed_on=MONDAY)
        for i in range(mediators)
    ])
    roster = added or [holder]
    rows = []
    for i in range(mediations):
        status = STATUSES[i % len(STATUSES)]
        mediator = holder if (i // len(STATUSES)) % 2 == 0 else roster[i % len(roster)]
        waiting = status == MediationStatus.AWAITING_APPOINTMENT
        applied_on = MONDAY - datetime.timedelta(days=i)
        rows.append(Mediation(
            court=court, kind="pre_filing", status=status, speciality=specs[i % 4],
            applied_on=applied_on, applied_by=applicant,
            mediator=None if waiting else mediator,
            appoint_due_on=applied_on + datetime.timedelta(days=3),
            ended_on=applied_on + datetime.timedelta(days=9) if status in (
                "settled", "failed", "withdrawn") else None,
        ))
    Mediation.objects.bulk_create(rows)


def counts(clients: dict, urls) -> dict:
    found = {}
    for who, url in urls:
        with CaptureQueriesContext(connection) as done:
            response = clients[who].get(url)
        assert response.status_code == 200, (url, response.status_code)
        found[(who, url)] = len(done)
    return found


def test_the_queue_and_the_recommendation_take_the_same_queries_however_many(demo, court):
    waiting = applied(demo, court)
    holder = hutao_entry()
    grow(court, demo["zhangsan"], mediators=2, mediations=3, holder=holder)
    clients = {}
    for who in ("hutao", "lixia"):
        clients[who] = Client()
        clients[who].force_login(demo[who])
    urls = [("hutao", url) for url in QUEUE] + [
        ("lixia", f"/mediation/m/{waiting.code}/"),
        ("lixia", f"/api/v1/mediation/mediations/{waiting.code}/recommendations"),
        ("lixia", "/mediation/mediations/?tab=awaiting"),
    ]
    few = counts(clients, urls)
    with CaptureQueriesContext(connection) as one:
        small = recommend(court, speciality="finance", townships=["宝力根街道"], today=MONDAY)

    grow(court, demo["zhangsan"], mediators=30, mediations=240, holder=holder)
    assert Mediation.objects.filter(mediator=holder, status__in=["settled", "failed",
                                                                 "withdrawn"]).count() > 50
    assert counts(clients, urls) == few
    with CaptureQueriesContext(connection) as again:
        large = recommend(court, speciality="finance", townships=["宝力根街道"], today=MONDAY)
    assert len(one) == len(again) == 1
    assert len(small) == len(large) == 5
    page = clients["lixia"].get(f"/mediation/m/{waiting.code}/").content.decode()
    assert page.count("<option value=") >= Mediator.objects.filter(
        court=court, delisted_on__isnull=True).count() + 1  # the whole roster, and "---"
