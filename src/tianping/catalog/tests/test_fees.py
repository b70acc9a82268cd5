"""Litigation fees under 《诉讼费用交纳办法》: the figures a cashier would charge.

Expected figures are worked out by hand from the articles, not from the code.
"""

from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tianping.catalog.fees import (
    MAX_AMOUNT,
    FeeError,
    FeeRange,
    FeeResult,
    apply_halving,
    bankruptcy_fee,
    compute_fee,
    enforcement_fee,
    fee_as_dict,
    non_property_fee,
    payment_order_fee,
    preservation_fee,
    property_fee,
)

D = Decimal


@pytest.fixture(autouse=True)
def english():
    """Messages are matched in English, whatever the default language."""
    with translation.override("en"):
        yield


def parts(result):
    return sum((s.part for s in result.steps), D(0))


def parts_max(result):
    return sum((s.high for s in result.steps), D(0))


# Art. 13(1): every bracket edge, just above it, and 100 yuan above it.
PROPERTY = [
    ("0", "50.00"),
    ("0.01", "50.00"),
    ("10000", "50.00"),
    ("10000.01", "50.00"),
    ("10000.20", "50.01"),  # 50.005 rounds half up
    ("10100", "52.50"),
    ("100000", "2300.00"),
    ("100000.01", "2300.00"),
    ("100100", "2302.00"),
    ("200000", "4300.00"),
    ("200000.01", "4300.00"),
    ("200100", "4301.50"),
    ("500000", "8800.00"),
    ("500000.01", "8800.00"),
    ("500100", "8801.00"),
    ("1000000", "13800.00"),
    ("1000000.01", "13800.00"),
    ("1000100", "13800.90"),
    ("2000000", "22800.00"),
    ("2000000.01", "22800.00"),
    ("2000100", "22800.80"),
    ("5000000", "46800.00"),
    ("5000000.01", "46800.00"),
    ("5000100", "46800.70"),
    ("10000000", "81800.00"),
    ("10000000.01", "81800.00"),
    ("10000100", "81800.60"),
    ("20000000", "141800.00"),
    ("20000000.01", "141800.00"),
    ("20000100", "141800.50"),
    ("10000000000000", "50000041800.00"),
]


@pytest.mark.parametrize(("amount", "fee"), PROPERTY)
def test_property_fee_at_each_bracket_edge(amount, fee):
    assert property_fee(amount).fee == D(fee)
    assert compute_fee("property", D(amount)).fee == D(fee)


def test_property_fee_of_one_million_is_explained_bracket_by_bracket():
    result = property_fee(D("1000000"))

    rows = [(s.code, s.lower, s.upper, s.rate, s.base, s.part) for s in result.steps]
    assert rows == [
        ("flat", 0, 10000, None, 10000, 50),
        ("bracket", 10000, 100000, D("0.025"), 90000, 2250),
        ("bracket", 100000, 200000, D("0.02"), 100000, 2000),
        ("bracket", 200000, 500000, D("0.015"), 300000, 4500),
        ("bracket", 500000, 1000000, D("0.01"), 500000, 5000),
    ]
    assert result.fee == D("13800.00")
    assert "2.5%" in result.steps[1].description
    assert all(s.article == "13(1)" for s in result.steps)


def test_fee_is_rounded_half_up_to_the_cent_with_a_step_saying_so():
    result = property_fee("10000.20")

    assert result.steps[-1].code == "round"
    assert result.steps[-1].part == D("0.005")
    assert result.fee == D("50.01")


# Art. 14(1): enforcement.
ENFORCEMENT = [
    ("0", "50.00"),
    ("10000", "50.00"),
    ("10000.01", "50.00"),
    ("10100", "51.50"),
    ("500000", "7400.00"),
    ("500000.01", "7400.00"),
    ("500100", "7401.00"),
    ("5000000", "52400.00"),
    ("5000000.01", "52400.00"),
    ("5000100", "52400.50"),
    ("10000000", "77400.00"),
    ("10000000.01", "77400.00"),
    ("10000100", "77400.10"),
]


@pytest.mark.parametrize(("amount", "fee"), ENFORCEMENT)
def test_enforcement_fee_at_each_bracket_edge(amount, fee):
    assert enforcement_fee(amount).fee == D(fee)


def test_enforcement_without_an_amount_is_a_range_of_50_to_500():
    result = enforcement_fee(None)

    assert isinstance(result, FeeRange)
    assert (result.min, result.max) == (D(50), D(500))


