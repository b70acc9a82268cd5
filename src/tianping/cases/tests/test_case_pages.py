"""The staff pages of a case: list, case page, starting the trial, hand assignment, closing."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.cases.actions import start_trial
from tianping.cases.models import Case
from tianping.cases.tests.closing import close_in_trial, pdf
from tianping.courts.actions import name_backup
from tianping.courts.models import Court
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing

pytestmark = pytest.mark.django_db

PLAINTIFF = {
    "role": "plaintiff",
    "kind": "natural",
    "name": "张三",
    "doc_type": "resident_id",
    "id_number": "152502198503120022",
}
DEFENDANT = {
    "role": "defendant",
    "kind": "natural",
    "name": "李四",
    "doc_type": "resident_id",
    "id_number": "110105199001011232",
    "address": "北京市朝阳区",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_case(demo, court_code="内2502", *, clerk="lixia", amount="20000", on=None, **flags):
    """A case filed the way a real one is: online filing, accepted by the filing clerk."""
    court = Court.objects.get(code=court_code)
    filer = demo["zhangsan"]
    filing = filing_actions.start_filing(
        actor=filer, court=court, channel=Channel.ONLINE, filer=filer
    )
    filing_actions.save_draft(
        filing,
        actor=filer,
        claims="判令被告归还借款",
        facts="被告借款未还",
        amount=Decimal(amount),
        **flags,
    )
    filing_actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=filer)
    on = on or timezone.localdate()
    filing = filing_actions.submit_filing(filing, actor=filer, today=on)
    return accept_filing(filing, actor=demo[clerk], today=on)


def in_trial(demo, **kwargs):
    """A case of 王军's whose trial has started."""
    return start_trial(make_case(demo, **kwargs), actor=demo["wangjun"])


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


# The list


def test_judge_sees_pending_cases_green_first_then_oldest(english, demo, login):
    # given three cases, the newest of them a migrant workers' wage case
    today = timezone.localdate()
    old = make_case(demo, on=today - datetime.timedelta(days=10))
    newer = make_case(demo, on=today - datetime.timedelta(days=3))
    green = make_case(demo, on=today, is_migrant_wages=True)
    # when the judge opens the list
    page = login(demo["wangjun"]).get("/cases/").content.decode()
    # then the green case comes first, then the oldest, with its badge and days pending
    positions = [page.index(c.number) for c in (green, old, newer)]
    assert positions == sorted(positions)
    assert "Migrant wages" in page
    assert "张三 v. 李四" in page
    assert ">10<" in page


def test_closed_cases_leave_the_pending_list(english, demo, login):
    # given a pending case in trial
    case = in_trial(demo)
    client = login(demo["wangjun"])
    assert case.number in client.get("/cases/").content.decode()
    # when the judge closes it with the mediation document, confirming
    response = client.post(
        f"/cases/{case.code}/close/",
        {
            "mode": "mediation",
            "closed_on": timezone.localdate().isoformat(),
            "documents": [pdf("调解书.pdf")],
            "confirm": "on",
        },
    )
    # then it is gone from the pending list and shown under closed ones
    assert response.status_code == 302
    assert case.number not in client.get("/cases/").content.decode()
    assert case.number in client.get("/cases/?state=closed").content.decode()


def another_judge(demo, username="libing", court_code="内2502", team=None):
    """A second judge of the civil division (and, if given, of TEAM)."""
    from tianping.accounts.models import User
    from tianping.courts.models import Membership, TeamMember

    court = Court.objects.get(code=court_code)
    judge = User.objects.create_user(username, password="x", full_name="李冰", kind="staff")
    Membership.objects.create(
        user=judge, court=court, role="judge", division=court.divisions.get(kind="civil")
    )
    if team is not None:
        TeamMember.objects.create(team=team, user=judge, role="member")
    return judge


def test_list_filters_by_judge_for_leaders(english, demo, login):
    case = make_case(demo)
    another_judge(demo)
    client = login(demo["chenzhi"])
    assert case.number in client.get("/cases/?judge=wangjun").content.decode()
    assert case.number not in client.get("/cases/?judge=libing").content.decode()
    # a judge of a court the president cannot see is not offered
    assert "not one of the available choices" in client.get("/cases/?judge=sarula").content.decode()


