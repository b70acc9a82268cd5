"""Demo filings and cases: the platform alive on first start.

Every row is made by the platform's own actions (filings.actions, flows.filing, cases and
deadlines actions), with the days in the past passed as `today=`, so each timeline, time
limit and document is the one a real case would have: filings waiting for review, one
sent back for corrections; cases just filed, in trial, overdue, pending for
more than a year, suspended, extended (and one extension waiting for the president),
closed. The acceptance fee is paid at the window a few days after filing, as most parties
do, except for the cases just filed and one whose fee is unpaid past its deadline (to be
treated as withdrawn). About forty rows in all, made in a few seconds.

Called by `tianping demo` (unless --no-cases), never by the test fixtures: a test that
needs them calls `load_demo_cases()` itself. Idempotent: once loaded (an audit entry
says so), a second call does nothing.
"""

import datetime
import random
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone, translation

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.cases import actions as case_actions
from tianping.cases.choices import ClosureMode
from tianping.courts.models import Court
from tianping.deadlines import actions as deadline_actions
from tianping.deadlines.models import ExtensionRequest
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel, FilingKind
from tianping.flows.filing import accept_filing
from tianping.payments import actions as fee_actions
from tianping.payments.models import FeeDue

LOADED = "demo.cases_loaded"
# A one-page PDF: the judgment or ruling a closed demo case keeps (its content is checked).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# Plaintiffs and defendants of the demo: made-up names, valid made-up identity numbers.
PEOPLE = [
    ("张三", "152502198503120022"),
    ("李四", "110105199001011232"),
    ("王五", "152501197806150017"),
    ("赵六", "150102198812240024"),
    ("孙七", "152502199205080012"),
    ("周八", "150105197511300024"),
    ("吴九", "152523198407190014"),
    ("郑十", "150203199909090022"),
]
COMPANIES = [
    ("锡林郭勒草原乳业有限公司", "91152502MA0N1C3K73"),
    ("锡林浩特市恒达建筑工程有限公司", "91152502MA0N2D4L8U"),
    ("二连浩特市通达商贸有限公司", "91152501MA0N3E5M96"),
]
CAUSES = ["民间借贷纠纷", "买卖合同纠纷", "劳务合同纠纷", "租赁合同纠纷", "机动车交通事故责任纠纷"]
CLAIMS = {  # cause: (claims, facts)
    "民间借贷纠纷": (
        "判令被告归还借款{amount}元及利息",
        "被告于两年前向原告借款，约定一年内归还，到期后经多次催要未还。",
    ),
    "买卖合同纠纷": (
        "判令被告支付货款{amount}元",
        "原告依约向被告供应货物，被告收货后未支付货款。",
    ),
    "劳务合同纠纷": ("判令被告支付劳务报酬{amount}元", "原告为被告提供劳务，被告至今未结清报酬。"),
    "租赁合同纠纷": (
        "判令被告支付租金{amount}元并腾退房屋",
        "被告承租原告房屋，拖欠租金已逾半年。",
    ),
    "机动车交通事故责任纠纷": (
        "判令被告赔偿损失{amount}元",
        "被告驾驶车辆与原告发生碰撞，造成原告受伤及车辆损坏。",
    ),
}


@dataclass(frozen=True)
class Story:
    """One demo filing and what became of it. AGO: days before today it was handed in."""

    ago: int
    amount: int
    outcome: str  # waiting, correction, filed, in_trial, suspended, extended,
    #               extension_asked, closed
    court: str = "内2502"
    company: bool = False
    fee_paid: bool = True  # the acceptance fee paid four days after filing (if filed by then)


