"""Mediations in the REST API: the pages' journey through the same actions and flows,
errors in the reader's language, who sees which mediation, and nobody acting out of
turn."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tianping.accounts.tokens import issue_token
from tianping.audit.models import AuditEntry
from tianping.filings import actions as filing_actions
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.flows.mediation import apply_for_mediation
from tianping.mediation import actions_mediations as actions
from tianping.mediation.models import Mediation, Mediator
from tianping.mediation.tests.test_mediations import court, draft, hutao_entry  # noqa: F401

pytestmark = pytest.mark.django_db
API = "/api/v1/mediation"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def bearer(user, language=None) -> Client:
    client = Client(headers={"Authorization": f"Bearer {issue_token(user, name='test')}"})
    if language:
        client.cookies["django_language"] = language
    return client


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}, ensure_ascii=False),
                       content_type="application/json")


def zh(text: str) -> str:
    with translation.override("zh-hans"):
        return translation.gettext(text)


def fields(answer) -> dict:
    """The answer's problems by the field they name."""
    return {p["loc"][-1]: p["msg"] for p in answer.json()["detail"] if isinstance(p, dict)}


def test_the_journey_from_application_to_a_failed_mediation(demo, court):  # noqa: F811
    filing = draft(demo, court)
    Mediator.objects.filter(pk=hutao_entry().pk).update(capacity=0)  # a warning, for sure
    litigant, clerk, mediator = (bearer(demo[who]) for who in ("zhangsan", "lixia", "hutao"))

    answer = post(litigant, f"{API}/applications", {"filing": filing.code, "mediator": None})
    assert answer.status_code == 201, answer.content
    m = answer.json()
    code = m["code"]
    assert m["status"] == "awaiting_appointment" and m["number"].startswith("（20")
    assert m["allowed_actions"] == ["withdraw"] and m["filing"] == filing.code
    assert [c["clock"] for c in m["clocks"]] == ["appointment"] and m["clocks"][0]["steps"]
    assert [(p["role"], p["name"]) for p in m["parties"]] == [("plaintiff", "张三"),
                                                              ("defendant", "李四")]
    assert "id_number" not in json.dumps(m["parties"]) and m["facts"] is None
    assert m["events"][0]["label"] == zh("Registered for mediation")

    seen = clerk.get(f"{API}/mediations/{code}").json()
    assert seen["allowed_actions"] == ["appoint"] and seen["facts"] == "被告于2025年借款未还"
    assert AuditEntry.objects.filter(action="mediation.viewed", object_id=str(
        Mediation.objects.get(code=code).pk)).exists()
    suggested = clerk.get(f"{API}/mediations/{code}/recommendations")
    assert suggested.status_code == 200 and suggested.json()
    assert litigant.get(f"{API}/mediations/{code}/recommendations").status_code == 403

    answer = post(clerk, f"{API}/mediations/{code}/appoint", {"mediator": hutao_entry().pk})
    assert answer.status_code == 422
    problems = fields(answer)
    assert zh("Give a reason to appoint them all the same.") in problems["override"] or any(
        p["msg"] == zh("Give a reason to appoint them all the same.")
        for p in answer.json()["detail"])
    answer = post(clerk, f"{API}/mediations/{code}/appoint",
                  {"mediator": hutao_entry().pk, "override": "本院专职调解员"})
    assert answer.status_code == 200, answer.content
    m = answer.json()
    assert m["status"] == "appointed" and m["mediator"]["name"] == "胡涛"
    assert m["mediator"]["kind"] == hutao_entry().kind

    listed = mediator.get(f"{API}/mediations?tab=appointed").json()["items"]
    assert [row["code"] for row in listed] == [code]
    assert mediator.get(f"{API}/mediations/{code}").json()["allowed_actions"] == [
        "accept", "decline"]
    answer = post(mediator, f"{API}/mediations/{code}/accept")
    assert answer.status_code == 200 and answer.json()["status"] == "in_progress"
    assert answer.json()["allowed_actions"] == ["answer", "schedule", "extend", "end"]

    start = timezone.now().replace(microsecond=0) + timezone.timedelta(days=1)
    session = {"starts_at": start.isoformat(), "ends_at": (start + timezone.timedelta(
        hours=1)).isoformat(), "mode": "online", "link": "javascript:alert(1)"}
    answer = post(mediator, f"{API}/mediations/{code}/sessions", session)
    assert answer.status_code == 422 and "link" in fields(answer)
    answer = post(mediator, f"{API}/mediations/{code}/sessions",
                  {**session, "link": "https://meet.example.org/abc"})
    assert answer.status_code == 200, answer.content
    [held] = answer.json()["sessions"]
    assert held["status"] == "scheduled" and held["link"] == "https://meet.example.org/abc"
    assert "record_session" in answer.json()["allowed_actions"]
    ids = [p["id"] for p in answer.json()["parties"]]
    answer = post(mediator, f"{API}/mediations/{code}/sessions/{held['id']}/record",
                  {"attended": ids, "record": "双方到场陈述"})
    assert answer.status_code == 200
    assert answer.json()["sessions"][0]["record"] == "双方到场陈述"
    [shown] = litigant.get(f"{API}/mediations/{code}").json()["sessions"]
    assert shown["status"] == "held" and shown["record"] is None and shown["attended"] is None

    answer = post(mediator, f"{API}/mediations/{code}/end",
                  {"outcome": "failed", "report": "分歧大"})
    assert answer.status_code == 422
    assert fields(answer)["reason"] == zh("Say why the mediation failed.")
    answer = post(mediator, f"{API}/mediations/{code}/end", {
        "outcome": "failed", "reason": "disagreement", "report": "分歧大",
        "undisputed_facts": "借款事实无争议"})
    assert answer.status_code == 200, answer.content
    m = answer.json()
    assert m["status"] == "failed" and m["allowed_actions"] == []
    assert [e["kind"] for e in m["events"]][-2:] == ["failed", "returned_to_filing"]
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED and filing.review_due_on is not None
    seen = litigant.get(f"{API}/mediations/{code}").json()
    assert seen["undisputed_facts"] == "借款事实无争议" and seen["failure_reason"] == "disagreement"
    assert [row["code"] for row in litigant.get(f"{API}/mediations?tab=ended").json()[
        "items"]] == [code]


