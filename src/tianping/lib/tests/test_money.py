"""Amounts in yuan: one bound that every column holds on every database, read back safely."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tianping.lib.money import MAX_AMOUNT, amount_words, check_amount, parse_amount

PROBE = "99999999999999.99"  # fits DECIMAL(16, 2) but not SQLite's float: broke a portal


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (PROBE, "The amount is too large: at most 9,999,999,999,999.99 yuan."),
        ("-1", "The amount cannot be negative."),
        ("1.005", "The amount has at most two decimal places (fen)."),
        ("NaN", "The amount must be a number of yuan."),
        ("两万", "The amount must be a number of yuan."),
        ("1e400", "The amount is too large: at most 9,999,999,999,999.99 yuan."),
    ],
)
def test_an_amount_out_of_bounds_is_refused_saying_why(typed, message):
    with pytest.raises(ValidationError) as refused:
        parse_amount(typed)
    assert refused.value.messages == [message]


def test_amounts_as_people_type_them():
    assert parse_amount("２0,000") == Decimal("20000")
    assert parse_amount("9,999,999,999,999.99") == MAX_AMOUNT
    assert parse_amount(" ") is None and parse_amount(None) is None
    assert check_amount(Decimal("1.50")) == Decimal("1.50")


@pytest.mark.django_db
def test_an_amount_stored_before_the_bound_is_read_back(demo):
    """SQLite keeps 99999999999999.99 as a float that did not fit 16 digits when read."""
    from tianping.courts.models import Court
    from tianping.filings import actions
    from tianping.filings.models import Filing

    filer = demo["zhangsan"]
    filing = actions.start_filing(
        actor=filer, court=Court.objects.get(code="内2502"), channel="online", filer=filer
    )
    Filing.objects.filter(pk=filing.pk).update(amount=Decimal(PROBE))  # as the probe left it

    amount = Filing.objects.get(pk=filing.pk).amount

    expected = Decimal(PROBE) if connection.vendor == "postgresql" else Decimal("1E+14")
    assert amount == expected


def test_a_triage_rule_form_refuses_an_amount_the_column_cannot_hold():
    """Triage rules are entered in the admin: its form is the model's."""
    from django.forms import modelform_factory

    from tianping.cases.models import TriageRule

    form_class = modelform_factory(TriageRule, fields=["min_amount", "max_amount"])
    form = form_class({"min_amount": "-1", "max_amount": PROBE})
    assert form.errors == {
        "min_amount": ["The amount cannot be negative."],
        "max_amount": ["The amount is too large: at most 9,999,999,999,999.99 yuan."],
    }
    assert form_class({"max_amount": "２0,000"}).is_valid()


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("100万", "1000000"),
        ("1.5万", "15000"),
        ("100,000", "100000"),
        ("１００万元", "1000000"),
        ("2亿", "200000000"),
        ("8000元", "8000"),
        ("0.35万", "3500"),
        ("1,000,000.00", "1000000"),
    ],
)
def test_amounts_written_with_wan_and_yi(typed, amount):
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["万", "1万万", "1.2.3万", "一百万", "100万美元"])
def test_what_is_not_an_amount_is_refused(typed):
    with pytest.raises(ValidationError, match="The amount must be a number of yuan."):
        parse_amount(typed)


def test_an_amount_of_wan_keeps_the_fen_bound():
    with pytest.raises(ValidationError, match="at most two decimal places"):
        parse_amount("1.2345678万")


def test_amounts_are_shown_with_thousands_separators():
    from tianping.lib.money import YuanField, format_yuan

    assert format_yuan(Decimal("1000000")) == "1,000,000.00"
    assert YuanField().prepare_value(Decimal("20000")) == "20,000.00"
    assert YuanField().prepare_value("两万") == "两万"  # kept as typed


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("30000", "30,000"),
        (Decimal("500000.00"), "500,000"),
        ("30000.50", "30,000.50"),
        ("1000000.05", "1,000,000.05"),
        ("12", "12"),
        (None, ""),
        ("abc", "abc"),
    ],
)
def test_an_amount_in_a_sentence_is_grouped_with_its_exact_fen(value, words):
    assert amount_words(value) == words
