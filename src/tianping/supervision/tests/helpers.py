"""Cases of 内2502's first civil division made directly (the filing's path is tested
elsewhere), and the people supervision needs beyond the demo's personas."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.utils import timezone

from tianping.cases.models import Case, CaseParty
from tianping.courts.choices import Role
from tianping.courts.models import Court, Division, Membership

_numbers = itertools.count(1)
CIVIL = "民事审判第一庭"


def a_case(judge, *, division=CIVIL, court_code="内2502", days=400) -> Case:
    court = Court.objects.get(code=court_code)
    n = next(_numbers)
    case = Case.objects.create(
        number=f"（2025）{court_code}民初{7000 + n}号", court=court, type_code="民初",
        procedure="ordinary", filed_on=timezone.localdate() - datetime.timedelta(days=days),
        judge=judge, state="in_trial", claims="归还货款",
        division=Division.objects.filter(court=court, name=division).first())
    CaseParty.objects.create(case=case, role="plaintiff", kind="natural", name="张三",
                             id_number="152502198503120022", position=0)
    return case


def staff(username: str, court_code: str, role: str, division: str | None = None,
          sees_lower_courts: bool = False):
    user = get_user_model().objects.create_user(username, password="x-Tianping-2026",
                                                kind="staff", full_name=username)
    court = Court.objects.get(code=court_code)
    Membership.objects.create(
        user=user, court=court, role=role, sees_lower_courts=sees_lower_courts,
        division=Division.objects.get(court=court, name=division) if division else None)
    return user


def other_division_head():
    return staff("head2", "内2502", Role.DIVISION_HEAD, "刑事审判庭")


def higher_president():
    return staff("zhangyuan", "内25", Role.PRESIDENT, sees_lower_courts=True)