def test_errors_are_in_chinese_unless_english_was_chosen(demo, court):  # noqa: F811
    m = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"])
    url = f"{API}/mediations/{m.code}/appoint"
    chinese = post(bearer(demo["zhangsan"]), url, {"mediator": hutao_entry().pk})
    assert chinese.status_code == 403
    assert chinese.json()["detail"] == zh("Only the court's filing division can do that.")
    english = post(bearer(demo["zhangsan"], "en"), url, {"mediator": hutao_entry().pk})
    assert english.json()["detail"] == "Only the court's filing division can do that."
    session = {"starts_at": "2026-03-02T09:00:00+08:00", "ends_at": "2026-03-02T08:00:00",
               "mode": "online", "link": "https://meet.example.org/x"}
    refused = post(bearer(demo["lixia"], "en"), f"{API}/mediations/{m.code}/sessions", session)
    assert refused.status_code == 422
    assert fields(refused) == {"ends_at": "The session must end after it starts."}
    refused = post(bearer(demo["lixia"]), f"{API}/mediations/{m.code}/sessions",
                   {**session, "ends_at": "2026-03-02T10:00:00+08:00"})
    assert refused.status_code == 422
    assert refused.json()["detail"] == [zh("Sessions are scheduled once the mediator has "
                                           "accepted.")]


def test_a_mediator_sees_only_their_own_and_another_litigant_nothing(demo, court,  # noqa: F811
                                                                    other_litigant):
    mine = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"])
    actions.appoint(mine, hutao_entry(), actor=demo["lixia"], today=timezone.localdate(),
                    override="x")
    waiting = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"])
    hutao = bearer(demo["hutao"])
    assert [r["code"] for r in hutao.get(f"{API}/mediations").json()["items"]] == [mine.code]
    assert hutao.get(f"{API}/mediations/{waiting.code}").status_code == 404
    clerk = {r["code"] for r in bearer(demo["lixia"]).get(f"{API}/mediations").json()["items"]}
    assert {mine.code, waiting.code} <= clerk
    stranger = bearer(other_litigant)
    assert stranger.get(f"{API}/mediations").json() == {"items": [], "next": None}
    for url, body in ((f"{API}/mediations/{mine.code}", None),
                      (f"{API}/mediations/{mine.code}/withdraw", {}),
                      (f"{API}/mediations/{mine.code}/answer",
                       {"party": mine.filing.parties.first().pk, "answer": "refused"})):
        answer = stranger.get(url) if body is None else post(stranger, url, body)
        assert answer.status_code == 404, url
    own = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"]).filing
    answer = post(stranger, f"{API}/applications", {"filing": own.code})
    assert answer.status_code == 404


