"""Query counts of the filing division's lists (the review queue, page and API, and the
filings taken in for other courts): measured with a few filings, then the data grows the
ways a busy filing division grows (more filings than a page, every channel, service
points, green flags, correction notices, cross-region filings, another court to review
for), and the count must not change."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.courts.models import Court, Membership, ServicePoint
from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.models import CorrectionNotice, Filing, FilingParty
from tianping.filings.tests.test_review_pages import make_filing

pytestmark = pytest.mark.django_db

_serial = itertools.count(1)

LISTS = [
    "/filing-review/",
    "/filing-review/?page=2",
    "/filing-review/?status=correction_requested",
    "/filing-review/?channel=window",
    "/filing-review/cross-region/",
    "/api/v1/filing-review/queue",
    "/api/v1/filing-review/queue?limit=100",
    "/api/v1/filing-review/queue?status=correction_requested",
    "/api/v1/filing-review/queue?channel=window",
    "/api/v1/filing-review/cross-region",
]


def filings_at(court, count, *, filer, clerk, assisting_court=None):
    """COUNT open filings at COURT over every channel (window ones at a service point),
    green or not, some waiting for corrections with their notice, two or three parties each."""
    now = timezone.now()
    channels = list(Channel)
    points = list(ServicePoint.objects.filter(court=court)) or [None]
    rows = []
    for i in range(count):
        channel = channels[i % len(channels)]
        received = now - datetime.timedelta(hours=3 * i + 1)
        rows.append(
            Filing(
                court=court,
                assisting_court=assisting_court,
                channel=channel,
                service_point=points[i % len(points)] if channel == Channel.WINDOW else None,
                filer=filer,
                entered_by=filer,
                status=FilingStatus.CORRECTION_REQUESTED if i % 4 == 0 else FilingStatus.SUBMITTED,
                claims="判令被告归还借款",
                is_livelihood=i % 3 == 0,
                is_enterprise=i % 5 == 0,
                is_migrant_wages=i % 7 == 0,
                submitted_at=received,
                clock_starts_on=received.date(),
                review_due_on=received.date() + datetime.timedelta(days=7),
                submission_key=f"grow-{next(_serial)}",
            )
        )
    filings = Filing.objects.bulk_create(rows)
    FilingParty.objects.bulk_create(
        FilingParty(
            filing=f,
            role=role,
            name=f"当事人{f.pk}{n}",
            doc_type="resident_id",
            id_number="152502198503120022",
            position=n,
        )
        for f in filings
        for n, role in enumerate(("plaintiff", "defendant", "defendant")[: 2 + f.pk % 2])
    )
    CorrectionNotice.objects.bulk_create(
        CorrectionNotice(
            filing=f, items=["补充证据"], respond_by=timezone.localdate(), issued_by=clerk
        )
        for f in filings
        if f.status == FilingStatus.CORRECTION_REQUESTED
    )
    return filings


def grow(demo):
    """More filings than a page at the clerk's court, cross-region ones taken in for it and
    by it, and another court to review for, with filings of its own."""
    home, other = Court.objects.get(code="内2502"), Court.objects.get(code="内2501")
    filer, clerk = demo["zhangsan"], demo["lixia"]
    filings_at(home, 60, filer=filer, clerk=clerk)
    filings_at(home, 10, filer=filer, clerk=clerk, assisting_court=other)
    filings_at(other, 10, filer=filer, clerk=clerk, assisting_court=home)
    below = Court.objects.create(
        code="内2522", name="测试法院", level="basic", parent=Court.objects.get(code="内25")
    )
    Membership.objects.create(user=clerk, court=below, role="filing_clerk")
    filings_at(below, 20, filer=filer, clerk=clerk)


def a_few(demo):
    """A few filings, one of each kind the lists show: handed in online the usual way, at
    the window waiting for corrections, taken in for another court and by another."""
    home, other = Court.objects.get(code="内2502"), Court.objects.get(code="内2501")
    filer, clerk = demo["zhangsan"], demo["lixia"]
    make_filing(demo)
    make_filing(demo, is_livelihood=True)
    filings_at(home, 2, filer=filer, clerk=clerk)
    filings_at(home, 1, filer=filer, clerk=clerk, assisting_court=other)
    filings_at(other, 1, filer=filer, clerk=clerk, assisting_court=home)


@pytest.mark.parametrize("url", LISTS)
def test_a_queue_takes_the_same_queries_however_the_data_grows(
    demo, client, url, django_assert_num_queries
):
    a_few(demo)
    client.force_login(demo["lixia"])
    client.get(url)  # warm-up: what a process reads once
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(demo)
    client.force_login(demo["lixia"])  # a fresh user object: the new membership counts
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
