"""env_int_map: KEY=NUMBER pairs from the environment, refused loudly when malformed."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from tianping.lib.env import env_int_map


def test_pairs_are_read_and_the_default_kept_when_unset(monkeypatch):
    monkeypatch.delenv("TP_MAP", raising=False)
    assert env_int_map("TP_MAP", {"a": 1}) == {"a": 1}
    monkeypatch.setenv("TP_MAP", " appraisal=365, settlement = 90 ,")
    assert env_int_map("TP_MAP", {}) == {"appraisal": 365, "settlement": 90}


@pytest.mark.parametrize("value", ["appraisal", "appraisal=", "=3", "appraisal=-1", "a=0",
                                   "a=1e3", "a=" + "9" * 5000])
def test_a_malformed_pair_stops_the_start_with_the_setting_named(monkeypatch, value):
    monkeypatch.setenv("TP_MAP", value)
    with pytest.raises(ImproperlyConfigured, match="TP_MAP"):
        env_int_map("TP_MAP", {})
