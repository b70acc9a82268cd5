"""Demo mediations at 锡林浩特市人民法院 (内2502): one in every state, made by the
platform's own flows and actions with the days in the past, like the demo cases.

A family dispute waiting for a mediator; a loan dispute appointed to 胡涛 (hutao) and
waiting for his acceptance; a labour dispute under way with him (a room session held, an
online session tomorrow); a traffic dispute under way with an invited mediator (no
account: the filing division records their acceptance and conducts it); a
property-management dispute settled by an agreement signed on paper and performed; a loan
dispute whose agreement waits for 张三's signature; a loan dispute whose agreement the court
confirmed (a 民特 case closed by its ruling); a sales dispute that failed and is back in the
clerk's review queue with the undisputed facts; an application withdrawn. Called by
`tianping demo` after the cases, never by the test fixtures; idempotent (an audit entry
says it was done).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone, translation

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.courts.models import Court
from tianping.demo.cases import _cause, _on
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel, FilingKind
from tianping.flows import mediation as flow
from tianping.flows import mediation_outcomes as outcomes_flow
from tianping.flows.filing import accept_filing
from tianping.lib import pdf
from tianping.mediation import actions_mediations as actions
from tianping.mediation import actions_outcomes as outcomes
from tianping.mediation.agreement_templates import default_template, draft_text
from tianping.mediation.models import Mediator, Station

LOADED = "demo.mediations_loaded"


@dataclass(frozen=True)
class Dispute:
    ago: int
    cause: str
    claims: str
    facts: str
    amount: int
    plaintiff: tuple[str, str]
    defendant: tuple[str, str]
    outcome: str


DISPUTES = [
    Dispute(1, "离婚后财产纠纷", "判令分割婚后共同购置的车辆一辆", "双方离婚时未分割车辆。", 60000,
            ("乌云其其格", "152502199203150021"), ("巴图", "152502199001011234"), "awaiting"),
    Dispute(3, "民间借贷纠纷", "判令被告归还借款30,000元", "被告借款后逾期未还。", 30000,
            ("张三", "152502198503120022"), ("李四", "110105199001011232"), "appointed"),
    Dispute(8, "追索劳动报酬纠纷", "判令被告支付拖欠工资18,600元", "原告在被告处务工，工资未结清。",
            18600, ("王五", "152501197806150017"), ("锡林浩特市恒达建筑工程有限公司", ""),
            "in_progress"),
    Dispute(12, "机动车交通事故责任纠纷", "判令被告赔偿医疗费等损失9,800元",
            "被告驾车与原告发生碰撞。", 9800, ("赵六", "150102198812240024"),
            ("孙七", "152502199205080012"), "invited"),
    Dispute(40, "物业服务合同纠纷", "判令被告支付物业费2,400元", "被告拖欠两年物业费。", 2400,
            ("锡林浩特市宜家物业服务有限公司", ""), ("周八", "150105197511300024"), "settled"),
    Dispute(35, "买卖合同纠纷", "判令被告支付货款45,000元", "原告供货后被告未付款。", 45000,
            ("锡林郭勒草原乳业有限公司", ""), ("吴九", "152523198407190014"), "failed"),
    Dispute(20, "相邻关系纠纷", "判令被告拆除阻碍通行的围栏", "被告修建围栏阻碍原告通行。", 0,
            ("郑十", "150203199909090022"), ("钱一", "152502196501010015"), "withdrawn"),
    # agreements: one drafted for 张三 to sign; one signed on paper, confirmed by the court
    # (a 民特 case closed by its ruling, which 张三 reads on the portal)
    Dispute(10, "民间借贷纠纷", "判令被告归还借款12,000元", "被告借款后逾期未还。", 12000,
            ("张三", "152502198503120022"), ("冯二", "152502198806060012"), "signing"),
    Dispute(25, "民间借贷纠纷", "判令被告归还借款50,000元", "被告借款到期未还。", 50000,
            ("张三", "152502198503120022"), ("陈三", "152502198502020011"), "confirmed"),
]


def _party(role: str, who: tuple[str, str]) -> dict:
    name, number = who
    if number:
        return {"role": role, "kind": "natural", "name": name, "doc_type": "resident_id",
                "id_number": number, "address": "内蒙古自治区锡林浩特市",
                "phone": "13904790000"}
    code = {"锡林浩特市恒达建筑工程有限公司": "91152502MA0N2D4L8U",
            "锡林郭勒草原乳业有限公司": "91152502MA0N1C3K73"}.get(name, "91152502MA0N9P7X1Y")
    return {"role": role, "kind": "legal", "name": name, "doc_type": "uscc", "id_number": code,
            "legal_representative": "刘总", "address": "内蒙古自治区锡林郭勒盟"}


def demo_mediations_loaded() -> bool:
    return AuditEntry.objects.filter(action=LOADED).exists()


def load_demo_mediations(today: datetime.date | None = None) -> int:
    if demo_mediations_loaded():
        return 0
    today = today or timezone.localdate()
    court = Court.objects.get(code="内2502")
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["zhangsan", "lixia", "hutao"])}
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        for dispute in DISPUTES:
            _tell(dispute, court, users, today)
        record(LOADED, None, actor=None, changes={"mediations": len(DISPUTES)})
    return len(DISPUTES)


def _tell(d: Dispute, court, users, today) -> None:
    filer, clerk, hutao = users["zhangsan"], users["lixia"], users["hutao"]
    day = today - datetime.timedelta(days=d.ago)
    with _on(day, 9):
        filing = filing_actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE,
                                             filer=filer)
        filing_actions.save_draft(filing, actor=filer, kind=FilingKind.CIVIL,
                                  cause=_cause(d.cause, day), claims=d.claims, facts=d.facts,
                                  amount=Decimal(d.amount) if d.amount else None)
        filing_actions.set_parties(filing, [_party("plaintiff", d.plaintiff),
                                            _party("defendant", d.defendant)], actor=filer)
        m = flow.apply_for_mediation(filing, actor=filer, today=day)
    if d.outcome == "awaiting":
        return
    if d.outcome == "withdrawn":
        with _on(day + datetime.timedelta(days=2)):
            flow.end_mediation(m, actor=filer, outcome="withdrawn",
                               today=day + datetime.timedelta(days=2))
        return
    invited = d.outcome == "invited"
    mediator = (Mediator.objects.filter(court=court, user__isnull=True, delisted_on__isnull=True,
                                        specialities__contains=",traffic,").first()
                or Mediator.objects.filter(court=court, user__isnull=True).first()
                ) if invited else Mediator.objects.get(court=court, user=hutao)
    appointed = day + datetime.timedelta(days=1)
    with _on(appointed, 11):
        m = actions.appoint(m, mediator, actor=clerk, today=appointed,
                            override="" if invited else "本院专职调解员，案件量可控")
    if d.outcome == "appointed":
        return
    conductor = clerk if invited else hutao
    with _on(appointed, 15):  # an invited mediator without an account answers by telephone
        m = actions.accept(m, actor=conductor, today=appointed)
    parties = list(m.filing.parties.values_list("pk", flat=True))
    held = appointed + datetime.timedelta(days=2)
    with _on(held, 16):
        session = actions.schedule_session(
            m, actor=conductor, starts_at=_at(held, 9), ends_at=_at(held, 11), mode="room",
            station=_room(court))
        actions.record_session(session, actor=conductor, attended=parties,
                               record="调解员释明调解规则和法律后果；双方陈述意见，同意继续协商。")
    if d.outcome in ("in_progress", "invited"):
        with _on(today, 8):
            actions.schedule_session(
                m, actor=conductor, starts_at=_at(today + datetime.timedelta(days=1), 14),
                ends_at=_at(today + datetime.timedelta(days=1), 15), mode="online",
                link="https://meeting.court.example/room/xlht-2502")
        return
    ended = held + datetime.timedelta(days=5)
    if d.outcome in ("settled", "signing", "confirmed"):
        _agree(d, m, users, ended, today)
        return
    with _on(ended, 16):
        flow.end_mediation(m, actor=hutao, outcome="failed", reason="disagreement",
                           today=ended, report="被告认可收货但对价款有异议，双方分歧较大。",
                           undisputed_facts="原告于去年向被告供应乳制品一批，被告已签收。")


def _agree(d: Dispute, m, users, ended: datetime.date, today: datetime.date) -> None:
    """The agreement: drafted from the template; then waiting for signatures, or signed on
    paper (the parties' scan) and performed voluntarily, or confirmed by the court."""
    hutao, clerk = users["hutao"], users["lixia"]
    amount = Decimal(d.amount)
    with _on(ended, 10):
        template = default_template(m)
        pay_by = ended + datetime.timedelta(days=30)
        outcomes_flow.draft(m, actor=hutao, template=template, amount=amount, pay_by=pay_by,
                            text=draft_text(m, template, amount=amount, pay_by=pay_by))
    if d.outcome == "signing":
        return
    parties = list(m.filing.parties.all())
    joins = [p.pk for p in parties] if d.outcome == "confirmed" else []
    with _on(ended, 15):
        scan = SimpleUploadedFile("调解协议（签字）.pdf", pdf.html_to_pdf(
            "<p>调解协议书（各方签字）</p>"), content_type="application/pdf")
        outcomes_flow.sign_on_paper(m, actor=hutao, scan=scan, parties=parties, today=ended,
                                    joins_confirmation=joins)
    m.refresh_from_db()  # settled by the last signature
    if d.outcome == "settled":
        with _on(ended, 16):
            outcomes_flow.perform_voluntarily(m, actor=hutao, today=ended)
        paid = min(ended + datetime.timedelta(days=20), today)
        with _on(paid, 10):
            outcomes.note_performance(m, actor=hutao, performed=True, today=paid,
                                      note="被申请人已一次性付清。")
        return
    with _on(ended, 16):
        application = outcomes_flow.apply_for_confirmation(m, actor=hutao, today=ended)
    filed = ended + datetime.timedelta(days=2)
    with _on(filed, 10):
        case = accept_filing(application, actor=clerk, today=filed)
    ruled = filed + datetime.timedelta(days=6)
    with _on(ruled, 15):
        outcomes_flow.decide_confirmation(case, actor=case.judge, granted=True, today=ruled)


def _room(court):
    room = Station.objects.filter(court=court, kind="room", partner__isnull=True).first()
    return room or Station.objects.create(court=court, name="诉讼服务中心调解室",
                                          name_en="Mediation room, litigation service centre",
                                          kind="room")


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
