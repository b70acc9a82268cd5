"""Two people acting on one filing or case at the same moment: one act happens, once, and
the others are told. PostgreSQL only (SQLite serialises every writer)."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, connections
from django.utils import timezone

from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.filings.models import Filing
from tianping.flows.filing import accept_filing

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]
PARTIES = [
    {"role": "plaintiff", "kind": "natural", "name": "张三", "doc_type": "resident_id",
     "id_number": "152502198503120022"},
    {"role": "defendant", "kind": "natural", "name": "李四", "doc_type": "resident_id",
     "id_number": "110105199001011232", "phone": "13900000002"},
]


def handed_in(demo) -> Filing:
    filer = demo["zhangsan"]
    filing = actions.start_filing(
        actor=filer, court=Court.objects.get(code="内2502"), channel=Channel.ONLINE, filer=filer
    )
    actions.save_draft(filing, actor=filer, claims="归还货款", facts="买卖合同",
                       amount=Decimal("9000"))
    actions.set_parties(filing, PARTIES, actor=filer)
    return actions.submit_filing(filing, actor=filer)


def at_once(count, work) -> list[str]:
    barrier = threading.Barrier(count)
    outcomes = []

    def run(i):
        barrier.wait()
        try:
            work(i)
            outcomes.append("done")
        except (ValidationError, PermissionDenied, IntegrityError):
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_four_clerks_accepting_one_filing_open_one_case(demo):
    filing = handed_in(demo)

    outcomes = at_once(
        4, lambda i: accept_filing(Filing.objects.get(pk=filing.pk), actor=demo["lixia"])
    )

    assert outcomes == ["done", "refused", "refused", "refused"]
    assert Case.objects.filter(filing=filing).count() == 1
    assert filing.events.filter(kind="accepted").count() == 1


def test_a_correction_and_a_refusal_at_once_leave_one_decision(demo):
    filing = handed_in(demo)
    today = timezone.localdate()

    def decide(i):
        fresh = Filing.objects.get(pk=filing.pk)
        if i % 2:
            actions.propose_refusal(fresh, actor=demo["lixia"], basis="cpl_127",
                                    reasons="不属于人民法院受理范围。")
        else:
            actions.request_correction(fresh, actor=demo["lixia"], items=["补充证据"],
                                       respond_by=today + timezone.timedelta(days=15))

    outcomes = at_once(2, decide)

    assert outcomes == ["done", "refused"]
    decided = filing.events.filter(
        kind__in=["refusal_proposed", "correction_requested"]
    ).count()
    assert decided == 1


def test_closing_one_case_twice_at_once_closes_it_once(demo):
    from tianping.cases.actions import assign_by_hand, close_case, start_trial
    from tianping.cases.tests.closing import pdf

    case = accept_filing(handed_in(demo), actor=demo["lixia"])
    case = assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"], reason="对口")
    case = start_trial(case, actor=demo["wangjun"])
    today = timezone.localdate()

    outcomes = at_once(3, lambda i: close_case(
        Case.objects.get(pk=case.pk), actor=demo["wangjun"], mode="judgment", closed_on=today,
        documents=[pdf()],
    ))

    assert outcomes == ["done", "refused", "refused"]
    assert case.events.filter(kind="closed").count() == 1


def test_an_autosave_after_handing_in_changes_nothing(demo):
    filer = demo["zhangsan"]
    filing = actions.start_filing(
        actor=filer, court=Court.objects.get(code="内2502"), channel=Channel.ONLINE, filer=filer
    )
    actions.save_draft(filing, actor=filer, claims="归还货款", facts="买卖合同",
                       amount=Decimal("9000"))
    actions.set_parties(filing, PARTIES, actor=filer)
    stale = Filing.objects.get(pk=filing.pk)  # a tab still open on the draft
    actions.submit_filing(filing, actor=filer)

    with pytest.raises(ValidationError):
        actions.save_draft(stale, actor=filer, claims="改过的诉讼请求")

    assert Filing.objects.get(pk=filing.pk).claims == "归还货款"
