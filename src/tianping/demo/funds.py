"""Demo case funds (执行案款) at 锡林浩特市人民法院 (内2502), made by the funds actions: on an
enforcement case of 张三's (the enforcement demo's, or one filed here), ¥12,000 received
from the respondent ten days ago and a payout of ¥8,000 to 张三 requested by 高峰 and
awaiting 韩磊's approval; ¥3,000 in the master account for five days, not yet claimed
(overdue: claims are due within 3 days). Idempotent: every command carries its key."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.demo.cases import PDF

DAY = datetime.timedelta(days=1)
BANK = {"bank": "中国银行锡林浩特分行", "account_name": "张三",
        "account_number": "6217000012345678"}


def _case(court, users):
    case = (Case.objects.filter(court=court, type_code="执", parties__user=users["zhangsan"])
            .order_by("id").first())
    if case is not None:
        return case
    from tianping.filings import actions
    from tianping.flows.filing import accept_filing

    filer = users["zhangsan"]
    filing = actions.start_filing(actor=filer, court=court, channel="online", filer=filer,
                                  kind="enforcement")
    actions.save_draft(filing, actor=filer, claims="执行判决确定的货款", facts="被执行人未履行",
                       amount=Decimal("20000"))
    actions.set_parties(filing, [
        {"role": "applicant", "kind": "natural", "name": "张三", "doc_type": "resident_id",
         "id_number": "152502198503120022", "phone": "13900000000", "address": "锡林浩特市"},
        {"role": "respondent", "kind": "natural", "name": "李四", "doc_type": "resident_id",
         "id_number": "110105199001011232", "address": "北京市"}], actor=filer)
    actions.attach_file(filing, SimpleUploadedFile("申请执行书.pdf", PDF,
                                                   content_type="application/pdf"),
                        actor=filer, kind="complaint")
    case = accept_filing(actions.submit_filing(filing, actor=filer), actor=users["lixia"])
    applicant = case.parties.get(role="applicant")
    applicant.user = filer
    applicant.save()
    return case


def load_funds_demo() -> None:
    from tianping.funds import actions

    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=("zhangsan", "lixia", "gaofeng", "qianhui", "hanlei"))}
    court = Court.objects.get(code="内2502")
    today = timezone.localdate()
    case = _case(court, users)
    actions.record_arrival(court, actor=users["qianhui"], amount="12000", key="demo-funds-1",
                           reference="BK-DEMO-0001", payer="李四", case=case,
                           purpose="执行款", on=today - 10 * DAY, today=today)
    actions.record_arrival(court, actor=users["qianhui"], amount="3000", key="demo-funds-2",
                           reference="BK-DEMO-0002", payer="锡林浩特市某商贸有限公司",
                           purpose="执行款（未注明案号）", on=today - 5 * DAY, today=today)
    actions.request_payout(case, actor=users["gaofeng"],
                           party=case.parties.filter(role="applicant").first(),
                           amount="8000", key="demo-funds-3", **BANK)
