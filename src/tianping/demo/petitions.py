"""Demo petitions (涉诉信访) at 锡林浩特市人民法院 (内2502), made by the petitions app's own
actions: 张三's online petition on one of his cases, accepted by 方宇, replied and rated,
and his repeat petition on the same case waiting to be classified; a walk-in's complaint
about an enforcement measure routed to an enforcement objection (诉访分离); a letter
accepted 70 days ago whose reply is overdue; a video reception waiting past its 15 days;
and two leader reception days (领导接访), one booked by 张三. Called by `tianping demo`
after the cases; idempotent (an audit entry says it was done)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.cases.permissions import cases_visible_to
from tianping.courts.models import Court
from tianping.petitions import actions

LOADED = "demo.petitions_loaded"
DAY = datetime.timedelta(days=1)


def load_petitions_demo(today: datetime.date | None = None) -> int:
    """Returns how many petitions were registered (0 when already done or no personas)."""
    if AuditEntry.objects.filter(action=LOADED).exists():
        return 0
    today = today or timezone.localdate()
    names = ("zhangsan", "fangyu", "chenzhi", "hanlei")
    users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    court = Court.objects.filter(code="内2502").first()
    if len(users) < len(names) or court is None:
        return 0
    zhangsan, fangyu = users["zhangsan"], users["fangyu"]
    case = cases_visible_to(zhangsan).filter(court=court).order_by("filed_on", "id").first()
    cases = [case.number] if case else []
    made = []
    with transaction.atomic():
        first = actions.register_petition(
            actor=zhangsan, court=court, channel="online", today=today - 20 * DAY,
            matter="案件立案已两个多月，承办法官一直没有安排开庭。",
            requests="请法院尽快开庭审理。", cases=cases)
        first = actions.classify(first, actor=fangyu, decision="accept", today=today - 18 * DAY)
        first = actions.reply(first, actor=fangyu, today=today - 5 * DAY,
                              text="经了解，承办法官已排定开庭日期，传票将依法送达，请注意查收。")
        actions.rate(first, actor=zhangsan, satisfaction="basic", comment="希望按时开庭。")
        made.append(first)
        again = actions.register_petition(
            actor=zhangsan, court=court, channel="online", today=today,
            matter="开庭日期仍未确定。", requests="请再次督促。", cases=cases)
        if not again.earlier.exists():  # no case to tell it by: the handler links it
            actions.link(again, actor=fangyu, earlier_code=first.code)
        made.append(again)
        routed = actions.register_petition(
            actor=fangyu, court=court, channel="visit", today=today - 3 * DAY,
            received_on=today - 3 * DAY, name="王桂兰", id_number="110105199001011232",
            phone="13947900001", address="锡林浩特市希日塔拉街道",
            matter="执行法官冻结了我本人的工资账户，该账户并非被执行人的。",
            requests="请解除冻结。")
        made.append(actions.classify(routed, actor=fangyu, decision="route",
                                     route="enforcement_objection", today=today - 2 * DAY))
        late = actions.register_petition(
            actor=fangyu, court=court, channel="letter", today=today - 80 * DAY,
            received_on=today - 80 * DAY, name="巴特尔", phone="13947900002",
            address="锡林浩特市宝力根街道", matter="反映人民法庭工作人员接待态度差。",
            requests="请核实并答复。")
        made.append(actions.classify(late, actor=fangyu, decision="accept",
                                     today=today - 70 * DAY))
        made.append(actions.register_petition(
            actor=fangyu, court=court, channel="video", today=today - 20 * DAY,
            received_on=today - 20 * DAY, name="其其格", phone="13947900003",
            matter="对调解协议的履行有疑问。", requests="请法院解释。"))
        chenzhi, hanlei = users["chenzhi"], users["hanlei"]
        day = actions.add_reception(
            actor=chenzhi, court=court, leader=chenzhi, day=today + 7 * DAY,
            starts_at=datetime.time(9), ends_at=datetime.time(11, 30),
            place="诉讼服务中心一楼接待室", topics="审判工作、涉诉信访", capacity=8, today=today)
        actions.add_reception(
            actor=chenzhi, court=court, leader=hanlei, day=today + 14 * DAY,
            starts_at=datetime.time(14, 30), ends_at=datetime.time(17),
            place="执行局接待室", topics="执行案件", capacity=6, today=today)
        actions.book(day, actor=zhangsan, petition=made[1], today=today)
        record(LOADED, None, actor=None, changes={"petitions": len(made)})
    return len(made)
