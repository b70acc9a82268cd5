"""The funds pages through the test client: the staff case page's panel, the officer's
payout form refusing too much with the reason on the page, a retry of the arrival form
recording nothing twice, the month's unclaimed money on the reconciliation page."""

import pytest
from django.urls import reverse

from tianping.funds import actions
from tianping.funds.models import Entry
from tianping.funds.tests.helpers import enforcement_case

pytestmark = pytest.mark.django_db


def test_panel_payout_form_and_arrival_retry(client, demo):
    case = enforcement_case(demo["zhangsan"], demo["lixia"])
    client.force_login(demo["qianhui"])
    form = {"case_number": case.number, "amount": "1200", "on": "2026-12-01",
            "payer": "李四", "reference": "BK1", "purpose": "", "key": "same-key"}
    for _ in range(2):  # a double click
        assert client.post(reverse("funds:record_arrival"), form).status_code == 302
    assert Entry.objects.filter(case=case).count() == 1

    client.force_login(demo["gaofeng"])
    page = client.get(reverse("cases:detail", args=[case.code])).content.decode()
    assert "1,200.00" in page and reverse("funds:case", args=[case.code]) in page
    party = case.parties.get(role="applicant")
    response = client.post(reverse("funds:request_payout", args=[case.code]), {
        "party": party.pk, "amount": "1500", "bank": "中国银行", "account_name": "张三",
        "account_number": "6217000012345678", "key": "k1"})
    assert response.status_code == 400
    assert "1,200.00" in response.content.decode()  # the reason names what is available

    client.force_login(demo["wangjun"])  # a civil judge does not see the 执 case
    assert client.get(reverse("funds:case", args=[case.code])).status_code == 404


def test_reconciliation_page_lists_unclaimed_at_month_end(client, demo):
    case = enforcement_case(demo["zhangsan"], demo["lixia"])
    actions.record_arrival(case.court, actor=demo["qianhui"], amount="3000", key="m",
                           reference="M1", payer="某公司")
    client.force_login(demo["qianhui"])
    page = client.get(reverse("funds:reconciliation")).content.decode()
    assert "3,000.00" in page and "某公司" in page
