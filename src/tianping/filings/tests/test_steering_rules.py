"""Steering to mediation (分调裁审) as rules: the pure evaluation, and the rules as data."""

from decimal import Decimal

import pytest
from django.utils import translation

from tianping.courts.models import Court
from tianping.filings import steering
from tianping.filings.models import MediationSteeringRule
from tianping.filings.queries import steering_rules_for
from tianping.filings.steering import FilingFacts, SteeringRule, recommend

FAMILY = SteeringRule(
    name="婚姻家庭纠纷",
    reason="婚姻家庭纠纷：建议先行调解",
    reason_en="A family dispute: mediation first is recommended",
    kinds=("civil",),
    cause_codes=("二",),
)
SMALL_LOANS = SteeringRule(
    name="小额借贷纠纷",
    reason="五万元以下自然人借贷：建议先行调解",
    cause_codes=("108.3",),
    max_amount=Decimal("50000"),
    party_kinds=("natural",),
)


def facts(**kw) -> FilingFacts:
    return FilingFacts(**{"kind": "civil", "party_kinds": ("natural", "natural"), **kw})


def test_a_rule_for_a_parent_cause_covers_the_causes_below_it():
    found = recommend([FAMILY], facts(cause_path=("29", "二", "第二部分")))
    assert found.recommended and found.rule.name == "婚姻家庭纠纷"
    assert found.reasons[0] == {
        "code": "rule",
        "rule": "婚姻家庭纠纷",
        "reason": "婚姻家庭纠纷：建议先行调解",
        "reason_en": "A family dispute: mediation first is recommended",
    }
    assert found.reasons[1] == {"code": "cause", "causes": ["二"]}


def test_no_matching_rule_means_no_recommendation():
    assert recommend([FAMILY, SMALL_LOANS], facts(cause_path=("88",))) is None
    assert recommend([], facts()) is None
    assert recommend([FAMILY], facts(kind="administrative", cause_path=("二",))) is None


def test_amount_party_kinds_and_unknown_amount():
    loan = ("108.3", "108", "十")
    assert recommend([SMALL_LOANS], facts(cause_path=loan, amount=Decimal("20000")))
    assert recommend([SMALL_LOANS], facts(cause_path=loan, amount=Decimal("50000.01"))) is None
    assert recommend([SMALL_LOANS], facts(cause_path=loan)) is None  # amount unknown
    company = facts(cause_path=loan, amount=Decimal("100"), party_kinds=("natural", "legal"))
    assert recommend([SMALL_LOANS], company) is None
    checked = steering.failed_conditions(SMALL_LOANS, company)
    assert checked == [{"code": "party_kinds"}]


def test_the_first_match_decides_even_when_it_steers_away():
    not_green = SteeringRule(
        name="绿色通道", reason="绿色通道案件径行立案", recommend=False, green="only"
    )
    found = recommend([not_green, FAMILY], facts(cause_path=("二",), is_green=True))
    assert found is not None and not found.recommended and found.rule.name == "绿色通道"
    assert recommend([not_green, FAMILY], facts(cause_path=("二",))).recommended


def test_reasons_are_worded_when_read_in_the_reader_s_language():
    found = recommend([SMALL_LOANS], facts(cause_path=("108.3",), amount=Decimal("1")))
    stored = found.as_stored()
    with translation.override("en"):
        english = steering.stored_texts(stored)
    with translation.override("zh-hans"):
        chinese = steering.stored_texts(stored)
    assert english[0] == "五万元以下自然人借贷：建议先行调解"  # no English given: the Chinese
    assert "at most 50,000 yuan" in english[2] and "natural persons" in english[3]
    assert chinese[0] == english[0]  # the court's words, whatever the language


@pytest.mark.django_db
def test_a_court_s_own_rules_come_before_the_general_ones(demo):
    court = Court.objects.get(code="内2502")
    other = Court.objects.get(code="内2501")
    general = MediationSteeringRule.objects.create(
        name="通用", priority=1, reason="通用规则", cause_codes=["二"]
    )
    names = [r.name for r in steering_rules_for(court)]
    assert names[0] == "婚姻家庭纠纷" and names[-1] == "通用"  # the demo's, by priority
    assert [r.name for r in steering_rules_for(other)] == ["通用"]
    general.is_active = False
    general.save()
    assert steering_rules_for(other) == []
