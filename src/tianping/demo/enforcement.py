"""Demo enforcement cases (执行) at 锡林浩特市人民法院 (内2502), made by the platform's own
actions and flows: 张三's application from an effective demo judgment (when one is
served and effective), accepted and assigned by the bureau head 韩磊 to 高峰, with the
notice, the network search and its answer, a deduction and a clue of 张三's waiting for
an answer; two window filings on outside titles: an arbitral award of ¥1,500,000 (major:
pooled for the bureau head) and a notarised debt instrument filed four months ago whose
checklist is complete and which is closed as 终本 (on the periodic review list). Called
by `tianping demo` after the appeals demo; idempotent (an audit entry says it was done)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.demo.cases import PDF
from tianping.enforcement import actions
from tianping.enforcement.choices import MilestoneKind as K
from tianping.filings import actions as filing_actions
from tianping.flows import enforcement as flow
from tianping.flows.filing import accept_filing

LOADED = "demo.enforcement_loaded"
DAY = datetime.timedelta(days=1)
NAMES = ("zhangsan", "lixia", "hanlei", "gaofeng")


def _pdf(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _party(role, name, id_number, address, phone=""):
    return {"role": role, "kind": "natural", "name": name, "doc_type": "resident_id",
            "id_number": id_number, "address": address, "phone": phone}


def _window_case(court, clerk, *, title, amount, applicant, respondent, on, key):
    filing = filing_actions.hand_in_at_window(
        actor=clerk, acted_for=None, court=court, channel="window", today=on, key=key,
        parties=[applicant, respondent],
        fields={"kind": "enforcement", "claims": f"申请强制执行{title['title_number']}",
                "facts": f"{title['issuing_body']}作出的{title['title_number']}已生效，"
                         "被执行人未履行。", "amount": amount})
    case = accept_filing(filing, actor=clerk, today=on)
    values = actions.title_values(amount_applied=amount, applicant_name=applicant["name"],
                                  respondent_name=respondent["name"], **title)
    actions.record_title(case, actor=clerk, values=values, document=_pdf("执行依据.pdf"))
    return Case.objects.get(pk=case.pk)


def _applied_online(users, today):
    """张三's application on the first effective demo judgment he may enforce."""
    for origin in Case.objects.filter(court__code="内2502", type_code="民初",
                                      closure_mode="judgment").order_by("closed_on", "id"):
        if flow.can_apply(users["zhangsan"], origin, today):
            filing = flow.apply_online(origin, actor=users["zhangsan"],
                                       amount=Decimal("86000"), today=today - 20 * DAY,
                                       request="强制执行判决确定的借款本金及利息")
            return accept_filing(filing, actor=users["lixia"], today=today - 18 * DAY)
    return None


def load_enforcement_demo(today: datetime.date | None = None) -> int:
    """Returns how many enforcement cases were made (0 when already done or no personas)."""
    if AuditEntry.objects.filter(action=LOADED).exists():
        return 0
    today = today or timezone.localdate()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=NAMES)}
    court = Court.objects.filter(code="内2502").first()
    if len(users) < len(NAMES) or court is None:
        return 0
    clerk, head, officer = users["lixia"], users["hanlei"], users["gaofeng"]
    made = []
    with transaction.atomic():
        case = _applied_online(users, today)
        if case is not None:
            case = actions.assign(case, actor=head, officer=officer, today=today - 17 * DAY,
                                  reason="")
            for kind, days, amount in ((K.NOTICE, 16, None), (K.SEARCH_REQUESTED, 15, None),
                                       (K.SEARCH_ANSWERED, 12, None),
                                       (K.DEDUCTION, 10, Decimal("30000.50"))):
                actions.record_milestone(case, actor=officer, kind=kind, amount=amount,
                                         done_on=max(today - days * DAY, case.filed_on))
            row = actions.EnforcementRecord.objects.get(case=case)
            actions.report_clue(row, actor=users["zhangsan"], today=today - DAY,
                                text="被执行人李四名下有一辆车牌号为蒙H·12345的小型轿车，"
                                     "常停放在锡林浩特市额尔敦路8号小区。")
            made.append(case)
        made.append(_window_case(
            court, clerk, on=today - 2 * DAY, key="demo-enforcement-major",
            amount=Decimal("1500000"),
            title={"title_kind": "arbitral_award", "title_number": "锡仲裁字〔2026〕第18号",
                   "issuing_body": "锡林郭勒仲裁委员会",
                   "title_effective_on": today - 60 * DAY},
            applicant=_party("applicant", "王宝山", "152502198001010018",
                             "锡林浩特市团结大街1号", "13904790001"),
            respondent=_party("respondent", "赵建国", "152502197505050035",
                              "锡林浩特市宝力根路9号")))
        ended = _window_case(
            court, clerk, on=today - 125 * DAY, key="demo-enforcement-ended",
            amount=Decimal("42000"),
            title={"title_kind": "notarised_debt", "title_number": "（2026）锡证字第306号",
                   "issuing_body": "锡林浩特市公证处",
                   "title_effective_on": today - 200 * DAY},
            applicant=_party("applicant", "孟和", "152502199002020044", "锡林浩特市",
                             "13904790002"),
            respondent=_party("respondent", "孙强", "15250219880808005X", "锡林浩特市"))
        ended = actions.assign(ended, actor=head, officer=officer, today=today - 120 * DAY)
        steps = [(K.NOTICE, 118), (K.SEARCH_REQUESTED, 117), (K.SEARCH_ANSWERED, 110),
                 (K.SITE_INVESTIGATION, 100), (K.CONSUMPTION_RESTRICTION, 95),
                 (K.INVESTIGATION_DONE, 60), (K.APPLICANT_INTERVIEWED, 10),
                 (K.NO_PROPERTY, 9)]
        for kind, days in steps:
            actions.record_milestone(
                ended, actor=officer, kind=kind, done_on=today - days * DAY,
                note="被执行人名下无可供执行财产" if kind == K.NO_PROPERTY else "",
                document=_pdf("限制消费令.pdf") if kind == K.CONSUMPTION_RESTRICTION else None)
        flow.close(ended, actor=officer, mode="terminated_current", closed_on=today,
                   documents=[_pdf("终本裁定书.pdf")])
        made.append(ended)
        record(LOADED, None, actor=None, changes={"cases": len(made)})
    return len(made)
