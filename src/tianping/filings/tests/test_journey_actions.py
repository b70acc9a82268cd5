"""The spine through the actions: online filing, correction, filing as a case, closing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tianping.cases.permissions import cases_visible_to
from tianping.cases.tests.closing import close_in_trial
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.permissions import filings_visible_to
from tianping.flows.filing import accept_filing
from tianping.indicators.compute import compute, make_slice

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 2)  # a Monday

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


@pytest.fixture
def court(demo):
    return Court.objects.get(code="内2502")


def _draft(demo, court, amount="20000"):
    filing = actions.start_filing(
        actor=demo["zhangsan"], court=court, channel=Channel.ONLINE, filer=demo["zhangsan"]
    )
    actions.save_draft(
        filing,
        actor=demo["zhangsan"],
        claims="判令被告归还借款2万元",
        facts="2025年被告借款未还",
        amount=Decimal(amount),
    )
    actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=demo["zhangsan"])
    return filing


def test_the_whole_spine(demo, court):
    # given a litigant hands in a complaint online
    filing = _draft(demo, court)
    filing = actions.submit_filing(filing, actor=demo["zhangsan"], today=TODAY)
    assert filing.status == FilingStatus.SUBMITTED
    assert filing.review_due_on == datetime.date(2026, 11, 9)  # 7 days from the next day
    # when the clerk asks for one correction and the litigant answers
    actions.request_correction(
        filing,
        actor=demo["lixia"],
        items=["补充借条复印件"],
        respond_by=datetime.date(2026, 11, 20),
        today=TODAY,
    )
    filing.refresh_from_db()
    later = datetime.date(2026, 11, 5)
    filing = actions.answer_correction(filing, actor=demo["zhangsan"], answer="已补充", today=later)
    # then the clock restarts from receipt of the corrections
    assert filing.review_due_on == datetime.date(2026, 11, 12)
    # when the clerk files the case
    case = accept_filing(filing, actor=demo["lixia"], today=later)
    # then it has its number, went to the fast-track team as small claims, and has a judge
    assert case.number == "（2026）内2502民初1号"
    assert (case.track, case.procedure, case.team.name) == (
        "simple",
        "small_claims",
        "速裁快审团队",
    )
    assert case.judge == demo["wangjun"]
    assert "165" in case.triage_reason_texts()[0]  # 民事诉讼法第165条, in either language
    assert case in cases_visible_to(demo["zhangsan"])
    # when the judge closes it
    close_in_trial(case, actor=demo["wangjun"], mode="mediation", closed_on=later)
    s = make_slice("内2502", datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    total = {r.code: r for r in compute(s, ["received", "closed", "pending_end",
                                            "clearance_rate"])}
    assert [total[c].value for c in ("received", "closed", "pending_end")] == [1, 1, 0]
    assert total["clearance_rate"].value == Decimal("100.00")
    kinds = [e.kind for e in case.events.all()]
    assert kinds == [
        "filed", "triaged", "time_limit_set", "assigned", "fee_due", "trial_started", "closed",
        "document_added",
    ]
    assert case.time_limit.rule_code == "civil-small-claims"
    assert case.time_limit.expires_on == datetime.date(2027, 1, 5)


def test_defendant_identical_to_plaintiff_is_refused(demo, court):
    filing = _draft(demo, court)
    actions.set_parties(
        filing, [PLAINTIFF, {**PLAINTIFF, "role": "defendant"}], actor=demo["zhangsan"]
    )
    with pytest.raises(ValidationError, match="cannot be both plaintiff and defendant"):
        actions.submit_filing(filing, actor=demo["zhangsan"], today=TODAY)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.DRAFT and filing.parties.count() == 2


def test_invalid_identity_number_is_named(demo, court):
    filing = _draft(demo, court)
    actions.set_parties(
        filing,
        [PLAINTIFF, {**DEFENDANT, "id_number": "110105199001011239"}],
        actor=demo["zhangsan"],
    )
    with pytest.raises(ValidationError) as caught:
        actions.submit_filing(filing, actor=demo["zhangsan"], today=TODAY)
    assert any("李四" in m for m in caught.value.messages)


def test_the_same_submission_twice_gives_one_filing(demo, court):
    filing = _draft(demo, court)
    first = actions.submit_filing(filing, actor=demo["zhangsan"], submission_key="k1", today=TODAY)
    second = actions.submit_filing(filing, actor=demo["zhangsan"], submission_key="k1", today=TODAY)
    assert first.pk == second.pk
    assert first.events.filter(kind="submitted").count() == 1


def test_two_clerks_acting_at_once_one_wins_the_other_is_told(demo, court):
    filing = actions.submit_filing(_draft(demo, court), actor=demo["zhangsan"], today=TODAY)
    stale = type(filing).objects.get(pk=filing.pk)
    accept_filing(filing, actor=demo["lixia"], today=TODAY)
    with pytest.raises(ValidationError, match="Someone else"):
        actions.propose_refusal(
            stale, actor=demo["liuqiang"], basis="cpl_127", reasons="不属于本院管辖的案件范围"
        )


def test_refusal_needs_written_reasons_and_a_reviewer(demo, court):
    filing = actions.submit_filing(_draft(demo, court), actor=demo["zhangsan"], today=TODAY)
    with pytest.raises(ValidationError):
        actions.propose_refusal(filing, actor=demo["lixia"], basis="cpl_127", reasons="不行")
    with pytest.raises(PermissionDenied):
        actions.propose_refusal(
            filing, actor=demo["wangjun"], basis="cpl_127", reasons="不属于本院管辖的案件范围"
        )


def test_a_clerk_never_sees_a_litigants_draft(demo, court):
    filing = _draft(demo, court)
    assert filing not in filings_visible_to(demo["lixia"])
    assert filing in filings_visible_to(demo["zhangsan"])
    assert filing not in filings_visible_to(demo["lilawyer"])


def test_a_transferred_filing_arrives_at_the_other_court_for_review(demo, court):
    from tianping.courts.models import Membership

    other = Court.objects.get(code="内2501")
    Membership.objects.create(user=demo["liuqiang"], court=other, role="filing_clerk")
    filing = actions.submit_filing(_draft(demo, court), actor=demo["zhangsan"], today=TODAY)
    actions.transfer_filing(
        filing, actor=demo["lixia"], to_court=other, reason="被告住所地在二连浩特"
    )
    received = filings_visible_to(demo["liuqiang"]).get(court=other)
    assert received.status == FilingStatus.SUBMITTED
    assert [p.name for p in received.parties.all()] == ["张三", "李四"]
    assert (
        received.events.get(kind="received_by_transfer").details["original_receipt"] == filing.code
    )
    # the filer follows both
    assert set(filings_visible_to(demo["zhangsan"])) == {filing, received}
