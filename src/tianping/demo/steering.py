"""Demo data of steering to mediation (分调裁审) at 锡林浩特市人民法院 (内2502), after seed 001:

- the court's rules recommending mediation before filing for family and marriage,
  neighbour, labour, traffic-accident, property-management and small-loan disputes;
- a triage rule routing family, neighbour, property-management and heating disputes to
  mediation first (调解优先);
- the mediation and fast adjudication team (诉调对接速裁团队) in the "1+1+1+3" shape of
  seed 001: one judge, one judge assistant, one clerk and three mediators, the mediators'
  accounts linked to their entries of the court's roster.

Idempotent like the rest of the demo. Cause codes are those of the 2025 revision of the
civil causes (in force from 2026-01-01).
"""

from decimal import Decimal

from django.contrib.auth import get_user_model

from tianping.accounts.choices import UserKind
from tianping.cases.choices import Procedure, Track
from tianping.cases.models import TriageRule
from tianping.courts.choices import Role, TeamKind, TeamRole
from tianping.courts.models import Court, Membership, Team, TeamMember
from tianping.filings.choices import FilingKind, PartyKind
from tianping.filings.models import MediationSteeringRule
from tianping.mediation.models import Mediator

CIVIL = [FilingKind.CIVIL]
STEERING_RULES = [
    # name, priority, cause codes, at most this amount, party kinds, reason, reason in English
    (
        "婚姻家庭纠纷",
        10,
        ["二"],
        None,
        [],
        "婚姻家庭纠纷：建议先行调解，家事调解员帮助当事人在立案前化解矛盾",
        "A family or marriage dispute: mediation first is recommended; a family mediator "
        "helps the parties settle it before filing",
    ),
    (
        "相邻关系纠纷",
        20,
        ["55"],
        None,
        [],
        "相邻关系纠纷：建议先行调解，由属地人民调解员就近化解",
        "A dispute between neighbours: mediation first is recommended, by a people's "
        "mediator close to home",
    ),
    (
        "劳动争议",
        30,
        ["十九"],
        None,
        [],
        "劳动争议：建议先行调解，由劳动争议调解工作站的调解员调解",
        "A labour dispute: mediation first is recommended, at the labour dispute mediation "
        "station",
    ),
    (
        "交通事故纠纷",
        40,
        ["411", "412"],
        None,
        [],
        "交通事故责任纠纷：建议先行调解，交通事故纠纷调解工作站可一站式处理理赔",
        "A traffic accident dispute: mediation first is recommended; the traffic accident "
        "mediation station settles claims in one place",
    ),
    (
        "物业服务纠纷",
        50,
        ["126"],
        None,
        [],
        "物业服务合同纠纷：建议先行调解，由物业纠纷调解员调解",
        "A property management dispute: mediation first is recommended, by a property "
        "management mediator",
    ),
    (
        "小额借贷纠纷",
        60,
        ["108.3", "108.4"],
        Decimal("50000"),
        [PartyKind.NATURAL_PERSON],
        "自然人之间5万元以下的借贷纠纷：建议先行调解，快速化解",
        "A loan of at most 50,000 yuan between natural persons: mediation first is "
        "recommended, for a quick settlement",
    ),
]

TRIAGE_RULE = {
    "name": "调解优先",
    "priority": 5,
    "type_codes": ["民初"],
    "cause_codes": ["二", "55", "126", "101"],
    "track": Track.MEDIATION,
    "procedure": Procedure.SUMMARY,
    "team_kind": TeamKind.MEDIATION_ADJUDICATION,
    "reason": "婚姻家庭、相邻关系、物业服务、供热纠纷：调解优先，由诉调对接速裁团队审理",
    "reason_en": "Family, neighbour, property management and heating disputes: mediation "
    "first, tried by the mediation and fast adjudication team",
}

TEAM_NAME, TEAM_NAME_EN = "诉调对接速裁团队", "Mediation and fast adjudication team"
TEAM_DIVISION = "诉讼服务中心"
# username, full name, role at the court, role in the team; the mediators' roster entries
# are found by name (hutao's entry is made by the mediation demo).
TEAM = [
    ("aodeng", "敖登", Role.JUDGE, TeamRole.LEAD),
    ("wurina", "乌日娜", Role.JUDGE_ASSISTANT, TeamRole.MEMBER),
    ("baiyin", "白音", Role.COURT_CLERK, TeamRole.CLERK),
    ("hutao", "胡涛", Role.MEDIATOR, TeamRole.MEDIATOR),
    ("qimuge", "其木格", Role.MEDIATOR, TeamRole.MEDIATOR),
    ("gerile", "格日勒", Role.MEDIATOR, TeamRole.MEDIATOR),
]


def load_steering_demo(court: Court, *, password: str) -> list[tuple[str, str, str]]:
    """The rules and the team. Returns (username, full name, role) of accounts made now."""
    for name, priority, causes, max_amount, party_kinds, reason, reason_en in STEERING_RULES:
        MediationSteeringRule.objects.get_or_create(
            court=court,
            name=name,
            defaults={
                "priority": priority,
                "kinds": CIVIL,
                "cause_codes": causes,
                "max_amount": max_amount,
                "party_kinds": party_kinds,
                "reason": reason,
                "reason_en": reason_en,
            },
        )
    TriageRule.objects.get_or_create(
        court=court, name=TRIAGE_RULE["name"], defaults=dict(TRIAGE_RULE)
    )
    return _team(court, password)


def _team(court: Court, password: str) -> list[tuple[str, str, str]]:
    division = court.divisions.filter(name=TEAM_DIVISION).first()
    team, _ = Team.objects.get_or_create(
        court=court,
        name=TEAM_NAME,
        defaults={
            "name_en": TEAM_NAME_EN,
            "kind": TeamKind.MEDIATION_ADJUDICATION,
            "division": division,
        },
    )
    User = get_user_model()
    created = []
    for username, full_name, role, team_role in TEAM:
        user, new = User.objects.get_or_create(
            username=username,
            defaults={
                "full_name": full_name,
                "kind": UserKind.STAFF,
                "email": f"{username}@court.example",
            },
        )
        if new:
            user.set_password(password)
            user.save(update_fields=["password"])
            created.append((username, full_name, str(Role(role).label)))
        Membership.objects.get_or_create(
            user=user, court=court, role=role, defaults={"division": division}
        )
        TeamMember.objects.get_or_create(team=team, user=user, defaults={"role": team_role})
        if role == Role.MEDIATOR:
            _link_roster_entry(court, user)
    return created


def _link_roster_entry(court: Court, user) -> None:
    """The mediator's entry of the roster (by name) linked to their account, if neither is
    linked yet. Demo data, set directly as the mediation demo sets its own (no audit entry
    in an administrator's name for what nobody did)."""
    if Mediator.objects.filter(court=court, user=user).exists():
        return
    Mediator.objects.filter(court=court, name=user.full_name, user__isnull=True).update(user=user)
