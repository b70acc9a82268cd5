"""A party during the case (issue 12 part 6): material handed into the pending case (the
judge told, receipt recorded), a request to meet the judge answered with a time and place
or declined with reasons; on the pages and in the API; strangers kept out."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tianping.accounts.tokens import issue_token
from tianping.cases import actions_party as acts
from tianping.cases.models_party_acts import CaseSubmission, MeetingRequest
from tianping.cases.tests.test_panel import case  # noqa: F401
from tianping.notifications.models import Notification

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="证据.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def plaintiff(case):  # noqa: F811
    return case.parties.get(role="plaintiff")


def test_material_is_handed_in_and_received(demo, case):  # noqa: F811
    with pytest.raises(PermissionDenied):  # not a party
        acts.submit_material(case, actor=demo["lixia"], party=plaintiff(case),
                             kind="evidence", title="借条", files=[pdf()])
    with pytest.raises(ValidationError):  # no files
        acts.submit_material(case, actor=demo["zhangsan"], party=plaintiff(case),
                             kind="evidence", title="借条")
    with pytest.raises(ValidationError):  # not a PDF
        acts.submit_material(case, actor=demo["zhangsan"], party=plaintiff(case),
                             kind="evidence", title="借条",
                             files=[SimpleUploadedFile("a.pdf", b"hello")])
    row = acts.submit_material(case, actor=demo["zhangsan"], party=plaintiff(case),
                               kind="evidence", title="借条原件照片", files=[pdf()])
    assert row.files.count() == 1
    assert Notification.objects.filter(user=demo["wangjun"], kind="case.for_staff").exists()
    with pytest.raises(PermissionDenied):
        acts.acknowledge(row, actor=demo["lixia"])
    acts.acknowledge(row, actor=demo["wangjun"])
    row.refresh_from_db()
    assert row.received_at is not None
    kinds = [e.kind for e in case.events.all()]
    assert "material_submitted" in kinds and "material_received" in kinds


def test_a_meeting_is_asked_and_answered(demo, case):  # noqa: F811
    asked = acts.ask_meeting(case, actor=demo["zhangsan"], topic="询问鉴定进度",
                             preferred="工作日上午")
    with pytest.raises(ValidationError):  # one waiting at a time
        acts.ask_meeting(case, actor=demo["zhangsan"], topic="再问一次")
    with pytest.raises(PermissionDenied):
        acts.answer_meeting(asked, actor=demo["sunli"], decline=True, answer="x")
    soon = timezone.now() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError):  # neither place nor link
        acts.answer_meeting(asked, actor=demo["wangjun"], meets_at=soon)
    acts.answer_meeting(asked, actor=demo["wangjun"], meets_at=soon, place="第一审判庭")
    asked.refresh_from_db()
    assert asked.status == "scheduled"
    told = Notification.objects.get(user=demo["zhangsan"], kind="case.meeting")
    assert told.params["meets_at"]
    again = acts.ask_meeting(case, actor=demo["zhangsan"], topic="私下沟通")
    with pytest.raises(ValidationError):  # declining says why
        acts.answer_meeting(again, actor=demo["wangjun"], decline=True)
    acts.answer_meeting(again, actor=demo["wangjun"], decline=True,
                        answer="法官不单方会见当事人，请通过书面方式提交意见")


def test_pages_and_api(demo, case):  # noqa: F811
    party = Client()
    party.force_login(demo["zhangsan"])
    page = party.get(reverse("party_cases:detail", args=[case.code])).content.decode()
    assert reverse("party_cases:material", args=[case.code]) in page
    done = party.post(reverse("party_cases:material", args=[case.code]), {
        "party": plaintiff(case).pk, "kind": "evidence", "title": "收条",
        "files": [pdf("收条.pdf")]})
    assert done.status_code == 302
    row = CaseSubmission.objects.get(case=case)
    judge = Client()
    judge.force_login(demo["wangjun"])
    shown = judge.get(reverse("cases:detail", args=[case.code])).content.decode()
    assert "收条" in shown
    got = judge.get(reverse("cases:material_file", args=[case.code, row.pk,
                                                         row.files.get().pk]))
    assert b"".join(got.streaming_content).startswith(b"%PDF")
    stranger = Client()
    stranger.force_login(demo["lilawyer"])
    assert stranger.post(reverse("party_cases:material", args=[case.code]),
                         {"title": "x"}).status_code == 404
    # the API
    token = issue_token(demo["zhangsan"], name="t")
    api = Client(headers={"Authorization": f"Bearer {token}"})
    asked = api.post(f"/api/v1/party-cases/{case.code}/meetings",
                     json.dumps({"topic": "调解意向"}), content_type="application/json")
    assert asked.status_code == 201
    jtoken = issue_token(demo["wangjun"], name="t")
    japi = Client(headers={"Authorization": f"Bearer {jtoken}"})
    when = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    answer = japi.post(f"/api/v1/cases/{case.code}/meetings/{asked.json()['id']}/answer",
                       json.dumps({"meets_at": when, "link": "https://meet.example.org/1"}),
                       content_type="application/json")
    assert answer.status_code == 200 and answer.json()["status"] == "scheduled"
    assert MeetingRequest.objects.get(pk=asked.json()["id"]).link
    listed = japi.get(f"/api/v1/cases/{case.code}/material").json()
    assert listed[0]["title"] == "收条"
