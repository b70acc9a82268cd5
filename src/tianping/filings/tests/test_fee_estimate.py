"""The estimated acceptance fee shown while filing online (issue 10, item 5)."""

from decimal import Decimal

import pytest

from tianping.filings.fee_estimate import estimate
from tianping.filings.tests.test_online_filing_pages import (
    CLAIMS,
    english,  # noqa: F401  (fixture)
    fill_draft,
    start,
    step_url,
    text,
    zhangsan,  # noqa: F401  (fixture)
)


def test_a_property_claim_is_estimated_on_its_amount_with_the_steps():
    result = estimate("civil", Decimal("63383"))
    assert result.fee == Decimal("1384.58")
    assert [step.code for step in result.steps] == ["flat", "bracket", "round"]
    assert sum(step.part for step in result.steps if step.code != "round") == Decimal("1384.575")


def test_kinds_without_an_estimate():
    assert estimate("civil", None) is None  # a non-property claim: the court decides its kind
    assert estimate("private_prosecution", Decimal("1000")) is None  # criminal: no fee
    assert estimate("enforcement", Decimal("1000")) is None  # paid after enforcement
    assert estimate("administrative", None).fee == Decimal("50")
    assert estimate("civil", Decimal("50000"), summary=True).fee == Decimal("525")


@pytest.mark.django_db
def test_the_claims_and_review_steps_show_the_estimate(zhangsan):  # noqa: F811
    code = start(zhangsan)
    fill_draft(zhangsan, code)
    claims = text(zhangsan.get(step_url(code, "claims")).content)
    assert "Estimated case acceptance fee 300.00 yuan" in claims  # 50 + 10,000 × 2.5%
    assert "An estimate" in claims and "How it is computed" in claims
    review = text(zhangsan.get(step_url(code, "review")).content)
    assert "Estimated case acceptance fee 300.00 yuan" in review


@pytest.mark.django_db
def test_the_estimate_follows_the_amount_as_it_is_typed(zhangsan):  # noqa: F811
    code = start(zhangsan)
    response = zhangsan.post(f"/portal/filings/{code}/claims/save/", {**CLAIMS, "amount": "1万"})
    page = response.content.decode()
    assert 'id="fee-estimate"' in page and 'hx-swap-oob="true"' in page
    assert "Estimated case acceptance fee 50.00 yuan" in text(page)
    response = zhangsan.post(f"/portal/filings/{code}/claims/save/", {**CLAIMS, "amount": ""})
    assert "Estimated case acceptance fee" not in text(response.content)
