"""Query counts of the lists that must hold a province: the case list (page and API), the
overdue list and the dashboard (page and API), for a judge, a president and a higher-court
officer. Each is measured with a little data, then the data grows the ways a province
grows (more courts below, more divisions and judges, more rows than a page, green flags,
overdue and closed cases), and the count must not change."""

import datetime
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tianping.accounts.models import User
from tianping.cases.models import Case, CaseParty
from tianping.cases.tests.test_case_pages import make_case
from tianping.courts.models import Court, Division, Membership
from tianping.deadlines.models import CaseTimeLimit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
_numbers = itertools.count(1)

LISTS = [
    # (who, what)
    ("wangjun", "/cases/"),
    ("wangjun", "/cases/?mine=on"),
    ("wangjun", "/cases/?state=pending"),  # past "my cases": the division's too
    ("wangjun", "/cases/?q=民初"),  # search: a part of the number
    ("chenzhi", "/cases/?q=张三&state=all"),  # search: a party's name
    ("chenzhi", "/api/v1/cases?q=民初"),
    ("chenzhi", "/cases/"),
    ("chenzhi", "/cases/?state=all"),
    ("chenzhi", "/cases/?state=closed"),
    ("bayar", "/cases/"),
    ("bayar", "/cases/?state=all"),
    ("wangjun", "/api/v1/cases"),
    ("wangjun", "/api/v1/cases?mine=true"),
    ("chenzhi", "/api/v1/cases"),
    ("bayar", "/api/v1/cases"),
    ("bayar", "/api/v1/cases?state=closed"),
    ("chenzhi", "/time-limits/overdue/"),
    ("bayar", "/time-limits/overdue/"),
    ("chenzhi", "/time-limits/overdue/?months=12"),
    ("chenzhi", "/indicators/"),  # the dashboard (issue 13 part 7)
    ("bayar", "/indicators/"),
    ("bayar", "/indicators/?court=内25&lower=1"),
    ("chenzhi", "/api/v1/cases/dashboard"),
    ("bayar", "/api/v1/cases/dashboard?court=*"),
]


def judge_at(court, division, username):
    user = User.objects.create_user(username, password="x", full_name=username, kind="staff")
    Membership.objects.create(user=user, court=court, role="judge", division=division)
    return user


def cases_at(court, division, judges, count, *, team=None):
    """COUNT cases at COURT spread over JUDGES: green or not, pending (some overdue, some
    suspended) or closed this year, each with two parties and a time limit."""
    states = ["assigned", "in_trial", "suspended", "filed", "closed", "archived"]
    rows = []
    for i in range(count):
        state = states[i % len(states)]
        filed_on = TODAY - datetime.timedelta(days=10 + 7 * i)
        rows.append(
            Case(
                number=f"（2026）{court.code}民初{next(_numbers) + 1000}号",
                court=court,
                division=division,
                team=team,
                judge=None if state == "filed" else judges[i % len(judges)],
                type_code="民初",
                procedure="ordinary",
                track="ordinary",
                state=state,
                filed_on=filed_on,
                closed_on=TODAY - datetime.timedelta(days=i % 5)
                if state in ("closed", "archived")
                else None,
                closure_mode="judgment" if state in ("closed", "archived") else "",
                is_livelihood=i % 3 == 0,
                is_enterprise=i % 7 == 0,
                is_migrant_wages=i % 11 == 0,
            )
        )
    cases = Case.objects.bulk_create(rows)
    CaseParty.objects.bulk_create(
        CaseParty(
            case=c,
            role=role,
            kind="natural",
            name=f"当事人{c.pk}{role[0]}",
            doc_type="resident_id",
            id_number="152502198503120022",
            position=n,
        )
        for c in cases
        for n, role in enumerate(("plaintiff", "defendant", "defendant"))
    )
    CaseTimeLimit.objects.bulk_create(
        CaseTimeLimit(
            case=c,
            rule_code="civil-ordinary",
            starts_on=c.filed_on,
            expires_on=c.filed_on + datetime.timedelta(days=30 + 20 * (i % 4)),
            suspended_since=TODAY if c.state == "suspended" else None,
        )
        for i, c in enumerate(cases)
    )
    return cases


def grow(demo):
    """The province grows: two more basic courts under 内25 with their divisions, judges and
    cases; more divisions and judges at 内2502; more cases than a page everywhere."""
    parent = Court.objects.get(code="内25")
    home = Court.objects.get(code="内2502")
    team = home.teams.filter(kind="fast_track").first()
    for n, code in enumerate(("内2522", "内2523")):
        court = Court.objects.create(
            code=code, name=f"测试法院{code}", level="basic", parent=parent
        )
        divisions = [
            Division.objects.create(court=court, name=name, kind=kind)
            for name, kind in (("民事审判第一庭", "civil"), ("执行局", "enforcement"))
        ]
        judges = [judge_at(court, divisions[0], f"judge-{n}-{i}") for i in range(3)]
        cases_at(court, divisions[0], judges, 30)
    second = Division.objects.create(court=home, name="民事审判第二庭", kind="civil")
    first = home.divisions.get(name="民事审判第一庭")
    judges = [judge_at(home, second, f"judge-home-{i}") for i in range(4)]
    cases_at(home, first, [demo["wangjun"]], 60, team=team)
    cases_at(home, second, judges, 60)
    cases_at(parent, parent.divisions.get(name="民事审判第一庭"), [demo["sarula"]], 30)


@pytest.fixture(autouse=True)
def no_indicator_cache(settings):
    """The indicator pages' counts, computed every time (not kept in the cache)."""
    settings.TIANPING_INDICATOR_CACHE_SECONDS = (0, 0)