STORIES = [
    # Filings in the clerk's queue (review within 7 days) and their other ends.
    Story(0, 8000, "waiting"),
    Story(2, 45000, "waiting", company=True),
    Story(5, 120000, "waiting"),
    Story(9, 26000, "correction"),
    Story(1, 60000, "waiting", court="内2501"),
    # Cases: just filed and assigned, in trial.
    Story(3, 15000, "filed"),
    Story(20, 90000, "in_trial"),
    Story(35, 380000, "in_trial", company=True),
    Story(50, 28000, "in_trial"),
    Story(40, 52000, "in_trial", court="内2501"),
    # Overdue: small claims (2 months) and summary (3 months) past their limit.
    Story(75, 18000, "in_trial"),
    Story(110, 160000, "in_trial"),
    Story(130, 240000, "in_trial", company=True),
    # Pending for more than a year (ordinary procedure, over 500,000 yuan).
    Story(420, 1200000, "in_trial", company=True),
    Story(560, 2600000, "in_trial"),
    # Suspended, extended, an extension waiting for the president.
    Story(60, 75000, "suspended"),
    Story(200, 880000, "suspended", company=True),
    Story(250, 950000, "extended"),
    Story(300, 1500000, "extended", company=True),
    Story(160, 700000, "extension_asked"),
    # Closed: judgment, mediation, withdrawal.
    Story(95, 12000, "closed"),
    Story(140, 48000, "closed"),
    Story(180, 230000, "closed", company=True),
    Story(220, 650000, "closed"),
    Story(45, 9000, "closed", court="内2501"),
    # Filed, its fee unpaid past the seven days: flagged to be treated as withdrawn.
    Story(12, 33000, "filed", fee_paid=False),
]
CLOSING = [ClosureMode.JUDGMENT, ClosureMode.MEDIATION, ClosureMode.WITHDRAWAL]


def demo_cases_loaded() -> bool:
    return AuditEntry.objects.filter(action=LOADED).exists()


def load_demo_cases(today: datetime.date | None = None) -> int:
    """Make the demo filings and cases (once). Returns how many stories were told now."""
    if demo_cases_loaded():
        return 0
    today = today or timezone.localdate()
    users = {u.username: u for u in get_user_model().objects.all()}
    rng = random.Random(2026)
    # in the platform's language, as the command runs (messages and documents made on the
    # way are worded in it), whoever calls this
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        # the oldest first, so that case numbers follow the filing dates
        for number, story in sorted(enumerate(STORIES), key=lambda pair: -pair[1].ago):
            _tell(story, number, users, today, rng)
        record(LOADED, None, actor=None, changes={"stories": len(STORIES)})
    return len(STORIES)


CLERKS = {"内2502": "lixia", "内2501": "tuya"}
JUDGES = {"内2502": "wangjun", "内2501": "sarula"}
PRESIDENTS = {"内2502": "chenzhi", "内2501": "wuyun"}


@contextmanager
def _on(day: datetime.date, hour: int = 10):
    """The platform's clock on DAY at HOUR while the actions of that day run, so that what
    they stamp with the time (hand-in, timeline, audit, documents) agrees with the days
    they are given as `today=`: a notice never says a complaint was received after it was
    filed. Only here, in the demo, never in the platform's own code."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    with mock.patch.object(timezone, "now", return_value=moment):
        yield


def _tell(story: Story, number: int, users, today, rng) -> None:
    court = Court.objects.get(code=story.court)
    handed_in = today - datetime.timedelta(days=story.ago)
    filer = users["zhangsan"] if number % 3 == 0 else users["lilawyer"]
    clerk = users[CLERKS[story.court]]
    with _on(handed_in, 9):
        filing = _hand_in(story, number, court, filer, handed_in)
    if story.outcome == "waiting":
        return
    if story.outcome == "correction":
        asked_on = handed_in + datetime.timedelta(days=2)
        with _on(asked_on):
            filing_actions.request_correction(
                filing,
                actor=clerk,
                items=["补充被告的身份证明", "补充借条复印件"],
                respond_by=handed_in + datetime.timedelta(days=15),
                today=asked_on,
            )
        return
    with _on(handed_in, 15):
        case = accept_filing(filing, actor=clerk, today=handed_in, rng=rng)
    _pay(story, number, case, clerk, handed_in + datetime.timedelta(days=4), today)
    if story.outcome == "filed":
        return
    judge = case.judge or users[JUDGES[story.court]]
    with _on(handed_in + datetime.timedelta(days=min(7, story.ago))):
        case = case_actions.start_trial(case, actor=judge)
    _go_on(story, number, case, judge, users, handed_in)


def _pay(story, number, case, clerk, paid_on, today) -> None:
    """The fee paid at the court's bank and confirmed by the clerk from the receipt."""
    fee = FeeDue.objects.filter(case=case).first()
    if fee is None or not story.fee_paid or paid_on > today:
        return
    with _on(paid_on, 11):
        fee_actions.record_payment(
            fee, actor=clerk, amount=fee.amount, paid_on=paid_on, receipt=f"SF{number + 1:06d}"
        )


