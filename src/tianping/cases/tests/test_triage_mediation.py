"""The triage route "mediation" (调解优先): to the mediation and fast adjudication team, or
as an ordinary case where the court has none; the reason says which."""

import pytest

from tianping.cases.models import TriageRule
from tianping.cases.tests.test_case_pages import make_case
from tianping.catalog.models import CatalogEntry, CatalogVersion
from tianping.courts.choices import Role, TeamKind, TeamRole
from tianping.courts.models import Court, Membership, Team
from tianping.mediation.models import Mediator

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


@pytest.fixture
def family(demo):
    version = CatalogVersion.objects.create(kind="civil-causes", label="2025", source="法〔2025〕")
    CatalogEntry.objects.create(version=version, code="二", name="婚姻家庭纠纷")
    return CatalogEntry.objects.create(
        version=version, code="29", name="离婚纠纷", parent_code="二"
    )


def test_a_family_case_goes_to_the_mediation_team_with_its_reasons(english, demo, login, family):
    case = make_case(demo, cause=family)
    assert case.track == "mediation" and case.procedure == "summary"
    assert case.team.kind == TeamKind.MEDIATION_ADJUDICATION
    assert case.judge.username == "aodeng"  # the team's one judge
    assert [r["code"] for r in case.triage_reasons] == ["rule", "mediation_team"]
    page = login(demo["chenzhi"]).get(f"/cases/{case.code}/").content.decode()
    assert "Mediation first (调解优先)" in page
    assert "tried by the mediation and fast adjudication team" in page
    assert "offers court-referred mediation with the parties&#x27; consent" in page
    triaged = case.events.get(kind="triaged")
    assert triaged.details["track"] == "mediation"


def test_without_a_mediation_team_the_case_goes_on_as_an_ordinary_one(english, demo, login):
    TriageRule.objects.create(
        court=Court.objects.get(code="内2501"),
        priority=1,
        name="调解优先",
        type_codes=["民初"],
        track="mediation",
        procedure="summary",
        team_kind=TeamKind.MEDIATION_ADJUDICATION,
        reason="本院规定：民事案件调解优先",
    )
    case = make_case(demo, "内2501", clerk="tuya")
    assert (case.track, case.team) == ("ordinary", None)
    assert case.division.kind == "civil"
    assert case.triage_reasons[-1] == {"code": "no_mediation_team"}
    assert "the court has no mediation and fast adjudication team" in " ".join(
        case.triage_reason_texts()
    )


def test_the_demo_team_has_the_1_1_1_3_shape_of_seed_001(demo):
    court = Court.objects.get(code="内2502")
    team = Team.objects.get(court=court, kind=TeamKind.MEDIATION_ADJUDICATION)
    members = list(team.memberships.select_related("user"))
    roles = sorted(m.role for m in members)
    shape = [TeamRole.LEAD, TeamRole.MEMBER, TeamRole.CLERK] + [TeamRole.MEDIATOR] * 3
    assert roles == sorted(shape)
    by_role = {
        role: {m.user_id for m in Membership.objects.filter(court=court, role=role)}
        for role in (Role.JUDGE, Role.JUDGE_ASSISTANT, Role.COURT_CLERK, Role.MEDIATOR)
    }
    lead = next(m.user for m in members if m.role == TeamRole.LEAD)
    assert lead.pk in by_role[Role.JUDGE]
    mediators = [m.user for m in members if m.role == TeamRole.MEDIATOR]
    assert all(u.pk in by_role[Role.MEDIATOR] for u in mediators)
    linked = Mediator.objects.filter(court=court, user__in=mediators).count()
    assert linked == 3  # each on the court's roster