def test_nobody_acts_out_of_turn(demo, court):  # noqa: F811
    m = apply_for_mediation(draft(demo, court), actor=demo["zhangsan"])
    litigant, clerk, mediator = (bearer(demo[who]) for who in ("zhangsan", "lixia", "hutao"))
    base = f"{API}/mediations/{m.code}"
    assert post(litigant, f"{base}/appoint", {"mediator": hutao_entry().pk,
                                              "override": "x"}).status_code == 403
    assert post(mediator, f"{base}/accept").status_code == 404  # not theirs (yet)
    assert post(clerk, f"{base}/withdraw").status_code == 403
    answer = post(clerk, f"{base}/sessions", {
        "starts_at": "2026-03-02T09:00:00+08:00", "ends_at": "2026-03-02T10:00:00+08:00",
        "mode": "elsewhere", "place": "嘎查村委会"})
    assert answer.status_code == 422  # not while awaiting a mediator
    assert post(clerk, f"{base}/appoint", {"mediator": hutao_entry().pk,
                                           "override": "x"}).status_code == 200
    assert post(clerk, f"{base}/accept").status_code == 403  # only the mediator
    assert post(litigant, f"{base}/decline", {"reason": "不想"}).status_code == 403
    assert post(mediator, f"{base}/decline", {"reason": "x" * 301}).status_code == 422
    assert post(mediator, f"{base}/accept").status_code == 200
    assert post(mediator, f"{base}/accept").status_code == 422  # once
    assert post(litigant, f"{base}/end", {"outcome": "settled"}).status_code == 403
    assert post(litigant, f"{base}/end", {"outcome": "withdrawn"}).status_code == 403
    assert post(mediator, f"{base}/end", {"outcome": "withdrawn"}).status_code == 422
    ids = list(m.filing.parties.values_list("pk", flat=True))
    assert post(litigant, f"{base}/extend", {"days": 10,
                                             "agreed_parties": ids}).status_code == 403
    assert post(mediator, f"{base}/extend", {"days": 10,
                                             "agreed_parties": ids[:1]}).status_code == 422
    assert post(mediator, f"{base}/extend", {"days": 0, "agreed_parties": ids}).status_code \
        == 422
    assert post(mediator, f"{base}/extend", {"days": 10,
                                             "agreed_parties": [1] * 51}).status_code == 422
    answer = post(mediator, f"{base}/extend", {"days": 10, "agreed_parties": ids,
                                               "note": "电话确认"})
    assert answer.status_code == 200 and answer.json()["agreed_days"] == 10
    # the invitation is answered by the other side: the applicant asked for mediation
    defendant = m.filing.parties.get(role="defendant")
    defendant.user = demo["zhangsan"]
    defendant.save()
    seen = litigant.get(base).json()
    assert seen["answerable_parties"] == [defendant.pk] and "answer" in seen["allowed_actions"]
    plaintiff = m.filing.parties.get(role="plaintiff")
    assert post(litigant, f"{base}/answer", {"party": plaintiff.pk,
                                             "answer": "refused"}).status_code == 403
    assert post(litigant, f"{base}/answer", {"party": 2**40,
                                             "answer": "accepted"}).status_code == 404
    answer = post(litigant, f"{base}/answer", {"party": defendant.pk, "answer": "accepted"})
    assert answer.status_code == 200 and answer.json()["answers"][0]["answer"] == "accepted"
    assert post(litigant, f"{base}/answer", {"party": defendant.pk,
                                             "answer": "accepted"}).status_code == 422
    answer = post(litigant, f"{base}/withdraw")
    assert answer.status_code == 200 and answer.json()["status"] == "withdrawn"
    m.filing.refresh_from_db()
    assert m.filing.status == FilingStatus.WITHDRAWN


def test_the_filing_division_refers_a_consenting_filing(demo, court):  # noqa: F811
    filing = draft(demo, court)
    filing_actions.attach_file(filing, SimpleUploadedFile("起诉状.pdf", PDF,
                                                          content_type="application/pdf"),
                               actor=demo["zhangsan"], kind="complaint")
    filing = filing_actions.submit_filing(filing, actor=demo["zhangsan"])
    url = f"{API}/filings/{filing.code}/refer"
    assert post(bearer(demo["zhangsan"]), url).status_code == 404
    Filing.objects.filter(pk=filing.pk).update(mediation_choice="declined")
    answer = post(bearer(demo["lixia"]), url)
    assert answer.status_code == 422 and isinstance(answer.json()["detail"][0], str)
    Filing.objects.filter(pk=filing.pk).update(mediation_choice="consented")
    answer = post(bearer(demo["lixia"]), url)
    assert answer.status_code == 201, answer.content
    assert answer.json()["allowed_actions"][0] == "appoint"
    assert answer.json()["kind"] == "pre_filing"


def test_the_list_reads_in_a_constant_number_of_queries(demo, court):  # noqa: F811
    clerk = bearer(demo["lixia"])

    def queries():
        with CaptureQueriesContext(connection) as done:
            assert clerk.get(f"{API}/mediations?tab=awaiting").status_code == 200
        return len(done)

    apply_for_mediation(draft(demo, court), actor=demo["zhangsan"])
    few = queries()
    for _ in range(4):
        apply_for_mediation(draft(demo, court), actor=demo["zhangsan"])
    assert queries() == few
    first = clerk.get(f"{API}/mediations?tab=awaiting&limit=2").json()
    rest = clerk.get(f"{API}/mediations?tab=awaiting&limit=50&after={first['next']}").json()
    codes = [r["code"] for r in first["items"] + rest["items"]]
    assert len(codes) == len(set(codes)) >= 5
