"""Comparisons, trends and kept figures (`indicators/reads.py`): every figure the pages
and screens show for another period is the one the engine computes for that period."""

import datetime

import pytest

from tianping.indicators import compute, reads
from tianping.indicators.tests.test_compute import D, case, link, many

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(demo_network):
    from tianping.courts.models import Court

    court = Court.objects.get(code="内2502")
    upper = Court.objects.get(code="内25")
    many(court, 5, filed=D(2000, 12, 1))                       # pending at 2001's start
    many(court, 7, filed=D(2001, 1, 10), closed=D(2001, 2, 20))
    many(court, 4, filed=D(2001, 2, 3))
    many(court, 3, filed=D(2001, 3, 5), closed=D(2001, 3, 25))
    first = case(court, filed=D(2001, 1, 5), closed=D(2001, 3, 1), limit=D(2001, 3, 31))
    link(first, case(upper, "民终", filed=D(2001, 3, 20), closed=D(2001, 4, 30)),
         outcome="amended")
    many(court, 2, filed=D(2000, 2, 1), closed=D(2000, 3, 1))  # the year before
    return court


def test_a_trend_month_is_the_engine_for_that_month(history):
    s = compute.make_slice(history, D(2001, 1, 1), D(2001, 4, 15))
    months = reads.monthly_trend(s, months=4)
    assert [m.label for m in months] == ["2001-01", "2001-02", "2001-03", "2001-04"]
    assert months[-1].end == D(2001, 4, 15)  # the last month counted up to the period's end
    for month in months:
        alone = {r.code: r for r in compute.compute(
            compute.make_slice(history, month.start, month.end))}
        assert {c: (r.value, r.numerator, r.denominator) for c, r in month.results.items()} \
            == {c: (r.value, r.numerator, r.denominator) for c, r in alone.items()}
    assert months[0].results["received"].numerator == 8   # 7 + the appealed one
    assert months[1].results["closed"].numerator == 7
    assert months[2].results["appeal_rate"].value == 25   # 1 of 4 first-instance closings


def test_comparisons_take_the_month_before_and_the_same_month_a_year_before(history):
    march = compute.make_slice(history, D(2001, 3, 1), D(2001, 3, 31))
    rows = {c.now.code: c for c in reads.compared(march)}
    received = rows["received"]
    assert (received.now.numerator, received.period_before.numerator,
            received.year_before.numerator) == (3, 4, 0)
    assert received.mom == -1 and received.yoy == 3
    closed = rows["closed"]
    assert closed.year_before.numerator == 2  # March 2000
    assert reads.previous_period(D(2001, 1, 1), D(2001, 6, 30)) == (D(2000, 7, 1),
                                                                    D(2000, 12, 31))
    assert reads.year_before(D(2004, 2, 1), D(2004, 2, 29)) == (D(2003, 2, 1), D(2003, 2, 28))
    assert reads.previous_period(D(2001, 1, 5), D(2001, 1, 14)) == (D(2000, 12, 26),
                                                                     D(2001, 1, 4))


def test_kept_figures_are_forgotten_when_history_changes(history):
    s = compute.make_slice(history, D(2001, 1, 1), D(2001, 12, 31))
    before = {r.code: r for r in reads.figures(s)}["received"].numerator
    many(history, 6, filed=D(2001, 5, 5))
    assert {r.code: r for r in reads.figures(s)}["received"].numerator == before  # kept
    reads.forget()
    assert {r.code: r for r in reads.figures(s)}["received"].numerator == before + 6


def test_warming_keeps_the_figures_the_pages_open_with(history, django_assert_max_num_queries):
    today = datetime.date(2001, 5, 20)
    assert reads.warm(history, today, include_lower=False) == 4
    year = compute.make_slice(history, D(2001, 1, 1), today)
    with django_assert_max_num_queries(3):  # the slice's look-ups and the ranges, no counts
        reads.figures(year)


def test_the_warm_command_keeps_each_courts_figures(history):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("indicators", "warm", "--court", "内2502", "--court", "内25", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["内25", "内2502"]
    assert all("4 periods" in line for line in lines)
