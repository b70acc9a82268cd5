"""Supervision orders (督办): who may issue, reply and close; one order on many cases; the
timeline; the warning of a reply overdue, raised once; the pages and the API."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.cases.models import CaseEvent
from tianping.notifications.models import Notification
from tianping.supervision import actions, permissions
from tianping.supervision.models import SupervisionWarning
from tianping.supervision.sweep import sweep
from tianping.supervision.tests.helpers import a_case, higher_president, other_division_head

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = timezone.localdate()
DUE = TODAY + datetime.timedelta(days=7)


def issued(cases, actor, **extra):
    return actions.issue(cases, actor=actor, reason=extra.pop("reason", "overdue"),
                         instructions=extra.pop("instructions", "说明超审限原因"),
                         reply_due_on=extra.pop("reply_due_on", DUE), today=TODAY, **extra)


def test_who_may_issue(judge, division_head, president, trial_management, litigant,
                       filing_clerk, judge_of_other_court):
    case = a_case(judge)
    assert permissions.can_issue(division_head, case)
    assert permissions.can_issue(president, case)
    assert permissions.can_issue(trial_management, case)
    assert permissions.can_issue(higher_president(), case)  # 内25 sees the courts below
    for refused in (other_division_head(), judge, litigant, filing_clerk,
                    judge_of_other_court):
        assert not permissions.can_issue(refused, case)
        with pytest.raises(PermissionDenied):
            issued([case], refused)


def test_a_division_head_supervises_only_the_cases_of_their_division(judge, division_head):
    other = a_case(judge, division="刑事审判庭")
    assert not permissions.can_issue(division_head, other)
    with pytest.raises(PermissionDenied):
        issued([a_case(judge), other], division_head)


def test_one_order_on_many_cases_with_events_and_messages(judge, division_head):
    cases = [a_case(judge) for _ in range(3)]
    order = issued(cases, division_head)
    assert order.items.count() == 3 and order.court.code == "内2502"
    for case in cases:
        event = CaseEvent.objects.get(case=case, kind="supervised")
        assert not event.is_public and event.details["order"] == order.code
        assert event.details["supervision_reason"] == "overdue"
    note = Notification.objects.get(user=judge, kind="supervision.issued")
    assert "3" in note.message and order.code in note.message
    assert note.url == f"/supervision/{order.code}/"


def test_bounds_of_an_order(judge, division_head):
    case = a_case(judge)
    with pytest.raises(ValidationError):
        issued([case], division_head, reply_due_on=TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        issued([case], division_head, reason="other", instructions="")
    with pytest.raises(ValidationError):
        issued([], division_head)


def test_only_the_judge_replies_and_never_the_issuer(judge, division_head, president):
    case = a_case(judge)
    order = issued([case], division_head)
    item = order.items.get()
    for refused in (division_head, president):
        with pytest.raises(PermissionDenied):
            actions.reply(item, actor=refused, text="已处理")
    upload = SimpleUploadedFile("情况说明.pdf", PDF, content_type="application/pdf")
    actions.reply(item, actor=judge, text="已安排开庭，预计月底结案。", attachment=upload)
    item.refresh_from_db()
    order.refresh_from_db()
    assert item.status == "replied" and item.attachment_name == "情况说明.pdf"
    assert order.status == "replied"
    with pytest.raises(PermissionDenied):  # once
        actions.reply(item, actor=judge, text="再次")
    assert CaseEvent.objects.get(case=case, kind="supervision_replied").details[
        "has_attachment"] is True
    assert Notification.objects.filter(user=division_head, kind="supervision.replied").exists()


def test_a_judge_who_issued_does_not_reply_to_their_own_order(judge, division_head):
    case = a_case(division_head)  # the head judges this case himself
    order = issued([case], division_head)
    assert not permissions.can_reply(division_head, order.items.get())


def test_closing_by_the_issuer_or_the_president(judge, division_head, president):
    cases = [a_case(judge), a_case(judge)]
    order = issued(cases, division_head)
    first, second = order.items.order_by("pk")
    with pytest.raises(PermissionDenied):
        actions.close_item(first, actor=judge, note="")
    actions.close_item(first, actor=division_head, note="已核实")
    order.refresh_from_db()
    assert order.status == "open"
    actions.close_order(order, actor=president, note="督办完毕")
    order.refresh_from_db()
    second.refresh_from_db()
    assert order.status == "closed" and second.status == "closed"
    assert CaseEvent.objects.filter(kind="supervision_closed").count() == 2
    with pytest.raises(PermissionDenied):
        actions.reply(second, actor=judge, text="迟到的答复")


def test_an_overdue_reply_is_warned_once(judge, division_head):
    replied, late = a_case(judge), a_case(judge)
    order = issued([replied, late], division_head, reply_due_on=TODAY)
    actions.reply(order.items.get(case=replied), actor=judge, text="已答复")
    assert sweep(TODAY) == 0  # due today: not yet late
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert sweep(tomorrow) == 1
    assert sweep(tomorrow) == 0 and sweep(tomorrow + datetime.timedelta(days=3)) == 0
    assert SupervisionWarning.objects.get().item.case == late
    warned = Notification.objects.filter(kind="supervision.overdue")
    assert set(warned.values_list("user", flat=True)) == {judge.pk, division_head.pk}
    assert late.number in warned.first().message


def test_the_sweep_command_warns_too(judge, division_head):
    from django.core.management import call_command

    issued([a_case(judge)], division_head, reply_due_on=TODAY)
    day = (TODAY + datetime.timedelta(days=2)).isoformat()
    call_command("sweep-deadlines", today=day)
    call_command("sweep-deadlines", today=day)
    assert SupervisionWarning.objects.count() == 1


def test_who_reads_an_order(judge, division_head, president, filing_clerk, litigant):
    order = issued([a_case(judge)], division_head)
    for reader in (judge, division_head, president, higher_president()):
        assert permissions.get_order_for_user(reader, order.code) == order
    for outsider in (filing_clerk, litigant, other_division_head()):
        assert not permissions.orders_visible_to(outsider).filter(pk=order.pk).exists()


# Pages


def test_issue_from_the_case_page_and_reply_there(client, judge, division_head):
    case = a_case(judge)
    client.force_login(division_head)
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert f"/supervision/new/?case={case.code}" in page
    form = client.get(f"/supervision/new/?case={case.code}").content.decode()
    assert case.number in form
    response = client.post(f"/supervision/new/?case={case.code}", {
        "reason": "quality", "instructions": "请说明", "reply_due_on": DUE.isoformat(),
        "cases": case.number})
    order = case.supervisions.get().order
    assert response.status_code == 302 and response["Location"] == f"/supervision/{order.code}/"
    client.force_login(judge)
    page = client.get(f"/cases/{case.code}/").content.decode()
    item = order.items.get()
    assert f"/supervision/{order.code}/cases/{case.code}/reply/" in page
    response = client.post(f"/supervision/{order.code}/cases/{case.code}/reply/", {
        "back": "case", f"r{item.pk}-reply": "已于本周开庭"})
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.code}/"
    assert "已于本周开庭" in client.get(f"/cases/{case.code}/").content.decode()


def test_issue_from_the_overdue_lists(client, judge, division_head):
    old = [a_case(judge, days=500), a_case(judge, days=500)]
    client.force_login(division_head)
    listing = client.get("/time-limits/overdue/?months=12").content.decode()
    assert "/supervision/new/?list=long_pending&amp;months=12" in listing
    form = client.get("/supervision/new/?list=long_pending&months=12").content.decode()
    assert old[0].number in form
    response = client.post("/supervision/new/", {
        "reason": "long_pending", "reply_due_on": DUE.isoformat(),
        "source": "long_pending:12", "whole_list": "on"})
    assert response.status_code == 302
    from tianping.supervision.models import SupervisionOrder

    order = SupervisionOrder.objects.get()
    assert {i.case_id for i in order.items.all()} >= {c.pk for c in old}
    response = client.post("/supervision/new/", {
        "reason": "long_pending", "reply_due_on": DUE.isoformat(),
        "source": "long_pending:12", "picked": [old[1].code]})
    assert response.status_code == 302
    assert SupervisionOrder.objects.first().items.get().case == old[1]


def test_a_case_of_another_division_named_is_refused_on_the_form(client, judge, division_head):
    other = a_case(judge, division="刑事审判庭")
    client.force_login(division_head)
    response = client.post("/supervision/new/", {
        "reason": "overdue", "reply_due_on": DUE.isoformat(), "cases": other.number})
    assert response.status_code == 400 and other.number in response.content.decode()


def test_the_leaders_list_tabs(client, judge, division_head, litigant):
    open_order = issued([a_case(judge)], division_head, reply_due_on=TODAY)
    closed = actions.close_order(issued([a_case(judge)], division_head), actor=division_head)
    client.force_login(division_head)
    assert open_order.code in client.get("/supervision/").content.decode()
    assert closed.code not in client.get("/supervision/").content.decode()
    assert closed.code in client.get("/supervision/?tab=closed").content.decode()
    assert open_order.code not in client.get("/supervision/?tab=overdue").content.decode()
    client.force_login(litigant)
    assert client.get("/supervision/").status_code == 403


def test_the_order_page_and_closing(client, judge, division_head):
    case = a_case(judge)
    order = issued([case], division_head)
    client.force_login(judge)
    page = client.get(f"/supervision/{order.code}/").content.decode()
    assert case.number in page and "/close/" not in page
    assert client.post(f"/supervision/{order.code}/close/").status_code == 403
    client.force_login(division_head)
    response = client.post(f"/supervision/{order.code}/close/", {"note": "结束"})
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == "closed"


# API


def api_post(client, url, body):
    return client.post(url, json.dumps(body, ensure_ascii=False), content_type="application/json")


def test_the_api(client, judge, division_head, president):
    cases = [a_case(judge), a_case(judge)]
    client.force_login(division_head)
    response = api_post(client, "/api/v1/supervision/orders", {
        "reason": "petition", "instructions": "当事人信访", "reply_due_on": DUE.isoformat(),
        "cases": [cases[0].code, cases[1].number]})
    assert response.status_code == 201, response.content
    order = response.json()
    assert {c["case"] for c in order["cases"]} == {c.code for c in cases}
    listing = client.get("/api/v1/supervision/orders").json()
    assert [o["code"] for o in listing["items"]] == [order["code"]]
    assert listing["items"][0]["cases"] == 2
    url = f"/api/v1/supervision/orders/{order['code']}"
    assert api_post(client, f"{url}/cases/{cases[0].code}/reply",
                    {"text": "我答复"}).status_code == 403
    client.force_login(judge)
    answer = api_post(client, f"{url}/cases/{cases[0].code}/reply", {"text": "已开庭"})
    assert answer.status_code == 200
    assert answer.json()["cases"][0]["status"] == "replied"
    client.force_login(president)
    closed = api_post(client, f"{url}/close", {"note": "完毕"})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"


def test_the_api_refuses_what_it_should(client, judge, division_head, litigant):
    case = a_case(judge)
    for who, status in ((judge, 403), (litigant, 403), (other_division_head(), 422)):
        client.force_login(who)
        response = api_post(client, "/api/v1/supervision/orders", {
            "reason": "overdue", "reply_due_on": DUE.isoformat(), "cases": [case.code]})
        assert response.status_code == status, (who, response.content)
    client.force_login(division_head)
    response = api_post(client, "/api/v1/supervision/orders", {
        "reason": "overdue", "reply_due_on": DUE.isoformat(), "from_list": "nonsense"})
    assert response.status_code == 422
