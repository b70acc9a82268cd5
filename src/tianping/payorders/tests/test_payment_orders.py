"""Payment orders (督促程序): filed, accepted as 民督 with its limit, the fee of one third,
issued as a PDF, served, objected to in time or refused when late (with the dates),
terminated and turned into a suit, or in effect after fifteen days."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tianping.cases.models import CaseParty
from tianping.courts.models import Court
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.fee_estimate import acceptance_fee
from tianping.flows import payment_orders as flow
from tianping.flows.filing import accept_filing
from tianping.law import special_procedure as law
from tianping.law.calendar import RestDayCalendar
from tianping.payments.models import FeeDue
from tianping.payorders import actions
from tianping.payorders.choices import OrderStatus
from tianping.payorders.special import is_final_at_first_instance
from tianping.service import actions as service_actions

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)

CREDITOR = {"role": "applicant", "kind": "natural", "name": "张三", "doc_type": "resident_id",
            "id_number": "152502198503120022", "address": "锡林浩特市额尔敦路1号"}
DEBTOR = {"role": "respondent", "kind": "natural", "name": "王五", "doc_type": "resident_id",
          "id_number": "110105199001011232", "address": "锡林浩特市额尔敦路8号"}


def order_filing(demo, *, amount="12345.6", debtor=DEBTOR, on=None):
    court = Court.objects.get(code="内2502")
    filer = demo["zhangsan"]
    filing = filing_actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE,
                                         filer=filer, kind="payment_order")
    filing_actions.save_draft(filing, actor=filer, claims="请求向被申请人发出支付令",
                              facts="被申请人借款到期未还，有借条为证",
                              amount=Decimal(amount) if amount else None)
    filing_actions.set_parties(filing, [CREDITOR, debtor], actor=filer)
    return filing_actions.submit_filing(filing, actor=filer, today=on or TODAY)


def order_case(demo, *, on=None, debtor_user=None):
    filing = order_filing(demo, on=on)
    case = accept_filing(filing, actor=demo["lixia"], today=on or TODAY)
    if debtor_user is not None:
        CaseParty.objects.filter(case=case, role="respondent").update(user=debtor_user)
    return case


def debtor_account():
    return get_user_model().objects.create_user(
        "wangwu", password="x", kind="litigant", full_name="王五", phone="13800000008")


def serve_on_debtor(demo, case, document, served_on=None):
    """Serve the order on the debtor by court post, the receipt dated SERVED_ON."""
    debtor = case.parties.get(role="respondent")
    service = service_actions.serve(
        case, party=debtor, channels=["postal"], key=f"k{document.pk}", document=document,
        tracking_number="1190000000001", posted_on=served_on or TODAY, actor=demo["wangjun"])
    attempt = service.attempts.get()
    service_actions.record_postal_receipt(attempt, receipt_on=served_on or TODAY,
                                          actor=demo["wangjun"])
    return debtor


# Pure: fees and periods


def test_the_fee_is_one_third_of_the_property_fee_and_never_halved():
    fee = acceptance_fee("payment_order", Decimal("1000000"), summary=False)
    assert fee.fee.quantize(Decimal("0.01")) == Decimal("4600.00")  # 13,800 / 3
    assert acceptance_fee("special_procedure", Decimal("1000000"), summary=False) is None


def test_the_objection_period_is_fifteen_days_from_service_moved_off_a_rest_day():
    weekends = RestDayCalendar(strict=False)
    # served Friday 2026-03-06: the 15th day is Saturday 03-21, moved to Monday 03-23
    result = law.objection_due(datetime.date(2026, 3, 6), weekends)
    assert result.expires_on == datetime.date(2026, 3, 23)
    assert [s.code for s in result.steps] == ["start", "days", "rest-day-moved"]
    assert law.effective_from(datetime.date(2026, 3, 6), weekends) == datetime.date(2026, 3, 24)
    assert law.creditor_due(datetime.date(2026, 3, 2), weekends).expires_on == (
        datetime.date(2026, 3, 9))


def test_public_notices_by_subject():
    weekends = RestDayCalendar(strict=False)
    published = datetime.date(2026, 6, 1)
    assert law.notice_end("missing", published, weekends).expires_on == datetime.date(2026, 9, 1)
    assert law.notice_end("death", published, weekends).expires_on == datetime.date(2027, 6, 1)
    assert law.notice_end("death_accident", published, weekends).expires_on == (
        datetime.date(2026, 9, 1))
    assert law.notice_end("ownerless_property", published, weekends).expires_on == (
        datetime.date(2027, 6, 1))
    assert not law.needs_notice("incapacity") and not law.needs_notice("security_interest")


# Filing and acceptance


def test_an_application_needs_the_amount_and_a_debtor_with_an_address(demo):
    with pytest.raises(ValidationError) as error:
        order_filing(demo, amount=None, debtor={**DEBTOR, "address": ""})
    text = " ".join(error.value.messages)
    assert "amount of money" in text and "address in China" in text


def test_accepted_as_min_du_with_its_15_day_limit_fee_and_order(demo):
    case = order_case(demo)
    assert "民督" in case.number and case.type_code == "民督"
    assert case.filing.status == FilingStatus.ACCEPTED
    assert case.time_limit.rule_code == "payment-order"
    assert case.time_limit.expires_on >= TODAY + 15 * DAY
    assert FeeDue.objects.get(case=case).amount == Decimal("36.21")  # (50 + 2,345.6 × 2.5%) / 3
    order = actions.order_of(case)
    assert order.status == OrderStatus.ACCEPTED and order.amount == Decimal("12345.60")
    assert is_final_at_first_instance(case)
    assert case.judge == demo["wangjun"]


# Issuing, objecting, terminating


def test_only_the_judge_issues_and_the_order_is_a_pdf_with_the_amount(demo):
    case = order_case(demo)
    with pytest.raises(PermissionDenied):
        actions.issue(case, actor=demo["lixia"])
    order = actions.issue(case, actor=demo["wangjun"])
    assert order.status == OrderStatus.ISSUED and order.issued_on == TODAY
    assert order.order_document.file.read().startswith(b"%PDF")
    assert case.events.filter(kind="payment_order_issued").exists()
    case.time_limit.refresh_from_db()
    assert case.time_limit.case_closed  # the limit to issue it is met
    with pytest.raises(ValidationError):
        actions.issue(case, actor=demo["wangjun"])


def test_a_late_objection_is_refused_with_the_dates(demo):
    today = datetime.date(2026, 3, 30)
    case = order_case(demo, on=datetime.date(2026, 3, 2))
    order = actions.issue(case, actor=demo["wangjun"], today=datetime.date(2026, 3, 4))
    debtor = serve_on_debtor(demo, case, order.order_document, datetime.date(2026, 3, 6))
    window = actions.objection_window(case, debtor, order)
    assert window["served_on"] == datetime.date(2026, 3, 6)
    assert window["due"] == datetime.date(2026, 3, 23)
    with pytest.raises(ValidationError) as error:
        actions.object_to(case, actor=demo["lixia"], party=debtor, text="不欠", channel="window",
                          received_on=datetime.date(2026, 3, 24), today=today)
    assert "2026-03-06" in str(error.value) and "2026-03-23" in str(error.value)
    # on the last day it is in time
    actions.object_to(case, actor=demo["lixia"], party=debtor, text="借款已还清",
                      channel="window", received_on=datetime.date(2026, 3, 23), today=today)
    assert actions.order_of(case).status == OrderStatus.OBJECTED


def test_only_the_debtor_objects_online(demo, other_litigant):
    debtor_user = debtor_account()
    case = order_case(demo, debtor_user=debtor_user)
    order = actions.issue(case, actor=demo["wangjun"])
    debtor = serve_on_debtor(demo, case, order.order_document)
    for outsider in (other_litigant, demo["zhangsan"]):
        with pytest.raises(PermissionDenied):
            actions.object_to(case, actor=outsider, party=debtor, text="不欠")
    actions.object_to(case, actor=debtor_user, party=debtor, text="借款已还清")
    event = case.events.get(kind="payment_order_objected")
    assert event.is_public and event.details["objection_channel"] == "online"


def test_terminated_on_objection_and_turned_into_a_suit(demo):
    debtor_user = debtor_account()
    case = order_case(demo, debtor_user=debtor_user)
    order = actions.issue(case, actor=demo["wangjun"])
    debtor = serve_on_debtor(demo, case, order.order_document)
    actions.object_to(case, actor=debtor_user, party=debtor, text="借款已还清")
    with pytest.raises(PermissionDenied):
        flow.terminate(case, actor=demo["lixia"])
    order = flow.terminate(case, actor=demo["wangjun"])
    case.refresh_from_db()
    assert case.state == "closed" and case.closure_mode == "termination"
    assert order.status == OrderStatus.TERMINATED and order.ruling_document is not None
    # the staff may not hand the suit in before the creditor's seven days have passed
    with pytest.raises(ValidationError):
        flow.hand_in_suit(case, actor=demo["lixia"])
    # the creditor agrees to the suit at once
    order = flow.creditor_answer(case, actor=demo["zhangsan"], want_suit=True)
    assert order.status == OrderStatus.LITIGATION
    suit = order.litigation_filing
    assert suit.kind == "civil" and suit.status == FilingStatus.SUBMITTED
    roles = dict(suit.parties.values_list("name", "role"))
    assert roles == {"张三": "plaintiff", "王五": "defendant"}
    assert suit.events.filter(kind="from_payment_order").exists()
    assert suit.claims.startswith("判令被告给付原告12,345.60元。")
    new_case = accept_filing(suit, actor=demo["lixia"])
    assert "民初" in new_case.number and new_case.amount == Decimal("12345.60")


def test_the_staff_hand_the_suit_in_after_the_creditors_seven_days(demo):
    case = order_case(demo, on=datetime.date(2026, 3, 2))
    order = actions.issue(case, actor=demo["wangjun"], today=datetime.date(2026, 3, 3))
    debtor = serve_on_debtor(demo, case, order.order_document, datetime.date(2026, 3, 4))
    actions.object_to(case, actor=demo["lixia"], party=debtor, text="有争议", channel="window",
                      received_on=datetime.date(2026, 3, 5), today=datetime.date(2026, 3, 5))
    order = flow.terminate(case, actor=demo["wangjun"], today=datetime.date(2026, 3, 6))
    creditor = case.parties.get(role="applicant")
    service = service_actions.serve(
        case, party=creditor, channels=["postal"], key="r", document=order.ruling_document,
        tracking_number="1190000000002", posted_on=datetime.date(2026, 3, 6),
        actor=demo["wangjun"])
    service_actions.record_postal_receipt(service.attempts.get(),
                                          receipt_on=datetime.date(2026, 3, 9),
                                          actor=demo["wangjun"])
    window = actions.creditor_window(case, order)
    assert window["due"] == datetime.date(2026, 3, 16)
    with pytest.raises(ValidationError):
        flow.hand_in_suit(case, actor=demo["lixia"], today=datetime.date(2026, 3, 16))
    with pytest.raises(ValidationError):  # too late to refuse the suit
        flow.creditor_answer(case, actor=demo["zhangsan"], want_suit=False,
                             today=datetime.date(2026, 3, 17))
    order = flow.hand_in_suit(case, actor=demo["lixia"], today=datetime.date(2026, 3, 17))
    assert order.status == OrderStatus.LITIGATION


def test_without_objection_the_order_takes_effect_after_fifteen_days(demo):
    case = order_case(demo, on=datetime.date(2026, 3, 2))
    order = actions.issue(case, actor=demo["wangjun"], today=datetime.date(2026, 3, 3))
    with pytest.raises(ValidationError, match="not yet served"):
        flow.take_effect(case, actor=demo["wangjun"], today=datetime.date(2026, 4, 1))
    serve_on_debtor(demo, case, order.order_document, datetime.date(2026, 3, 6))
    assert actions.effective_date(case, order)["effective_on"] == datetime.date(2026, 3, 24)
    with pytest.raises(ValidationError, match="2026-03-24"):
        flow.take_effect(case, actor=demo["wangjun"], today=datetime.date(2026, 3, 23))
    order = flow.take_effect(case, actor=demo["wangjun"], today=datetime.date(2026, 3, 24))
    assert order.status == OrderStatus.EFFECTIVE and order.effective_on == (
        datetime.date(2026, 3, 24))
    case.refresh_from_db()
    assert case.state == "closed"


def test_the_judge_dismisses_an_application(demo):
    case = order_case(demo)
    with pytest.raises(ValidationError):
        flow.dismiss(case, actor=demo["wangjun"], reasons="")
    order = flow.dismiss(case, actor=demo["wangjun"], reasons="债权债务关系存在其他争议")
    assert order.status == OrderStatus.DISMISSED
    case.refresh_from_db()
    assert case.closure_mode == "ruling"
