"""A demo group dispute at 锡林浩特市人民法院 (内2502): thirty migrant workers against one
construction company for their unpaid wages (seed 001's story, smaller to keep the demo
fast), imported by the filing clerk 李霞 (lixia) five days ago with the migrant-wage green
channel, one mediator (胡涛, hutao) appointed to all the next day, accepted, and one
session for the whole group in the court's mediation room tomorrow. Made by the platform's
own flow (`flows.mediation_groups`), like the other demo mediations; called by `tianping
demo` after them; idempotent (an audit entry says it was done)."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from stdnum.cn import ric

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.courts.models import Court
from tianping.demo.cases import _cause, _on
from tianping.flows import mediation_groups as flow
from tianping.mediation.groups import Applicant
from tianping.mediation.models import Mediator, Station

LOADED = "demo.mediation_groups_loaded"
MEMBERS = 30
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["建国", "志强", "海军", "德胜", "春生", "桂兰", "秀英", "金山", "永福", "玉梅"]
RESPONDENT = {"name": "锡林浩特市恒达建筑工程有限公司", "kind": "legal",
              "id_number": "91152502MA0N2D4L8U", "legal_representative": "刘总",
              "address": "内蒙古自治区锡林浩特市额尔敦路8号", "phone": "04798216000"}


def _id_number(n: int) -> str:
    body = f"1525021{975 + n % 20:03d}{1 + n % 12:02d}{1 + n % 28:02d}{100 + n:03d}"
    body = body[:17]
    return body + ric.calc_check_digit(body + "0")


def applicants() -> list[Applicant]:
    return [Applicant(row=n + 2, name=SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)],
                      id_number=_id_number(n), phone=f"1394790{n:04d}",
                      address="内蒙古自治区锡林浩特市宝力根苏木",
                      amount=Decimal(6000 + 350 * (n % 9)) + Decimal("0.50") * (n % 2))
            for n in range(MEMBERS)]


def load_demo_mediation_groups(today: datetime.date | None = None) -> int:
    if AuditEntry.objects.filter(action=LOADED).exists():
        return 0
    today = today or timezone.localdate()
    court = Court.objects.get(code="内2502")
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["lixia", "hutao"])}
    clerk, hutao = users["lixia"], users["hutao"]
    imported_on = today - datetime.timedelta(days=5)
    appointed_on = imported_on + datetime.timedelta(days=1)
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        with _on(imported_on, 10):
            group = flow.import_group(
                actor=clerk, court=court, title="恒达建筑工程有限公司拖欠农民工工资",
                respondent=RESPONDENT, applicants=applicants(),
                cause=_cause("追索劳动报酬纠纷", imported_on), today=imported_on)
        with _on(appointed_on, 11):
            flow.appoint(group, Mediator.objects.get(court=court, user=hutao), actor=clerk,
                         override="群体性欠薪纠纷，由本院专职调解员统一调解", today=appointed_on)
        with _on(appointed_on, 15):
            flow.accept(group, actor=hutao, today=appointed_on)
        room = Station.objects.filter(court=court, kind="room").first()
        tomorrow = today + datetime.timedelta(days=1)
        starts = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(9)))
        with _on(today, 8):
            if room is not None:
                flow.schedule(group, actor=hutao, starts_at=starts,
                              ends_at=starts + datetime.timedelta(hours=3), mode="room",
                              station=room)
        record(LOADED, None, actor=None, changes={"members": MEMBERS})
    return MEMBERS