def test_case_list_query_count_does_not_grow_with_its_length(
    demo, login, django_assert_num_queries
):
    # given five cases
    for _ in range(5):
        make_case(demo)
    client = login(demo["chenzhi"])
    with CaptureQueriesContext(connection) as five:
        assert client.get("/cases/").status_code == 200
    # when there are thirty, green and not
    for i in range(25):
        make_case(demo, is_livelihood=bool(i % 2))
    # then the list takes the same number of queries
    with django_assert_num_queries(len(five.captured_queries)):
        page = client.get("/cases/").content.decode()
    assert page.count("/cases/") >= 30


def test_list_is_shown_fifty_at_a_time_and_the_next_page_follows_on(english, demo, login):
    first = make_case(demo, on=timezone.localdate() - datetime.timedelta(days=30))
    Case.objects.bulk_create(
        [
            Case(
                number=f"（2026）内2502民初{900 + i}号",
                court=first.court,
                team=first.team,
                judge=first.judge,
                type_code="民初",
                procedure=first.procedure,
                filed_on=timezone.localdate(),
            )
            for i in range(50)
        ]
    )
    client = login(demo["wangjun"])
    page_one = client.get("/cases/").content.decode()
    assert first.number in page_one  # the oldest is on the first page
    assert page_one.count("/cases/") and "Next" in page_one
    next_url = re.search(r'href="(\?[^"]*after=[^"]+)"', page_one).group(1).replace("&amp;", "&")
    page_two = client.get("/cases/" + next_url).content.decode()
    shown = set(re.findall(r"（2026）内2502民初\d+号", page_one))
    rest = set(re.findall(r"（2026）内2502民初\d+号", page_two))
    assert len(shown) == 50 and len(rest) == 1 and not shown & rest
    assert "Next" not in page_two and "First page" in page_two


# The case page


def test_case_page_shows_parties_masked_triage_reasons_and_timeline(english, demo, login):
    case = make_case(demo)
    page = login(demo["wangjun"]).get(f"/cases/{case.code}/").content.decode()
    assert case.number in page
    assert "152502********0022" in page and "152502198503120022" not in page
    assert "小额诉讼程序" in page or "Small claims" in page
    # the reason given by the rule, in the reader's language (the rule's English text)
    assert "Civil Procedure Law, art. 165" in page and "民事诉讼法第165条" not in page
    assert "Filed as a case" in page and "Triaged" in page and "Assigned" in page


def test_judge_starts_the_trial(english, demo, login):
    case = make_case(demo)
    client = login(demo["wangjun"])
    assert "Start trial" in client.get(f"/cases/{case.code}/").content.decode()
    client.post(f"/cases/{case.code}/start-trial/")
    case.refresh_from_db()
    assert case.state == "in_trial"
    assert "Trial started" in client.get(f"/cases/{case.code}/").content.decode()


def test_a_colleague_who_may_see_but_not_act_gets_no_buttons_and_403(english, demo, login):
    case = make_case(demo)
    client = login(demo["zhoumei"])  # trial management: sees every case, decides none
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert "Start trial" not in page and "Assign by hand" not in page
    assert client.post(f"/cases/{case.code}/start-trial/").status_code == 403
    assert client.post(f"/cases/{case.code}/close/", {}).status_code == 403


def test_leader_assigns_by_hand_with_a_reason(english, demo, login):
    case = make_case(demo)
    client = login(demo["liuqiang"])
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert "Assign by hand" in page and "王军 (1 pending)" in page
    # without a reason the form says so and nothing changes
    response = client.post(f"/cases/{case.code}/assign/", {"judge": demo["wangjun"].pk})
    assert response.status_code == 422 and "This field is required" in response.content.decode()
    assert case.events.filter(kind="assigned").count() == 1
    # with one, the timeline shows the designation and the reason
    client.post(
        f"/cases/{case.code}/assign/",
        {"judge": demo["wangjun"].pk, "reason": "关联案件由同一法官审理"},
    )
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert "by hand" in page and "关联案件由同一法官审理" in page


def test_judge_cannot_assign_by_hand(demo, login):
    case = make_case(demo)
    client = login(demo["wangjun"])
    response = client.post(
        f"/cases/{case.code}/assign/", {"judge": demo["wangjun"].pk, "reason": "自己来"}
    )
    assert response.status_code == 403


