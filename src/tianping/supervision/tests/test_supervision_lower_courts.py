"""A higher court's division head whose membership sees the courts below finds the lower
courts' cases of their line of work (the same kind of division) in the supervision page's
case finder, and supervises them; never other divisions' cases, and nothing below without
that sight (`cases.permissions`)."""

import datetime

import pytest
from django.utils import timezone

from tianping.cases.permissions import cases_visible_to
from tianping.courts.choices import Role
from tianping.supervision.models import SupervisionOrder
from tianping.supervision.tests.helpers import a_case, staff

pytestmark = pytest.mark.django_db
DUE = timezone.localdate() + datetime.timedelta(days=7)


@pytest.fixture
def below(judge):
    """Long-pending cases below 内25: civil at 内2502 and 内2501, criminal at 内2502."""
    return {"civil": a_case(judge), "civil_other_court": a_case(judge, court_code="内2501"),
            "criminal": a_case(judge, division="刑事审判庭")}


def test_the_predicate(below, division_head):
    head = staff("sup-head-high", "内25", Role.DIVISION_HEAD, "民事审判第一庭",
                 sees_lower_courts=True)
    seen = set(cases_visible_to(head).values_list("pk", flat=True))
    assert {below["civil"].pk, below["civil_other_court"].pk} <= seen
    assert below["criminal"].pk not in seen
    blind = staff("sup-head-blind", "内25", Role.DIVISION_HEAD, "民事审判第一庭")
    assert not cases_visible_to(blind).filter(pk__in=[c.pk for c in below.values()]).exists()
    # the lower court's own division head: unchanged, their division only
    own = set(cases_visible_to(division_head).values_list("pk", flat=True))
    assert below["civil"].pk in own and below["criminal"].pk not in own
    assert below["civil_other_court"].pk not in own


def test_the_finder_shows_them_and_the_head_supervises(client, below):
    head = staff("sup-head-high", "内25", Role.DIVISION_HEAD, "民事审判第一庭",
                 sees_lower_courts=True)
    client.force_login(head)
    page = client.get("/supervision/new/?list=long_pending&months=12")
    text = page.content.decode()
    assert page.status_code == 200
    assert below["civil"].number in text and below["civil_other_court"].number in text
    assert below["criminal"].number not in text
    response = client.post("/supervision/new/", {
        "reason": "long_pending", "reply_due_on": DUE.isoformat(),
        "source": "long_pending:12", "picked": [below["civil_other_court"].code]})
    assert response.status_code == 302, response.content.decode()[:3000]
    order = SupervisionOrder.objects.get()
    assert order.court.code == "内25"
    assert [i.case_id for i in order.items.all()] == [below["civil_other_court"].pk]
    refused = client.post("/supervision/new/", {
        "reason": "overdue", "reply_due_on": DUE.isoformat(),
        "cases": below["criminal"].number})
    assert refused.status_code == 400
