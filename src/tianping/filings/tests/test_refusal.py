"""Refusal (不予受理) is a judge's ruling: the filing division proposes, a judge (or the
president) of the filing's court decides, nobody decides their own proposal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tianping.courts.models import Backup, Court, Membership
from tianping.filings import actions, permissions
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.filings.tests.test_review_pages import make_filing

pytestmark = pytest.mark.django_db

REASONS = "原告与本案没有直接利害关系，不符合起诉条件。"


def propose(filing, actor, basis="cpl_122"):
    return actions.propose_refusal(filing, actor=actor, basis=basis, reasons=REASONS)


def test_a_clerk_proposes_and_a_judge_of_the_court_decides(demo):
    filing = make_filing(demo)
    proposal = propose(filing, demo["lixia"])
    # the clerk may not decide; a judge of the court may; a judge elsewhere may not
    assert not permissions.can_decide_refusal(demo["lixia"], proposal)
    assert permissions.can_decide_refusal(demo["wangjun"], proposal)
    assert permissions.can_decide_refusal(demo["chenzhi"], proposal)  # the president
    assert not permissions.can_decide_refusal(demo["sarula"], proposal)  # 内2501
    assert list(permissions.refusals_to_decide(demo["wangjun"])) == [proposal]
    assert list(permissions.refusals_to_decide(demo["lixia"])) == []
    with pytest.raises(PermissionDenied):
        actions.decide_refusal(proposal, actor=demo["lixia"], refuse=True)
    assert Filing.objects.get(pk=filing.pk).status == FilingStatus.SUBMITTED
    # the judge decides: the filing is refused in the judge's name
    actions.decide_refusal(proposal, actor=demo["wangjun"], refuse=True)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.REFUSED and filing.decided_by == demo["wangjun"]
    assert (filing.refusal_basis, filing.refusal_reasons) == ("cpl_122", REASONS)
    kinds = [e.kind for e in filing.events.all()]
    assert kinds[-2:] == ["refusal_proposed", "refused"]
    assert filing.events.last().details["judge"] == str(demo["wangjun"])
    # decided once only
    assert list(permissions.refusals_to_decide(demo["wangjun"])) == []
    proposal.refresh_from_db()
    with pytest.raises(PermissionDenied):
        actions.decide_refusal(proposal, actor=demo["chenzhi"], refuse=True)


def test_nobody_decides_their_own_proposal(demo):
    # the president may both propose (filing division) and decide, but not the same one
    filing = make_filing(demo)
    proposal = propose(filing, demo["chenzhi"])
    assert not permissions.can_decide_refusal(demo["chenzhi"], proposal)
    assert proposal not in permissions.refusals_to_decide(demo["chenzhi"])
    with pytest.raises(PermissionDenied):
        actions.decide_refusal(proposal, actor=demo["chenzhi"], refuse=True)
    # nor the backup standing in for the proposer, nor the proposer through a backup
    Backup.objects.create(principal=demo["chenzhi"], backup=demo["wangjun"],
                          away_from=filing.submitted_at.date(),
                          away_until=filing.submitted_at.date())
    with pytest.raises(PermissionDenied):
        actions.decide_refusal(
            proposal, actor=demo["wangjun"], acted_for=demo["chenzhi"], refuse=True
        )
    actions.decide_refusal(proposal, actor=demo["wangjun"], refuse=True)
    assert Filing.objects.get(pk=filing.pk).status == FilingStatus.REFUSED


def test_a_judge_proposing_as_a_filing_clerk_cannot_decide_it(demo):
    court = Court.objects.get(code="内2502")
    Membership.objects.create(user=demo["wangjun"], court=court, role="filing_clerk")
    filing = make_filing(demo)
    proposal = propose(filing, demo["wangjun"])
    assert not permissions.can_decide_refusal(demo["wangjun"], proposal)
    with pytest.raises(PermissionDenied):
        actions.decide_refusal(proposal, actor=demo["wangjun"], refuse=True)


def test_declined_goes_back_to_review_with_the_judges_note(demo):
    filing = make_filing(demo)
    proposal = propose(filing, demo["lixia"])
    # while it waits nothing else is decided
    with pytest.raises(ValidationError, match="waits for a judge"):
        actions.transfer_filing(filing, actor=demo["lixia"], to_court=Court.objects.get(
            code="内2501"), reason="管辖")
    with pytest.raises(ValidationError, match="waits for a judge"):
        propose(filing, demo["liuqiang"])
    with pytest.raises(ValidationError, match="Say why"):
        actions.decide_refusal(proposal, actor=demo["wangjun"], refuse=False)
    actions.decide_refusal(proposal, actor=demo["wangjun"], refuse=False, note="证据足以立案")
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED and filing.refusal_reasons == ""
    assert filing.events.last().kind == "refusal_declined"
    assert actions.pending_refusal(filing) is None  # free to decide again


def test_a_proposal_needs_a_basis_and_reasons_and_the_filing_division(demo):
    filing = make_filing(demo)
    with pytest.raises(ValidationError, match="statutory basis"):
        propose(filing, demo["lixia"], basis="")
    with pytest.raises(ValidationError, match="written ruling"):
        actions.propose_refusal(filing, actor=demo["lixia"], basis="cpl_122", reasons="不行")
    with pytest.raises(PermissionDenied):
        propose(filing, demo["wangjun"])  # a judge is not the filing division


def test_the_judge_sees_the_proposal_through_the_api_and_decides(client, demo):
    filing = make_filing(demo)
    propose(filing, demo["lixia"])
    client.force_login(demo["wangjun"])
    listed = client.get("/api/v1/refusals").json()
    assert [r["code"] for r in listed] == [filing.code] and listed[0]["can_decide"]
    body = {"decision": "refuse"}
    answer = client.post(f"/api/v1/refusals/{filing.code}/decision", body,
                         content_type="application/json")
    assert answer.status_code == 200 and answer.json()["outcome"] == "refused"
    assert "refusal-ruling" in answer.json()["documents"]
    ruling = client.get(answer.json()["documents"]["refusal-ruling"])
    assert ruling.content.startswith(b"%PDF")
    client.force_login(demo["lixia"])  # the clerk cannot decide through the API either
    assert client.get(f"/api/v1/refusals/{filing.code}").status_code == 404


def test_the_queue_searches_and_shows_cause_amount_and_a_paused_clock(client, demo):
    import datetime

    from django.utils import timezone

    plain = make_filing(demo)
    paused = make_filing(demo)
    actions.request_correction(paused, actor=demo["lixia"], items=["补充证据"],
                               respond_by=timezone.localdate() + datetime.timedelta(days=10))
    client.force_login(demo["lixia"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/filing-review/").content.decode()
    assert "20,000.00 yuan" in html
    assert f"Paused since {timezone.localdate().isoformat()}" in html
    detail = client.get(f"/filing-review/{paused.code}/").content.decode()
    assert "Paused since" in detail and "days left" not in detail
    # by receipt number (any case) or part of a party's name
    found = client.get(f"/filing-review/?q={plain.code.lower()}").content.decode()
    assert plain.code in found and paused.code not in found
    assert paused.code in client.get("/filing-review/?q=李").content.decode()
    assert "No filing in the queue matches" in client.get("/filing-review/?q=王五").content.decode()
    rows = client.get("/api/v1/filing-review/queue", {"q": plain.code}).json()["items"]
    assert [r["code"] for r in rows] == [plain.code]


def test_the_deciding_judge_reads_the_papers_others_do_not(client, demo):
    from django.core.files.base import ContentFile

    from tianping.filings.models import FilingAttachment

    filing = make_filing(demo)
    data = b"%PDF-1.4\n%%EOF\n"
    paper = FilingAttachment.objects.create(
        filing=filing, kind="complaint", file=ContentFile(data, name="c.pdf"),
        original_name="起诉状.pdf", content_type="application/pdf", size=len(data),
        sha256="0" * 64, uploaded_by=demo["zhangsan"],
    )
    url = f"/filing-review/{filing.code}/files/{paper.pk}/"
    client.force_login(demo["wangjun"])
    assert client.get(url).status_code == 404  # no refusal proposed: not his to read
    propose(filing, demo["lixia"])
    assert client.get(url).status_code == 200
    assert url in client.get(f"/filing-review/{filing.code}/refusal/").content.decode()
    client.force_login(demo["sarula"])  # a judge of another court
    assert client.get(url).status_code == 404
