"""A case of 内2502 ready for hearings, made directly (the filing's path is tested
elsewhere), and times in the court's zone."""

import datetime
import itertools

from django.utils import timezone

from tianping.cases.models import Case, CaseParty
from tianping.courts.models import Court, Courtroom

_numbers = itertools.count(1)


def a_case(judge, *, filed_on=None, procedure="ordinary", court_code="内2502") -> Case:
    court = Court.objects.get(code=court_code)
    n = next(_numbers)
    case = Case.objects.create(
        number=f"（2026）{court_code}民初{9000 + n}号", court=court, type_code="民初",
        procedure=procedure, filed_on=filed_on or timezone.localdate() - datetime.timedelta(
            days=40), judge=judge, state="in_trial", claims="归还货款")
    CaseParty.objects.create(case=case, role="plaintiff", kind="natural", name="张三",
                             id_number="152502198503120022", position=0)
    CaseParty.objects.create(case=case, role="defendant", kind="natural", name="李四",
                             id_number="110105199001011232", position=1)
    return case


def room(name="第一审判庭", court_code="内2502") -> Courtroom:
    return Courtroom.objects.get(court__code=court_code, name=name)


def at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    """A time DAYS from today at HOUR:MINUTE, in the court's zone."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def next_working_day(days: int) -> int:
    """The first day from DAYS ahead that is Monday to Wednesday (no weekend near)."""
    while (timezone.localdate() + datetime.timedelta(days=days)).weekday() > 2:
        days += 1
    return days
