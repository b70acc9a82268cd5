"""Procedures along the lawful paths only (issue 12 part 2): the judge's first choice before
any hearing; conversions one way (summary to ordinary, small claims to summary or
ordinary) asked by the judge and approved by a leader, never by the judge; never back; the
change on the timeline the parties read."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from tianping.cases.events import case_event
from tianping.cases.models_procedure import ProcedureChangeRequest
from tianping.cases.reads import public_events
from tianping.cases.tests.test_panel import case  # noqa: F401
from tianping.flows.cases import change_procedure, decide_procedure_change

pytestmark = pytest.mark.django_db


def pending(case):  # noqa: F811
    return ProcedureChangeRequest.objects.get(case=case, status="pending")


def test_first_choice_then_one_way_conversion_with_approval(demo, case):  # noqa: F811
    judge, head = demo["wangjun"], demo["liuqiang"]
    case = change_procedure(case, actor=judge, procedure="summary", reason="事实清楚")
    assert case.procedure == "summary" and case.time_limit.rule_code == "civil-summary"
    asked = change_procedure(case, actor=judge, procedure="ordinary", reason="案情复杂")
    assert isinstance(asked, ProcedureChangeRequest)
    case.refresh_from_db()
    assert case.procedure == "summary"  # not before the approval
    with pytest.raises(ValidationError):  # one request at a time
        change_procedure(case, actor=judge, procedure="ordinary", reason="再次申请")
    with pytest.raises(PermissionDenied):  # the judge does not approve their own request
        decide_procedure_change(asked, actor=judge, approve=True)
    with pytest.raises(ValidationError):  # a refusal says why
        decide_procedure_change(asked, actor=head, approve=False)
    decide_procedure_change(asked, actor=head, approve=True)
    case.refresh_from_db()
    assert case.procedure == "ordinary" and case.time_limit.rule_code == "civil-ordinary"
    assert case.time_limit.starts_on == case.filed_on
    # never back
    with pytest.raises(ValidationError, match="普通程序|ordinary"):
        change_procedure(case, actor=judge, procedure="summary", reason="又变简单了")
    # the parties read the change on their timeline
    labels = [label for _e, label in public_events(case)]
    assert any("程序" in str(label) or "rocedure" in str(label) for label in labels)


def test_small_claims_go_to_summary_or_ordinary_only(demo, case):  # noqa: F811
    judge, head = demo["wangjun"], demo["liuqiang"]
    case = change_procedure(case, actor=judge, procedure="small_claims", reason="小额")
    with pytest.raises(ValidationError):
        change_procedure(case, actor=judge, procedure="special", reason="x")
    decide_procedure_change(
        change_procedure(case, actor=judge, procedure="summary", reason="标的超过限额"),
        actor=head, approve=True)
    case.refresh_from_db()
    assert case.procedure == "summary"
    with pytest.raises(ValidationError):  # summary to small claims: not a lawful path
        change_procedure(case, actor=judge, procedure="small_claims", reason="x")


def test_no_first_choice_once_heard(demo, case):  # noqa: F811
    case_event(case, "hearing_held", actor=demo["wangjun"], hearing_kind="hearing",
               starts_at="2026-03-02 09:00")
    with pytest.raises(ValidationError):  # heard under the ordinary procedure
        change_procedure(case, actor=demo["wangjun"], procedure="summary", reason="简单")


def test_the_leader_approves_on_the_case_page(demo, case):  # noqa: F811
    judge, head = demo["wangjun"], demo["liuqiang"]
    case = change_procedure(case, actor=judge, procedure="summary", reason="事实清楚")
    change_procedure(case, actor=judge, procedure="ordinary", reason="需要鉴定")
    url = reverse("cases:detail", args=[case.code])
    c = Client()
    c.force_login(head)
    page = c.get(url).content.decode()
    assert "需要鉴定" in page
    decide = reverse("cases:decide_procedure", args=[case.code, pending(case).pk])
    assert decide in page
    j = Client()
    j.force_login(judge)
    assert j.post(decide, {"approve": "yes"}).status_code == 403
    assert c.post(decide, {"approve": "yes"}).status_code == 302
    case.refresh_from_db()
    assert case.procedure == "ordinary"


def test_a_panel_case_does_not_go_to_a_sole_judge_procedure(demo, case):  # noqa: F811
    from tianping.cases import actions_panel as panel

    panel.compose_bench(case, actor=demo["liuqiang"], sole=False,
                        judges=[demo["liuqiang"], demo["wangjun"]], assessors=1)
    with pytest.raises(ValidationError, match="独任|sole"):
        change_procedure(case, actor=demo["wangjun"], procedure="summary", reason="简单")
    panel.compose_bench(case, actor=demo["liuqiang"], sole=True)
    assert change_procedure(case, actor=demo["wangjun"], procedure="summary",
                            reason="简单").procedure == "summary"
