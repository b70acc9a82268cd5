"""Filing review (立案审查) by a filing clerk through the pages: queue, decisions, documents."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.courts.holidays import court_calendar
from tianping.courts.models import Court, Membership
from tianping.filings import actions
from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.models import Filing
from tianping.law.periods import compute_period

pytestmark = pytest.mark.django_db

PLAINTIFF = {
    "role": "plaintiff",
    "kind": "natural",
    "name": "张三",
    "doc_type": "resident_id",
    "id_number": "152502198503120022",
    "phone": "13800000001",
}
DEFENDANT = {
    "role": "defendant",
    "kind": "natural",
    "name": "李四",
    "doc_type": "resident_id",
    "id_number": "110105199001011232",
    "phone": "13800000000",
}


def make_filing(demo, court_code="内2502", *, on=None, **fields) -> Filing:
    """An online complaint by zhangsan, handed in (received) on the date ON."""
    filer = demo["zhangsan"]
    court = Court.objects.get(code=court_code)
    filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE, filer=filer)
    data = {"claims": "判令被告归还借款2万元", "facts": "2025年被告借款未还", **fields}
    actions.save_draft(filing, actor=filer, amount=Decimal("20000"), **data)
    actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=filer)
    return actions.submit_filing(filing, actor=filer, today=on or timezone.localdate())


def received_on_for_due_in(days_left: range) -> datetime.date:
    """A receipt day whose 7-day review clock ends DAYS_LEFT days from today."""
    today = timezone.localdate()
    for back in range(14):
        day = today - datetime.timedelta(days=back)
        due = compute_period(day, court_calendar(), days=7).expires_on
        if (due - today).days in days_left:
            return day
    raise AssertionError("no such day")


def clerk_at(demo, court_code, username="bolor"):
    """A filing clerk of another court (the demo has none at 内2501)."""
    from django.contrib.auth import get_user_model

    from tianping.demo.network import DEMO_PASSWORD

    users = get_user_model().objects
    user = users.create_user(username=username, password=DEMO_PASSWORD, kind="staff")
    Membership.objects.create(
        user=user, court=Court.objects.get(code=court_code), role="filing_clerk"
    )
    return user


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


@pytest.fixture
def clerk(english, demo, login):
    return login(demo["lixia"])


def page(response) -> str:
    return response.content.decode()


def test_queue_puts_green_first_and_flags_due_soon_and_overdue(clerk, demo, settings):
    # given three filings: overdue, due soon, and a green-channel one received today
    settings.FILING_REVIEW_WARNING_DAYS = 2
    overdue = make_filing(demo, on=timezone.localdate() - datetime.timedelta(days=30))
    soon = make_filing(demo, on=received_on_for_due_in(range(0, 3)))
    green = make_filing(demo, is_migrant_wages=True)
    # when the clerk opens the queue
    html = page(clerk.get("/filing-review/"))
    # then the green one comes first, then by the clock, each flagged
    order = [html.index(f.code) for f in (green, overdue, soon)]
    assert order == sorted(order)
    assert "Green channel: migrant workers' wages" in html
    assert "Overdue: file first (先行立案)" in html and "Due soon" in html
    assert ">张三</span>、<span" in html and "Online (网上)" in html


def test_queue_lists_take_a_constant_number_of_queries(clerk, demo, django_assert_num_queries):
    for _ in range(3):
        make_filing(demo, is_livelihood=True)
    with CaptureQueriesContext(connection) as three:
        assert clerk.get("/filing-review/").status_code == 200
    for _ in range(17):
        make_filing(demo)
    with django_assert_num_queries(len(three.captured_queries)):
        html = page(clerk.get("/filing-review/"))
    assert html.count('href="/filing-review/') >= 20


def test_a_long_queue_is_shown_fifty_at_a_time(clerk, demo):
    for _ in range(53):
        make_filing(demo)
    first = page(clerk.get("/filing-review/"))
    second = page(clerk.get("/filing-review/?page=2"))
    assert "53 filings awaiting review" in first and "Page 1 of 2" in first
    codes = {f.code for f in Filing.objects.all()}
    shown = {c for c in codes if f"/filing-review/{c}/" in first}
    later = {c for c in codes if f"/filing-review/{c}/" in second}
    assert (len(shown), len(later)) == (50, 3) and not shown & later


def test_accepting_from_the_page_gives_the_case_number_and_notice(clerk, demo):
    filing = make_filing(demo)
    url = f"/filing-review/{filing.code}/accept/"
    # when the clerk does not tick the confirmation, nothing is filed
    unconfirmed = clerk.post(url, {"seen": "submitted"})
    assert unconfirmed.status_code == 200 and "Tick the box to confirm" in page(unconfirmed)
    assert Filing.objects.get(pk=filing.pk).status == FilingStatus.SUBMITTED
    # when
    response = clerk.post(url, {"seen": "submitted", "confirm": "on"})
    # then
    assert response.status_code == 302
    html = page(clerk.get(response.url))
    number = Filing.objects.get(pk=filing.pk).case.number
    assert number in html and "民初" in number
    notice = clerk.get(f"/filing-review/{filing.code}/acceptance-notice.pdf")
    assert notice["Content-Type"] == "application/pdf"
    assert notice.content.startswith(b"%PDF")


def test_a_correction_notice_lists_three_items_and_the_queue_shows_it_waiting(clerk, demo):
    filing = make_filing(demo)
    respond_by = (timezone.localdate() + datetime.timedelta(days=15)).isoformat()
    items = ["补充借条原件", "补充被告住址", "提交证据清单"]
    # when
    response = clerk.post(
        f"/filing-review/{filing.code}/correction/",
        {"seen": "submitted", "item": [*items, ""], "respond_by": respond_by},
    )
    # then
    assert response.status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.CORRECTION_REQUESTED
    assert filing.corrections.get().items == items
    html = page(clerk.get("/filing-review/?status=correction_requested"))
    assert filing.code in html and "Waiting for corrections" in html
    assert filing.code not in page(clerk.get("/filing-review/?status=submitted"))
    notice = clerk.get(f"/filing-review/{filing.code}/correction-notice.pdf")
    assert notice.content.startswith(b"%PDF")


def test_a_correction_without_items_is_refused_and_keeps_the_date(clerk, demo):
    filing = make_filing(demo)
    day = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = clerk.post(
        f"/filing-review/{filing.code}/correction/",
        {"seen": "submitted", "item": ["", ""], "respond_by": day},
    )
    assert "List at least one thing to correct." in page(response) and day in page(response)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED


def test_refusal_needs_written_reasons_then_the_ruling_exists(clerk, demo, login, english):
    filing = make_filing(demo)
    url = f"/filing-review/{filing.code}/refuse/"
    # when the clerk gives no reasons
    response = clerk.post(url, {"seen": "submitted", "basis": "cpl_122", "reasons": "不行"})
    # then nothing happens and the text typed is kept
    assert response.status_code == 200 and "不行" in page(response)
    assert "at least 10 characters" in page(response)
    assert clerk.get(f"/filing-review/{filing.code}/refusal-ruling.pdf").status_code == 404
    # when the clerk gives reasons, the refusal is proposed to a judge: not yet a ruling
    reasons = "起诉不符合法定条件：原告与本案没有直接利害关系。"
    body = {"seen": "submitted", "basis": "cpl_122", "reasons": reasons}
    assert clerk.post(url, body).status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED and filing.refusals.get().outcome == ""
    assert "a judge of the court decides" in page(clerk.get(f"/filing-review/{filing.code}/"))
    # then a judge of the court decides it, and the ruling exists, in the judge's name
    english.post("/accounts/logout/")
    judge = login(demo["wangjun"])
    decided = judge.post(
        f"/filing-review/{filing.code}/refusal/", {"decision": "refuse", "confirm": "on"}
    )
    assert decided.status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.REFUSED and filing.refusal_reasons == reasons
    assert filing.decided_by == demo["wangjun"] and filing.refusal_basis == "cpl_122"
    ruling = judge.get(f"/filing-review/{filing.code}/refusal-ruling.pdf")
    assert ruling.content.startswith(b"%PDF")


def test_transfer_to_another_court(clerk, demo):
    filing = make_filing(demo)
    response = clerk.post(
        f"/filing-review/{filing.code}/transfer/",
        {"seen": "submitted", "to_court": "内2501", "reason": "被告住所地在二连浩特市"},
    )
    assert response.status_code == 302
    assert "Transferred to 二连浩特市人民法院" in page(clerk.get(response.url))


def test_second_clerk_acting_after_the_first_is_told(english, demo, login):
    filing = make_filing(demo)
    # given lixia files the case while liuqiang has the same page open
    login(demo["lixia"]).post(
        f"/filing-review/{filing.code}/accept/", {"seen": "submitted", "confirm": "on"}
    )
    english.post("/accounts/logout/")
    second = login(demo["liuqiang"])
    # when liuqiang sends his refusal
    reasons = "不属于人民法院受理民事诉讼的范围。"
    response = second.post(
        f"/filing-review/{filing.code}/refuse/",
        {"seen": "submitted", "basis": "cpl_127", "reasons": reasons},
    )
    # then he is told, with the status now, and nothing changed
    assert response.status_code == 409
    assert "Someone else has just acted on this filing" in page(response)
    assert "Filed as a case" in page(response)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.ACCEPTED and filing.refusal_reasons == ""


def test_identity_numbers_are_masked_and_each_reveal_is_audited(clerk, demo):
    filing = make_filing(demo)
    html = page(clerk.get(f"/filing-review/{filing.code}/"))
    assert "152502********0022" in html and "152502198503120022" not in html
    party = filing.parties.get(name="张三")
    response = clerk.post(
        f"/filing-review/{filing.code}/parties/{party.pk}/reveal/", HTTP_HX_REQUEST="true"
    )
    assert page(response).strip() == '<span class="revealed">152502198503120022</span>'
    entry = AuditEntry.objects.get(action="filing.id_revealed")
    assert entry.actor == demo["lixia"] and entry.changes == {"party": "张三"}


def test_judge_gets_403_on_the_queue_and_404_on_a_filing(english, demo, login):
    filing = make_filing(demo)
    judge = login(demo["wangjun"])
    assert judge.get("/filing-review/").status_code == 403
    assert judge.get(f"/filing-review/{filing.code}/").status_code == 404
    accept = judge.post(f"/filing-review/{filing.code}/accept/", {"seen": "submitted"})
    assert accept.status_code == 404


def test_clerk_of_another_court_gets_404(english, demo, login):
    filing = make_filing(demo)
    other = login(clerk_at(demo, "内2501"))
    assert other.get(f"/filing-review/{filing.code}/").status_code == 404
    assert other.get(f"/filing-review/{filing.code}/acceptance-notice.pdf").status_code == 404
    assert filing.code not in page(other.get("/filing-review/"))


def test_the_filer_cannot_use_the_clerks_pages(english, demo, login):
    filing = make_filing(demo)
    assert login(demo["zhangsan"]).get(f"/filing-review/{filing.code}/").status_code == 404
