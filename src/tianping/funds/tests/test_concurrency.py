"""Simultaneous commands on one case's money (PostgreSQL only): 16 pay commands for one
approved payout pay it once; 16 payout requests that together exceed the balance never
overdraw it. The case row and its account row are locked by each command; the unique
constraint on the payment entry backs it."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from tianping.funds import actions
from tianping.funds.choices import PayoutStatus
from tianping.funds.models import Entry, Payout
from tianping.funds.tests.helpers import enforcement_case

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="concurrent writers need PostgreSQL"),
]
BANK = {"bank": "中国银行", "account_name": "张三", "account_number": "6217000012345678"}
N = 16


def at_once(work, count=N) -> list[str]:
    barrier = threading.Barrier(count)
    outcomes = []

    def run(i):
        barrier.wait()
        try:
            work(i)
            outcomes.append("done")
        except ValidationError as exc:
            outcomes.append("refused: " + " ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_sixteen_pay_commands_pay_once(demo):
    case = enforcement_case(demo["zhangsan"], demo["lixia"])
    party = case.parties.get(role="applicant")
    actions.record_arrival(case.court, actor=demo["qianhui"], amount="1000", key="a",
                           reference="R1", payer="李四", case=case)
    payout = actions.request_payout(case, actor=demo["gaofeng"], party=party, amount="800",
                                    key="p", **BANK)
    actions.decide_payout(payout, actor=demo["hanlei"], approve=True)

    def work(i):  # half of them retries of one command, half other commands
        actions.pay(Payout.objects.get(pk=payout.pk), actor=demo["qianhui"],
                    key="same" if i % 2 else f"other-{i}", reference=f"B{i}")

    outcomes = at_once(work)

    assert len(outcomes) == N
    assert Entry.objects.filter(kind="disbursed", case=case).count() == 1
    assert Payout.objects.get(pk=payout.pk).status == PayoutStatus.PAID
    assert actions.balance(case) == Decimal("200.00")
    assert all(o == "done" or "already paid" in o or "已" in o for o in outcomes)


def test_sixteen_requests_never_overdraw(demo):
    case = enforcement_case(demo["zhangsan"], demo["lixia"])
    party = case.parties.get(role="applicant")
    actions.record_arrival(case.court, actor=demo["qianhui"], amount="1000", key="a",
                           reference="R1", payer="李四", case=case)

    def work(i):
        actions.request_payout(case, actor=demo["gaofeng"], party=party, amount="300",
                               key=f"r{i}", **BANK)

    outcomes = at_once(work)

    assert outcomes.count("done") == 3
    assert Payout.objects.filter(case=case).count() == 3
    assert actions.available(case) == Decimal("100.00")
