"""Time limits cannot be moved by a careless or hostile date, a closed case, a second open
request, one's own approval or two people deciding at once."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, connections, transaction

from tianping.courts.models import Court
from tianping.deadlines import actions
from tianping.deadlines.models import CaseExclusion, ExtensionRequest, ExtensionStatus
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing

# The case is filed on Monday 2025-03-03 (a year whose holidays the calendar package
# knows), and "today" is that day unless a test says otherwise: six months of
# civil-ordinary end on Wednesday 2025-09-03.
FILED = TODAY = datetime.date(2025, 3, 3)
EXPIRES = datetime.date(2025, 9, 3)
DAY = datetime.timedelta(days=1)
PARTIES = [
    {"role": "plaintiff", "kind": "natural", "name": "张三", "doc_type": "resident_id",
     "id_number": "152502198503120022"},
    {"role": "defendant", "kind": "natural", "name": "李四", "doc_type": "resident_id",
     "id_number": "110105199001011232", "phone": "13800000000"},
]


def open_case(demo):
    """A civil case filed on FILED and assigned to judge 王军."""
    from tianping.cases.actions import assign_by_hand

    filer = demo["zhangsan"]
    filing = filing_actions.start_filing(
        actor=filer, court=Court.objects.get(code="内2502"), channel=Channel.ONLINE, filer=filer
    )
    filing_actions.save_draft(
        filing, actor=filer, claims="归还货款", facts="买卖合同", amount=Decimal("900000")
    )
    filing_actions.set_parties(filing, PARTIES, actor=filer)
    filing = filing_actions.submit_filing(filing, actor=filer, today=FILED)
    case = accept_filing(filing, actor=demo["lixia"], today=FILED)
    case = assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"], reason="专业对口")
    assert case.time_limit.expires_on == EXPIRES  # 2025-03-03 + 6 months
    return case


@pytest.fixture
def case(demo):
    return open_case(demo)


def expiry(case):
    case.time_limit.refresh_from_db()
    return case.time_limit.expires_on


# Dates outside the case's life.


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.date(2000, 1, 1), datetime.date(2009, 12, 31)),  # years before filing
        (datetime.date(1900, 1, 1), datetime.date(1900, 12, 31)),
        (TODAY, TODAY + 30 * DAY),  # an appraisal that has not ended yet
        (TODAY + 5 * DAY, TODAY + 2 * DAY),  # the wrong way round
    ],
)
def test_an_excluded_period_outside_the_cases_life_is_refused(case, judge, start, end):
    before = expiry(case)

    with pytest.raises(ValidationError):
        actions.record_exclusion(
            case, actor=judge, kind="appraisal", starts_on=start, ends_on=end,
            today=TODAY,
        )

    assert expiry(case) == before
    assert not CaseExclusion.objects.filter(case=case).exists()


@pytest.mark.django_db
def test_a_public_notice_may_be_recorded_for_its_statutory_days_ahead(case, judge):
    # a notice of 30 days, 2025-03-03 .. 2025-04-01, recorded on the day it starts
    actions.record_exclusion(
        case, actor=judge, kind="public_notice", starts_on=TODAY,
        ends_on=datetime.date(2025, 4, 1), today=TODAY,
    )

    # 2025-09-03 + 30 days = 2025-10-03, inside the National Day holiday (10-01 .. 10-08):
    # the limit ends on the next working day, Thursday 2025-10-09
    assert expiry(case) == datetime.date(2025, 10, 9)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "on", [datetime.date(9999, 12, 31), TODAY + DAY, datetime.date(2000, 1, 1)]
)
def test_a_suspension_dated_outside_the_cases_life_is_refused(case, judge, on):
    with pytest.raises(ValidationError):
        actions.suspend_case(case, actor=judge, on=on, note="等待另案", today=TODAY)

    case.refresh_from_db()
    assert case.state != "suspended"


@pytest.mark.django_db
def test_a_resumption_in_the_future_is_refused(case, judge):
    actions.suspend_case(case, actor=judge, on=TODAY, note="等待另案", today=TODAY)
    case.refresh_from_db()

    with pytest.raises(ValidationError, match="future"):
        actions.resume_case(case, actor=judge, on=TODAY + 10 * DAY, today=TODAY)

    case.refresh_from_db()
    assert case.state == "suspended"


# A closed case.


@pytest.mark.django_db
def test_a_closed_case_takes_no_exclusion_and_no_extension_request(case, judge):
    from tianping.cases.tests.closing import close_in_trial

    case = close_in_trial(case, actor=judge, closed_on=TODAY)
    before = expiry(case)

    with pytest.raises(ValidationError):
        actions.record_exclusion(
            case, actor=judge, kind="settlement", starts_on=TODAY, ends_on=TODAY,
            today=TODAY,
        )
    with pytest.raises(ValidationError):
        actions.request_extension(case, actor=judge, reason="复杂", today=TODAY)

    assert expiry(case) == before
    assert not ExtensionRequest.objects.filter(case=case).exists()


# Extension requests and decisions.


@pytest.mark.django_db
def test_a_second_request_while_one_awaits_its_decision_is_refused(case, judge):
    actions.request_extension(case, actor=judge, reason="复杂", today=TODAY)

    with pytest.raises(ValidationError, match="awaits its decision"):
        actions.request_extension(case, actor=judge, reason="仍复杂", today=TODAY)

    assert ExtensionRequest.objects.filter(case=case).count() == 1


@pytest.mark.django_db
def test_the_database_holds_one_open_request_per_case(case, judge):
    first = actions.request_extension(case, actor=judge, reason="复杂", today=TODAY)

    with pytest.raises(IntegrityError), transaction.atomic():
        ExtensionRequest.objects.create(
            case=case, months=6, reason="绕过检查", approver=first.approver,
            requested_by=judge, requested_on=TODAY,
        )


@pytest.mark.django_db
def test_nobody_approves_their_own_request(case, president, division_head):
    # given the president sits as the judge of the case and asks for the extension himself
    from tianping.cases.actions import assign_by_hand
    from tianping.courts.choices import Role
    from tianping.courts.models import Membership

    Membership.objects.create(user=president, court=case.court, role=Role.JUDGE,
                              division=case.division)
    president = type(president).objects.get(pk=president.pk)  # memberships read afresh
    case = assign_by_hand(case, actor=division_head, judge=president, reason="院长办案")
    request = actions.request_extension(case, actor=president, reason="复杂", today=TODAY)

    # when he decides it, then he is refused
    with pytest.raises(PermissionDenied):
        actions.decide_extension(request, actor=president, approve=True, note="", today=TODAY)

    request.refresh_from_db()
    assert request.status == ExtensionStatus.REQUESTED


@pytest.mark.django_db
def test_the_approver_is_derived_when_deciding_not_when_asking(case, judge, president):
    # given one extension approved, and a request stored (by an older version, or a race) as
    # if it were still the first one, for the court's own leaders to decide
    first = actions.request_extension(case, actor=judge, reason="复杂", today=TODAY)
    actions.decide_extension(first, actor=president, approve=True, note="", today=TODAY)
    stale = ExtensionRequest.objects.create(
        case=case, months=6, reason="仍复杂", approver=first.approver,
        requested_by=judge, requested_on=TODAY,
    )
    # 2025-03-03 + (6 + 6) months = Tuesday 2026-03-03
    assert expiry(case) == datetime.date(2026, 3, 3)

    # when the president decides it, then he is refused: the second step is the higher court's
    with pytest.raises(PermissionDenied):
        actions.decide_extension(stale, actor=president, approve=True, note="", today=TODAY)

    assert expiry(case) == datetime.date(2026, 3, 3)


@pytest.mark.django_db
def test_a_decided_request_cannot_be_decided_again(case, judge, president, division_head):
    request = actions.request_extension(case, actor=judge, reason="复杂", today=TODAY)
    actions.decide_extension(request, actor=president, approve=True, note="", today=TODAY)
    extended = expiry(case)
    assert extended == datetime.date(2026, 3, 3)  # 2025-03-03 + (6 + 6) months

    # a stale copy of the request, loaded before the approval, tries to reject it
    stale = ExtensionRequest.objects.get(pk=request.pk)
    stale.status = ExtensionStatus.REQUESTED
    with pytest.raises(ValidationError, match="already been decided"):
        actions.decide_extension(stale, actor=division_head, approve=False, note="", today=TODAY)

    request.refresh_from_db()
    assert request.status == ExtensionStatus.APPROVED and expiry(case) == extended


# At the same time, on PostgreSQL.


def at_once(count, work):
    barrier = threading.Barrier(count)
    outcomes = []

    def run(i):
        barrier.wait()
        try:
            outcomes.append(("ok", work(i)))
        except (ValidationError, PermissionDenied, IntegrityError) as exc:
            outcomes.append(("refused", type(exc).__name__))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)


@pytest.mark.django_db(transaction=True)
@needs_postgres
def test_four_requests_at_once_store_one(demo):
    case = open_case(demo)

    outcomes = at_once(
        4,
        lambda i: actions.request_extension(
            case, actor=demo["wangjun"], reason=f"复杂{i}", today=TODAY
        ).pk,
    )

    assert sorted(o for o, _ in outcomes) == ["ok", "refused", "refused", "refused"]
    assert ExtensionRequest.objects.filter(case=case).count() == 1
    assert case.events.filter(kind="extension_requested").count() == 1


@pytest.mark.django_db(transaction=True)
@needs_postgres
def test_four_decisions_at_once_write_one_decision(demo):
    case = open_case(demo)
    request = actions.request_extension(case, actor=demo["wangjun"], reason="复杂", today=TODAY)
    deciders = [demo["chenzhi"], demo["liuqiang"], demo["chenzhi"], demo["liuqiang"]]

    outcomes = at_once(
        4,
        lambda i: actions.decide_extension(
            ExtensionRequest.objects.get(pk=request.pk), actor=deciders[i], approve=i % 2 == 0,
            note=str(i), today=TODAY,
        ).status,
    )

    assert [o for o, _ in outcomes].count("ok") == 1
    assert case.events.filter(kind="extension_decided").count() == 1
    request.refresh_from_db()
    approved = request.status == ExtensionStatus.APPROVED
    assert case.events.filter(kind="time_limit_set").count() == (2 if approved else 1)