def _go_on(story, number, case, judge, users, filed_on) -> None:
    def day(n):
        return filed_on + datetime.timedelta(days=n)

    if story.outcome == "suspended":
        on = day(min(30, story.ago - 5))
        with _on(on):
            deadline_actions.suspend_case(
                case, actor=judge, on=on, note="等待司法鉴定意见", today=on
            )
    elif story.outcome in ("extended", "extension_asked"):
        _extend(story, case, judge, users, day)
    elif story.outcome == "closed":
        mode = CLOSING[number % len(CLOSING)]
        document = SimpleUploadedFile(f"{case.number}结案文书.pdf", PDF, "application/pdf")
        closed_on = day(story.ago - 10)
        with _on(closed_on, 16):
            case_actions.close_case(
                case, actor=judge, mode=mode, closed_on=closed_on, note="", documents=[document]
            )


def _extend(story, case, judge, users, day) -> None:
    """An extension asked a month before the six months run out; approved, or waiting."""
    asked_on, decided_on = day(150), day(153)
    with _on(asked_on):
        deadline_actions.request_extension(
            case, actor=judge, reason="案情复杂，需要补充鉴定，六个月内不能审结", today=asked_on
        )
    if story.outcome == "extension_asked":
        return
    request = ExtensionRequest.objects.filter(case=case).latest("pk")
    with _on(decided_on):
        deadline_actions.decide_extension(
            request,
            actor=users[PRESIDENTS[story.court]],
            approve=True,
            note="同意延长审理期限六个月",
            today=decided_on,
        )


def _parties(story: Story, number: int) -> list[dict]:
    plaintiff = PEOPLE[number % len(PEOPLE)]
    defendant = PEOPLE[(number + 3) % len(PEOPLE)]
    parties = [
        {
            "role": "plaintiff",
            "kind": "natural",
            "name": plaintiff[0],
            "doc_type": "resident_id",
            "id_number": plaintiff[1],
            "phone": f"1390479{number:04d}",
            "address": "内蒙古自治区锡林浩特市",
        }
    ]
    if story.company:
        name, code = COMPANIES[number % len(COMPANIES)]
        parties.append(
            {
                "role": "defendant",
                "kind": "legal",
                "name": name,
                "doc_type": "uscc",
                "id_number": code,
                "address": "内蒙古自治区锡林郭勒盟",
            }
        )
    else:
        parties.append(
            {
                "role": "defendant",
                "kind": "natural",
                "name": defendant[0],
                "doc_type": "resident_id",
                "id_number": defendant[1],
                "address": "内蒙古自治区二连浩特市",
            }
        )
    return parties


def _hand_in(story: Story, number: int, court, filer, handed_in):
    cause_name = CAUSES[number % len(CAUSES)]
    claims, facts = CLAIMS[cause_name]
    filing = filing_actions.start_filing(
        actor=filer, court=court, channel=Channel.ONLINE, filer=filer
    )
    filing_actions.save_draft(
        filing,
        actor=filer,
        kind=FilingKind.CIVIL,
        cause=_cause(cause_name, handed_in),
        claims=claims.format(amount=f"{story.amount:,}"),
        facts=facts,
        amount=Decimal(story.amount),
    )
    filing_actions.set_parties(filing, _parties(story, number), actor=filer)
    return filing_actions.submit_filing(filing, actor=filer, today=handed_in)


def _cause(name: str, on: datetime.date):
    from tianping.catalog.queries import cause_version_for

    version = cause_version_for(on)
    return version.entries.filter(name=name).first() if version else None
