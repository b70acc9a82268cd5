"""The funds demo loads, twice without doubling anything."""

import pytest

from tianping.demo.funds import load_funds_demo
from tianping.funds.models import Entry, Payout

pytestmark = pytest.mark.django_db


def test_demo_loads_once(demo):
    load_funds_demo()
    load_funds_demo()
    assert Entry.objects.filter(key__startswith="demo-funds").count() == 2
    assert Payout.objects.filter(request_key="demo-funds-3").count() == 1
