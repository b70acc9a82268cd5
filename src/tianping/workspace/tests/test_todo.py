"""The workspace home shows what waits for each person, as counts with links, each count one
query, read through the permission modules."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.cases.actions import assign_by_hand
from tianping.deadlines.actions import request_extension
from tianping.filings import actions
from tianping.filings.tests.test_review_pages import make_filing
from tianping.flows.filing import accept_filing
from tianping.workspace.todo import todos

pytestmark = pytest.mark.django_db


def counts(user, today=None):
    return {t.key: t.count for t in todos(user, today or timezone.localdate())}


@pytest.fixture
def work(demo):
    today = timezone.localdate()
    make_filing(demo)  # under review, due in a week
    make_filing(demo, on=today - datetime.timedelta(days=30))  # overdue
    corrected = make_filing(demo)
    actions.request_correction(corrected, actor=demo["lixia"], items=["补充证据"],
                               respond_by=today + datetime.timedelta(days=10))
    corrected.refresh_from_db()
    actions.answer_correction(corrected, actor=demo["zhangsan"], answer="已补充")
    waiting = make_filing(demo)
    actions.request_correction(waiting, actor=demo["lixia"], items=["补充证据"],
                               respond_by=today + datetime.timedelta(days=10))
    actions.propose_refusal(make_filing(demo), actor=demo["lixia"], basis="cpl_122",
                            reasons="原告与本案没有直接利害关系，不符合起诉条件。")
    case = accept_filing(make_filing(demo), actor=demo["lixia"])
    case = assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"], reason="对口")
    request_extension(case, actor=demo["wangjun"], reason="案情复杂", today=today)
    return case


def test_the_filing_clerk_sees_what_waits_for_review(demo, work):
    # 6 open (one with a refusal proposed), 1 overdue, 1 answered; not the filed one
    assert counts(demo["lixia"]) == {"to_review": 5, "due_today": 1, "answered": 1,
                                     "mediations_awaiting": 0}


def test_the_filing_division_and_the_mediator_see_their_mediations(demo):
    from tianping.flows.mediation import apply_for_mediation
    from tianping.mediation import actions_mediations
    from tianping.mediation.models import Mediator
    from tianping.mediation.tests.test_mediations import draft

    court = demo["lixia"].memberships.first().court
    drafts = [draft(demo, court) for _ in range(2)]
    waiting, appointed = (apply_for_mediation(f, actor=demo["zhangsan"]) for f in drafts)
    assert counts(demo["lixia"])["mediations_awaiting"] == 2
    assert "mediations_to_accept" not in counts(demo["lixia"])
    actions_mediations.appoint(appointed, Mediator.objects.get(user=demo["hutao"]),
                               actor=demo["lixia"], today=timezone.localdate(), override="x")
    assert counts(demo["lixia"])["mediations_awaiting"] == 1
    mediator = counts(demo["hutao"])
    assert mediator["mediations_to_accept"] == 1 and mediator["mediations_going"] == 0
    assert "mediations_awaiting" not in mediator and "mediations_to_accept" not in counts(
        demo["wangjun"])


def test_the_judge_president_and_division_head_see_theirs(demo, work):
    judge = counts(demo["wangjun"])
    assert judge["refusals"] == 1 and judge["assigned"] == 1
    assert judge["due_30"] == 0  # the new case has months to run
    later = timezone.localdate() + datetime.timedelta(days=200)
    assert counts(demo["wangjun"], later)["due_30"] == 1
    president = counts(demo["chenzhi"])
    assert president["extensions"] == 1 and president["refusals"] == 1
    assert "unassigned" in president and "extensions" not in counts(demo["liuqiang"])
    assert "to_review" not in judge and "refusals" not in counts(demo["lixia"])


def test_each_count_is_one_query(demo, work):
    for name, most in (("lixia", 1), ("wangjun", 2), ("chenzhi", 7)):
        user = type(demo[name]).objects.get(pk=demo[name].pk)
        with CaptureQueriesContext(connection) as queries:
            found = todos(user, timezone.localdate())
        # the memberships once, then one query a count (the filing division's three in one)
        assert len(queries) <= 1 + most + len(found), (name, [q["sql"] for q in queries])


def test_the_home_page_links_each_count(client, demo, work, login):
    login(demo["lixia"])
    page = client.get("/workspace/").content.decode()
    assert 'href="/filing-review/?show=due"' in page
    assert 'href="/filing-review/?show=answered"' in page
    overdue = client.get("/filing-review/?show=due").content.decode()
    assert overdue.count('href="/filing-review/') >= 1
