"""The demo's enforcement cases load through the platform's own actions, once."""

import pytest

from tianping.demo.enforcement import load_enforcement_demo
from tianping.enforcement.models import EnforcementRecord
from tianping.enforcement.tests.helpers import effective_judgment

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once(demo):
    effective_judgment(demo)
    assert load_enforcement_demo() == 3
    assert load_enforcement_demo() == 0
    modes = set(EnforcementRecord.objects.values_list("closing_mode", flat=True))
    assert modes == {"", "terminated_current"}
    assert EnforcementRecord.objects.filter(is_major=True, case__state="filed").exists()
    assert EnforcementRecord.objects.get(closing_mode="terminated_current").met_preconditions