@pytest.fixture
def little(demo):
    """A little data: two cases filed the usual way, one of them closed, one overdue."""
    from tianping.cases.tests.closing import close_in_trial

    today = TODAY
    old = make_case(demo, on=today - datetime.timedelta(days=400))
    closed = make_case(demo, on=today - datetime.timedelta(days=30), is_livelihood=True)
    close_in_trial(closed, actor=demo["wangjun"], closed_on=today)
    return old


@pytest.mark.parametrize(("who", "url"), LISTS)
def test_a_list_takes_the_same_queries_however_the_data_grows(
    demo, client, little, who, url, django_assert_num_queries
):
    client.force_login(demo[who])
    client.get(url)  # warm-up: what a process reads once
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(demo)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("chenzhi", "/api/v1/cases?limit=20"),
        ("bayar", "/api/v1/cases?limit=20"),
        ("bayar", "/api/v1/cases?limit=20&state=all"),
        ("bayar", "/api/v1/cases?limit=20&state=closed"),
        ("wangjun", "/api/v1/cases?limit=20&mine=true"),
        ("bayar", "/api/v1/cases?limit=20&state=all&q=民初"),
    ],
)
def test_every_page_of_a_long_list_takes_the_same_queries_and_each_case_comes_once(
    demo, client, little, who, url, django_assert_num_queries
):
    grow(demo)
    client.force_login(demo[who])
    first = client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    seen, token, pages = [c["code"] for c in first.json()["items"]], first.json()["next"], 1
    while token:
        with django_assert_num_queries(len(one.captured_queries)):
            body = client.get(f"{url}&after={token}").json()
        seen += [c["code"] for c in body["items"]]
        token, pages = body["next"], pages + 1
    assert pages > 1
    assert len(seen) == len(set(seen))  # no case twice, across ties of the same date
    state = {"state=all": "all", "state=closed": "closed"}
    form = next((v for k, v in state.items() if k in url), "pending")
    mine = "mine=true" in url
    q = "民初" if "q=" in url else ""
    assert len(seen) == _expected(demo[who], form, mine, q)


def _expected(user, state, mine, q="") -> int:
    from tianping.cases.forms import CaseFilterForm
    from tianping.cases.permissions import cases_visible_to

    data = {"state": state, "q": q, **({"mine": "on"} if mine else {})}
    return CaseFilterForm(data, user=user).apply(cases_visible_to(user)).count()


def test_the_overdue_list_is_read_a_page_at_a_time(demo, client, little):
    grow(demo)
    client.force_login(demo["bayar"])
    page = client.get("/time-limits/overdue/").content.decode()
    assert "?after=" in page  # more than a page of overdue cases: a link to the next one
    token = page.split("?after=", 1)[1].split('"', 1)[0]
    second = client.get(f"/time-limits/overdue/?after={token}").content.decode()
    first_cases = set(re.findall(r"/time-limits/cases/(\w+)/", page))
    second_cases = set(re.findall(r"/time-limits/cases/(\w+)/", second))
    assert second_cases and not first_cases & second_cases


def test_closing_a_case_stops_its_time_limit_and_takes_it_off_the_overdue_list(
    demo, client, little
):
    client.force_login(demo["chenzhi"])
    assert little.number in client.get("/time-limits/overdue/").content.decode()
    from tianping.cases.actions import start_trial
    from tianping.cases.tests.closing import pdf

    client.force_login(little.judge)
    start_trial(little, actor=little.judge)
    response = client.post(
        f"/cases/{little.code}/close/",
        {"mode": "mediation", "closed_on": TODAY.isoformat(), "documents": [pdf("调解书.pdf")],
         "confirm": "on"},
    )
    assert response.status_code == 302
    limit = CaseTimeLimit.objects.get(case=little)
    assert limit.case_closed and limit.runs_until is None
    client.force_login(demo["chenzhi"])
    assert little.number not in client.get("/time-limits/overdue/").content.decode()


def test_the_overdue_summary_counts_each_judges_and_divisions_overdue_cases(demo, client, little):
    """The by-judge and by-division counts (their own request, loaded into the overdue
    page) against a count made here from the time limits themselves."""
    from collections import Counter

    from tianping.courts.permissions import visible_court_ids

    grow(demo)
    client.force_login(demo["bayar"])
    page = client.get("/time-limits/overdue/").content.decode()
    assert 'hx-get="/time-limits/overdue/summary/"' in page
    part = client.get("/time-limits/overdue/summary/", headers={"HX-Request": "true"})
    assert "<html" not in part.content.decode()  # a part of the page, not a page
    overdue = CaseTimeLimit.objects.filter(
        case__court_id__in=visible_court_ids(demo["bayar"]),
        case__state__in=["filed", "assigned", "in_trial", "suspended"],
        suspended_since__isnull=True,
        expires_on__lt=TODAY,
    ).select_related("case__judge", "case__division__court")
    judges = Counter(str(limit.case.judge.full_name) for limit in overdue if limit.case.judge)
    divisions = Counter(
        f"{d.name}（{d.court.name}）"
        for d in (limit.case.division for limit in overdue)
        if d
    )
    text = part.content.decode()
    judge_part, division_part = text.split("</section>", 1)
    assert len(judges) > 3
    for name, n in judges.items():
        assert f"<li>{name}：{n}</li>" in judge_part  # the reader's (Chinese) colon
    for name, n in divisions.items():
        assert f"<li>{name}：{n}</li>" in division_part
    whole = client.get("/time-limits/overdue/summary/").content.decode()
    assert "<html" in whole and judge_part.split("<ul>", 1)[1] in whole  # without JavaScript
