"""The triage engine (繁简分流) as a table: rules and case facts in, a decision out.

`cases/triage.py` is pure, so each row below is one call of `decide`: no database, no case.
The rules a court applies come from `cases.actions.rules_for` (the court's own rules first,
then the general ones, each by priority); the last tests check that order on real rows.
"""

from dataclasses import replace
from decimal import Decimal

import pytest

from tianping.cases.triage import CaseFacts, Rule, decide

# The general rules of the demo network (demo/network.py), as `rules_for` hands them over.
SMALL_CLAIMS = Rule(
    name="小额诉讼",
    track="simple",
    procedure="small_claims",
    reason="小额诉讼程序",
    type_codes=("民初",),
    max_amount=Decimal("30000"),
    max_parties=2,
    team_kind="fast_track",
)
SUMMARY = Rule(
    name="简易程序",
    track="simple",
    procedure="summary",
    reason="简易程序，速裁快审团队",
    type_codes=("民初",),
    max_amount=Decimal("500000"),
    team_kind="fast_track",
)
GENERAL = [SMALL_CLAIMS, SUMMARY]

# A court's own rule, with a later priority number than both general rules: `rules_for`
# still puts it first.
COURT_OWN = Rule(
    name="本院简案",
    track="simple",
    procedure="summary",
    reason="本院规定：5万元以下一律简易程序",
    type_codes=("民初",),
    max_amount=Decimal("50000"),
    team_kind="fast_track",
)
CONTRACTS = Rule(
    name="合同纠纷速裁",
    track="simple",
    procedure="summary",
    reason="合同纠纷速裁",
    cause_codes=("十",),  # 合同、准合同纠纷, a first-level cause
    team_kind="fast_track",
)
LARGE = Rule(
    name="重大案件",
    track="ordinary",
    procedure="ordinary",
    reason="标的额一百万元以上：合议庭审理",
    min_amount=Decimal("1000000"),
    division_kind="civil",
)
GREEN = Rule(
    name="绿色通道",
    track="simple",
    procedure="summary",
    reason="农民工工资案件优先速裁",
    green_only=True,
    team_kind="fast_track",
)
ANYTHING = Rule(name="兜底", track="simple", procedure="summary", reason="一律速裁")

NONE_MATCHED = "No simple-case rule matched; the case goes to a division as a complex case."
NOT_CIVIL = "case type is not 民初"
OVER_SMALL = "amount is over 30,000 yuan"
OVER_SUMMARY = "amount is over 500,000 yuan"
UNKNOWN = "the amount is unknown (no amount claimed)"


def facts(type_code="民初", amount=None, parties=2, cause=(), green=False):
    return CaseFacts(
        type_code=type_code,
        cause_path=cause,
        amount=None if amount is None else Decimal(amount),
        party_count=parties,
        is_green=green,
    )


def row(rules, case, track, procedure, reason, team="", checked=(), *, id, default="ordinary"):
    """One line of the table: RULES (in the order tried) and CASE -> the decision."""
    return pytest.param(rules, case, default, (track, procedure, (reason,), team, checked), id=id)


