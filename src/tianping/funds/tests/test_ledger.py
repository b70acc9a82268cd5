"""The ledger of a case's funds: balance never negative, every yuan accounted for, the
bad inputs refused with a clear message, commands idempotent, entries append-only."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.test.utils import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tianping.funds import actions, queries, reconcile
from tianping.funds.choices import EntryKind, PayoutStatus
from tianping.funds.models import Entry
from tianping.funds.tests.helpers import enforcement_case
from tianping.lib.append_only import AppendOnlyError

pytestmark = pytest.mark.django_db
BANK = {"bank": "中国银行锡林浩特分行", "account_name": "张三",
        "account_number": "6217000012345678"}


@pytest.fixture
def world(demo):
    case = enforcement_case(demo["zhangsan"], demo["lixia"])
    return demo, case, case.parties.get(role="applicant")


def _receive(demo, case, amount, key, **kw):
    return actions.record_arrival(case.court, actor=demo["qianhui"], amount=amount, key=key,
                                  reference=f"R{key}", payer="李四", case=case, **kw)


def _approved(demo, case, party, amount, key):
    payout = actions.request_payout(case, actor=demo["gaofeng"], party=party, amount=amount,
                                    key=key, **BANK)
    return actions.decide_payout(payout, actor=demo["chenzhi"], approve=True)


def _sums(case):
    totals = {k: Decimal("0") for k in EntryKind.values}
    for e in Entry.objects.filter(case=case):
        totals[e.kind] += e.amount
    return totals


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("150000"), places=2)
operations = st.lists(st.tuples(st.sampled_from(
    ["receive", "arrive_claim", "claim_again", "fee", "refund", "deposit", "payout",
     "pay_again", "overdraw"]), amounts), max_size=10)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=operations)
def test_any_sequence_keeps_the_books(world, ops):
    demo, case, party = world
    sid = transaction.savepoint()
    try:
        arrivals, paid = [], []
        for i, (op, amount) in enumerate(ops):
            key = f"k{i}"
            try:
                if op == "receive":
                    _receive(demo, case, amount, key)
                elif op == "arrive_claim":
                    arrival = actions.record_arrival(
                        case.court, actor=demo["qianhui"], amount=amount, key=key,
                        reference=f"M{i}", payer="李四")
                    actions.claim(arrival, case, actor=demo["gaofeng"])
                    arrivals.append(arrival)
                elif op == "claim_again" and arrivals:
                    actions.claim(arrivals[0], case, actor=demo["gaofeng"])
                elif op in ("fee", "refund", "deposit"):
                    kind = {"fee": "fee", "refund": "refunded", "deposit": "deposited"}[op]
                    actions.record_outflow(case, kind, actor=demo["qianhui"], amount=amount,
                                           key=key, reference=f"O{i}", counterparty="李四")
                elif op == "payout":
                    payout = _approved(demo, case, party, amount, key)
                    paid.append(actions.pay(payout, actor=demo["qianhui"], key=key,
                                            reference=f"P{i}"))
                elif op == "pay_again" and paid:
                    actions.pay(paid[0], actor=demo["qianhui"], key=f"again{i}",
                                reference="X")
                elif op == "overdraw":
                    actions.request_payout(case, actor=demo["gaofeng"], party=party,
                                           amount=actions.balance(case) + amount,
                                           key=key, **BANK)
            except ValidationError:
                pass  # refused: the books must still hold
            s = _sums(case)
            bal = actions.balance(case)
            assert bal >= 0
            assert (s["received"] + s["claimed"]
                    == s["disbursed"] + s["refunded"] + s["deposited"] + s["fee"] + bal)
            # double entry: what left outside = what is held in the case and the master
            # account plus the fees; nothing in the master account claimed twice
            master = sum(e.amount for e in Entry.objects.filter(
                court=case.court, kind="arrived", key__startswith="k"))
            unclaimed = sum(e.amount for e in queries.unclaimed([case.court_id]))
            assert master == s["claimed"] + unclaimed
            assert Entry.objects.filter(kind="disbursed", case=case).count() == len(paid)
    finally:
        transaction.savepoint_rollback(sid)


def test_payout_larger_than_the_balance_is_refused(world):
    demo, case, party = world
    _receive(demo, case, "1000.00", "a")
    _approved(demo, case, party, "600", "p1")  # pending: counts against what is left
    with pytest.raises(ValidationError) as err:
        actions.request_payout(case, actor=demo["gaofeng"], party=party, amount="400.01",
                               key="p2", **BANK)
    assert "400.00" in str(err.value)
    assert actions.available(case) == Decimal("400.00")


def test_payee_must_be_a_party_of_the_case(world, demo):
    _d, case, _party = world
    other = enforcement_case(demo["zhangsan"], demo["lixia"], link_filer=False)
    _receive(demo, case, "1000", "a")
    with pytest.raises(ValidationError, match="party of this case|本案当事人"):
        actions.request_payout(case, actor=demo["gaofeng"], party=other.parties.first(),
                               amount="10", key="p", **BANK)
    # the party's agent may be paid instead; another case's agent may not
    from tianping.cases.models import CaseRepresentative

    applicant = case.parties.get(role="applicant")
    agent = CaseRepresentative.objects.create(case=case, party=applicant, kind="lawyer",
                                              name="李律师")
    stranger = CaseRepresentative.objects.create(case=other, party=other.parties.first(),
                                                 kind="lawyer", name="王律师")
    with pytest.raises(ValidationError):
        actions.request_payout(case, actor=demo["gaofeng"], party=applicant,
                               representative=stranger, amount="10", key="q", **BANK)
    paid_to_agent = actions.request_payout(case, actor=demo["gaofeng"], party=applicant,
                                           representative=agent, amount="10", key="r", **BANK)
    assert paid_to_agent.payee_name == "李律师"


def test_approval_by_tier_and_never_ones_own(world):
    demo, case, party = world
    _receive(demo, case, "300000", "a")
    big = actions.request_payout(case, actor=demo["gaofeng"], party=party, amount="100000",
                                 key="big", **BANK)
    small = actions.request_payout(case, actor=demo["gaofeng"], party=party, amount="99999.99",
                                   key="small", **BANK)
    with pytest.raises(PermissionDenied):  # at ¥100,000 the division head is not enough
        actions.decide_payout(big, actor=demo["hanlei"], approve=True)
    with pytest.raises(ValidationError):  # not approved: finance cannot pay it
        actions.pay(big, actor=demo["qianhui"], key="x", reference="B1")
    actions.decide_payout(small, actor=demo["hanlei"], approve=True)
    actions.decide_payout(big, actor=demo["chenzhi"], approve=True)
    with pytest.raises(PermissionDenied):
        actions.decide_payout(small, actor=demo["gaofeng"], approve=True)


def test_nobody_approves_their_own_request(world, demo):
    from tianping.courts.models import Membership

    _d, case, party = world
    Membership.objects.create(user=demo["chenzhi"], court=case.court,
                              role="enforcement_officer")
    demo["chenzhi"].__dict__.pop("_tianping_memberships", None)
    _receive(demo, case, "100", "a")
    payout = actions.request_payout(case, actor=demo["chenzhi"], party=party, amount="50",
                                    key="own", **BANK)
    with pytest.raises(PermissionDenied, match="own request|自己"):
        actions.decide_payout(payout, actor=demo["chenzhi"], approve=True)


def test_the_same_payout_submitted_twice_pays_once(world):
    demo, case, party = world
    _receive(demo, case, "1000", "a")
    first = actions.request_payout(case, actor=demo["gaofeng"], party=party, amount="700",
                                   key="same", **BANK)
    again = actions.request_payout(case, actor=demo["gaofeng"], party=party, amount="700",
                                   key="same", **BANK)
    assert first.pk == again.pk
    actions.decide_payout(first, actor=demo["hanlei"], approve=True)
    paid = actions.pay(first, actor=demo["qianhui"], key="pay-1", reference="B100")
    retry = actions.pay(first, actor=demo["qianhui"], key="pay-1", reference="B100")
    assert paid.status == retry.status == PayoutStatus.PAID
    with pytest.raises(ValidationError, match="already paid|已"):
        actions.pay(first, actor=demo["qianhui"], key="pay-2", reference="B101")
    assert actions.balance(case) == Decimal("300.00")
    assert Entry.objects.filter(payout=first).count() == 1
    # an arrival recorded twice (double click) is one arrival
    _receive(demo, case, "1000", "a")
    assert actions.balance(case) == Decimal("300.00")


def test_a_claim_of_money_already_claimed_is_refused(world, demo):
    _d, case, _party = world
    other = enforcement_case(demo["zhangsan"], demo["lixia"])
    arrival = actions.record_arrival(case.court, actor=demo["qianhui"], amount="5000",
                                     key="m1", reference="M1", payer="李四",
                                     case_number_given=case.number)
    actions.claim(arrival, case, actor=demo["gaofeng"])
    with pytest.raises(ValidationError) as err:
        actions.claim(arrival, other, actor=demo["gaofeng"])
    assert case.number in str(err.value)
    assert actions.balance(other) == 0 and actions.balance(case) == Decimal("5000.00")
    with pytest.raises(PermissionDenied):  # finance records, the officer claims
        actions.claim(arrival, other, actor=demo["qianhui"])


def test_unclaimed_money_listed_and_overdue(world):
    demo, case, _party = world
    today = datetime.date.today()
    old = actions.record_arrival(case.court, actor=demo["qianhui"], amount="80", key="m1",
                                 reference="M1", payer="某公司",
                                 on=today - datetime.timedelta(days=5))
    actions.record_arrival(case.court, actor=demo["qianhui"], amount="20", key="m2",
                           reference="M2", payer="某公司")
    assert [e.pk for e in queries.overdue_unclaimed([case.court_id], today)] == [old.pk]
    rows, total = queries.unclaimed_at(case.court, today)
    assert total == Decimal("100.00") and len(rows) == 2


def test_ledger_entries_cannot_be_changed(world):
    demo, case, _party = world
    entry = _receive(demo, case, "10", "a")
    with pytest.raises(AppendOnlyError):
        Entry.objects.filter(pk=entry.pk).update(amount=1)
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE funds_entry SET amount = 1 WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM funds_entry WHERE id = %s", [entry.pk])


@override_settings(FUNDS_PAYOUT_DAYS=10, FUNDS_RESUME_DAYS=5)
def test_on_time_with_the_limit_and_deferrals(world):
    demo, case, party = world
    today = datetime.date.today()
    _receive(demo, case, "100", "a", on=today - datetime.timedelta(days=12))
    payout = _approved(demo, case, party, "100", "p")
    actions.pay(payout, actor=demo["qianhui"], key="k", reference="B1")
    assert queries.payouts_in_time(case.court, today, today) == {
        "paid": 1, "on_time": 0, "rate": Decimal("0.0")}
    # a deferral approved and ended: the clock paused, then due RESUME_DAYS after the end
    _receive(demo, case, "50", "b")
    deferral = actions.request_deferral(case, actor=demo["gaofeng"], reason="allocation",
                                        note="参与分配方案未定")
    with pytest.raises(PermissionDenied):
        actions.decide_deferral(deferral, actor=demo["gaofeng"], approve=True)
    actions.decide_deferral(deferral, actor=demo["hanlei"], approve=True)
    assert queries.case_funds(case).deferred and queries.case_funds(case).next_due is None
    actions.end_deferral(deferral, actor=demo["gaofeng"])
    assert queries.case_funds(case).next_due == today + datetime.timedelta(days=10)


def test_reconciliation_reports_unknown_rows_and_imports_nothing(world):
    demo, case, _party = world
    today = datetime.date.today()
    month = today.replace(day=1)
    _receive(demo, case, "1000", "a")           # R a: in both, same
    _receive(demo, case, "500", "b")            # R b: amount differs
    _receive(demo, case, "20", "c")             # R c: not in the statement
    bad = ("日期,金额,流水号,方向,案号\n"
           f"{today},1000.00,Ra,收,{case.number}\n"
           f"{today},abc,Rx,收,\n"
           f"{today},5.00,Ry,sideways,\n"
           f"{today},5.00,Rz,收,（2026）内2502执99999号\n").encode("gb18030")
    with pytest.raises(ValidationError) as err:
        reconcile.import_statement(case.court, SimpleUploadedFile("对账单.csv", bad),
                                   actor=demo["qianhui"], month=month)
    text = " ".join(err.value.messages)
    assert "3" in text and "4" in text and "5" in text
    assert not reconcile.Statement.objects.exists()
    good = ("date,amount,reference,direction\n"
            f"{today},1000.00,Ra,in\n{today},499.00,Rb,in\n{today},7.00,Rq,out\n").encode()
    with pytest.raises(PermissionDenied):
        reconcile.import_statement(case.court, SimpleUploadedFile("s.csv", good),
                                   actor=demo["gaofeng"], month=month)
    reconcile.import_statement(case.court, SimpleUploadedFile("s.csv", good),
                               actor=demo["qianhui"], month=month)
    assert queries.received_per_case(case.court, month, today) == {
        case.number: Decimal("1520.00")}
    diffs = {(d.what, d.reference) for d in reconcile.differences(case.court, month)}
    assert diffs == {("amount", "Rb"), ("not_in_statement", "Rc"), ("not_in_ledger", "Rq")}
