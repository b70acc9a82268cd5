"""A demo payment order (督促程序) at 锡林浩特市人民法院 (内2502), so the procedure page and the
debtor's fifteen days show something: 张三 applied online against 王五 for a loan due and
unpaid; the filing division accepted it as a 民督 case; its judge issued the order, served
on the debtor by court post (the receipt back today), who has fifteen days to pay or object.
Made by the platform's own actions and flows; called by `tianping demo` after the appeals,
never by the test fixtures; idempotent (an audit entry says it was done)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.courts.models import Court
from tianping.filings import actions as filings
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing
from tianping.payorders import actions as orders
from tianping.service import actions as service

LOADED = "demo.procedures_loaded"
CREDITOR = {"role": "applicant", "kind": "natural", "name": "张三", "doc_type": "resident_id",
            "id_number": "152502198503120022", "address": "锡林浩特市额尔敦路1号"}
DEBTOR = {"role": "respondent", "kind": "natural", "name": "王五", "doc_type": "resident_id",
          "id_number": "152501197806150017", "address": "锡林浩特市宝力根路8号"}


def load_demo_procedures(today: datetime.date | None = None) -> int:
    """Make the demo payment order; returns 1 when made now, 0 when already there."""
    if AuditEntry.objects.filter(action=LOADED).exists():
        return 0
    today = today or timezone.localdate()
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=("zhangsan", "lixia"))}
    court = Court.objects.filter(code="内2502").first()
    if court is None or len(users) < 2:
        return 0
    filer = users["zhangsan"]
    with transaction.atomic():
        filing = filings.start_filing(actor=filer, court=court, channel=Channel.ONLINE,
                                      filer=filer, kind="payment_order")
        filings.save_draft(filing, actor=filer, claims="请求向被申请人王五发出支付令，"
                           "责令其给付借款人民币二万三千五百元",
                           facts="2026年3月1日被申请人向申请人借款23,500元，约定9月30日归还，"
                           "有借条为证；到期后经催告仍未归还。", amount=Decimal("23500.00"))
        filings.set_parties(filing, [CREDITOR, DEBTOR], actor=filer)
        filing = filings.submit_filing(filing, actor=filer, today=today)
        case = accept_filing(filing, actor=users["lixia"], today=today)
        order = orders.issue(case, actor=case.judge)
        debtor = case.parties.get(role="respondent")
        served = service.serve(case, party=debtor, channels=["postal"], actor=case.judge,
                               key=f"demo-order-{case.code}", document=order.order_document,
                               tracking_number="1190020261202", posted_on=today, today=today)
        service.record_postal_receipt(served.attempts.get(), receipt_on=today,
                                      actor=case.judge, today=today)
        record(LOADED, None, actor=None, changes={"case": case.number})
    return 1