# Art. 14(2): preservation, capped at 5,000 yuan.
PRESERVATION = [
    ("0", "30.00"),
    ("1000", "30.00"),
    ("1000.01", "30.00"),
    ("1000.50", "30.01"),  # 30.005 rounds half up
    ("1100", "31.00"),
    ("100000", "1020.00"),
    ("100000.01", "1020.00"),
    ("100100", "1020.50"),
    ("896000", "5000.00"),  # 1,020 + 796,000 × 0.5% reaches the cap exactly
    ("896000.01", "5000.00"),
    ("896200", "5000.00"),
    ("100000000", "5000.00"),
]


@pytest.mark.parametrize(("amount", "fee"), PRESERVATION)
def test_preservation_fee_at_each_bracket_edge_and_cap(amount, fee):
    assert preservation_fee(amount).fee == D(fee)


def test_preservation_cap_is_a_step_of_its_own():
    result = preservation_fee("10000000")

    assert [s.code for s in result.steps][-1] == "cap"
    assert result.steps[-1].article == "14(2)"


def test_preservation_without_an_amount_is_30_yuan():
    assert preservation_fee(None).fee == D("30.00")


@pytest.mark.parametrize(
    ("amount", "fee"),
    [("1000000", "4600.00"), ("100000", "766.67"), ("0", "16.67"), ("10000.01", "16.67")],
)
def test_payment_order_is_a_third_of_the_property_fee(amount, fee):
    result = payment_order_fee(amount)

    assert result.fee == D(fee)
    assert "third" in [s.code for s in result.steps]


@pytest.mark.parametrize(
    ("amount", "fee"),
    [
        ("10000", "25.00"),
        ("1000000", "6900.00"),
        ("111640000", "300000.00"),  # half of 600,000: the cap exactly
        ("111640000.01", "300000.00"),
        ("1000000000", "300000.00"),
    ],
)
def test_bankruptcy_is_half_the_property_fee_at_most_300000(amount, fee):
    assert bankruptcy_fee(amount).fee == D(fee)


@pytest.mark.parametrize(
    ("kind", "amount", "low", "high"),
    [
        ("divorce", None, "50", "300"),
        ("divorce", "200000", "50", "300"),
        ("divorce", "300000", "550", "800"),
        ("personality-rights", None, "100", "500"),
        ("personality-rights", "50000", "100", "500"),
        ("personality-rights", "100000", "600", "1000"),
        ("personality-rights", "200000", "1100", "1500"),
        ("other-non-property", None, "50", "100"),
        ("ip", None, "500", "1000"),
        ("jurisdiction-objection", None, "50", "100"),
        ("maritime-limitation-fund", None, "1000", "10000"),
        ("maritime-injunction", None, "1000", "5000"),
        ("ship-lien-summons", None, "1000", "5000"),
    ],
)
def test_fees_the_law_gives_as_a_range(kind, amount, low, high):
    result = compute_fee(kind, amount)

    assert isinstance(result, FeeRange)
    assert (result.min, result.max) == (D(low), D(high))
    assert (parts(result), parts_max(result)) == (result.min, result.max)


@pytest.mark.parametrize(
    ("kind", "amount", "fee"),
    [
        ("labour", None, "10"),
        ("administrative", None, "50"),
        ("administrative-special", None, "100"),
        ("public-summons", None, "100"),
        ("arbitration", None, "400"),
        ("maritime-claim-registration", None, "1000"),
        ("general-average", None, "1000"),
        ("ip", "1000000", "13800"),
    ],
)
def test_fixed_fees(kind, amount, fee):
    result = compute_fee(kind, amount)

    assert isinstance(result, FeeResult)
    assert result.fee == D(fee)


def test_divorce_property_under_the_threshold_says_nothing_more_is_due():
    result = non_property_fee("divorce", "150000")

    assert result.steps[-1].code == "note"
    assert "200,000.00" in result.steps[-1].description


# Arts 15, 16, 18: halving of the case acceptance fee.
@pytest.mark.parametrize("reason", ["mediation", "withdrawal", "counterclaim", "third-party-claim"])
def test_halving_reasons_halve_the_property_fee(reason):
    assert compute_fee("property", "1000000", reason=reason).fee == D("6900.00")


def test_summary_procedure_halves_the_fee():
    result = compute_fee("property", "1000000", summary=True)

    assert result.fee == D("6900.00")
    assert result.steps[-1].article == "16"


def test_the_fee_is_halved_only_once_whatever_the_number_of_grounds():
    result = compute_fee("property", "1000000", summary=True, reason="mediation")

    assert result.fee == D("6900.00")
    assert result.steps[-1].code == "note"


def test_halving_rounds_once_at_the_end():
    # 50.005 halved is 25.0025: 25.00, not half of the rounded 50.01.
    assert compute_fee("property", "10000.20", summary=True).fee == D("25.00")