def test_closing_in_the_future_is_refused_and_keeps_the_input(english, demo, login):
    case = in_trial(demo)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = login(demo["wangjun"]).post(
        f"/cases/{case.code}/close/",
        {
            "mode": "judgment",
            "closed_on": tomorrow.isoformat(),
            "note": "判决书已送达",
            "documents": [pdf()],
            "confirm": "on",
        },
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "cannot be in the future" in page
    assert "判决书已送达" in page and tomorrow.isoformat() in page
    case.refresh_from_db()
    assert case.is_pending


def test_closing_before_filing_is_refused(english, demo, login):
    case = in_trial(demo)
    before = case.filed_on - datetime.timedelta(days=1)
    response = login(demo["wangjun"]).post(
        f"/cases/{case.code}/close/",
        {"mode": "judgment", "closed_on": before.isoformat(), "documents": [pdf()],
         "confirm": "on"},
    )
    assert "before the filing date" in response.content.decode()


def test_closing_stores_the_documents_for_download(english, demo, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = in_trial(demo)
    client = login(demo["wangjun"])
    client.post(
        f"/cases/{case.code}/close/",
        {
            "mode": "judgment",
            "closed_on": timezone.localdate().isoformat(),
            "documents": [SimpleUploadedFile("判决书.pdf", PDF, "application/pdf")],
            "confirm": "on",
        },
    )
    document = case.documents.get()
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert "判决书.pdf" in page and "Document added" in page
    key = document.file.name.rsplit("/", 1)[-1]
    download = client.get(f"/cases/{case.code}/documents/{key}/")
    assert b"".join(download.streaming_content) == PDF


def test_a_fake_pdf_is_refused_and_the_case_stays_open(english, demo, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = in_trial(demo)
    response = login(demo["wangjun"]).post(
        f"/cases/{case.code}/close/",
        {
            "mode": "judgment",
            "closed_on": timezone.localdate().isoformat(),
            "documents": [SimpleUploadedFile("判决书.pdf", b"not a pdf", "application/pdf")],
            "confirm": "on",
        },
    )
    assert response.status_code == 422 and "is not a PDF" in response.content.decode()
    case.refresh_from_db()
    assert case.is_pending and not case.documents.exists()


# The timeline


def test_timeline_is_numbered_and_cannot_be_edited(demo):
    # given a case whose trial has started
    case = make_case(demo)
    start_trial(case, actor=demo["wangjun"])
    events = list(case.events.all())
    # then its events are numbered 1, 2, 3 ... in order
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[-1].kind == "trial_started"
    # and none can be changed or removed
    first = events[0]
    first.details = {"number": "（2026）内2502民初999号"}
    with pytest.raises(ValueError, match="append-only"):
        first.save()
    with pytest.raises(ValueError, match="append-only"):
        first.delete()
    assert case.events.get(seq=1).details["number"] == case.number


def test_a_backup_acting_for_the_judge_is_named_on_the_timeline(english, demo, login):
    # given the judge is away and has named his assistant as backup
    case = make_case(demo)
    today = timezone.localdate()
    name_backup(
        demo["wangjun"],
        actor=demo["wangjun"],
        backup=demo["zhaomin"],
        away_from=today,
        away_until=today + datetime.timedelta(days=3),
        reason="出差",
    )
    client = login(demo["zhaomin"])
    client.post(f"/workspace/act-for/{demo['wangjun'].pk}/")
    # when the backup starts the trial for him
    client.post(f"/cases/{case.code}/start-trial/")
    # then the timeline names both
    event = case.events.get(kind="trial_started")
    assert (event.actor, event.acted_for) == (demo["zhaomin"], demo["wangjun"])
    assert "for 王军" in client.get(f"/cases/{case.code}/").content.decode()


def test_a_closed_case_is_archived_by_its_judge(english, demo, login):
    case = close_in_trial(make_case(demo), actor=demo["wangjun"])
    login(demo["wangjun"])
    assert "Archive the case" in english.get(f"/cases/{case.code}/").content.decode()
    response = english.post(f"/cases/{case.code}/archive/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "archived"
    assert "archived" in [e.kind for e in case.events.all()]
