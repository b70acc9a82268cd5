"""The fee a case owes (issue 10, item 5): made on acceptance from the notice's amount,
due seven days from the day after the notice, paid as a clerk records it, page and API."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tianping.accounts.tokens import issue_token
from tianping.audit.models import AuditEntry
from tianping.cases.tests.test_party_view import PARTIES
from tianping.courts.models import Court
from tianping.demo.network import DEMO_PASSWORD
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing
from tianping.payments import actions as fee_actions
from tianping.payments.actions import due_date
from tianping.payments.models import FeeDue, FeeStatus

pytestmark = pytest.mark.django_db


def text(page: bytes) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.decode())).split())


def browser(user) -> Client:
    client = Client()
    client.post("/accounts/login/", {"username": user.username, "password": DEMO_PASSWORD})
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def filed(demo, amount=Decimal("63383"), today=datetime.date(2026, 3, 2)):
    user = demo["zhangsan"]
    filing = actions.start_filing(
        actor=user, court=Court.objects.get(code="内2502"), channel=Channel.ONLINE, filer=user
    )
    actions.save_draft(filing, actor=user, claims="归还借款", facts="借款未还", amount=amount)
    actions.set_parties(filing, PARTIES, actor=user)
    filing = actions.submit_filing(filing, actor=user)
    return accept_filing(filing, actor=demo["lixia"], today=today)


def test_acceptance_makes_the_fee_of_the_notice_due_in_seven_days(demo):
    case = filed(demo)
    fee = FeeDue.objects.get(case=case)
    halved = case.procedure in ("summary", "small_claims")
    assert fee.amount == (Decimal("692.29") if halved else Decimal("1384.58"))
    assert fee.status == FeeStatus.DUE and fee.notified_on == datetime.date(2026, 3, 2)
    assert fee.due_on == due_date(case, fee.notified_on) >= datetime.date(2026, 3, 9)
    event = case.events.get(kind="fee_due")
    assert event.details["amount"] == str(fee.amount)
    assert AuditEntry.objects.filter(action="case.fee_due").exists()


def test_a_last_day_on_a_rest_day_moves_to_the_next_working_day(demo):
    case = filed(demo)
    # notice on Monday 2026-03-02: the seventh day is Monday 03-09, a working day
    assert due_date(case, datetime.date(2026, 3, 2)) == datetime.date(2026, 3, 9)
    # notice on Friday 2026-03-06: the seventh day is Friday 03-13
    assert due_date(case, datetime.date(2026, 3, 6)) == datetime.date(2026, 3, 13)
    # notice on Sunday 2026-03-08: the seventh day is Sunday 03-15, moved to Monday 03-16
    assert due_date(case, datetime.date(2026, 3, 8)) == datetime.date(2026, 3, 16)


def test_a_claim_without_an_amount_owes_no_computed_fee(demo):
    case = filed(demo, amount=None)
    assert not FeeDue.objects.filter(case=case).exists()


def test_the_clerk_records_a_payment_on_the_page_and_the_party_sees_it(demo):
    case = filed(demo)
    party = browser(demo["zhangsan"])
    page = text(party.get(f"/portal/cases/{case.code}/").content)
    assert "Case acceptance fee" in page and "Due" in page and "Pay by" in page
    clerk = browser(demo["lixia"])
    clerk.cookies["django_language"] = "zh-hans"
    form = clerk.get(f"/case-fees/cases/{case.code}/").content.decode()
    clerk.cookies["django_language"] = "en"
    assert "Record a payment" in text(clerk.get(f"/case-fees/cases/{case.code}/").content)
    # the date picker is given its value as ISO in every language (else it shows empty)
    assert re.search(r'type="date" name="paid_on" value="\d{4}-\d{2}-\d{2}"', form) or re.search(
        r'name="paid_on" value="\d{4}-\d{2}-\d{2}"', form
    ), form
    response = clerk.post(
        f"/case-fees/cases/{case.code}/",
        {"amount": "1,384.58", "paid_on": "2026-03-05", "receipt": "内2502-0001"},
    )
    assert response.status_code == 302
    fee = FeeDue.objects.get(case=case)
    assert fee.status == FeeStatus.PAID and fee.receipt == "内2502-0001"
    assert fee.paid_on == datetime.date(2026, 3, 5) and fee.recorded_by == demo["lixia"]
    assert case.events.filter(kind="fee_paid").count() == 1
    page = text(party.get(f"/portal/cases/{case.code}/").content)
    assert "Paid" in page and "2026-03-05" in page and "Pay by" not in page


def test_nobody_but_the_filing_division_records_and_a_fee_is_paid_once(demo):
    case = filed(demo)
    fee = FeeDue.objects.get(case=case)
    with pytest.raises(PermissionDenied):
        fee_actions.record_payment(
            fee, actor=demo["wangjun"], amount=fee.amount,
            paid_on=datetime.date(2026, 3, 3), receipt="X",
        )
    with pytest.raises(ValidationError):  # dated before the notice
        fee_actions.record_payment(
            fee, actor=demo["lixia"], amount=fee.amount,
            paid_on=datetime.date(2026, 3, 1), receipt="X",
        )
    fee_actions.record_payment(
        fee, actor=demo["lixia"], amount=fee.amount, paid_on=datetime.date(2026, 3, 3),
        receipt="X",
    )
    with pytest.raises(ValidationError):
        fee_actions.record_payment(
            fee, actor=demo["lixia"], amount=fee.amount,
            paid_on=datetime.date(2026, 3, 3), receipt="Y",
        )


def test_the_api_reads_and_records_the_same_way(demo):
    case = filed(demo)
    token = issue_token(demo["lixia"], name="test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    client = Client()
    url = f"/api/v1/case-fees/cases/{case.code}"
    body = client.get(url, **auth).json()
    assert body["status"] == "due" and body["receipt"] == ""
    response = client.post(
        url + "/payments",
        {"amount": body["amount"], "paid_on": "2026-03-04", "receipt": "R-9"},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "paid" and response.json()["paid_on"] == "2026-03-04"


def test_the_case_list_flags_a_fee_unpaid_past_its_due_date(demo):
    case = filed(demo)  # due in March 2026, long past
    late = filed(demo, today=datetime.date.today())  # noticed today: not late
    clerk = browser(demo["lixia"])
    flag = "Fee unpaid past its due date: may be treated as withdrawn"

    def flagged_rows():
        page = clerk.get("/cases/").content.decode()
        rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
        return [number for number in (case.number, late.number)
                if any(number in row and flag in text(row.encode()) for row in rows)]

    assert flagged_rows() == [case.number]
    fee_actions.record_payment(
        FeeDue.objects.get(case=case), actor=demo["lixia"], amount=Decimal("1"),
        paid_on=datetime.date(2026, 3, 5), receipt="R",
    )
    assert flagged_rows() == []


def test_the_case_list_api_flags_a_fee_unpaid_past_its_due_date(demo):
    case = filed(demo)  # due in March 2026, long past
    fresh = filed(demo, today=datetime.date.today())
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(demo['lixia'], name='test')}"}
    items = Client().get("/api/v1/cases?limit=100", **auth).json()["items"]
    flags = {item["number"]: item["fee_overdue"] for item in items}
    assert flags[case.number] is True and flags[fresh.number] is False
    fee_actions.apply_for_relief(
        FeeDue.objects.get(case=case), actor=demo["zhangsan"], ground="legal_aid",
        statement="法律援助", applicant=case.parties.get(role="plaintiff"),
    )
    items = Client().get("/api/v1/cases?limit=100", **auth).json()["items"]
    assert {i["number"]: i["fee_overdue"] for i in items}[case.number] is False  # awaiting relief