def test_apply_halving_to_a_result_gives_the_same_figure_as_compute_fee():
    halved = apply_halving(property_fee("123456.78"), "withdrawal")

    assert halved == compute_fee("property", "123456.78", reason="withdrawal")
    assert [s.code for s in halved.steps].count("round") <= 1


@pytest.mark.parametrize(
    ("kind", "amount", "fee"),
    [("labour", None, "5.00"), ("administrative", None, "25.00"), ("ip", "10000", "25.00")],
)
def test_halving_applies_to_other_case_acceptance_fees(kind, amount, fee):
    assert compute_fee(kind, amount, summary=True).fee == D(fee)


def test_halving_a_range_halves_both_ends():
    result = compute_fee("divorce", "300000", summary=True)

    assert (result.min, result.max) == (D("275.00"), D("400.00"))


@pytest.mark.parametrize(
    ("kind", "amount"),
    [
        ("enforcement", "1000"),
        ("preservation", "1000"),
        ("payment-order", "1000"),
        ("bankruptcy", "1000"),
        ("arbitration", None),
        ("jurisdiction-objection", None),
    ],
)
def test_application_fees_are_not_halved(kind, amount):
    with pytest.raises(FeeError, match="case acceptance fees"):
        compute_fee(kind, amount, summary=True)


BAD_AMOUNTS = [
    (D("-1"), "negative"),
    ("-0.01", "negative"),
    ("abc", "not a number"),
    ("", "not a number"),
    ("1,000", "not a number"),
    ("NaN", "finite"),
    ("sNaN", "finite"),
    ("Infinity", "finite"),
    (D("-Infinity"), "finite"),
    ("1.001", "two decimal places"),
    (MAX_AMOUNT + D("0.01"), "maximum"),
    ("1e14", "maximum"),
    (1.5, "not float"),
    (True, "not bool"),
]


@pytest.mark.parametrize(("amount", "reason"), BAD_AMOUNTS)
def test_bad_amounts_are_refused_with_a_message(amount, reason):
    with pytest.raises(FeeError, match=reason):
        property_fee(amount)


@pytest.mark.parametrize(
    ("amount", "fee"),
    [(" 1000 ", "50.00"), ("10.500", "50.00"), ("-0", "50.00"), (12345, "108.63")],
)
def test_acceptable_spellings_of_amounts(amount, fee):
    assert property_fee(amount).fee == D(fee)


@pytest.mark.parametrize(
    ("kind", "amount", "kwargs", "message"),
    [
        ("property", None, {}, "needs an amount"),
        ("payment-order", None, {}, "needs an amount"),
        ("labour", "100", {}, "takes no amount"),
        ("other-non-property", "100", {}, "takes no amount"),
        ("nonsense", "100", {}, "Unknown fee kind"),
        ("property", "100", {"reason": "pity"}, "Unknown halving reason"),
    ],
)
def test_bad_requests_are_refused_with_a_message(kind, amount, kwargs, message):
    with pytest.raises(FeeError, match=message):
        compute_fee(kind, amount, **kwargs)


def test_fee_as_dict_gives_numbers_as_strings():
    data = fee_as_dict(compute_fee("property", "1000000"))

    assert data["fee"] == "13800.00"
    assert data["steps"][1]["rate"] == "0.025"
    assert data["steps"][1]["part"] == "2250.00"
    assert data["steps"][0]["rate"] is None


def test_fee_as_dict_of_a_range_has_no_single_fee():
    data = fee_as_dict(compute_fee("divorce", None))

    assert (data["fee"], data["fee_min"], data["fee_max"]) == (None, "50.00", "300.00")


amounts = st.decimals(
    min_value=0, max_value=MAX_AMOUNT, places=2, allow_nan=False, allow_infinity=False
)
amount_functions = [
    property_fee,
    enforcement_fee,
    preservation_fee,
    payment_order_fee,
    bankruptcy_fee,
]


@given(a=amounts, b=amounts, function=st.sampled_from(amount_functions))
def test_fee_never_decreases_as_the_amount_grows(a, b, function):
    low, high = sorted([a, b])

    assert function(low).fee <= function(high).fee


@given(amount=amounts, function=st.sampled_from(amount_functions), summary=st.booleans())
def test_fee_is_the_sum_of_its_step_parts(amount, function, summary):
    result = function(amount)
    if summary and result.kind == "property":
        result = apply_halving(result, "summary")

    assert parts(result) == result.fee
    assert result.fee == result.fee.quantize(D("0.01"))


@given(amount=amounts)
def test_property_brackets_cover_the_amount_exactly_once(amount):
    steps = property_fee(amount).steps

    covered = sum((s.base for s in steps if s.base is not None), D(0))
    assert covered == amount
