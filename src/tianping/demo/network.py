"""Demo data: a court network like the seeds' (Inner Mongolia, Xilin Gol), one persona a role.

Idempotent: every row is found by its natural key before it is created.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext

from tianping.accounts.choices import UserKind
from tianping.accounts.models import LawyerProfile
from tianping.audit.actions import record
from tianping.courts.choices import CourtLevel, DivisionKind, Role, TeamKind, TeamRole
from tianping.courts.models import (
    Court,
    Courtroom,
    Division,
    Liaison,
    Membership,
    ServicePoint,
    Team,
    TeamMember,
)
from tianping.demo.steering import load_steering_demo
from tianping.mediation.demo import load_mediation_demo

DEMO_PASSWORD = "Tianping-demo-2026"
PLATFORM_USERNAME = "platform"

COURTS = [
    # code, name, English name, level, parent code
    ("最高法", "最高人民法院", "Supreme People's Court", CourtLevel.SUPREME, None),
    (
        "内",
        "内蒙古自治区高级人民法院",
        "Inner Mongolia High People's Court",
        CourtLevel.HIGH,
        "最高法",
    ),
    (
        "内25",
        "内蒙古自治区锡林郭勒盟中级人民法院",
        "Xilin Gol Intermediate People's Court",
        CourtLevel.INTERMEDIATE,
        "内",
    ),
    ("内2502", "锡林浩特市人民法院", "Xilinhot People's Court", CourtLevel.BASIC, "内25"),
    ("内2501", "二连浩特市人民法院", "Erenhot People's Court", CourtLevel.BASIC, "内25"),
]

BASIC_DIVISIONS = [
    ("立案庭", "Case Filing Division", DivisionKind.FILING),
    ("诉讼服务中心", "Litigation Service Centre", DivisionKind.LITIGATION_SERVICE),
    ("民事审判第一庭", "First Civil Division", DivisionKind.CIVIL),
    ("刑事审判庭", "Criminal Division", DivisionKind.CRIMINAL),
    ("行政审判庭", "Administrative Division", DivisionKind.ADMINISTRATIVE),
    ("执行局", "Enforcement Bureau", DivisionKind.ENFORCEMENT),
    ("审判管理办公室", "Trial Management Office", DivisionKind.TRIAL_MANAGEMENT),
    ("办公室", "General Office", DivisionKind.OFFICE),
]


@dataclass(frozen=True)
class Persona:
    username: str
    full_name: str
    court: str
    role: str
    division: str | None = None
    sees_lower_courts: bool = False


PERSONAS = [
    Persona("lixia", "李霞", "内2502", Role.FILING_CLERK, "立案庭"),
    Persona("wangjun", "王军", "内2502", Role.JUDGE, "民事审判第一庭"),
    Persona("zhaomin", "赵敏", "内2502", Role.JUDGE_ASSISTANT, "民事审判第一庭"),
    Persona("sunli", "孙丽", "内2502", Role.COURT_CLERK, "民事审判第一庭"),
    Persona("hutao", "胡涛", "内2502", Role.MEDIATOR, "诉讼服务中心"),
    Persona("gaofeng", "高峰", "内2502", Role.ENFORCEMENT_OFFICER, "执行局"),
    Persona("hanlei", "韩磊", "内2502", Role.DIVISION_HEAD, "执行局"),  # 执行局局长
    Persona("qianhui", "钱慧", "内2502", Role.FINANCE, "办公室"),  # 财务: 案款到账与发放
    Persona("fangyu", "方宇", "内2502", Role.PETITION_HANDLER, "诉讼服务中心"),  # 涉诉信访
    Persona("liuqiang", "刘强", "内2502", Role.DIVISION_HEAD, "民事审判第一庭"),
    Persona("chenzhi", "陈志", "内2502", Role.PRESIDENT),
    Persona("zhoumei", "周梅", "内2502", Role.TRIAL_MANAGEMENT, "审判管理办公室"),
    Persona("admin", "系统管理员", "内2502", Role.ADMINISTRATOR, "办公室"),
    Persona("bayar", "巴雅尔", "内25", Role.TRIAL_MANAGEMENT, "审判管理办公室", True),
    # the intermediate court files and tries the appeals from 锡林浩特 and 二连浩特
    Persona("gaoyuan", "高原", "内25", Role.FILING_CLERK, "立案庭"),
    Persona("baowen", "包文", "内25", Role.JUDGE, "民事审判第一庭"),
    Persona("sarula", "萨如拉", "内2501", Role.JUDGE, "民事审判第一庭"),
    # 二连浩特 receives filings (online and across regions) and decides its extensions.
    Persona("tuya", "图雅", "内2501", Role.FILING_CLERK, "立案庭"),
    Persona("wuyun", "乌云", "内2501", Role.PRESIDENT),
]


def load_demo() -> list[tuple[str, str, str]]:
    """Create the demo network. Returns (username, full name, role) of personas created now."""
    created: list[tuple[str, str, str]] = []
    with transaction.atomic():
        courts = _courts()
        for code in ("内2502", "内2501", "内25"):
            _divisions(courts[code])
        for persona in PERSONAS:
            if _persona(persona, courts):
                created.append((persona.username, persona.full_name, str(Role(persona.role).label)))
        _teams(courts["内2502"])
        _rooms_and_points(courts["内2502"])
        _assessors(courts["内2502"])
        created += _public_users()
        created += _platform_superuser()
        _triage_rules()
        created += load_mediation_demo(courts["内2502"], password=DEMO_PASSWORD)
        created += load_steering_demo(courts["内2502"], password=DEMO_PASSWORD)
        if created:
            record("demo.loaded", None, actor=None, changes={"created": [c[0] for c in created]})
    return created


def _courts() -> dict[str, Court]:
    courts: dict[str, Court] = {}
    for code, name, name_en, level, parent in COURTS:
        court, _ = Court.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "level": level,
                "parent": courts.get(parent) if parent else None,
            },
        )
        court.full_clean()
        courts[code] = court
    return courts


def _divisions(court: Court) -> None:
    for name, name_en, kind in BASIC_DIVISIONS:
        Division.objects.get_or_create(
            court=court, name=name, defaults={"name_en": name_en, "kind": kind}
        )


def _user(username, full_name, kind, **extra):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"full_name": full_name, "kind": kind, **extra}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user, created


def _persona(persona: Persona, courts) -> bool:
    """A court persona: a staff account with one membership. None of them is Django staff
    (the court's administrator included): the Django admin is for platform superusers."""
    court = courts[persona.court]
    user, created = _user(
        persona.username,
        persona.full_name,
        UserKind.STAFF,
        email=f"{persona.username}@court.example",
    )
    if user.is_staff and not user.is_superuser:  # a demo made before this rule
        user.is_staff = False
        user.save(update_fields=["is_staff"])
    division = court.divisions.filter(name=persona.division).first() if persona.division else None
    Membership.objects.get_or_create(
        user=user,
        court=court,
        role=persona.role,
        defaults={"division": division, "sees_lower_courts": persona.sees_lower_courts},
    )
    return created


def _platform_superuser() -> list[tuple[str, str, str]]:
    """The one superuser of the demo (platform): the Django admin, where the reference data
    of the whole network is kept (catalogs, national holiday table, courts). No court role."""
    new = _user(
        PLATFORM_USERNAME,
        "平台管理员",
        UserKind.STAFF,
        is_staff=True,
        is_superuser=True,
        email=f"{PLATFORM_USERNAME}@court.example",
    )[1]
    return [(PLATFORM_USERNAME, "平台管理员", gettext("Platform superuser"))] if new else []


def _teams(court: Court) -> None:
    users = {u.username: u for u in get_user_model().objects.filter(kind=UserKind.STAFF)}
    fast_track, _ = Team.objects.get_or_create(
        court=court,
        name="速裁快审团队",
        defaults={
            "name_en": "Fast-track team",
            "kind": TeamKind.FAST_TRACK,
            "division": court.divisions.get(name="民事审判第一庭"),
        },
    )
    enforcement, _ = Team.objects.get_or_create(
        court=court,
        name="执行团队一组",
        defaults={
            "name_en": "Enforcement team 1",
            "kind": TeamKind.ENFORCEMENT,
            "division": court.divisions.get(name="执行局"),
        },
    )
    for team, username, role in [
        (fast_track, "wangjun", TeamRole.LEAD),
        (fast_track, "zhaomin", TeamRole.MEMBER),
        (fast_track, "sunli", TeamRole.CLERK),
        (enforcement, "gaofeng", TeamRole.OFFICER),
        (enforcement, "sunli", TeamRole.CLERK),
    ]:
        TeamMember.objects.get_or_create(team=team, user=users[username], defaults={"role": role})


# People's assessors of 内2502 (人民陪审员): herders, teachers, a doctor, a retired cadre ...
ASSESSORS = [("乌力吉", "牧民"), ("娜仁花", "教师"), ("张建国", "退休干部"), ("其木格", "医生"),
             ("李秀英", "社区工作者"), ("巴特", "个体工商户"), ("刘芳", "会计"),
             ("阿拉坦", "嘎查干部")]


def _assessors(court: Court) -> None:
    from tianping.cases.models_panel import Assessor

    for name, occupation in ASSESSORS:
        Assessor.objects.get_or_create(court=court, name=name, defaults={
            "occupation": occupation, "appointed_on": datetime.date(2023, 5, 1),
            "term_ends_on": datetime.date(2028, 4, 30)})


def _rooms_and_points(court: Court) -> None:
    for name, location, online in [
        ("第一审判庭", "审判楼二层", False),
        ("第二审判庭", "审判楼三层", False),
        ("互联网法庭", "", True),
    ]:
        Courtroom.objects.get_or_create(
            court=court, name=name, defaults={"location": location, "is_online": online}
        )
    court.address = court.address or "内蒙古自治区锡林浩特市"
    court.save(update_fields=["address"])
    for name, township, liaison, phone in [
        ("宝力根苏木诉讼服务点", "宝力根苏木", "乌日娜", "13904790001"),
        ("朝克乌拉苏木诉讼服务点", "朝克乌拉苏木", "其其格", "13904790002"),
    ]:
        point, _ = ServicePoint.objects.get_or_create(
            court=court, name=name, defaults={"township": township}
        )
        Liaison.objects.get_or_create(
            service_point=point, name=liaison, defaults={"phone": phone, "position": "嘎查联络员"}
        )


def _public_users() -> list[tuple[str, str, str]]:
    created = []
    _, new = _user(
        "zhangsan",
        "张三",
        UserKind.LITIGANT,
        id_number="152502198503120022",
        phone="13800000001",
        email="zhangsan@example.com",
    )
    if new:
        created.append(("zhangsan", "张三", str(UserKind.LITIGANT.label)))
    lawyer, new = _user(
        "lilawyer", "李律师", UserKind.LAWYER, phone="13800000002", email="lilawyer@example.com"
    )
    LawyerProfile.objects.get_or_create(
        user=lawyer,
        defaults={"licence_number": "11525201010123456", "law_firm": "内蒙古草原律师事务所"},
    )
    if new:
        created.append(("lilawyer", "李律师", str(UserKind.LAWYER.label)))
    return created


def _triage_rules() -> None:
    """Default triage rules (繁简分流). Courts adjust them in the reference-data admin."""
    from decimal import Decimal

    from tianping.cases.choices import Procedure, Track
    from tianping.cases.models import TriageRule

    rules = [
        (
            "小额诉讼",
            10,
            Decimal("30000"),
            2,
            Procedure.SMALL_CLAIMS,
            "简单金钱给付，标的额不超过3万元、当事人不超过2方：适用小额诉讼程序（民事诉讼法第165条）",
            "A simple money claim of at most 30,000 yuan between at most two parties: small "
            "claims procedure (Civil Procedure Law, art. 165)",
        ),
        (
            "简易程序",
            20,
            Decimal("500000"),
            None,
            Procedure.SUMMARY,
            "标的额不超过50万元的民事案件：适用简易程序，由速裁快审团队审理",
            "A civil case of at most 500,000 yuan: summary procedure, tried by the fast-track "
            "team",
        ),
    ]
    for name, priority, max_amount, max_parties, procedure, reason, reason_en in rules:
        TriageRule.objects.get_or_create(
            name=name,
            court=None,
            defaults={
                "priority": priority,
                "type_codes": ["民初"],
                "max_amount": max_amount,
                "max_parties": max_parties,
                "track": Track.SIMPLE,
                "procedure": procedure,
                "team_kind": TeamKind.FAST_TRACK,
                "reason": reason,
                "reason_en": reason_en,
            },
        )


HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
}
HOLIDAY_SOURCE = "国务院办公厅关于%d年部分节假日安排的通知"


def load_holiday_table() -> None:
    """(`tianping demo`, not the test fixtures.) The national rows of the holiday table
    (法定节假日 on weekdays, 调休 working days) for the years the State Council has
    published, from chinese_calendar, each year marked covered. Rows already there (entered
    by a superuser) are left as they are."""
    import chinese_calendar

    from tianping.courts.models import CalendarDay, CoveredYear

    years = sorted({day.year for day in chinese_calendar.holidays if day.year >= 2024})
    for year in years:
        for day, name in chinese_calendar.holidays.items():
            if day.year == year and day.weekday() < 5:
                CalendarDay.objects.get_or_create(
                    court=None,
                    day=day,
                    defaults={"is_rest_day": True, "name": HOLIDAY_NAMES.get(name, name or "")},
                )
        for day, name in chinese_calendar.workdays.items():
            if day.year == year and day.weekday() >= 5:
                label = HOLIDAY_NAMES.get(name, name or "")
                CalendarDay.objects.get_or_create(
                    court=None,
                    day=day,
                    defaults={"is_rest_day": False, "name": f"{label}调休" if label else "调休"},
                )
        CoveredYear.objects.get_or_create(year=year, defaults={"source": HOLIDAY_SOURCE % year})
