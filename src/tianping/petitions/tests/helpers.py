"""A case of 张三's at 内2502 (made directly) and a petition about it."""

import datetime
import itertools

from django.utils import timezone

from tianping.cases.models import Case, CaseParty
from tianping.courts.models import Court, Division

_numbers = itertools.count(1)


def zhangsans_case(zhangsan, judge) -> Case:
    court = Court.objects.get(code="内2502")
    n = next(_numbers)
    case = Case.objects.create(
        number=f"（2026）内2502民初{8100 + n}号", court=court, type_code="民初",
        procedure="ordinary", filed_on=timezone.localdate() - datetime.timedelta(days=90),
        judge=judge, state="in_trial", claims="归还货款",
        division=Division.objects.filter(court=court, name="民事审判第一庭").first())
    CaseParty.objects.create(case=case, role="plaintiff", kind="natural", name="张三",
                             id_number="152502198503120022", position=0, user=zhangsan)
    return case


def online_petition(zhangsan, case=None, **kw):
    from tianping.petitions import actions

    return actions.register_petition(
        actor=zhangsan, court=Court.objects.get(code="内2502"), channel="online",
        matter=kw.get("matter", "判决后对方一直不履行"), requests="请法院督促",
        cases=[case.number] if case else [], today=kw.get("today", timezone.localdate()))
