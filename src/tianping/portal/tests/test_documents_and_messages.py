"""Every document the court issues to the filer is on their filing's (and case's) page in
the portal, and every event that concerns them sends a message, worded when read in the
reader's language."""

from decimal import Decimal

import pytest
from django.utils import timezone, translation

from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF
from tianping.flows.filing import accept_filing
from tianping.notifications.models import Notification

pytestmark = pytest.mark.django_db


def make_filing(demo):
    """An online complaint by zhangsan against 李四, handed in today."""
    filer = demo["zhangsan"]
    court = Court.objects.get(code="内2502")
    filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE, filer=filer)
    actions.save_draft(filing, actor=filer, amount=Decimal("20000"),
                       claims="判令被告归还借款2万元", facts="2025年被告借款未还")
    parties = [PLAINTIFF, {**DEFENDANT, "address": "北京市朝阳区"}]
    actions.set_parties(filing, parties, actor=filer)
    return actions.submit_filing(filing, actor=filer, today=timezone.localdate())


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_correction_notice_reaches_the_filer_as_document_and_message(demo, client, login):
    filing = make_filing(demo)
    zhangsan = demo["zhangsan"]
    before = zhangsan.notifications.count()
    actions.request_correction(
        filing, actor=demo["lixia"], items=["补充被告住址"], respond_by=filing.review_due_on
    )
    [note] = zhangsan.notifications.all()[: zhangsan.notifications.count() - before]
    assert note.kind == "filing.event" and note.text == ""
    with translation.override("zh-hans"):
        assert filing.code in note.message and "补正" in note.message
    with translation.override("en"):
        assert "Corrections requested" in note.message
    assert note.url == f"/portal/filings/{filing.code}/"
    # the clerk who acted is not told
    assert not demo["lixia"].notifications.filter(kind="filing.event").exists()

    login(zhangsan)
    page = client.get(f"/portal/filings/{filing.code}/").content.decode()
    url = f"/portal/filings/{filing.code}/documents/correction-notice.pdf"
    assert url in page and f"/portal/filings/{filing.code}/receipt.pdf" in page
    answer = client.get(url)
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    inbox = client.get("/notifications/").content.decode()
    assert filing.code in inbox and "补正" in inbox


def test_the_acceptance_notice_is_on_the_case_page_and_the_filer_is_told(demo, client, login):
    filing = make_filing(demo)
    case = accept_filing(filing, actor=demo["lixia"])
    notes = demo["zhangsan"].notifications.filter(kind="filing.event")
    with translation.override("zh-hans"):
        assert any(case.number in n.message for n in notes)
    login(demo["zhangsan"])
    page = client.get(f"/portal/cases/{case.code}/").content.decode()
    url = f"/portal/filings/{filing.code}/documents/acceptance-notice.pdf"
    assert url in page and "暂无文书" not in page
    assert client.get(url).status_code == 200


def test_nobody_else_reads_a_filers_documents(demo, client, login):
    filing = make_filing(demo)
    actions.request_correction(
        filing, actor=demo["lixia"], items=["补充证据"], respond_by=filing.review_due_on
    )
    url = f"/portal/filings/{filing.code}/documents/correction-notice.pdf"
    login(demo["lisi"] if "lisi" in demo else demo["sarula"])
    assert client.get(url).status_code in (403, 404)
    client.logout()
    login(demo["zhangsan"])
    missing = f"/portal/filings/{filing.code}/documents/acceptance-notice.pdf"
    assert client.get(missing).status_code == 404


def test_a_lawyer_verified_is_told_in_their_own_language(demo):
    Notification.objects.create(
        user=demo["zhangsan"], key="k", kind="lawyer.decided",
        params={"status": "verified", "court": "内2502", "reason": ""},
    )
    note = demo["zhangsan"].notifications.get(key="k")
    with translation.override("en"):
        assert "verified your bar licence" in note.message
    with translation.override("zh-hans"):
        assert "锡林浩特市人民法院" in note.message
    assert note.url == "/accounts/profile/"


def test_case_events_reach_the_parties_but_not_the_actor(demo):
    from tianping.cases.actions import assign_by_hand

    case = accept_filing(make_filing(demo), actor=demo["lixia"])
    assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"], reason="专业对口")
    notes = demo["zhangsan"].notifications.filter(kind="case.event")
    events = [n.params["event"] for n in notes]
    assert "assigned" in events and "filed" not in events
    assigned = notes.filter(params__event="assigned").first()  # the latest
    with translation.override("zh-hans"):
        assert case.number in assigned.message and "王军" in assigned.message
    assert assigned.url == f"/portal/cases/{case.code}/"
    assert not demo["liuqiang"].notifications.filter(kind="case.event").exists()


def test_a_defendant_with_an_account_finds_the_notice_to_respond(demo, client, login,
                                                                 other_litigant):
    case = accept_filing(make_filing(demo), actor=demo["lixia"])
    case.parties.filter(role="defendant").update(user=other_litigant)
    url = f"/portal/cases/{case.code}/documents/response-notice.pdf"
    login(other_litigant)
    page = client.get(f"/portal/cases/{case.code}/").content.decode()
    assert url in page and "acceptance-notice" not in page  # the plaintiff's is not theirs
    answer = client.get(url)
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    client.logout()
    login(demo["zhangsan"])  # the plaintiff: not theirs to fetch here
    assert client.get(url).status_code == 404
    page = client.get(f"/portal/cases/{case.code}/").content.decode()
    assert "acceptance-notice" in page and url not in page
