"""The judge's work on a case (issue 10): reading the whole case, closing it by the rules,
searching, which cases each post sees, and messages that say what was done."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.cases.actions import close_case, start_trial
from tianping.cases.choices import DOCUMENT_REQUIRED, ClosureMode
from tianping.cases.models import Case
from tianping.cases.permissions import cases_visible_to
from tianping.cases.tests.closing import PDF, close_in_trial, pdf
from tianping.cases.tests.test_case_pages import DEFENDANT, PLAINTIFF, another_judge, make_case
from tianping.courts.actions import name_backup
from tianping.courts.models import Court, Division, Membership
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def full_case(demo, *, on=None) -> Case:
    """A case whose filing has everything a judge reads: claims, facts and reasons, an
    evidence list with a file, the complaint, and a lawyer with a power of attorney."""
    court, filer = Court.objects.get(code="内2502"), demo["zhangsan"]
    filing = filing_actions.start_filing(
        actor=filer, court=court, channel=Channel.ONLINE, filer=filer
    )
    filing_actions.save_draft(
        filing,
        actor=filer,
        claims="判令被告归还借款五万元",
        facts="二〇二五年三月被告借款五万元，约定半年归还，至今未还。",
        amount=Decimal("50000"),
    )
    filing_actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=filer)
    complaint = filing_actions.attach_file(
        filing, SimpleUploadedFile("起诉状.pdf", PDF), actor=filer, kind="complaint"
    )
    iou = filing_actions.attach_file(
        filing, SimpleUploadedFile("借条.pdf", PDF), actor=filer, kind="evidence"
    )
    ref = iou.file.name.rsplit("/", 1)[-1]
    filing_actions.save_evidence(
        filing,
        [{"name": "借条", "source": "原告提供", "purpose": "借款事实", "attachment": ref}],
        actor=filer,
    )
    filing_actions.add_representative(
        filing, actor=filer, party=0, kind="lawyer", name="赵律师",
        licence_number="11101200010000001", law_firm="某律师事务所",
        authorisation=SimpleUploadedFile("授权委托书.pdf", PDF),
    )
    assert complaint.pk
    filing = filing_actions.submit_filing(filing, actor=filer, today=on or TODAY)
    return accept_filing(filing, actor=demo["lixia"], today=on or TODAY)


def key_of(attachment) -> str:
    return attachment.file.name.rsplit("/", 1)[-1]


# 1. The judge reads the case


def test_the_case_page_shows_the_complaint_the_evidence_and_every_file(english, demo, login):
    case = full_case(demo)
    page = login(demo["wangjun"]).get(f"/cases/{case.code}/").content.decode()
    assert "判令被告归还借款五万元" in page and "至今未还" in page  # claims, facts and reasons
    assert "借条" in page and "原告提供" in page and "借款事实" in page  # the evidence list
    for name in ("起诉状.pdf", "借条.pdf", "授权委托书.pdf"):
        assert name in page
    assert "of 赵律师, agent of 张三" in page  # whose power of attorney
    assert f"/filing-review/{case.filing.code}/" not in page  # not of the filing division


def test_each_file_downloads_for_who_sees_the_case_and_the_read_is_audited(
    demo, login, client
):
    case = full_case(demo)
    papers = case.filing.attachments.get(original_name="授权委托书.pdf")
    url = f"/cases/{case.code}/filing-files/{key_of(papers)}/"
    response = login(demo["wangjun"]).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    entry = AuditEntry.objects.filter(action="case.filing_file_read").latest("id")
    assert entry.actor == demo["wangjun"] and entry.changes["name"] == "授权委托书.pdf"
    # a judge of another court gets the 404 of a missing case, and a file of another
    # filing is not found through this case
    client.force_login(demo["sarula"])
    assert client.get(url).status_code == 404
    other = full_case(demo)
    foreign = other.filing.attachments.first()
    client.force_login(demo["wangjun"])
    assert client.get(f"/cases/{case.code}/filing-files/{key_of(foreign)}/").status_code == 404


def test_the_filing_division_gets_a_link_to_the_review_page(demo, login):
    case = full_case(demo)
    page = login(demo["lixia"]).get(f"/cases/{case.code}/").content.decode()
    assert f"/filing-review/{case.filing.code}/" in page


# 2. Closing needs its document and its state


@pytest.mark.parametrize("mode", sorted(DOCUMENT_REQUIRED))
def test_closing_without_its_document_is_refused(demo, mode):
    case = start_trial(make_case(demo), actor=demo["wangjun"])
    with pytest.raises(ValidationError):
        close_case(case, actor=demo["wangjun"], mode=mode, closed_on=TODAY)
    case.refresh_from_db()
    assert case.is_pending


def test_another_way_of_ending_needs_a_note_but_no_document(demo):
    case = start_trial(make_case(demo), actor=demo["wangjun"])
    with pytest.raises(ValidationError):
        close_case(case, actor=demo["wangjun"], mode=ClosureMode.OTHER, closed_on=TODAY)
    closed = close_case(
        case, actor=demo["wangjun"], mode=ClosureMode.OTHER, closed_on=TODAY, note="并案审理"
    )
    assert closed.state == "closed"


def test_a_case_cannot_close_straight_from_assigned(english, demo, login):
    case = make_case(demo)
    assert case.state == "assigned"
    with pytest.raises(ValidationError, match="in trial"):
        close_case(case, actor=demo["wangjun"], mode="judgment", closed_on=TODAY,
                   documents=[pdf()])
    client = login(demo["wangjun"])
    assert "Close the case" not in client.get(f"/cases/{case.code}/").content.decode()
    response = client.get(f"/cases/{case.code}/close/", follow=True)
    assert "Start the trial before closing the case." in response.content.decode()
    body = {"mode": "judgment", "closed_on": TODAY.isoformat(), "documents": [pdf()],
            "confirm": "on"}
    assert client.post(f"/cases/{case.code}/close/", body).status_code == 422
    case.refresh_from_db()
    assert case.state == "assigned"


def test_another_judge_who_sees_the_case_cannot_close_it(demo, login, client):
    case = start_trial(make_case(demo), actor=demo["wangjun"])
    colleague = another_judge(demo)  # same division: sees the case
    assert case in cases_visible_to(colleague)
    with pytest.raises(PermissionDenied):
        close_case(case, actor=colleague, mode="judgment", closed_on=TODAY, documents=[pdf()])
    client.force_login(colleague)
    assert client.get(f"/cases/{case.code}/close/").status_code == 403
    body = {"mode": "judgment", "closed_on": TODAY.isoformat(), "documents": [pdf()],
            "confirm": "on"}
    assert client.post(f"/cases/{case.code}/close/", body).status_code == 403
    # nor does the president (a leader does not close a judge's case)
    assert login(demo["chenzhi"]).get(f"/cases/{case.code}/close/").status_code == 403
    case.refresh_from_db()
    assert case.state == "in_trial"


def test_the_backup_acting_for_the_judge_closes_it(demo, login):
    case = start_trial(make_case(demo), actor=demo["wangjun"])
    name_backup(
        demo["wangjun"], actor=demo["wangjun"], backup=demo["zhaomin"], away_from=TODAY,
        away_until=TODAY + datetime.timedelta(days=3), reason="出差",
    )
    with pytest.raises(PermissionDenied):  # in her own name she may not
        close_case(case, actor=demo["zhaomin"], mode="judgment", closed_on=TODAY,
                   documents=[pdf()])
    client = login(demo["zhaomin"])
    client.post(f"/workspace/act-for/{demo['wangjun'].pk}/")
    assert client.get(f"/cases/{case.code}/close/").status_code == 200
    body = {"mode": "judgment", "closed_on": TODAY.isoformat(), "documents": [pdf()],
            "confirm": "on"}
    assert client.post(f"/cases/{case.code}/close/", body).status_code == 302
    event = case.events.get(kind="closed")
    assert (event.actor, event.acted_for) == (demo["zhaomin"], demo["wangjun"])


def test_closing_on_the_page_asks_for_confirmation_first(english, demo, login):
    case = start_trial(make_case(demo), actor=demo["wangjun"])
    client = login(demo["wangjun"])
    page = client.get(f"/cases/{case.code}/close/").content.decode()
    assert "cannot be undone" in page and 'name="confirm"' in page
    body = {"mode": "judgment", "closed_on": TODAY.isoformat(), "documents": [pdf()]}
    response = client.post(f"/cases/{case.code}/close/", body)
    assert response.status_code == 422 and "This field is required" in response.content.decode()
    case.refresh_from_db()
    assert case.is_pending
    body = {"mode": "judgment", "closed_on": TODAY.isoformat(), "confirm": "on"}
    response = client.post(f"/cases/{case.code}/close/", body)  # no judgment uploaded
    assert response.status_code == 422 and "Upload the judgment" in response.content.decode()


def test_after_closing_the_acts_that_no_longer_apply_are_gone_and_refused(
    english, demo, login
):
    case = close_in_trial(make_case(demo), actor=demo["wangjun"])
    client = login(demo["wangjun"])
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert "Suspend, exclude a period" not in page and "Close the case" not in page
    assert "Archive the case" in page and f"/time-limits/cases/{case.code}/" in page
    limit_page = client.get(f"/time-limits/cases/{case.code}/").content.decode()
    assert 'name="action"' not in limit_page and "The case is closed" in limit_page
    # and the API refuses them
    api = f"/api/v1/time-limits/cases/{case.code}"
    on = {"on": TODAY.isoformat(), "note": "核对"}
    assert client.post(f"{api}/suspend", on, content_type="application/json").status_code == 422
    body = {"procedure": "summary", "reason": "事实清楚"}
    assert client.post(f"{api}/procedure", body, content_type="application/json").status_code == 422
    body = {"mode": "judgment", "closed_on": TODAY.isoformat()}
    closing = client.post(f"/api/v1/cases/{case.code}/close", body, content_type="application/json")
    assert closing.status_code == 422
    assert client.get(f"/api/v1/cases/{case.code}").json()["allowed_actions"] == ["archive"]


# 3. Search and who sees which case


def test_search_finds_by_partial_number_party_and_cause(demo, login, client):
    case = make_case(demo)
    other = make_case(demo)
    client = login(demo["chenzhi"])
    digits = case.number.split("民初", 1)[1].rstrip("号")
    for q in (f"民初{digits}", case.number, case.number.replace("（", "(").replace("）", ")")):
        page = client.get("/cases/", {"q": q, "state": "all"}).content.decode()
        assert case.number in page and (other.number not in page or other.number in q), q
    assert case.number in client.get("/cases/", {"q": "李四"}).content.decode()
    nobody = client.get("/cases/", {"q": "查无此人"}).content.decode()
    assert case.number not in nobody
    body = client.get("/api/v1/cases", {"q": "张三"}).json()
    codes = [row["code"] for row in body["items"]]
    assert sorted(codes) == sorted([case.code, other.code])  # each case once
    if case.cause_id:
        assert case.number in client.get("/cases/", {"q": case.cause.name}).content.decode()


def test_a_judge_starts_from_their_own_cases(demo, login):
    mine = make_case(demo)
    theirs = make_case(demo)
    colleague = another_judge(demo)
    Case.objects.filter(pk=theirs.pk).update(judge=colleague, team=None)
    assert theirs.division_id == mine.division_id
    client = login(demo["wangjun"])
    page = client.get("/cases/").content.decode()
    assert mine.number in page and theirs.number not in page
    assert 'name="mine" checked' in page or "checked" in page.split('name="mine"', 1)[1][:40]
    # unticking "only my cases" shows the division's too
    wider = client.get("/cases/", {"state": "pending", "q": ""}).content.decode()
    assert theirs.number in wider


def test_a_judge_sees_own_team_and_division_a_head_the_division_the_president_the_court(demo):
    court = Court.objects.get(code="内2502")
    first_civil = court.divisions.get(name="民事审判第一庭")
    own = make_case(demo)
    outside = make_case(demo)
    colleague = another_judge(demo, username="zhoulan")
    second_civil = Division.objects.create(court=court, name="民事审判第二庭", kind="civil")
    Membership.objects.filter(user=colleague).update(division=second_civil)
    Case.objects.filter(pk=outside.pk).update(judge=colleague, team=None, division=second_civil)
    in_division = make_case(demo)
    Case.objects.filter(pk=in_division.pk).update(judge=None, team=None, division=first_civil)

    def seen(user):
        return set(cases_visible_to(user).values_list("pk", flat=True))

    assert seen(demo["wangjun"]) >= {own.pk, in_division.pk}
    assert outside.pk not in seen(demo["wangjun"])  # another division of the court
    assert seen(colleague) >= {outside.pk} and own.pk not in seen(colleague)
    assert seen(demo["liuqiang"]) >= {own.pk, in_division.pk}
    assert outside.pk not in seen(demo["liuqiang"])
    assert seen(demo["chenzhi"]) >= {own.pk, in_division.pk, outside.pk}
    assert outside.pk not in seen(demo["zhaomin"])  # an assistant: her team's cases


# 4. Messages that say what happened


def test_each_time_limit_act_says_what_was_done(english, demo, login):
    case = start_trial(make_case(demo), actor=demo["wangjun"])
    client = login(demo["wangjun"])
    url = f"/time-limits/cases/{case.code}/"
    page = client.get(url).content.decode()
    assert f'href="/cases/{case.code}/"' in page  # back to the case page
    response = client.post(url, {"action": "extend", "reason": "案情复杂"}, follow=True)
    assert "awaits the president&#x27;s approval" in response.content.decode()
    response = client.post(
        url, {"action": "suspend", "on": TODAY.isoformat(), "note": "等待鉴定"}, follow=True
    )
    assert "Proceedings suspended" in response.content.decode()


def test_the_extension_decision_has_no_default(english, demo, login):
    from tianping.deadlines.actions import request_extension

    case = make_case(demo)
    extension = request_extension(case, actor=demo["wangjun"], reason="案情复杂", today=TODAY)
    client = login(demo["chenzhi"])
    page = client.get("/time-limits/extensions/").content.decode()
    tag = page.split('name="approve"', 1)[1].split(">", 1)[0]
    select = page.split('name="approve"', 1)[1].split("</select>", 1)[0]
    assert "required" in tag and '<option value="" selected>' in select
    response = client.post(f"/time-limits/extensions/{extension.pk}/decide/", {"note": ""},
                           follow=True)
    assert "This field is required" in response.content.decode()
    extension.refresh_from_db()
    assert extension.status == "requested"
    response = client.post(f"/time-limits/extensions/{extension.pk}/decide/",
                           {"approve": "yes", "note": "同意"}, follow=True)
    assert f"Extension of {case.number} approved" in response.content.decode()


def test_the_api_gives_the_same_papers_and_files(demo, client):
    case = full_case(demo)
    client.force_login(demo["wangjun"])
    body = client.get(f"/api/v1/cases/{case.code}").json()
    assert "至今未还" in body["facts"]
    [line] = body["evidence"]
    files = {f["name"]: f for f in body["filing_files"]}
    assert line["name"] == "借条" and line["file"] == files["借条.pdf"]["key"]
    assert files["授权委托书.pdf"]["authorises"] == "赵律师"
    url = f"/api/v1/cases/{case.code}/filing-files/{files['起诉状.pdf']['key']}"
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert AuditEntry.objects.filter(action="case.filing_file_read").exists()
    client.force_login(demo["sarula"])
    assert client.get(url).status_code == 404
