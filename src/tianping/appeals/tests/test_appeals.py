"""The appeal from the judgment's service to the remand, the bad inputs of the issue, and
who may do each step."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tianping.appeals import actions, queries
from tianping.appeals.choices import AppealStatus, Stage
from tianping.appeals.tests.helpers import (
    DAY,
    appeal_court_staff,
    judged_case,
    pdf,
    serve_by_post,
)
from tianping.cases.actions import attach_case_documents, start_trial
from tianping.cases.tests.test_case_pages import make_case
from tianping.flows import appeals as flow
from tianping.flows.cases import close_case
from tianping.flows.closing import close_on_mediation_service

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def world(demo, other_litigant):
    case, judgment = judged_case(demo, defendant_user=other_litigant)
    plaintiff, defendant = case.parties.get(role="plaintiff"), case.parties.get(role="defendant")
    return demo, case, judgment, plaintiff, defendant, other_litigant


def appeal(case, party, user, **extra):
    return actions.file_appeal(case, actor=user, party=party, grounds="一审认定事实错误",
                               requests="撤销原判，改判驳回原告诉讼请求", channel="online",
                               **extra)


def test_unserved_parties_show_and_no_date_until_all_are_served(world):
    demo, case, judgment, plaintiff, defendant, _ = world
    serve_by_post(case, plaintiff, judgment, TODAY - 20 * DAY, actor=demo["wangjun"])
    effect = queries.effect_of(case)
    assert effect.document == judgment and effect.kind == "judgment"
    assert effect.result.unserved == (defendant.name,) and effect.effective_on is None
    serve_by_post(case, defendant, judgment, TODAY - 20 * DAY, actor=demo["wangjun"])
    effect = queries.effect_of(case)
    assert effect.is_effective and effect.effective_on <= TODAY


def test_an_appeal_in_time_its_fee_and_the_other_side_told(world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    serve_by_post(case, plaintiff, judgment, TODAY - 3 * DAY, actor=demo["wangjun"])
    serve_by_post(case, defendant, judgment, TODAY - 3 * DAY, actor=demo["wangjun"])
    with pytest.raises(PermissionDenied):  # not his party
        appeal(case, defendant, demo["zhangsan"])
    filed = appeal(case, defendant, zhaoliu, amount=__import__("decimal").Decimal("20000"))
    assert filed.appeal_court.code == "内25" and filed.fee_amount == 300  # 50 + 10000×2.5%
    assert filed.last_day >= TODAY and filed.fee_due_on > TODAY
    assert case.events.filter(kind="appeal_filed").exists()
    assert demo["zhangsan"].notifications.filter(kind__contains="").exists()
    effect = queries.effect_of(case)
    assert effect.result.appealed and effect.effective_on is None
    with pytest.raises(ValidationError, match="already appealed"):
        appeal(case, defendant, zhaoliu)


def test_a_late_appeal_is_refused_with_the_dates_unless_the_court_records_a_ground(world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    served = TODAY - 25 * DAY
    serve_by_post(case, plaintiff, judgment, served, actor=demo["wangjun"])
    serve_by_post(case, defendant, judgment, served, actor=demo["wangjun"])
    last = queries.effect_of(case).result.parties[1].last_day
    with pytest.raises(ValidationError) as refused:
        appeal(case, defendant, zhaoliu)
    message = refused.value.messages[0]
    assert served.isoformat() in message and last.isoformat() in message and "86" in message
    with pytest.raises(ValidationError, match="Only the court"):
        appeal(case, defendant, zhaoliu, late_ground="force_majeure", late_reason="暴雪封路")
    filed = actions.file_appeal(
        case, actor=demo["lixia"], party=defendant, grounds="一审认定事实错误",
        requests="撤销原判", channel="window", petition=pdf("上诉状.pdf"),
        late_ground="force_majeure", late_reason="暴雪封路十日，无法出行")
    assert filed.late_ground == "force_majeure" and filed.petition


def test_a_window_appeal_needs_the_clerk_of_the_court_and_the_scan(world):
    demo, case, judgment, plaintiff, defendant, _ = world
    serve_by_post(case, defendant, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    kwargs = dict(party=defendant, grounds="理由", requests="请求", channel="window")
    with pytest.raises(PermissionDenied):
        actions.file_appeal(case, actor=demo["wangjun"], petition=pdf(), **kwargs)
    with pytest.raises(ValidationError, match="scan"):
        actions.file_appeal(case, actor=demo["lixia"], **kwargs)
    with pytest.raises(ValidationError, match="not been served"):
        actions.file_appeal(case, actor=demo["lixia"], petition=pdf(),
                            **{**kwargs, "party": case.parties.get(role="plaintiff")})


def test_transfer_file_remand_and_the_chain_on_both_sides(world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    staff = appeal_court_staff()
    serve_by_post(case, defendant, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    filed = appeal(case, defendant, zhaoliu)
    with pytest.raises(ValidationError, match="not paid"):
        actions.transfer(case, actor=demo["lixia"])
    with pytest.raises(PermissionDenied):
        actions.record_fee_paid(filed, actor=staff["gaoyuan"], paid_on=TODAY, receipt="R1")
    actions.record_fee_paid(filed, actor=demo["lixia"], paid_on=TODAY, receipt="R1")
    with pytest.raises(PermissionDenied):  # only the case's court transfers
        actions.transfer(case, actor=staff["gaoyuan"])
    actions.transfer(case, actor=demo["lixia"])
    filed.refresh_from_db()
    assert filed.status == AppealStatus.TRANSFERRED and filed.transferred_at
    with pytest.raises(ValidationError):  # the first court does not file the 民终
        flow.docket_appeal(case, actor=demo["lixia"])
    second = flow.docket_appeal(case, actor=staff["gaoyuan"])
    assert "内25民终" in second.number and second.judge == staff["baowen"]
    assert second.time_limit.rule_code == "civil-appeal-judgment"
    assert {p.user for p in second.parties.all()} >= {demo["zhangsan"], zhaoliu}
    with pytest.raises(PermissionDenied):
        flow.decide_appeal(second, actor=demo["wangjun"], outcome="remanded",
                           decided_on=TODAY, documents=[pdf("裁定书.pdf")])
    second = start_trial(second, actor=staff["baowen"])
    with pytest.raises(ValidationError, match="ruling"):  # no document: refused
        flow.decide_appeal(second, actor=staff["baowen"], outcome="remanded",
                           decided_on=TODAY)
    second, remand = flow.decide_appeal(second, actor=staff["baowen"], outcome="remanded",
                                        decided_on=TODAY, documents=[pdf("裁定书.pdf")])
    assert remand.court == case.court and "内2502民初" in remand.number
    assert remand.procedure == "ordinary" and remand.time_limit.starts_on == TODAY
    assert remand.judge_id != case.judge_id  # another judge (here: none left, by hand)
    chain = [(link.case, link.stage) for link in queries.chain_of(case)]
    assert chain == [(case, Stage.FIRST), (second, Stage.SECOND), (remand, Stage.REMAND)]
    assert [link.case for link in queries.chain_of(remand)] == [case, second, remand]
    kinds = list(case.events.values_list("kind", flat=True))
    assert {"appeal_filed", "appeal_transferred", "appeal_docketed", "appeal_decided",
            "remand_filed"} <= set(kinds)
    effect = queries.effect_of(case)
    assert effect.after.outcome == "remanded" and effect.effective_on is None


def test_upheld_takes_effect_on_the_second_instance_service(world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    staff = appeal_court_staff()
    serve_by_post(case, defendant, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    filed = appeal(case, defendant, zhaoliu)
    actions.record_fee_paid(filed, actor=demo["lixia"], paid_on=TODAY, receipt="R1")
    actions.transfer(case, actor=demo["lixia"])
    second = start_trial(flow.docket_appeal(case, actor=staff["gaoyuan"]),
                         actor=staff["baowen"])
    second, remand = flow.decide_appeal(second, actor=staff["baowen"], outcome="upheld",
                                        decided_on=TODAY, documents=[pdf()])
    assert remand is None
    assert queries.effect_of(case).effective_on is None  # the 民终 judgment not yet served
    document = second.documents.get()
    for party in second.parties.all():
        serve_by_post(second, party, document, TODAY, actor=staff["baowen"])
    assert queries.effect_of(case).effective_on == TODAY
    assert queries.effect_of(second).effective_on == TODAY


def test_the_retrial_application_within_six_months(world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    staff = appeal_court_staff()
    with pytest.raises(ValidationError, match="taken effect"):
        actions.apply_for_retrial(case, actor=zhaoliu, party=defendant, grounds="新证据")
    for party in (plaintiff, defendant):
        serve_by_post(case, party, judgment, TODAY - 20 * DAY, actor=demo["wangjun"])
    application = actions.apply_for_retrial(case, actor=zhaoliu, party=defendant,
                                            grounds="有新的证据，足以推翻原判决")
    assert application.court.code == "内25"
    review = flow.docket_retrial(application, actor=staff["gaoyuan"])
    assert "内25民申" in review.number
    assert review.time_limit.rule_code == "civil-retrial-review"
    review = start_trial(review, actor=staff["baowen"])
    flow.decide_retrial(review, actor=staff["baowen"], outcome="dismissed",
                        decided_on=TODAY, documents=[pdf("裁定书.pdf")])
    application.refresh_from_db()
    assert application.outcome == "dismissed"
    assert [link.stage for link in queries.chain_of(case)] == ["first", "retrial_review"]


def test_the_closing_without_its_document_stays_refused(demo):
    case = start_trial(make_case(demo), actor=demo["wangjun"])
    with pytest.raises(ValidationError, match="judgment"):
        close_case(case, actor=demo["wangjun"], mode="judgment", closed_on=TODAY)


def test_closing_by_mediation_document_waits_for_the_last_service(demo):
    case = start_trial(make_case(demo, on=TODAY - 10 * DAY), actor=demo["wangjun"])
    [document] = attach_case_documents(case, [pdf("调解书.pdf")], actor=demo["wangjun"])
    plaintiff, defendant = case.parties.get(role="plaintiff"), case.parties.get(role="defendant")
    serve_by_post(case, plaintiff, document, TODAY - 3 * DAY, actor=demo["wangjun"])
    with pytest.raises(ValidationError) as refused:
        close_on_mediation_service(case, actor=demo["wangjun"], document=document)
    assert defendant.name in refused.value.messages[0]
    serve_by_post(case, defendant, document, TODAY - 1 * DAY, actor=demo["wangjun"])
    case = close_on_mediation_service(case, actor=demo["wangjun"], document=document)
    assert case.closed_on == TODAY - DAY and case.closure_mode == "mediation"
    effect = queries.effect_of(case)
    assert effect.document == document and effect.effective_on == TODAY - DAY
    assert not effect.result.appealable


@pytest.mark.parametrize(("mode", "procedure", "type_code", "kind"), [
    ("judgment", "ordinary", "民初", "judgment"),
    ("judgment", "small_claims", "民初", "small_claims"),
    ("dismissal", "ordinary", "民初", "ruling"),
    ("mediation", "summary", "民初", "mediation"),
    ("withdrawal", "ordinary", "民初", "final_ruling"),
    ("judgment", "special", "民特", "final_ruling"),
    ("ruling", "ordinary", "民督", "final_ruling"),
    ("other", "ordinary", "民初", None),
])
def test_which_rule_a_closing_follows(mode, procedure, type_code, kind):
    from types import SimpleNamespace

    case = SimpleNamespace(closure_mode=mode, procedure=procedure, type_code=type_code)
    assert queries.document_kind(case, Stage.FIRST) == kind
    assert queries.document_kind(case, Stage.SECOND) == (
        None if mode == "other" else "second_instance")


def test_an_appeal_against_a_dismissal_ruling_runs_the_ruling_appeal_limit(demo, other_litigant):
    # 驳回起诉 is a ruling: 10 days to appeal, and the 民终 case is decided within 30 days
    # (CPL art. 183), not the 3 months of an appeal against a judgment
    from tianping.cases.models import Case

    case, ruling = judged_case(demo, defendant_user=other_litigant)
    Case.objects.filter(pk=case.pk).update(closure_mode="dismissal")
    case.refresh_from_db()
    staff = appeal_court_staff()
    plaintiff = case.parties.get(role="plaintiff")
    serve_by_post(case, plaintiff, ruling, TODAY - 2 * DAY, actor=demo["wangjun"])
    filed = appeal(case, plaintiff, demo["zhangsan"])
    actions.record_fee_paid(filed, actor=demo["lixia"], paid_on=TODAY, receipt="R2")
    actions.transfer(case, actor=demo["lixia"])
    second = flow.docket_appeal(case, actor=staff["gaoyuan"])
    limit = second.time_limit
    assert limit.rule_code == "civil-appeal-ruling"
    # 30 days from the day after filing, rolled past rest days at most
    assert second.filed_on + 30 * DAY <= limit.expires_on < second.filed_on + 40 * DAY


def test_the_second_instance_names_the_appellant_and_the_appellee(world):
    from django.utils import translation

    from tianping.documents.values import standing

    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    staff = appeal_court_staff()
    serve_by_post(case, defendant, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    filed = appeal(case, defendant, zhaoliu)
    actions.record_fee_paid(filed, actor=demo["lixia"], paid_on=TODAY, receipt="R3")
    actions.transfer(case, actor=demo["lixia"])
    second = flow.docket_appeal(case, actor=staff["gaoyuan"])
    roles = {p.name: p for p in second.parties.all()}
    assert roles[defendant.name].appeal_role == "appellant"
    assert roles[plaintiff.name].appeal_role == "appellee"
    with translation.override("zh-hans"):
        assert roles[defendant.name].role_label == "上诉人（原审被告）"
        assert roles[plaintiff.name].role_label == "被上诉人（原审原告）"
    with translation.override("en"):
        assert roles[defendant.name].role_label == "Appellant (defendant below)"
    assert standing(roles[plaintiff.name]) == "被上诉人（原审原告）"
    # the first instance keeps its own roles
    assert {p.appeal_role for p in case.parties.all()} == {""}


def test_the_second_instance_judge_reads_the_file_sent_up_and_only_that(world):
    from django.contrib.auth import get_user_model
    from django.http import Http404

    from tianping.cases.permissions import can_act_as_judge, get_case_for_user
    from tianping.courts.models import Court, Membership

    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    staff = appeal_court_staff()
    with pytest.raises(Http404):  # before the appeal: not theirs
        get_case_for_user(staff["baowen"], case.code)
    serve_by_post(case, defendant, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    filed = appeal(case, defendant, zhaoliu)
    actions.record_fee_paid(filed, actor=demo["lixia"], paid_on=TODAY, receipt="R4")
    actions.transfer(case, actor=demo["lixia"])
    second = flow.docket_appeal(case, actor=staff["gaoyuan"])
    assert second.judge == staff["baowen"]
    # the file sent up: the second-instance judge opens the first-instance case, to read
    assert get_case_for_user(staff["baowen"], case.code) == case
    assert not can_act_as_judge(staff["baowen"], case)
    # another judge of the appeal court, not on the second instance, does not
    other = get_user_model().objects.create_user("judge25b", kind="staff", full_name="其乐")
    Membership.objects.create(user=other, court=Court.objects.get(code="内25"), role="judge")
    with pytest.raises(Http404):
        get_case_for_user(other, case.code)
    # nor does a litigant of no case (the sight is the staff's)
    with pytest.raises(Http404):
        get_case_for_user(demo["lilawyer"], second.code)


def test_too_long_grounds_are_refused_not_cut(world):
    demo, case, judgment, plaintiff, defendant, zhaoliu = world
    serve_by_post(case, defendant, judgment, TODAY - 2 * DAY, actor=demo["wangjun"])
    with pytest.raises(ValidationError) as refused:
        actions.file_appeal(case, actor=zhaoliu, party=defendant, grounds="理" * 5001,
                            requests="撤销原判", channel="online")
    assert "grounds" in refused.value.message_dict
    assert not case.appeals.exists()
