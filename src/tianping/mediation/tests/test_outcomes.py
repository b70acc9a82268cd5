"""What a mediation ends in (issue 11, part 4): the agreement drafted from a template,
signed by each party online or on paper, the joint application for judicial confirmation
handed in for review, filed as a 民特 case with its 15-day limit, ruled on by the judge, the
ruling seen by the parties; a mediation document; performance and ratings."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.cases.choices import CaseState, ClosureMode, Procedure
from tianping.cases.permissions import cases_visible_to
from tianping.filings.choices import FilingKind, FilingStatus
from tianping.flows import mediation_outcomes as flow
from tianping.flows.filing import accept_filing
from tianping.mediation import actions_outcomes as outcomes
from tianping.mediation.agreement_templates import draft_text
from tianping.mediation.choices import MediationStatus
from tianping.mediation.models_outcomes import AgreementRoute, Performance
from tianping.mediation.tests.test_mediations import MONDAY, court, under_way  # noqa: F401

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def parties(m):
    ps = list(m.filing.parties.order_by("position"))
    return ps[0], ps[1]


@pytest.fixture
def mediation(demo, court, other_litigant):  # noqa: F811
    m = under_way(demo, court)
    _, respondent = parties(m)
    respondent.user = other_litigant  # the respondent's account, linked to their party
    respondent.save(update_fields=["user"])
    return m


def drafted(demo, m, **extra):
    text = draft_text(m, "payment", amount=Decimal("20000"), pay_by=MONDAY)
    return flow.draft(m, actor=demo["hutao"], template="payment", text=text,
                      amount=Decimal("20000"), pay_by=MONDAY + datetime.timedelta(days=30),
                      **extra)


def signed(demo, m, other_litigant, *, join=True):
    drafted(demo, m)
    applicant, respondent = parties(m)
    flow.sign(m, applicant, actor=demo["zhangsan"], joins_confirmation=join, today=MONDAY)
    flow.sign(m, respondent, actor=other_litigant, joins_confirmation=join, today=MONDAY)
    m.refresh_from_db()
    return m


def test_a_template_fills_in_the_parties_cause_and_amount(demo, mediation):
    text = draft_text(mediation, "payment", amount=Decimal("20000.5"), pay_by=MONDAY)
    assert "张三" in text and "李四" in text
    assert "20,000.50" in text and "2026" in text
    assert mediation.display_number in text
    assert "00000" not in text


def test_both_parties_sign_online_and_the_mediation_settles(demo, mediation, other_litigant):
    agreement = drafted(demo, mediation)
    assert agreement.version == 1
    applicant, respondent = parties(mediation)
    flow.sign(mediation, applicant, actor=demo["zhangsan"], today=MONDAY)
    mediation.refresh_from_db()
    assert mediation.status == MediationStatus.IN_PROGRESS  # one signature is not enough
    flow.sign(mediation, respondent, actor=other_litigant, today=MONDAY)
    mediation.refresh_from_db()
    agreement.refresh_from_db()
    assert agreement.signed_on == MONDAY
    assert mediation.status == MediationStatus.SETTLED
    assert mediation.filing.status == FilingStatus.SETTLED_IN_MEDIATION
    kinds = [e.kind for e in mediation.events.all()]
    assert kinds[-4:] == ["agreement_signed", "agreement_signed", "agreement_in_effect",
                          "settled"]
    assert {s.method for s in agreement.signatures.all()} == {"online"}
    assert all(s.signed_at for s in agreement.signatures.all())


def test_only_a_party_signs_for_a_party(demo, mediation, other_litigant):
    drafted(demo, mediation)
    applicant, respondent = parties(mediation)
    with pytest.raises(PermissionDenied):  # the respondent cannot sign for the applicant
        flow.sign(mediation, applicant, actor=other_litigant, today=MONDAY)
    with pytest.raises(PermissionDenied):  # nor can the mediator sign online for anyone
        flow.sign(mediation, respondent, actor=demo["hutao"], today=MONDAY)
    flow.sign(mediation, applicant, actor=demo["zhangsan"], today=MONDAY)
    with pytest.raises(ValidationError):  # and once only
        flow.sign(mediation, applicant, actor=demo["zhangsan"], today=MONDAY)


def test_a_redraft_asks_every_party_to_sign_again(demo, mediation, other_litigant):
    drafted(demo, mediation)
    applicant, respondent = parties(mediation)
    flow.sign(mediation, applicant, actor=demo["zhangsan"], today=MONDAY)
    again = drafted(demo, mediation)
    assert again.version == 2
    with pytest.raises(ValidationError):  # signing what they read before the redraft
        flow.sign(mediation, respondent, actor=other_litigant, today=MONDAY, version=1)
    flow.sign(mediation, respondent, actor=other_litigant, today=MONDAY, version=2)
    mediation.refresh_from_db()
    assert mediation.status == MediationStatus.IN_PROGRESS  # the applicant signs v2 too
    flow.sign(mediation, applicant, actor=demo["zhangsan"], today=MONDAY)
    mediation.refresh_from_db()
    assert mediation.status == MediationStatus.SETTLED


def test_paper_signatures_with_the_scan(demo, mediation):
    drafted(demo, mediation)
    applicant, respondent = parties(mediation)
    with pytest.raises(ValidationError):  # a scan that is not a PDF or picture
        flow.sign_on_paper(mediation, actor=demo["hutao"], parties=[applicant],
                           scan=SimpleUploadedFile("a.pdf", b"hello"), today=MONDAY)
    flow.sign_on_paper(mediation, actor=demo["hutao"], parties=[applicant, respondent],
                       scan=SimpleUploadedFile("signed.pdf", PDF), today=MONDAY,
                       joins_confirmation=[applicant.pk])
    mediation.refresh_from_db()
    agreement = mediation.agreement
    assert agreement.paper_scan.name and agreement.signed_on == MONDAY
    assert {s.method for s in agreement.signatures.all()} == {"paper"}
    assert mediation.status == MediationStatus.SETTLED
    # the respondent did not sign the joint application: no confirmation yet
    with pytest.raises(ValidationError, match="李四"):
        flow.apply_for_confirmation(mediation, actor=demo["hutao"], today=MONDAY)


def test_judicial_confirmation_from_application_to_ruling(demo, mediation, other_litigant):
    m = signed(demo, mediation, other_litigant)
    filing = flow.apply_for_confirmation(m, actor=other_litigant, today=MONDAY)  # 李四
    assert filing.kind == FilingKind.JUDICIAL_CONFIRMATION
    assert filing.status == FilingStatus.SUBMITTED
    assert filing.review_due_on == datetime.date(2026, 3, 5)  # 3 days to decide on acceptance
    assert {p.role for p in filing.parties.all()} == {"applicant"}  # a joint application
    assert sorted(p.name for p in filing.parties.all()) == ["张三", "李四"]
    assert filing.facts == m.agreement.text and filing.amount == Decimal("20000")
    with pytest.raises(ValidationError):  # applying twice: one application
        flow.apply_for_confirmation(m, actor=demo["zhangsan"], today=MONDAY)
    case = accept_filing(filing, actor=demo["lixia"], today=MONDAY)
    assert "民特" in case.number and case.procedure == Procedure.SPECIAL
    # each applicant is linked to their own account, not the one who handed it in
    assert {p.name: p.user for p in case.parties.all()} == {
        "张三": demo["zhangsan"], "李四": other_litigant}
    limit = case.time_limit
    assert limit.rule_code == "judicial-confirmation"
    assert limit.expires_on == MONDAY + datetime.timedelta(days=15)  # 15 days from acceptance
    judge = case.judge
    with pytest.raises(PermissionDenied):  # only the case's judge rules
        flow.decide_confirmation(case, actor=demo["lixia"], granted=True, today=MONDAY)
    case = flow.decide_confirmation(case, actor=judge, granted=True, today=MONDAY)
    assert case.state == CaseState.CLOSED and case.closure_mode == ClosureMode.RULING
    document = case.documents.get()
    assert document.file.read().startswith(b"%PDF") and document.is_public
    m.refresh_from_db()
    assert m.events.filter(kind="confirmation_granted", details__number=case.number).exists()
    # the parties see the case and its ruling
    assert cases_visible_to(demo["zhangsan"]).filter(pk=case.pk).exists()
    assert cases_visible_to(other_litigant).filter(pk=case.pk).exists()


def test_confirmation_is_applied_for_jointly_and_in_time(demo, mediation, other_litigant):
    m = signed(demo, mediation, other_litigant, join=False)
    with pytest.raises(ValidationError, match="张三"):
        flow.apply_for_confirmation(m, actor=demo["zhangsan"], today=MONDAY)
    applicant, respondent = parties(m)
    outcomes.join_confirmation(m, applicant, actor=demo["zhangsan"])
    outcomes.join_confirmation(m, respondent, actor=other_litigant)
    late = MONDAY + datetime.timedelta(days=31)
    with pytest.raises(ValidationError, match="30"):
        flow.apply_for_confirmation(m, actor=demo["zhangsan"], today=late)
    assert flow.apply_for_confirmation(m, actor=demo["zhangsan"],
                                       today=MONDAY + datetime.timedelta(days=30))


def test_a_dismissal_needs_reasons(demo, mediation, other_litigant):
    m = signed(demo, mediation, other_litigant)
    case = accept_filing(flow.apply_for_confirmation(m, actor=demo["zhangsan"], today=MONDAY),
                         actor=demo["lixia"], today=MONDAY)
    with pytest.raises(ValidationError):
        flow.decide_confirmation(case, actor=case.judge, granted=False, today=MONDAY)
    flow.decide_confirmation(case, actor=case.judge, granted=False, today=MONDAY,
                             reasons="协议内容涉及案外人权益。")
    assert m.events.filter(kind="confirmation_refused").exists()


def test_a_mediation_document_from_application_to_issue(demo, mediation, other_litigant):
    m = signed(demo, mediation, other_litigant, join=False)
    filing = flow.apply_for_document(m, actor=demo["zhangsan"], today=MONDAY)
    assert filing.kind == FilingKind.MEDIATION_DOCUMENT
    case = accept_filing(filing, actor=demo["lixia"], today=MONDAY)
    assert "诉前调书" in case.number
    case = flow.issue_document(case, actor=case.judge, today=MONDAY)
    assert case.closure_mode == ClosureMode.MEDIATION
    m.refresh_from_db()
    assert m.agreement.route == AgreementRoute.DOCUMENT
    assert m.events.filter(kind="document_issued").exists()


def test_performance_and_ratings(demo, mediation, other_litigant):
    m = signed(demo, mediation, other_litigant)
    flow.perform_voluntarily(m, actor=demo["hutao"], today=MONDAY)
    applicant, respondent = parties(m)
    outcomes.note_performance(m, actor=demo["hutao"], performed=True, today=MONDAY)
    outcomes.note_performance(m, actor=demo["zhangsan"], performed=False, note="只付了一半",
                              today=MONDAY)
    m.refresh_from_db()
    assert m.agreement.performance == Performance.BROKEN
    with pytest.raises(PermissionDenied):  # a party rates only as themself
        outcomes.rate(m, applicant, actor=other_litigant, stars=5)
    with pytest.raises(ValidationError):
        outcomes.rate(m, applicant, actor=demo["zhangsan"], stars=6)
    outcomes.rate(m, applicant, actor=demo["zhangsan"], stars=5, comment="耐心细致")
    with pytest.raises(ValidationError):  # once
        outcomes.rate(m, applicant, actor=demo["zhangsan"], stars=4)
    assert [e.kind for e in m.events.all()][-1] == "rated"


def test_applications_from_mediation_are_not_typed_in(demo, court):  # noqa: F811
    from tianping.filings import actions as filing_actions
    from tianping.filings.choices import Channel

    with pytest.raises(ValidationError):
        filing_actions.start_filing(actor=demo["zhangsan"], court=court,
                                    channel=Channel.ONLINE, filer=demo["zhangsan"],
                                    kind=FilingKind.JUDICIAL_CONFIRMATION)
