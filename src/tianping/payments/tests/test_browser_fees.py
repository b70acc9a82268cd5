"""The fee in a real browser: lixia records a payment from its receipt, zhangsan sees it
paid on his case page (in English: the Chinese waits for the translator)."""

import pytest

from tianping.lib.testing.browser import assert_reads_well, shoot, sign_in
from tianping.payments.tests.test_fees_due import filed

pytestmark = pytest.mark.browser


def english(page):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])


def test_the_clerk_records_a_payment_and_the_party_sees_it(page, demo):
    case = filed(demo)
    english(page)
    sign_in(page, "lixia")
    page.goto(page.base_url + f"/cases/{case.code}/")
    page.click("text=Record a payment or decide relief")
    page.wait_for_url(f"**/case-fees/cases/{case.code}/")
    assert "Pay by" in page.inner_text("body")
    assert_reads_well(page, "en")
    shoot(page, "clerk")
    page.fill("#id_receipt", "内2502-0001")
    page.fill("#id_paid_on", "2026-03-05")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    body = page.inner_text("body")
    assert "The payment has been recorded." in body and "2026-03-05" in body
    assert_reads_well(page, "en")

    page.context.clear_cookies()
    english(page)
    sign_in(page, "zhangsan")
    page.goto(page.base_url + f"/portal/cases/{case.code}/")
    fee = page.inner_text("#fee")
    assert "Paid" in fee and "2026-03-05" in fee and "内2502-0001" in fee
    assert_reads_well(page, "en")
    shoot(page, "party")
