"""Enforcement use cases, acted directly: the application from an effective judgment and
its acceptance, assignment (major cases pooled), milestones and their clocks, the 终本
preconditions each named when missing, clues, restoring, and the figures."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tianping.appeals.models import DisputeCase
from tianping.enforcement import actions, queries
from tianping.enforcement.choices import ClosingMode, MilestoneKind
from tianping.enforcement.tests.helpers import (
    DAY,
    assigned_case,
    effective_judgment,
    enforcement_case,
    pdf,
)
from tianping.flows import enforcement as flow
from tianping.law.periods import add_months

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def mark(case, demo, kind, **extra):
    return actions.record_milestone(case, actor=demo["gaofeng"], kind=kind, done_on=TODAY,
                                    **extra)


def test_the_application_becomes_a_case_with_its_title_in_the_dispute(demo):
    case = enforcement_case(demo)
    row = queries.record_of(case)
    assert case.type_code == "执" and case.procedure == "enforcement"
    assert row.title_kind == "judgment" and row.origin_case.number == row.title_number
    assert row.amount_applied == Decimal("50000.00") and row.applicant_name == "张三"
    assert row.respondent_name == "李四" and not row.is_major
    assert DisputeCase.objects.get(case=case).stage == "enforcement"
    assert DisputeCase.objects.get(case=case).dispute_id == DisputeCase.objects.get(
        case=row.origin_case).dispute_id
    assert {p.role for p in case.parties.all()} == {"applicant", "respondent"}
    assert case.judge is None  # waits for the bureau: no judge of the bureau draws it


def test_only_a_party_of_an_effective_decision_applies_and_only_once(demo, other_litigant):
    origin = effective_judgment(demo)
    with pytest.raises(ValidationError):
        flow.apply_online(origin, actor=other_litigant, amount=Decimal("1"), request="x")
    flow.apply_online(origin, actor=demo["zhangsan"], amount=Decimal("1"), request="执行")
    with pytest.raises(ValidationError):
        flow.apply_online(origin, actor=demo["zhangsan"], amount=Decimal("1"), request="再次")


def test_a_major_case_is_pooled_for_the_bureau_head_not_the_president(demo):
    case = enforcement_case(demo, amount="1000000")
    assert queries.record_of(case).is_major
    assert list(queries.pool(case.court).values_list("case", flat=True)) == [case.pk]
    with pytest.raises(PermissionDenied):
        actions.assign(case, actor=demo["chenzhi"], officer=demo["gaofeng"])
    case = actions.assign(case, actor=demo["hanlei"], officer=demo["gaofeng"])
    assert case.judge == demo["gaofeng"] and case.team.name_en == "Enforcement team 1"
    assert case.state == "assigned" and not queries.pool(case.court).exists()


def test_a_case_marked_major_by_the_bureau_head_leaves_the_president(demo):
    case = enforcement_case(demo)
    with pytest.raises(PermissionDenied):
        actions.mark_major(case, actor=demo["chenzhi"], major=True)
    assert actions.mark_major(case, actor=demo["hanlei"], major=True).is_major
    with pytest.raises(PermissionDenied):
        actions.assign(case, actor=demo["chenzhi"], officer=demo["gaofeng"])


def test_the_president_assigns_an_ordinary_case_but_only_to_an_officer(demo):
    case = enforcement_case(demo)
    with pytest.raises(ValidationError):
        actions.assign(case, actor=demo["chenzhi"], officer=demo["wangjun"])
    with pytest.raises(PermissionDenied):
        actions.assign(case, actor=demo["liuqiang"], officer=demo["gaofeng"])
    assert actions.assign(case, actor=demo["chenzhi"], officer=demo["gaofeng"]).judge_id


def test_milestones_run_their_clocks_and_sum_what_was_recovered(demo):
    case = assigned_case(demo)
    row = queries.record_of(case)
    steps = {s.code: s for s in queries.checklist(row, TODAY)}
    assert steps["assigned"].state == "done"
    assert steps[MilestoneKind.NOTICE].due_on == TODAY + 3 * DAY
    assert steps[MilestoneKind.NOTICE].state == "due"
    with pytest.raises(ValidationError):  # the answer before its request
        mark(case, demo, MilestoneKind.SEARCH_ANSWERED)
    with pytest.raises(ValidationError):  # a deduction without its amount
        mark(case, demo, MilestoneKind.DEDUCTION)
    with pytest.raises(ValidationError):  # a consumption restriction without its decision
        mark(case, demo, MilestoneKind.CONSUMPTION_RESTRICTION)
    mark(case, demo, MilestoneKind.NOTICE)
    mark(case, demo, MilestoneKind.SEARCH_REQUESTED)
    mark(case, demo, MilestoneKind.SEARCH_ANSWERED, note="冻结银行存款一笔")
    mark(case, demo, MilestoneKind.SEIZURE, amount=Decimal("30000"))
    mark(case, demo, MilestoneKind.DEDUCTION, amount=Decimal("20000.50"))
    actions.record_milestone(case, actor=demo["sunli"], kind=MilestoneKind.DIRECT_PAYMENT,
                             done_on=TODAY, amount=Decimal("1000"))  # the team's clerk
    assert queries.recovered(row) == Decimal("21000.50")  # seizure is not recovery
    steps = {s.code: s.state for s in queries.checklist(row, TODAY)}
    assert steps[MilestoneKind.NOTICE] == steps[MilestoneKind.SEARCH_ANSWERED] == "done"
    with pytest.raises(PermissionDenied):  # the judge of the origin case is no officer here
        mark(case, {"gaofeng": demo["wangjun"]}, MilestoneKind.VALUATION)


def test_termination_names_each_precondition_missing(demo):
    case = assigned_case(demo, filed_days_ago=100)

    def missing():
        with pytest.raises(ValidationError) as caught:
            flow.close(case, actor=demo["gaofeng"], mode=ClosingMode.TERMINATED_CURRENT,
                       closed_on=TODAY, documents=[pdf("终本裁定书.pdf")])
        return " ".join(caught.value.messages)

    text = missing()
    for words in ("notice", "searches", "consumption", "investigation", "interviewed",
                  "no property"):
        assert words in text
    assert "3 months" not in text  # filed 100 days ago
    steps = [
        (MilestoneKind.NOTICE, "notice"), (MilestoneKind.SEARCH_REQUESTED, None),
        (MilestoneKind.SEARCH_ANSWERED, "searches"),
        (MilestoneKind.CONSUMPTION_RESTRICTION, "consumption"),
        (MilestoneKind.INVESTIGATION_DONE, "investigation"),
        (MilestoneKind.APPLICANT_INTERVIEWED, "interviewed"),
    ]
    for kind, gone in steps:
        extra = {"document": pdf()} if kind == MilestoneKind.CONSUMPTION_RESTRICTION else {}
        mark(case, demo, kind, **extra)
        if gone:
            assert gone not in missing()
    assert missing().endswith("missing: no property found, or none that can be disposed of.")
    mark(case, demo, MilestoneKind.NO_PROPERTY, note="名下无可供执行财产")
    row = flow.close(case, actor=demo["gaofeng"], mode=ClosingMode.TERMINATED_CURRENT,
                     closed_on=TODAY, documents=[pdf("终本裁定书.pdf")])
    case.refresh_from_db()
    assert case.state == "closed" and case.closure_mode == "ruling"
    assert row.met_preconditions and row.next_check_on == add_months(TODAY, 6)
    assert list(queries.review_list(case.court)) == [row]


def test_three_months_since_filing_is_a_precondition(demo):
    case = assigned_case(demo)
    with pytest.raises(ValidationError) as caught:
        flow.close(case, actor=demo["gaofeng"], mode=ClosingMode.TERMINATED_CURRENT,
                   closed_on=TODAY, documents=[pdf()])
    assert "3 months" in " ".join(caught.value.messages)


def test_completion_closes_the_case_and_counts_in_the_figures(demo):
    case = assigned_case(demo)
    mark(case, demo, MilestoneKind.DEDUCTION, amount=Decimal("50000"))
    with pytest.raises(PermissionDenied):  # the clerk records, the officer closes
        flow.close(case, actor=demo["sunli"], mode=ClosingMode.COMPLETED, closed_on=TODAY)
    flow.close(case, actor=demo["gaofeng"], mode=ClosingMode.COMPLETED, closed_on=TODAY)
    figures = queries.court_figures(case.court, TODAY - DAY, TODAY)
    assert figures.closed_by_mode["completed"] == 1 and figures.terminated_current == 0
    assert figures.sum_applied == figures.sum_recovered == Decimal("50000.00")
    assert figures.average_days == Decimal("0.0")
    with pytest.raises(PermissionDenied):  # closed: no more milestones
        mark(case, demo, MilestoneKind.VALUATION)


def test_only_the_applicant_reports_clues_and_reads_the_answer(demo, other_litigant):
    case = assigned_case(demo, defendant_user=other_litigant)
    row = queries.record_of(case)
    assert case.parties.get(role="respondent").user == other_litigant
    with pytest.raises(PermissionDenied):  # the respondent is a party, not the applicant
        actions.report_clue(row, actor=other_litigant, text="他有房")
    with pytest.raises(PermissionDenied):
        actions.report_clue(row, actor=demo["wangjun"], text="x")
    clue = actions.report_clue(row, actor=demo["zhangsan"], text="被执行人在工商银行有存款",
                               attachment=pdf("流水.pdf"))
    assert clue.due_on == TODAY + 5 * DAY
    assert list(queries.open_clues(officer=demo["gaofeng"])) == [clue]
    with pytest.raises(PermissionDenied):
        actions.answer_clue(clue, actor=demo["hanlei"], reply="x")
    actions.answer_clue(clue, actor=demo["gaofeng"], reply="已冻结该账户")
    assert list(queries.clues_of(row, demo["zhangsan"]))[0].reply == "已冻结该账户"
    assert demo["gaofeng"].notifications.filter(key=f"enforcement:clue:{clue.code}").exists()
    assert demo["zhangsan"].notifications.filter(
        key=f"enforcement:answered:{clue.code}").exists()
    assert not queries.open_clues(court=case.court).exists()


def test_a_terminated_case_is_checked_and_restored_once(demo):
    case = assigned_case(demo)
    row = queries.record_of(case)
    row.__class__.objects.filter(pk=row.pk).update(
        closing_mode=ClosingMode.TERMINATED_CURRENT, closed_on=TODAY, next_check_on=TODAY)
    type(case).objects.filter(pk=case.pk).update(state="closed", closed_on=TODAY)
    row.refresh_from_db()
    actions.record_check(row, actor=demo["hanlei"], done_on=TODAY, note="无新财产")
    row.refresh_from_db()
    assert row.next_check_on > TODAY
    with pytest.raises(PermissionDenied):
        flow.restore(row, actor=demo["wangjun"])
    new = flow.restore(row, actor=demo["gaofeng"])
    assert new.type_code == "执恢" and "执恢" in new.number and new.state == "filed"
    assert DisputeCase.objects.get(case=new).dispute_id == DisputeCase.objects.get(
        case=case).dispute_id
    assert queries.record_of(new).restored_from == row
    assert new.time_limit.rule_code == "enforcement"
    with pytest.raises(PermissionDenied):
        flow.restore(row, actor=demo["gaofeng"])
