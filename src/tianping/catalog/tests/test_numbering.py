"""Issuing case numbers: in order of receipt, unique under concurrency, no gaps."""

import threading

import pytest
from django.db import connection, connections, transaction

from tianping.catalog.case_numbers import parse_case_number
from tianping.catalog.models import IssuedCaseNumber
from tianping.catalog.numbering import issue_case_number


@pytest.mark.django_db
def test_numbers_follow_the_order_of_receipt_per_sequence():
    numbers = [
        issue_case_number(court_code="内2502", type_code="民初", year=2026).number for _ in range(3)
    ]
    other = issue_case_number(court_code="内2502", type_code="执", year=2026).number
    special = issue_case_number(court_code="内25", special_code="知", type_code="民终", year=2026)
    assert numbers == ["（2026）内2502民初1号", "（2026）内2502民初2号", "（2026）内2502民初3号"]
    assert other == "（2026）内2502执1号"
    assert special.number == "（2026）内25知民终1号"


@pytest.mark.django_db
def test_a_rolled_back_filing_gives_its_serial_back():
    issue_case_number(court_code="内2502", type_code="民初", year=2026)
    with pytest.raises(RuntimeError), transaction.atomic():
        issue_case_number(court_code="内2502", type_code="民初", year=2026)
        raise RuntimeError("the filing failed after the number was drawn")
    again = issue_case_number(court_code="内2502", type_code="民初", year=2026)
    assert again.serial == 2


@pytest.mark.django_db
def test_death_penalty_review_numbers_are_random_eight_digits_and_parse():
    issued = [issue_case_number(court_code="最高法", type_code="刑核", year=2026) for _ in range(5)]
    serials = [n.serial for n in issued]
    assert all(10_000_000 <= s <= 99_999_999 for s in serials)
    assert len(set(serials)) == 5
    assert parse_case_number(issued[0].number).type_code == "刑核"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_many_clerks_filing_at_once_never_share_a_number():
    # given 8 clerks each filing 15 cases at the same moment
    errors = []
    barrier = threading.Barrier(8)

    def clerk():
        try:
            barrier.wait()
            for _ in range(15):
                with transaction.atomic():
                    issue_case_number(court_code="内2502", type_code="民初", year=2026)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clerk) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then 120 distinct numbers, serials 1..120 with no gap
    assert errors == []
    serials = sorted(IssuedCaseNumber.objects.values_list("serial", flat=True))
    assert serials == list(range(1, 121))
