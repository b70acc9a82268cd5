"""The indicators of enforcement, case funds and petitions (issue 14, part 6), each checked
against the same figure computed by hand from the records the test makes: what a leader
would notice is a rate that does not match the cases behind it."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from tianping.cases.choices import CaseState
from tianping.cases.models import Case
from tianping.courts.models import Court, Division
from tianping.enforcement.choices import ClosingMode, MilestoneKind
from tianping.enforcement.models import EnforcementRecord, Milestone
from tianping.indicators import behind, compute
from tianping.petitions.choices import Status
from tianping.petitions.models import Petition

pytestmark = pytest.mark.django_db

D = datetime.date
QUARTER = (D(2026, 1, 1), D(2026, 3, 31))
SERIAL = itertools.count(1)


@pytest.fixture
def court(demo_network):
    return Court.objects.get(code="内2502")


def results(court, start, end, **slice_args):
    s = compute.make_slice(court, start, end, **slice_args)
    return {r.code: r for r in compute.compute(s)}


FILED = D(2025, 11, 1)


def enforcement_case(court, actor, *, applied, mode="", closed=None, filed=FILED,
                     met=False, recovered=(), type_code="执", division=None):
    case = Case.objects.create(
        number=f"（2026）{court.code}{type_code}{next(SERIAL)}号", court=court,
        type_code=type_code, procedure="enforcement", filed_on=filed, closed_on=closed,
        closure_mode="other" if closed else "", division=division,
        state=CaseState.CLOSED if closed else CaseState.ASSIGNED)
    record = EnforcementRecord.objects.create(
        case=case, court=court, title_kind="judgment", amount_applied=Decimal(applied),
        closing_mode=mode, closed_on=closed, met_preconditions=met, created_by=actor)
    for kind, amount in recovered:
        Milestone.objects.create(record=record, kind=kind, done_on=filed, recorded_by=actor,
                                 amount=Decimal(amount))
    return case


def test_enforcement_rates_match_the_records(court, demo):
    officer = demo["gaofeng"]
    a = enforcement_case(court, officer, applied="100000.00", mode=ClosingMode.COMPLETED,
                         closed=D(2026, 2, 1), recovered=[
                             (MilestoneKind.DEDUCTION, "60000.50"),
                             (MilestoneKind.DIRECT_PAYMENT, "9999.50"),
                             (MilestoneKind.SEIZURE, "5000.00")])  # seized: not recovered
    b = enforcement_case(court, officer, applied="50000.00",
                         mode=ClosingMode.TERMINATED_CURRENT, closed=D(2026, 3, 31), met=True)
    c = enforcement_case(court, officer, applied="25000.25",
                         mode=ClosingMode.TERMINATED_CURRENT, closed=D(2026, 1, 1),
                         recovered=[(MilestoneKind.AUCTION, "1000.00")], type_code="执恢")
    enforcement_case(court, officer, applied="999999.00", mode=ClosingMode.COMPLETED,
                     closed=D(2026, 4, 1))  # after the quarter
    enforcement_case(court, officer, applied="1000.00")  # still open
    r = results(court, *QUARTER)

    applied = Decimal("100000.00") + Decimal("50000.00") + Decimal("25000.25")
    recovered = Decimal("60000.50") + Decimal("9999.50") + Decimal("1000.00")
    rate = r["enforcement_recovery_rate"]
    assert (rate.numerator, rate.denominator) == (recovered, applied)
    assert str(rate.value) == "40.57"  # 71,000.00 ÷ 175,000.25 = 40.5714…%
    assert (r["enforcement_completion_rate"].numerator,
            r["enforcement_completion_rate"].denominator) == (1, 3)
    assert str(r["enforcement_completion_rate"].value) == "33.33"
    assert str(r["terminated_current_rate"].value) == "66.67"
    assert str(r["terminated_current_quality"].value) == "50.00"
    days = sum((x.closed_on - x.filed_on).days for x in (a, b, c))
    assert r["avg_enforcement_days"].numerator == days
    assert r["avg_enforcement_days"].denominator == 3
    # Enforcement cases are not trial cases: the trial figures do not count them.
    assert r["closed"].numerator == 0

    s = compute.make_slice(court, *QUARTER)
    assert set(behind.cases_behind("terminated_current_quality", "numerator", s)) == {b}
    assert set(behind.cases_behind("enforcement_recovery_rate", "denominator", s)) == {a, b, c}
    as_json = compute.as_json(s, [rate])["indicators"][0]
    assert (as_json["numerator"], as_json["denominator"]) == ("71000.00", "175000.25")


def test_enforcement_figures_follow_the_division(court, demo):
    bureau = Division.objects.get(court=court, name="执行局")
    civil = Division.objects.get(court=court, name="民事审判第一庭")
    enforcement_case(court, demo["gaofeng"], applied="100.00", mode=ClosingMode.COMPLETED,
                     closed=D(2026, 2, 1), division=bureau)
    enforcement_case(court, demo["gaofeng"], applied="100.00",
                     mode=ClosingMode.TERMINATED_CURRENT, closed=D(2026, 2, 1), division=civil)
    r = results(court, *QUARTER, division=bureau)
    assert str(r["enforcement_completion_rate"].value) == "100.00"


def petition(court, clerk, *, received, status=Status.ACCEPTED, due=None, replied=None):
    return Petition.objects.create(
        court=court, channel="visit", name="王五", matter="执行款未到", requests="尽快发放",
        status=status, registered_by=clerk, received_on=received,
        acceptance_due_on=received + datetime.timedelta(days=15), reply_due_on=due,
        replied_on=replied)


def test_petition_figures(court, demo):
    clerk = demo["fangyu"]
    petition(court, clerk, received=D(2026, 1, 5), status=Status.REPLIED,
             due=D(2026, 3, 6), replied=D(2026, 3, 6))  # on the due day: on time
    petition(court, clerk, received=D(2026, 1, 6), status=Status.REPLIED,
             due=D(2026, 3, 7), replied=D(2026, 3, 9))  # late
    petition(court, clerk, received=D(2025, 12, 1), status=Status.REPLIED,
             due=D(2026, 1, 30), replied=D(2026, 1, 20))  # received before, replied in
    petition(court, clerk, received=D(2026, 2, 1), status=Status.ROUTED)  # not a petition
    petition(court, clerk, received=D(2026, 2, 2))  # being handled
    Case.objects.bulk_create(
        Case(number=f"（2026）内2502民初{9000 + i}号", court=court, type_code="民初",
             procedure="ordinary", filed_on=D(2026, 2, 1), state=CaseState.ASSIGNED)
        for i in range(7))
    Case.objects.create(number="（2026）内2502执9001号", court=court, type_code="执",
                        procedure="enforcement", filed_on=D(2026, 2, 1),
                        state=CaseState.ASSIGNED)
    r = results(court, *QUARTER)
    rate = r["petition_rate"]
    assert (rate.numerator, rate.denominator) == (3, 8)  # per 100 cases of every type
    assert str(rate.value) == "37.50"
    reply = r["petition_reply_rate"]
    assert (reply.numerator, reply.denominator) == (2, 3)
    assert str(reply.value) == "66.67"
    # a division's slice has no petitions (they belong to the court)
    civil = Division.objects.get(court=court, name="民事审判第一庭")
    assert results(court, *QUARTER, division=civil)["petition_reply_rate"].value is None
    with pytest.raises(ValidationError):
        behind.cases_behind("petition_rate", "numerator", compute.make_slice(court, *QUARTER))


@override_settings(FUNDS_PAYOUT_DAYS=10)
def test_payout_timeliness_and_unclaimed_money(court, demo):
    from tianping.funds import actions
    from tianping.funds import queries as funds
    from tianping.funds.tests.helpers import enforcement_case as funds_case

    today = timezone.localdate()
    case = funds_case(demo["zhangsan"], demo["lixia"])
    applicant = case.parties.get(role="applicant")
    bank = {"bank": "中国银行锡林浩特分行", "account_name": "张三",
            "account_number": "6217000012345678"}

    def arrive(amount, key, days_ago, to=case):
        return actions.record_arrival(court, actor=demo["qianhui"], amount=amount, key=key,
                                      reference=f"R{key}", payer="李四", case=to,
                                      on=today - datetime.timedelta(days=days_ago))

    def paid(amount, key):
        payout = actions.request_payout(case, actor=demo["gaofeng"], party=applicant,
                                        amount=amount, key=key, **bank)
        payout = actions.decide_payout(payout, actor=demo["chenzhi"], approve=True)
        return actions.pay(payout, actor=demo["qianhui"], key=f"pay-{key}", reference=key)

    arrive("100.00", "a", 20)
    paid("100.00", "late")  # 20 days after its arrival: over the 10-day limit
    arrive("50.00", "b", 3)
    paid("50.00", "in-time")
    arrive("30.00", "m", 1, to=None)  # in the master account, not claimed
    actions.claim(arrive("20.00", "n", 1, to=None), case, actor=demo["gaofeng"])

    r = results(court, today - datetime.timedelta(days=30), today)
    timely = r["payout_timeliness"]
    assert (timely.numerator, timely.denominator) == (1, 2)
    assert str(timely.value) == "50.00"
    by_funds = funds.payouts_in_time(court, today - datetime.timedelta(days=30), today)
    assert (by_funds["paid"], by_funds["on_time"]) == (2, 1)  # the funds page agrees
    assert r["unclaimed_funds"].numerator == Decimal("30.00")
    assert funds.unclaimed_at(court, today)[1] == r["unclaimed_funds"].numerator
