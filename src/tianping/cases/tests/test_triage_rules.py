"""Triage rules as data (繁简分流), and assignment at random weighted by load (随机分案)."""

import random
from collections import Counter
from decimal import Decimal

import pytest

from tianping.cases.assignment import draw_judge, eligible_judges
from tianping.cases.models import TriageRule
from tianping.cases.tests.test_case_pages import another_judge, make_case
from tianping.courts.models import Court, Team

pytestmark = pytest.mark.django_db
COURT_RULE_REASON = "本院规定：5万元以下的民事案件一律适用简易程序，由速裁快审团队审理"


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def test_small_claim_goes_to_the_fast_track_team_with_the_rules_reason(english, demo, login):
    case = make_case(demo, amount="20000")
    assert (case.track, case.procedure, case.team.kind) == ("simple", "small_claims", "fast_track")
    page = login(demo["wangjun"]).get(f"/cases/{case.code}/").content.decode()
    assert "Civil Procedure Law, art. 165" in page
    chinese = login(demo["wangjun"])
    chinese.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "民事诉讼法第165条" in chinese.get(f"/cases/{case.code}/").content.decode()


def test_a_courts_own_rule_comes_before_the_general_ones(english, demo, login):
    # given 内2502 has its own rule, with a later priority than the general small-claims rule
    TriageRule.objects.create(
        court=Court.objects.get(code="内2502"),
        priority=900,
        name="本院简案",
        type_codes=["民初"],
        max_amount=Decimal("50000"),
        track="simple",
        procedure="summary",
        team_kind="fast_track",
        reason=COURT_RULE_REASON,
    )
    # when a 20,000 yuan claim is filed there, and one at another court
    case = make_case(demo, amount="20000")
    # then the court's rule decides, and the case page says why
    assert (case.track, case.procedure) == ("simple", "summary")
    page = login(demo["chenzhi"]).get(f"/cases/{case.code}/").content.decode()
    assert COURT_RULE_REASON in page
    assert make_case(demo, amount="20000").procedure == "summary"


def test_a_courts_rule_does_not_apply_at_other_courts(demo):
    TriageRule.objects.create(
        court=Court.objects.get(code="内2501"),
        priority=1,
        name="二连浩特简案",
        type_codes=["民初"],
        track="simple",
        procedure="summary",
        reason="只适用于二连浩特",
    )
    assert make_case(demo, amount="20000").procedure == "small_claims"


def test_a_case_over_the_amount_goes_ordinary_to_the_civil_division(english, demo, login):
    case = make_case(demo, amount="800000")
    assert (case.track, case.procedure, case.team) == ("ordinary", "ordinary", None)
    assert case.division.kind == "civil"
    page = login(demo["chenzhi"]).get(f"/cases/{case.code}/").content.decode()
    assert "No simple-case rule matched" in page
    assert "First Civil Division" in page  # the division's English name on an English page


def test_an_inactive_rule_is_ignored(demo):
    TriageRule.objects.filter(name="小额诉讼").update(is_active=False)
    assert make_case(demo, amount="20000").procedure == "summary"  # the next rule decides


def test_the_superuser_adds_a_rule_in_admin_and_the_next_case_follows_it(client, demo):
    # given the platform superuser adds a rule for green-channel cases of 内2502
    client.force_login(demo["platform"])
    response = client.post(
        "/admin/cases/triagerule/add/",
        {
            "name": "绿色通道速裁",
            "court": Court.objects.get(code="内2502").pk,
            "priority": "1",
            "is_active": "on",
            "type_codes": "民初，民特",
            "cause_codes": "",
            "max_amount": "100000",
            "green_only": "on",
            "track": "simple",
            "procedure": "summary",
            "team_kind": "fast_track",
            "division_kind": "",
            "reason": "农民工工资案件优先速裁",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    rule = TriageRule.objects.get(name="绿色通道速裁")
    assert rule.type_codes == ["民初", "民特"]
    # then the list of rules shows its conditions and its reason
    listing = client.get("/admin/cases/triagerule/").content.decode()
    assert "民初/民特" in listing and "农民工工资案件优先速裁" in listing
    # and a green case follows it, a plain one does not
    green = make_case(demo, is_migrant_wages=True)
    assert green.triage_reason_texts() == ["农民工工资案件优先速裁"]
    assert make_case(demo).procedure == "small_claims"


def test_only_superusers_reach_the_rules_in_admin(client, demo):
    client.force_login(demo["chenzhi"])
    assert client.get("/admin/cases/triagerule/").status_code == 302  # to the admin sign-in
    client.force_login(demo["platform"])
    assert client.get("/admin/cases/triagerule/").status_code == 200
    assert client.get("/admin/cases/caseevent/").status_code == 404  # the timeline is not here


def test_admin_refuses_a_lower_amount_above_the_upper(client, demo):
    client.force_login(demo["platform"])
    response = client.post(
        "/admin/cases/triagerule/add/",
        {
            "name": "错误规则",
            "priority": "5",
            "min_amount": "5000",
            "max_amount": "1000",
            "track": "simple",
            "procedure": "summary",
            "reason": "x",
        },
    )
    assert response.status_code == 200 and not TriageRule.objects.filter(name="错误规则").exists()


def test_random_assignment_favours_the_judge_with_fewer_pending_cases(demo):
    # given wangjun already has nine pending cases in the fast-track team
    for _ in range(9):
        make_case(demo)
    team = Team.objects.get(name="速裁快审团队")
    newcomer = another_judge(demo, team=team)
    # when 200 cases are drawn with a seeded generator
    candidates = list(eligible_judges(team.court, team=team))
    assert {c.username: c.load for c in candidates} == {"wangjun": 9, "libing": 0}
    rng = random.Random(2026)
    drawn = Counter(draw_judge(candidates, rng).username for _ in range(200))
    # then the newcomer is drawn far more often, and the busy judge still now and then
    assert drawn[newcomer.username] > 3 * drawn["wangjun"] > 0


def test_a_rule_on_a_parent_cause_covers_its_sub_causes(demo):
    from tianping.cases.actions import triage_case
    from tianping.catalog.builtin import sync_builtin_catalogs
    from tianping.catalog.queries import get_entry

    sync_builtin_catalogs(["civil-causes"])
    TriageRule.objects.create(
        name="合同纠纷速裁",
        priority=1,
        type_codes=["民初"],
        cause_codes=["十"],
        track="simple",
        procedure="summary",
        team_kind="fast_track",
        reason="合同纠纷一律速裁（测试规则）",
    )
    case = make_case(demo, amount="900000")  # over every amount rule
    case.cause = get_entry("civil-causes", "88.1")  # 分期付款买卖合同纠纷, under 88, under 十
    case.save(update_fields=["cause"])
    decision = triage_case(case, actor=demo["lixia"])
    assert decision.texts() == ["合同纠纷一律速裁（测试规则）"]
    assert case.team.name == "速裁快审团队"