TABLE = [
    # The general rules and their amount and party conditions.
    row(GENERAL, facts(amount="20000"), "simple", "small_claims", "小额诉讼程序", "fast_track",
        id="small-claim"),
    row(GENERAL, facts(amount="30000"), "simple", "small_claims", "小额诉讼程序", "fast_track",
        id="max-amount-is-inclusive"),
    row(GENERAL, facts(amount="30000.01"), "simple", "summary", "简易程序，速裁快审团队",
        "fast_track", (f"小额诉讼: {OVER_SMALL}",), id="one-fen-over-the-small-claims-amount"),
    row(GENERAL, facts(amount="20000", parties=3), "simple", "summary", "简易程序，速裁快审团队",
        "fast_track", ("小额诉讼: more than 2 parties",), id="max-parties"),
    row(GENERAL, facts(amount="500000"), "simple", "summary", "简易程序，速裁快审团队",
        "fast_track", (f"小额诉讼: {OVER_SMALL}",), id="summary-at-its-max-amount"),
    row(GENERAL, facts(amount="800000"), "ordinary", "ordinary", NONE_MATCHED, "",
        (f"小额诉讼: {OVER_SMALL}", f"简易程序: {OVER_SUMMARY}"), id="nothing-matches"),
    row(GENERAL, facts(amount=None), "ordinary", "ordinary", NONE_MATCHED, "",
        (f"小额诉讼: {UNKNOWN}", f"简易程序: {UNKNOWN}"),
        id="no-amount-does-not-meet-a-max-amount-and-says-so"),
    row(GENERAL, facts(amount="800000", parties=3), "ordinary", "ordinary", NONE_MATCHED, "",
        (f"小额诉讼: {OVER_SMALL}; more than 2 parties", f"简易程序: {OVER_SUMMARY}"),
        id="every-failed-condition-is-named"),
    # Type codes.
    row(GENERAL, facts("民终", amount="20000"), "ordinary", "ordinary", NONE_MATCHED, "",
        (f"小额诉讼: {NOT_CIVIL}", f"简易程序: {NOT_CIVIL}"), id="type-code-not-listed"),
    row([replace(SUMMARY, type_codes=("民初", "民特"))], facts("民特", amount="20000"), "simple",
        "summary", "简易程序，速裁快审团队", "fast_track", id="type-code-among-several"),
    row(GENERAL, facts("执", amount="20000"), "ordinary", "enforcement", NONE_MATCHED, "",
        (f"小额诉讼: {NOT_CIVIL}", f"简易程序: {NOT_CIVIL}"),
        default="enforcement", id="the-default-procedure-is-the-callers"),
    # Cause codes: the case's cause or any of its parents.
    row([CONTRACTS], facts(cause=("十",)), "simple", "summary", "合同纠纷速裁", "fast_track",
        id="cause-itself"),
    row([CONTRACTS], facts(cause=("88.1", "88", "十")), "simple", "summary", "合同纠纷速裁",
        "fast_track", id="cause-under-a-parent-cause"),
    row([CONTRACTS], facts(cause=("1", "一")), "ordinary", "ordinary", NONE_MATCHED, "",
        ("合同纠纷速裁: cause is not among the rule's causes",), id="cause-elsewhere"),
    row([CONTRACTS], facts(cause=()), "ordinary", "ordinary", NONE_MATCHED, "",
        ("合同纠纷速裁: cause is not among the rule's causes",), id="no-cause-fails-a-cause-rule"),
    # Minimum amount (inclusive); no amount does not meet it, and the reason says so.
    row([LARGE], facts(amount="1000000"), "ordinary", "ordinary", "标的额一百万元以上：合议庭审理",
        id="min-amount-is-inclusive"),
    row([LARGE], facts(amount="999999.99"), "ordinary", "ordinary", NONE_MATCHED, "",
        ("重大案件: amount is under 1,000,000 yuan",), id="under-the-min-amount"),
    row([LARGE], facts(amount=None), "ordinary", "ordinary", NONE_MATCHED, "",
        (f"重大案件: {UNKNOWN}",), id="no-amount-does-not-meet-a-min-amount"),
    row([replace(LARGE, max_amount=Decimal("2000000"))], facts(amount="3000000.50"), "ordinary",
        "ordinary", NONE_MATCHED, "", ("重大案件: amount is over 2,000,000 yuan",),
        id="over-a-range"),
    row([replace(SMALL_CLAIMS, max_amount=Decimal("30000.50")), SUMMARY], facts(amount="30000.51"),
        "simple", "summary", "简易程序，速裁快审团队", "fast_track",
        ("小额诉讼: amount is over 30,000.50 yuan",), id="a-bound-with-fen-reads-with-fen"),
    # Green channel only.
    row([GREEN], facts(green=True), "simple", "summary", "农民工工资案件优先速裁", "fast_track",
        id="green-case"),
    row([GREEN], facts(green=False), "ordinary", "ordinary", NONE_MATCHED, "",
        ("绿色通道: not a green-channel case",), id="plain-case-under-a-green-rule"),
    # Conditions left empty do not restrict.
    row([ANYTHING], facts("刑初", amount=None, parties=40), "simple", "summary", "一律速裁",
        id="a-rule-without-conditions-takes-any-case"),
    # Priority order: the first rule that matches decides, whatever comes after.
    row([SUMMARY, SMALL_CLAIMS], facts(amount="20000"), "simple", "summary",
        "简易程序，速裁快审团队", "fast_track", id="first-match-wins"),
    row([GREEN, *GENERAL], facts(amount="20000", green=True), "simple", "summary",
        "农民工工资案件优先速裁", "fast_track", id="an-earlier-rule-before-small-claims"),
    row([GREEN, *GENERAL], facts(amount="20000"), "simple", "small_claims", "小额诉讼程序",
        "fast_track", ("绿色通道: not a green-channel case",), id="passed-over-rules-are-listed"),
    # A court's own rule (first in the list, see rules_for below) before the general ones.
    row([COURT_OWN, *GENERAL], facts(amount="20000"), "simple", "summary",
        "本院规定：5万元以下一律简易程序", "fast_track", id="courts-own-rule-first"),
    row([COURT_OWN, *GENERAL], facts(amount="60000"), "simple", "summary",
        "简易程序，速裁快审团队", "fast_track",
        ("本院简案: amount is over 50,000 yuan", f"小额诉讼: {OVER_SMALL}"),
        id="general-rule-when-the-courts-own-does-not-match"),
]


