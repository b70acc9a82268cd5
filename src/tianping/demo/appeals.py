"""Demo judgments served and one appeal, so effectiveness and the chain of a dispute show
something: the closing documents (judgments, rulings, mediation records) of 锡林浩特市人民法院's
(内2502) closed demo cases are served on every party by court post (the receipts back two
days later); the first judgment is appealed at the window by its defendant, the fee paid,
the file transferred, and the intermediate court (内25) has filed the linked 民终 case,
pending with its judge. The others take effect as their kinds say (a judgment when its 15
days have run). Made by the platform's own actions and flows; called by `tianping demo`
after the service, never by the test fixtures; idempotent (an audit entry says it was
done)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from tianping.appeals import actions as appeals
from tianping.audit.actions import record
from tianping.audit.models import AuditEntry
from tianping.cases.models import Case
from tianping.demo.cases import PDF
from tianping.flows import appeals as appeal_flow
from tianping.service import actions as service

LOADED = "demo.appeals_loaded"
DAY = datetime.timedelta(days=1)


def _serve_judgment(case, judge, today) -> bool:
    document = case.documents.order_by("uploaded_at", "id").first()
    if document is None or case.closed_on is None:
        return False
    posted, received = case.closed_on + DAY, min(case.closed_on + 3 * DAY, today)
    for party in case.parties.all():
        if not party.address:
            return False
        served = service.serve(case, party=party, channels=["postal"], actor=judge,
                               key=f"demo-judgment-{case.code}-{party.pk}", document=document,
                               tracking_number=f"9{case.pk:06d}{party.pk:05d}",
                               posted_on=posted, today=today)
        attempt = served.attempts.get(channel="postal")
        service.record_postal_receipt(attempt, receipt_on=received, actor=judge, today=today)
    return True


def _appeal(case, users, today) -> Case:
    defendant = case.parties.filter(role="defendant").order_by("position", "id").first()
    petition = SimpleUploadedFile("上诉状.pdf", PDF, content_type="application/pdf")
    appeal = appeals.file_appeal(
        case, actor=users["lixia"], party=defendant, channel="window", petition=petition,
        grounds="一审判决认定借款数额有误，部分款项已经归还，有银行转账记录为证。",
        requests="撤销一审判决，依法改判被上诉人的诉讼请求予以驳回。", today=today)
    appeals.record_fee_paid(appeal, actor=users["lixia"], paid_on=today, receipt="SS000001")
    appeals.transfer(case, actor=users["lixia"])
    return appeal_flow.docket_appeal(case, actor=users["gaoyuan"], today=today)


def load_demo_appeals(today: datetime.date | None = None) -> int:
    """Serve the closed demo cases' documents and file one appeal; returns how many cases
    were served."""
    if AuditEntry.objects.filter(action=LOADED).exists():
        return 0
    today = today or timezone.localdate()
    names = ("wangjun", "lixia", "gaoyuan")
    users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    if len(users) < len(names):
        return 0
    closed = Case.objects.filter(court__code="内2502", state="closed", type_code="民初",
                                 documents__isnull=False).distinct().order_by("closed_on", "id")
    served, appealed = 0, False
    with transaction.atomic():
        for case in closed:
            judge = case.judge or users["wangjun"]
            try:
                with transaction.atomic():
                    if not _serve_judgment(case, judge, today):
                        continue
                    served += 1
                    if not appealed and case.closure_mode == "judgment":
                        _appeal(case, users, today)
                        appealed = True
            except ValidationError:  # a demo case the flows refuse is left as it is
                continue
        record(LOADED, None, actor=None, changes={"served": served, "appealed": appealed})
    return served
