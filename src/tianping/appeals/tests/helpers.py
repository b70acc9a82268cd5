"""A judged case and the appeal court's staff, made the way the platform makes them."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.cases.tests.closing import PDF, close_in_trial
from tianping.cases.tests.test_case_pages import make_case
from tianping.courts.choices import DivisionKind, Role
from tianping.courts.models import Court, Membership
from tianping.demo.network import DEMO_PASSWORD
from tianping.service import actions as service

DAY = datetime.timedelta(days=1)


def pdf(name="判决书.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def appeal_court_staff():
    """高院 (gaoyuan), filing clerk, and 包文 (baowen), civil judge, of 内25."""
    court = Court.objects.get(code="内25")
    users = {}
    for username, name, role, kind in (
            ("gaoyuan", "高原", Role.FILING_CLERK, DivisionKind.FILING),
            ("baowen", "包文", Role.JUDGE, DivisionKind.CIVIL)):
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"full_name": name, "kind": "staff"})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(
            user=user, court=court, role=role,
            defaults={"division": court.divisions.filter(kind=kind).order_by("pk").first()})
        users[username] = user
    return users


def judged_case(demo, *, filed_days_ago=40, closed_days_ago=30, defendant_user=None,
                procedure="ordinary"):
    """A 民初 case of 王军's closed by judgment CLOSED_DAYS_AGO; 张三 the plaintiff and
    DEFENDANT_USER the defendant with their accounts. Returns (case, judgment)."""
    today = timezone.localdate()
    case = make_case(demo, on=today - filed_days_ago * DAY)
    type(case).objects.filter(pk=case.pk).update(procedure=procedure)  # not small claims
    case.refresh_from_db()
    case = close_in_trial(case, actor=demo["wangjun"], closed_on=today - closed_days_ago * DAY)
    plaintiff = case.parties.get(role="plaintiff")
    plaintiff.user = demo["zhangsan"]
    plaintiff.save()
    if defendant_user is not None:
        defendant = case.parties.get(role="defendant")
        defendant.user = defendant_user
        defendant.save()
    return case, case.documents.get()


def serve_by_post(case, party, document, received_on, *, actor, abroad=None):
    """Court post, the receipt dated RECEIVED_ON."""
    if abroad is not None or not party.address_confirmations.exists():
        service.confirm_address(case, party, actor=actor, recorded_how="form",
                                form=pdf("确认书.pdf"), postal_address="锡林浩特市",
                                abroad=bool(abroad))
    served = service.serve(case, party=party, channels=["postal"], key=f"k{party.pk}",
                           document=document, actor=actor, tracking_number="EMS1",
                           posted_on=received_on - DAY)
    service.record_postal_receipt(served.attempts.get(), receipt_on=received_on, actor=actor)
    return served
