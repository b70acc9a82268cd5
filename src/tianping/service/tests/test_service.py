"""Service of documents: consent, the first effective channel, public notice (30/60 days,
refused in summary procedure), court post's receipt date, direct and retained service,
idempotent sending, readings, and the dates other apps read."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.cases.actions import attach_case_documents
from tianping.cases.models_panel import CaseMember
from tianping.cases.tests.test_case_pages import make_case
from tianping.notifications.models import Notification
from tianping.service import actions, rules
from tianping.service.models import OutboundMessage, Service, ServiceAttempt
from tianping.service.queries import effective_service_date, last_service_date

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def pdf(name="判决书.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def served_case(demo, procedure=None):
    """A case of 王军's with a judgment uploaded, 孙丽 its clerk, 张三 the plaintiff with his
    account."""
    case = make_case(demo)
    if procedure:
        type(case).objects.filter(pk=case.pk).update(procedure=procedure)
        case.refresh_from_db()
    CaseMember.objects.create(case=case, seat="clerk", user=demo["sunli"], since=TODAY,
                              added_by=demo["wangjun"])
    [document] = attach_case_documents(case, [pdf()], actor=demo["wangjun"])
    plaintiff = case.parties.get(role="plaintiff")
    plaintiff.user = demo["zhangsan"]
    plaintiff.save()
    return case, document, plaintiff, case.parties.get(role="defendant")


def consent(case, party, by, channels=("platform", "sms", "email"), **extra):
    return actions.confirm_address(
        case, party, actor=by, recorded_how="form", form=pdf("确认书.pdf"), consent=True,
        channels=list(channels), phone="13900000000", email="zs@example.com",
        postal_address="锡林浩特市", **extra)


@pytest.fixture
def world(demo):
    return demo, *served_case(demo)


# The rules, pure


def test_public_notice_takes_30_days_and_60_abroad():
    assert rules.public_notice_effective_on(datetime.date(2026, 3, 1), abroad=False) == (
        datetime.date(2026, 3, 31))
    assert rules.public_notice_effective_on(datetime.date(2026, 3, 1), abroad=True) == (
        datetime.date(2026, 4, 30))
    assert not rules.public_notice_allowed("summary")
    assert not rules.public_notice_allowed("small_claims")
    assert rules.public_notice_allowed("ordinary")


# Consent


def test_an_electronic_channel_without_consent_is_refused(world):
    demo, case, document, plaintiff, _defendant = world
    with pytest.raises(ValidationError, match="has not consented"):
        actions.serve(case, party=plaintiff, channels=["sms"], key="k", document=document,
                      actor=demo["sunli"])
    consent(case, plaintiff, demo["sunli"], channels=["platform"])
    with pytest.raises(ValidationError, match="has not consented"):
        actions.serve(case, party=plaintiff, channels=["email"], key="k", document=document,
                      actor=demo["sunli"])
    assert not Service.objects.exists() and not ServiceAttempt.objects.exists()


def test_an_address_change_is_a_new_version_and_the_latest_counts(world):
    demo, case, document, plaintiff, _defendant = world
    first = consent(case, plaintiff, demo["sunli"])
    second = actions.confirm_address(case, plaintiff, actor=demo["zhangsan"],
                                     recorded_how="online", postal_address="北京市",
                                     consent=False)
    assert (first.version, second.version) == (1, 2)
    assert second.account == demo["zhangsan"]
    with pytest.raises(ValidationError):
        actions.serve(case, party=plaintiff, channels=["platform"], key="k",
                      document=document, actor=demo["sunli"])
    assert case.events.filter(kind="address_confirmed").count() == 2


def test_consent_rules_of_the_confirmation(world):
    demo, case, _document, plaintiff, defendant = world
    with pytest.raises(ValidationError, match="without consent"):
        actions.confirm_address(case, plaintiff, actor=demo["sunli"], recorded_how="form",
                                form=pdf(), channels=["sms"], phone="139")
    with pytest.raises(ValidationError, match="mobile"):
        actions.confirm_address(case, plaintiff, actor=demo["sunli"], recorded_how="form",
                                form=pdf(), consent=True, channels=["sms"])
    with pytest.raises(ValidationError, match="no platform account"):  # 李四 has none
        actions.confirm_address(case, defendant, actor=demo["sunli"], recorded_how="form",
                                form=pdf(), consent=True, channels=["platform"])
    with pytest.raises(ValidationError):  # not an e-mail address
        actions.confirm_address(case, plaintiff, actor=demo["sunli"], recorded_how="form",
                                form=pdf(), consent=True, channels=["email"], email="x@")
    with pytest.raises(ValidationError, match="signed"):
        actions.confirm_address(case, plaintiff, actor=demo["sunli"], recorded_how="form",
                                postal_address="x")
    with pytest.raises(ValidationError, match="own account"):  # 张三 is not 李四
        actions.confirm_address(case, defendant, actor=demo["zhangsan"], recorded_how="online",
                                postal_address="x")


# Sending and the first effective channel


def test_several_channels_at_once_the_earliest_effective_counts(world):
    demo, case, document, plaintiff, _defendant = world
    consent(case, plaintiff, demo["sunli"])
    service = actions.serve(case, party=plaintiff, channels=["platform", "sms", "email",
                                                              "postal"],
                            key="k1", document=document, actor=demo["sunli"],
                            tracking_number="EMS1", posted_on=TODAY)
    attempts = {a.channel: a for a in service.attempts.all()}
    assert set(attempts) == {"platform", "sms", "email", "postal"}
    assert service.effective_on == TODAY and service.effective_attempt.channel == "platform"
    note = Notification.objects.get(user=demo["zhangsan"], kind="service.served")
    assert attempts["platform"].effective_at == note.created_at  # reached the account
    assert OutboundMessage.objects.filter(channel="sms", to="13900000000").count() == 1
    assert OutboundMessage.objects.filter(channel="email").count() == 1
    assert attempts["postal"].effective_on is None  # until the receipt comes back
    # the receipt is dated later: the earlier electronic service still counts
    actions.record_postal_receipt(attempts["postal"], receipt_on=TODAY, actor=demo["sunli"])
    service.refresh_from_db()
    assert service.effective_attempt.channel == "platform"
    assert effective_service_date(case, plaintiff, document) == TODAY
    assert case.events.filter(kind="service_effective").count() == 1


def test_court_post_is_served_on_the_receipt_date(world):
    demo, case, document, _plaintiff, defendant = world
    posted = TODAY - 5 * DAY
    service = actions.serve(case, party=defendant, channels=["postal"], key="k",
                            document=document, actor=demo["sunli"], tracking_number="EMS9",
                            posted_on=posted)
    attempt = service.attempts.get()
    assert attempt.address == defendant.address and service.effective_on is None
    with pytest.raises(ValidationError, match="before the day posted"):
        actions.record_postal_receipt(attempt, receipt_on=posted - DAY, actor=demo["sunli"])
    with pytest.raises(ValidationError, match="after today"):
        actions.record_postal_receipt(attempt, receipt_on=TODAY + DAY, actor=demo["sunli"])
    actions.record_postal_receipt(attempt, receipt_on=posted + 2 * DAY, actor=demo["sunli"])
    assert effective_service_date(case, defendant, document) == posted + 2 * DAY
    # the same receipt entered again changes nothing; another date is refused
    actions.record_postal_receipt(attempt, receipt_on=posted + 2 * DAY, actor=demo["sunli"])
    with pytest.raises(ValidationError, match="already"):
        actions.record_postal_receipt(attempt, receipt_on=posted + 3 * DAY, actor=demo["sunli"])


def test_an_earlier_receipt_moves_the_effective_date(world):
    demo, case, document, plaintiff, defendant = world
    service = actions.serve(case, party=defendant, channels=["postal"], key="k",
                            document=document, actor=demo["sunli"], tracking_number="EMS9",
                            posted_on=TODAY - 9 * DAY)
    actions.record_direct(service, signed_on=TODAY - DAY, recipient="李四", key="d",
                          actor=demo["sunli"])
    actions.record_postal_receipt(service.attempts.get(channel="postal"),
                                  receipt_on=TODAY - 7 * DAY, actor=demo["sunli"])
    service.refresh_from_db()
    assert service.effective_on == TODAY - 7 * DAY
    assert service.effective_attempt.channel == "postal"
    assert case.events.filter(kind="service_effective").count() == 2


def test_public_notice_30_days_60_abroad_and_refused_in_summary_procedure(demo):
    case, document, plaintiff, defendant = served_case(demo, procedure="ordinary")
    service = actions.serve(case, party=defendant, channels=["postal"], key="k",
                            document=document, actor=demo["sunli"], tracking_number="E",
                            posted_on=TODAY)
    published = TODAY - 3 * DAY
    actions.record_public_notice(service, published_on=published, where="人民法院报",
                                 key="n", actor=demo["sunli"])
    assert effective_service_date(case, defendant, document) == published + 30 * DAY
    consent(case, plaintiff, demo["sunli"], channels=["sms"])
    other = actions.serve(case, party=plaintiff, channels=["postal"], key="k",
                          document=document, actor=demo["sunli"], tracking_number="E",
                          posted_on=TODAY)
    actions.record_public_notice(other, published_on=published, where="法院公告栏",
                                 abroad=True, key="n", actor=demo["sunli"])
    assert effective_service_date(case, plaintiff, document) == published + 60 * DAY
    assert last_service_date(case, document) == published + 60 * DAY

    for procedure in ("summary", "small_claims"):
        summary, doc, _p, party = served_case(demo, procedure=procedure)
        service = actions.serve(summary, party=party, channels=["postal"], key="k",
                                document=doc, actor=demo["sunli"], tracking_number="E",
                                posted_on=TODAY)
        with pytest.raises(ValidationError, match="convert the case to ordinary"):
            actions.record_public_notice(service, published_on=TODAY, where="公告栏", key="n",
                                         actor=demo["sunli"])


def test_retained_service_needs_the_photo_witness_and_reason(world):
    demo, case, document, _plaintiff, defendant = world
    service = actions.serve(case, party=defendant, channels=["postal"], key="k",
                            document=document, actor=demo["sunli"], tracking_number="E",
                            posted_on=TODAY)
    with pytest.raises(ValidationError, match="photo"):
        actions.record_retained(service, left_on=TODAY, witness="村委会王主任", reason="拒收",
                                photo=None, key="r", actor=demo["sunli"])
    actions.record_retained(
        service, left_on=TODAY - DAY, witness="村委会王主任", reason="拒绝签收", key="r",
        photo=SimpleUploadedFile("现场.png", PNG, content_type="image/png"),
        actor=demo["sunli"])
    attempt = service.attempts.get(channel="retained")
    assert attempt.photo and attempt.effective_on == TODAY - DAY
    assert effective_service_date(case, defendant) == TODAY - DAY


# Idempotency (SQLite here; PostgreSQL with threads in test_concurrency.py)


def test_a_retried_request_sends_nothing_and_counts_nothing_twice(world):
    demo, case, document, plaintiff, _defendant = world
    consent(case, plaintiff, demo["sunli"])
    for _ in range(3):
        actions.serve(case, party=plaintiff, channels=["platform", "sms"], key="same",
                      document=document, actor=demo["sunli"])
    assert ServiceAttempt.objects.count() == 2
    assert Notification.objects.filter(kind="service.served").count() == 1
    assert OutboundMessage.objects.count() == 1
    assert case.events.filter(kind="service_sent").count() == 2
    assert case.events.filter(kind="service_effective").count() == 1
    # a new request (another key) is another attempt on the same service
    actions.serve(case, party=plaintiff, channels=["sms"], key="again", document=document,
                  actor=demo["sunli"])
    assert Service.objects.count() == 1 and OutboundMessage.objects.count() == 2


# Who


def test_only_the_judge_assistant_or_clerk_of_the_case_serve(world):
    demo, case, document, _plaintiff, defendant = world
    for who in ("lixia", "chenzhi", "zhangsan"):
        with pytest.raises(PermissionDenied):
            actions.serve(case, party=defendant, channels=["postal"], key="k",
                          document=document, actor=demo[who], tracking_number="E",
                          posted_on=TODAY)
    actions.serve(case, party=defendant, channels=["postal"], key="k", document=document,
                  actor=demo["wangjun"], tracking_number="E", posted_on=TODAY)
    CaseMember.objects.filter(case=case, user=demo["sunli"]).update(until=TODAY)
    with pytest.raises(PermissionDenied):  # her seat ended
        actions.serve(case, party=defendant, channels=["postal"], key="k2",
                      document=document, actor=demo["sunli"], tracking_number="E",
                      posted_on=TODAY)


def test_reading_is_recorded_once_on_the_service_and_each_time_in_the_audit(world, client):
    demo, case, document, plaintiff, _defendant = world
    consent(case, plaintiff, demo["sunli"])
    service = actions.serve(case, party=plaintiff, channels=["platform"], key="k",
                            document=document, actor=demo["sunli"])
    client.force_login(demo["zhangsan"])
    for _ in range(2):
        response = client.get(f"/service/s/{service.code}/open/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
    service.refresh_from_db()
    assert service.first_read_by == demo["zhangsan"] and service.first_read_at is not None
    assert case.events.filter(kind="service_read").count() == 1
    assert AuditEntry.objects.filter(action="case.served_document_read").count() == 2


def test_last_service_date_waits_for_every_party(world):
    demo, case, document, plaintiff, defendant = world
    consent(case, plaintiff, demo["sunli"])
    actions.serve(case, party=plaintiff, channels=["platform"], key="k", document=document,
                  actor=demo["sunli"])
    assert last_service_date(case, document) is None
    assert last_service_date(case, document, parties=[plaintiff]) == TODAY
    service = actions.serve(case, party=defendant, channels=["postal"], key="k",
                            document=document, actor=demo["sunli"], tracking_number="E",
                            posted_on=TODAY - 4 * DAY)
    actions.record_postal_receipt(service.attempts.get(), receipt_on=TODAY - DAY,
                                  actor=demo["sunli"])
    assert last_service_date(case, document) == TODAY
    assert effective_service_date(case, defendant) == TODAY - DAY
    assert effective_service_date(case, defendant, "response-notice") is None
