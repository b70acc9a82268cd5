"""Amounts claimed: one bound on every page and endpoint that takes one (at most
9,999,999,999,999.99 yuan, not negative, in fen), and a row stored before the bound still
reads. A probe stored 99999999999999.99 through the API: on SQLite that row could not be
read back, and the litigant's portal, filing list and filing failed for good."""

from decimal import Decimal

import pytest
from django.test import Client

from tianping.demo.network import DEMO_PASSWORD
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.filings.tests.test_online_filing_api import API, bearer, create
from tianping.filings.tests.test_online_filing_pages import (
    CLAIMS,
    start,
    step_url,
    text,
)
from tianping.filings.tests.test_review_api import complaint, post
from tianping.filings.tests.test_window_filing import form

pytestmark = pytest.mark.django_db
REVIEW_API = "/api/v1/filing-review"
PROBE = "99999999999999.99"
TOO_LARGE = "The amount is too large: at most 9,999,999,999,999.99 yuan."
REFUSED = [
    (PROBE, TOO_LARGE),
    ("-1", "The amount cannot be negative."),
    ("1.005", "The amount has at most two decimal places (fen)."),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def clerk(client, demo, login):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return login(demo["lixia"])


@pytest.fixture
def zhangsan(demo):
    """The litigant in a browser of their own, pages in English."""
    client = Client()
    client.post("/accounts/login/", {"username": "zhangsan", "password": DEMO_PASSWORD})
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def messages(response) -> list[str]:
    return [e["ctx"]["error"] if isinstance(e, dict) else e for e in response.json()["detail"]]


@pytest.mark.parametrize(("amount", "message"), REFUSED)
def test_the_wizard_refuses_the_amount_saying_why_and_the_portal_still_loads(
    zhangsan, amount, message
):
    code = start(zhangsan)
    response = zhangsan.post(step_url(code, "claims"), {**CLAIMS, "amount": amount})
    assert response.status_code == 200 and message in text(response.content)
    filing = Filing.objects.get(code=code)
    assert filing.amount is None and filing.claims == CLAIMS["claims"]  # the rest is kept
    for url in ["/portal/filings/", step_url(code, "claims"), step_url(code, "review")]:
        assert zhangsan.get(url).status_code == 200, url


@pytest.mark.parametrize(("amount", "message"), REFUSED)
def test_the_api_refuses_the_amount_with_422_and_the_filing_still_reads(demo, amount, message):
    client = bearer(demo["zhangsan"])
    code = create(client)
    response = client.patch(f"{API}/{code}", {"amount": amount}, content_type="application/json")
    assert response.status_code == 422 and messages(response) == [message]
    as_number = client.patch(
        f"{API}/{code}", {"amount": float(amount)}, content_type="application/json"
    )
    assert as_number.status_code == 422
    assert Filing.objects.get(code=code).amount is None
    assert client.get(API).status_code == client.get(f"{API}/{code}").status_code == 200


def test_the_largest_amount_is_kept_to_the_fen(demo):
    client = bearer(demo["zhangsan"])
    code = create(client)
    body = {"amount": "9,999,999,999,999.99"}
    response = client.patch(f"{API}/{code}", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["amount"] == "9999999999999.99"
    assert Filing.objects.get(code=code).amount == Decimal("9999999999999.99")


@pytest.mark.parametrize(("amount", "message"), REFUSED)
def test_window_and_cross_region_pages_refuse_the_amount(clerk, amount, message):
    window = clerk.post("/filing-review/window/new/", form(amount=amount, hand_in="1"))
    assert window.status_code == 200 and message in text(window.content)
    cross = form(court="内2501", assisting_court="内2502", amount=amount)
    cross.pop("channel")
    response = clerk.post("/filing-review/cross-region/new/", cross)
    assert response.status_code == 200 and message in text(response.content)
    assert not Filing.objects.exists()


@pytest.mark.parametrize(("amount", "message"), REFUSED)
def test_window_and_cross_region_api_refuse_the_amount(clerk, amount, message):
    window = post(clerk, f"{REVIEW_API}/window", complaint(court="内2502", amount=amount))
    assert window.status_code == 422 and messages(window) == [message]
    cross = post(clerk, f"{REVIEW_API}/cross-region", complaint(court="内2501", amount=amount))
    assert cross.status_code == 422 and messages(cross) == [message]
    assert not Filing.objects.exists()


def test_a_row_stored_before_the_bound_still_shows_and_can_be_withdrawn(zhangsan, demo):
    code = start(zhangsan)
    Filing.objects.filter(code=code).update(amount=Decimal(PROBE))  # as the probe left it
    api = bearer(demo["zhangsan"])
    for url in ["/portal/filings/", step_url(code, "claims"), step_url(code, "review")]:
        assert zhangsan.get(url).status_code == 200, url
    assert api.get(API).status_code == api.get(f"{API}/{code}").status_code == 200
    # the filer can put it right, or withdraw the draft
    fixed = api.patch(f"{API}/{code}", {"amount": "20000"}, content_type="application/json")
    assert fixed.status_code == 200 and fixed.json()["amount"] == "20000.00"
    Filing.objects.filter(code=code).update(amount=Decimal(PROBE))
    assert zhangsan.post(f"/portal/filings/{code}/withdraw/").status_code == 302
    assert Filing.objects.get(code=code).status == FilingStatus.WITHDRAWN