@pytest.mark.parametrize(("rules", "case", "default", "expected"), TABLE)
def test_triage_table(rules, case, default, expected):
    decision = decide(rules, case, default_procedure=default)
    assert (
        decision.track,
        decision.procedure,
        tuple(decision.texts()),
        decision.team_kind,
        tuple(decision.checked_texts()),
    ) == expected


def test_the_decision_names_its_rule_and_carries_the_division_kind():
    decision = decide([LARGE], facts(amount="2000000"), default_procedure="ordinary")
    assert decision.rule is LARGE and decision.division_kind == "civil"
    assert decide([LARGE], facts(), default_procedure="ordinary").rule is None


def test_the_decision_is_codes_worded_in_the_readers_language():
    from django.utils import translation

    english = replace(SMALL_CLAIMS, reason_en="Small claims procedure")
    decision = decide([SUMMARY, english], facts(amount="600000"), default_procedure="ordinary")
    # stored as codes and plain values: nothing in the actor's language
    assert decision.reasons == ({"code": "no_rule"},)
    assert decision.checked == (
        {"rule": "简易程序", "failed": [{"code": "amount_over", "max": "500000"}]},
        {"rule": "小额诉讼", "failed": [{"code": "amount_over", "max": "30000"}]},
    )
    with translation.override("zh-hans"):
        assert decision.texts() == ["未匹配任何简案规则，案件作为繁案分至审判部门。"]
        assert decision.checked_texts()[0] == "简易程序：金额超过 500,000 元"
    matched = decide([english], facts(amount="100"), default_procedure="ordinary")
    with translation.override("en"):
        assert matched.texts() == ["Small claims procedure"]
    with translation.override("zh-hans"):
        assert matched.texts() == ["小额诉讼程序"]


def test_no_rules_at_all_gives_the_default():
    decision = decide([], facts(amount="1"), default_procedure="ordinary")
    assert (decision.track, decision.procedure, tuple(decision.texts()), decision.checked) == (
        "ordinary",
        "ordinary",
        (NONE_MATCHED,),
        (),
    )


# The order in which a court's rules are tried (rows in the database).


@pytest.fixture
def rules_of(demo_network):
    from tianping.cases.actions import rules_for
    from tianping.cases.models import TriageRule
    from tianping.courts.models import Court

    court, other = Court.objects.get(code="内2502"), Court.objects.get(code="内2501")
    # the demo network holds the general 小额诉讼 (priority 10) and 简易程序 (priority 20),
    # and 内2502's own 调解优先 (priority 5, demo/steering.py)
    for name, owner, priority, active in [
        ("本院简案", court, 900, True),
        ("本院速裁", court, 50, True),
        ("全院通用", None, 15, True),
        ("同为20", None, 20, True),  # same priority as 简易程序, created later
        ("二连浩特简案", other, 1, True),  # another court's rule
        ("停用", court, 1, False),  # inactive
    ]:
        TriageRule.objects.create(
            name=name, court=owner, priority=priority, is_active=active, track="simple",
            procedure="summary", reason=name,
        )
    return lambda: [rule.name for rule in rules_for(court)]


def test_a_courts_own_rules_come_first_then_the_general_ones_each_by_priority(rules_of):
    assert rules_of() == [
        *["调解优先", "本院速裁", "本院简案"],
        *["小额诉讼", "全院通用", "简易程序", "同为20"],
    ]
