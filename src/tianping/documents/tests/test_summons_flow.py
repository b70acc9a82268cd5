"""Scheduling a hearing issues its summonses (flows.hearings): a summons to each party, a
notice to appear to each representative, served at once electronically on those who
consented when asked, the others left to post; a retry issues nothing twice, a
postponement summons everyone again; the party reads the summons through the service."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.cases.models import CaseRepresentative
from tianping.cases.models_panel import CaseMember
from tianping.documents.models import IssuedDocument
from tianping.flows.hearings import issue_summonses, postpone_with_summons, schedule_with_summons
from tianping.hearings.tests.helpers import a_case, at, next_working_day, room
from tianping.service import actions as service
from tianping.service.models import Service

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def case(judge, court_clerk, litigant):
    case = a_case(judge)
    CaseMember.objects.create(case=case, seat="clerk", user=court_clerk,
                              since=timezone.localdate(), added_by=judge)
    plaintiff = case.parties.get(role="plaintiff")
    plaintiff.user = litigant
    plaintiff.save()
    CaseRepresentative.objects.create(case=case, party=case.parties.get(role="defendant"),
                                      kind="lawyer", name="王律师")
    service.confirm_address(
        case, plaintiff, actor=court_clerk, recorded_how="form", consent=True,
        channels=["platform", "sms"], phone="13900000000", postal_address="锡林浩特市",
        form=SimpleUploadedFile("确认书.pdf", PDF, content_type="application/pdf"))
    return case


def when(days=None):
    day = days or next_working_day(4)
    return {"starts_at": at(day, 9), "ends_at": at(day, 11), "place_kind": "courtroom",
            "courtroom": room()}


def test_scheduling_issues_and_serves_the_summonses(case, court_clerk, litigant):
    summoned = schedule_with_summons(case, actor=court_clerk, serve_now=True, **when())
    titles = sorted(i.document.title for i in summoned.issued)
    assert titles == ["传票（张三）", "传票（李四）", "出庭通知书（王律师）"]
    assert all(i.hearing == summoned.hearing for i in summoned.issued)
    # the plaintiff consented: served through the inbox (and SMS) at once
    [served] = summoned.served
    assert served.party.name == "张三" and served.effective_on == timezone.localdate()
    assert {a.channel for a in served.attempts.all()} == {"platform", "sms"}
    assert litigant.notifications.filter(kind="service.served").exists()
    # the defendant has no address confirmation: left to post
    assert [i.addressee for i in summoned.to_post] == ["李四"]
    # the same hearing again: nothing issued or served twice
    assert len(issue_summonses(summoned.hearing, actor=court_clerk)) == 3
    assert IssuedDocument.objects.filter(case=case).count() == 3
    assert Service.objects.filter(case=case).count() == 1


def test_without_serve_now_nothing_is_served(case, judge):
    summoned = schedule_with_summons(case, actor=judge, **when())
    assert len(summoned.issued) == 3 and summoned.served == []
    assert not Service.objects.filter(case=case).exists()


def test_a_postponement_summons_everyone_for_the_new_time(case, judge):
    first = schedule_with_summons(case, actor=judge, **when())
    later = next_working_day(12)
    again = postpone_with_summons(first.hearing, actor=judge, reason="被告申请延期",
                                  caused_by="party", starts_at=at(later, 14),
                                  ends_at=at(later, 16))
    assert again.hearing != first.hearing and len(again.issued) == 3
    assert IssuedDocument.objects.filter(case=case).count() == 6
    new_time = again.issued[0].values["开庭时间"]
    assert new_time != first.issued[0].values["开庭时间"] and "14时" in new_time


def test_the_judge_schedules_from_the_page_and_the_party_reads_the_summons(
        client, case, judge, litigant, administrator):
    client.force_login(administrator)
    response = client.post("/documents/courts/内2502/summons/", {
        "action": "save", "title": "传票",
        "body": "{{ 受送达人 }}：请于{{ 开庭时间 }}到{{ 开庭地点 }}出庭,勿迟到."})
    assert response.status_code == 302
    client.force_login(judge)
    day = next_working_day(4)
    local = "%Y-%m-%dT%H:%M"
    response = client.post(f"/hearings/cases/{case.code}/new/", {
        "kind": "hearing", "starts_at": timezone.localtime(at(day, 9)).strftime(local),
        "ends_at": timezone.localtime(at(day, 11)).strftime(local), "place_kind": "courtroom",
        "courtroom": room().pk, "is_public": "on", "serve_now": "on"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "传票（张三）" in page and "出庭通知书（王律师）" in page
    summons = IssuedDocument.objects.get(case=case, party__name="张三", kind="summons")
    assert summons.template.court.code == "内2502"
    from tianping.documents.actions import text_of

    assert text_of(summons).startswith("张三：请于") and "出庭，勿迟到。" in text_of(summons)
    # the service page offers it among the case's documents
    assert "传票（李四）" in client.get(f"/service/cases/{case.code}/").content.decode()
    # the plaintiff opens what was served on him: the PDF
    served = Service.objects.get(case=case, document=summons.document)
    client.force_login(litigant)
    opened = client.get(f"/service/s/{served.code}/open/")
    assert opened.status_code == 200
    assert b"".join(opened.streaming_content).startswith(b"%PDF")


def test_the_api_schedules_with_summonses(client, case, judge):
    client.force_login(judge)
    day = next_working_day(4)
    response = client.post(f"/api/v1/hearings/cases/{case.code}", json.dumps({
        "starts_at": at(day, 9).isoformat(), "ends_at": at(day, 11).isoformat(),
        "place_kind": "courtroom", "courtroom": room().pk, "serve_now": True}),
        content_type="application/json")
    assert response.status_code == 201
    listed = client.get(f"/api/v1/documents/cases/{case.code}").json()["items"]
    assert sorted(i["title"] for i in listed) == ["传票（张三）", "传票（李四）",
                                                  "出庭通知书（王律师）"]
    assert all(i["hearing"] == response.json()["code"] for i in listed)
    assert Service.objects.filter(case=case).count() == 1
