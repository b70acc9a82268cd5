"""Mediation figures (issue 11, part 7): per court, partner and mediator for leaders, a
coordinator's own partner only, nobody else; the figures recounted here from the objects
one by one; the same number of queries however many mediators; bounded periods; and the
roster's performance record with agreements confirmed, broken and the ratings."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tianping.cases.models import Case
from tianping.courts.models import Court
from tianping.flows.mediation import end_mediation, refer_case
from tianping.lib.names import local_name
from tianping.mediation import actions_mediations as actions
from tianping.mediation.events import mediation_event
from tianping.mediation.figures import figures
from tianping.mediation.models import Mediation, Mediator, Partner
from tianping.mediation.models_outcomes import MediationAgreement, MediationRating
from tianping.mediation.permissions import can_read_mediation_figures, figure_courts
from tianping.mediation.queries import performance
from tianping.mediation.tests.test_mediation_queries import grow
from tianping.mediation.tests.test_mediations import applied, hutao_entry
from tianping.payments.tests.test_fees_due import filed

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 3, 2)
YEAR = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
URL = "/mediation/figures/"
API = "/api/v1/mediation/figures"


@pytest.fixture
def court(demo):
    return Court.objects.get(code="内2502")


def fic(court):
    return Partner.objects.get(court=court, name="锡林浩特市工商业联合会")


def saren():
    return Mediator.objects.get(name="萨仁")  # 工商联's, no account: the clerk records for them


def day(n):
    return MONDAY + datetime.timedelta(days=n)


def at(d, hour):
    return timezone.make_aware(datetime.datetime.combine(d, datetime.time(hour)))


def taken(demo, court, mediator, today=MONDAY):
    """A pre-filing mediation appointed to MEDIATOR and accepted (by them, or for a
    mediator without an account by the filing division)."""
    m = actions.appoint(applied(demo, court, today), mediator, actor=demo["lixia"],
                        today=today, override="测试")
    who = demo["hutao"] if mediator.user_id else demo["lixia"]
    return actions.accept(m, actor=who, today=today)


def conductor(demo, m):
    return demo["hutao"] if m.mediator.user_id else demo["lixia"]


def agreement(demo, m, performance="", confirmed=False, document=False, stars=()):
    """What the outcomes (part 4) record: the agreement, its confirmation or mediation
    document on the timeline, its performance and the parties' ratings."""
    MediationAgreement.objects.create(
        mediation=m, template="loan", text="分期还款", drafted_by=conductor(demo, m),
        drafted_at=timezone.now(), signed_on=m.ended_on, performance=performance)
    if confirmed:
        mediation_event(m, "confirmation_granted", actor=demo["wangjun"],
                        number="（2026）内2502民特1号")
    if document:
        mediation_event(m, "document_issued", actor=demo["wangjun"], number="（2026）内2502民初9号")
    parties = list(m.filing.parties.all()) if m.filing_id else []
    for party, n in zip(parties, stars, strict=False):
        MediationRating.objects.create(mediation=m, party=party, stars=n,
                                       rated_by=demo["zhangsan"])


@pytest.fixture
def world(demo, court):
    """Mediations of 2026 in every state, with 胡涛 (in court, no partner) and 萨仁 (工商联),
    a case referred after filing, and one of 2025 that the year's figures leave out."""
    hutao, sr = hutao_entry(), saren()
    one = taken(demo, court, hutao)
    end_mediation(one, actor=demo["hutao"], outcome="settled", report="达成协议", today=day(8))
    one.refresh_from_db()
    agreement(demo, one, "performed", confirmed=True, stars=(5, 4))
    two = taken(demo, court, hutao)
    end_mediation(two, actor=demo["hutao"], outcome="failed", reason="disagreement",
                  report="分歧较大", today=day(20))
    three = taken(demo, court, sr, today=day(1))
    session = actions.schedule_session(three, actor=demo["lixia"], starts_at=at(day(3), 9),
                                       ends_at=at(day(3), 10), mode="online",
                                       link="https://meeting.court.example/r/1")
    actions.record_session(session, actor=demo["lixia"],
                           attended=list(three.filing.parties.values_list("pk", flat=True)),
                           record="双方在线参加")
    end_mediation(three, actor=demo["lixia"], outcome="settled", report="达成协议",
                  today=day(4))
    three.refresh_from_db()
    agreement(demo, three, "broken", document=True, stars=(3,))
    applied(demo, court, today=day(5))  # waiting for a mediator
    gone = applied(demo, court, today=day(6))
    end_mediation(gone, actor=demo["zhangsan"], outcome="withdrawn", today=day(7))
    case = filed(demo, today=MONDAY)
    referred = refer_case(case, hutao, actor=case.judge, consented_parties=list(
        case.parties.values_list("pk", flat=True)), override="测试", today=MONDAY)
    actions.accept(referred, actor=demo["hutao"], today=day(1))
    old = taken(demo, court, hutao, today=datetime.date(2025, 6, 2))
    end_mediation(old, actor=demo["hutao"], outcome="settled", report="达成协议",
                  today=datetime.date(2025, 6, 10))
    return {"one": one, "two": two, "three": three, "referred": referred, "old": old}


def recount(mediations, start, end):
    """The figures of MEDIATIONS worked out one by one, without the module's queries."""
    rows = {}
    for m in mediations:
        row = rows.setdefault(m.mediator_id, {
            "applications": 0, "ended": 0, "settled": 0, "online": 0, "days": [],
            "confirmed": 0, "documents": 0, "performed": 0, "broken": 0, "stars": []})
        if start <= m.applied_on <= end:
            row["applications"] += 1
        if m.ended_on is None or not start <= m.ended_on <= end:
            continue
        row["ended"] += 1
        row["settled"] += m.status == "settled"
        row["online"] += m.held_online
        if m.accepted_on:
            row["days"].append((m.ended_on - m.accepted_on).days)
        kinds = {e.kind for e in m.events.all()}
        row["confirmed"] += "confirmation_granted" in kinds
        row["documents"] += "document_issued" in kinds
        kept = getattr(m, "agreement", None)
        row["performed"] += bool(kept and kept.performance == "performed")
        row["broken"] += bool(kept and kept.performance == "broken")
        row["stars"] += [r.stars for r in m.ratings.all()]
    return rows


def test_the_figures_are_those_counted_one_by_one(demo, court, world):
    found = figures([court], *YEAR)
    expected = recount(Mediation.objects.filter(court=court), *YEAR)
    by_mediator = {row.key: row for row in found.by_mediator}
    assert set(by_mediator) == {"unassigned" if k is None else k for k in expected}
    for key, want in expected.items():
        row = by_mediator["unassigned" if key is None else key]
        assert (row.applications, row.ended, row.settled, row.online, row.confirmed,
                row.documents, row.performed, row.broken) == (
            want["applications"], want["ended"], want["settled"], want["online"],
            want["confirmed"], want["documents"], want["performed"], want["broken"]), key
        assert row.days == sum(want["days"]) and row.timed == len(want["days"])
        assert row.ratings == len(want["stars"]) and row.stars == sum(want["stars"])
    # 胡涛: the referred case, two of his own; one settled of two ended; 8 and 20 days
    hutao = by_mediator[hutao_entry().pk]
    assert (hutao.applications, hutao.referred, hutao.ended, hutao.settled) == (3, 1, 2, 1)
    assert hutao.success_rate == Decimal("0.5") and hutao.average_days == Decimal("14.0")
    assert hutao.rating == Decimal("4.5") and hutao.confirmed == 1 and hutao.performed == 1
    sr = by_mediator[saren().pk]
    assert (sr.online_share, sr.documents, sr.broken, sr.rating) == (
        Decimal("1"), 1, 1, Decimal("3.0"))
    assert sr.partner == local_name(fic(court)) and hutao.partner == ""  # English here
    # partners: 工商联 is 萨仁's alone; 胡涛 is of no partner; the waiting one has no mediator
    by_partner = {row.key: row for row in found.by_partner}
    assert by_partner[fic(court).pk].settled == 1 and by_partner["none"].ended == 2
    assert by_partner["unassigned"].applications == 2 and by_partner["unassigned"].ended == 1
    # the court: the sum of its mediators; the 2025 mediation is not in 2026's figures
    (row,) = found.by_court
    assert row.applications == 6 and row.ended == 4 and row.settled == 2
    assert row.success_rate == Decimal("0.5") and found.total.applications == 6
    assert row.online_share == Decimal("0.25")  # one of four ended was held online
    # pre-filing: 2 settled of 4 ended; the civil first-instance cases filed in 2026
    filed_cases = Case.objects.filter(court=court, type_code="民初",
                                      filed_on__range=YEAR).count()
    assert filed_cases >= 1 and row.cases_filed == filed_cases
    assert row.pre_filing_success_rate == Decimal("0.5")
    assert row.settled_before_filing == (Decimal(2) / Decimal(2 + filed_cases)).quantize(
        Decimal("0.001"))
    assert row.pre_filing_applications == 5
    direct = Case.objects.filter(court=court, type_code="民初", filed_on__range=YEAR).exclude(
        filing__mediation__isnull=False).count()
    assert row.pre_filing_rate == (Decimal(5) / Decimal(5 + direct)).quantize(Decimal("0.001"))
    last_year = figures([court], datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert last_year.total.settled == 1 and last_year.total.applications == 1


def test_the_page_and_the_api_show_the_same_figures_to_the_president(demo, court, world):
    client = Client()
    client.force_login(demo["chenzhi"])
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "调解数据" in text and "胡涛" in text and "萨仁" in text
    assert "锡林浩特市工商业联合会" in text and "诉前调解成功率" in text
    answer = client.get(API, {"from": "2026-01-01", "to": "2026-12-31"})
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert data["from"] == "2026-01-01" and data["courts"] == [court.code]
    (row,) = data["by_court"]
    assert row["key"] == court.code and row["success_rate"] == 50.0
    assert row["online_share"] == 25.0 and row["applications"] == 6
    names = {r["name"] for r in data["by_mediator"]}
    assert {"胡涛", "萨仁"} <= names
    hutao = next(r for r in data["by_mediator"] if r["name"] == "胡涛")
    assert hutao["average_days"] == 14.0 and hutao["rating"] == 4.5 and hutao["confirmed"] == 1
    assert data["total"]["settled"] == 2 and data["formulas"]


def test_a_higher_courts_office_sees_the_courts_below(demo, court, world):
    bayar = demo["bayar"]
    assert court in figure_courts(bayar)
    client = Client()
    client.force_login(bayar)
    data = client.get(API, {"from": "2026-01-01", "to": "2026-12-31"}).json()
    assert court.code in data["courts"] and "内25" in data["courts"]
    assert data["total"]["applications"] == 6


def test_a_coordinator_sees_only_their_partners_mediators(demo, court, world):
    nasen = demo["nasen"]
    assert can_read_mediation_figures(nasen) and not figure_courts(nasen)
    client = Client()
    client.force_login(nasen)
    text = client.get(URL + "?from=2026-01-01&to=2026-12-31").content.decode()
    assert "萨仁" in text and "胡涛" not in text
    assert "诉前调解成功率 =" not in text  # no court figures for a coordinator
    data = client.get(API, {"from": "2026-01-01", "to": "2026-12-31"}).json()
    assert data["coordinator"] is True
    assert [r["name"] for r in data["by_mediator"]] == ["萨仁"]
    assert [r["key"] for r in data["by_partner"]] == [str(fic(court).pk)]
    assert data["total"]["applications"] == 1 and data["total"]["cases_filed"] is None
    assert data["by_court"][0]["settled_before_filing"] is None
    roster = client.get("/mediation/").content.decode()
    assert URL in roster  # the link from the coordinator's start


@pytest.mark.parametrize("who", ["wangjun", "lixia", "hutao", "zhangsan", "sarula"])
def test_no_one_else_reads_the_figures(demo, who):
    client = Client()
    client.force_login(demo[who])
    assert not can_read_mediation_figures(demo[who])
    assert client.get(URL).status_code == 403
    assert client.get(API).status_code == 403
    anonymous = Client()
    assert anonymous.get(API).status_code in (401, 403)
    assert anonymous.get(URL).status_code == 302


def test_the_menu_offers_the_figures_to_leaders_only(demo):
    for who, offered in (("chenzhi", True), ("liuqiang", True), ("admin", True),
                         ("wangjun", False), ("lixia", False)):
        client = Client()
        client.force_login(demo[who])
        assert (f'href="{URL}"' in client.get("/workspace/").content.decode()) is offered, who


def test_bad_periods_are_refused_in_the_readers_language(demo):
    client = Client()
    client.force_login(demo["chenzhi"])
    with translation.override("zh-hans"):
        too_long = translation.gettext("The period is at most %(years)s years long.") % {
            "years": 5}
        backwards = translation.gettext("The period must start before it ends.")
    assert too_long != "The period is at most 5 years long."  # translated
    page = client.get(URL + "?from=2019-01-01&to=2026-01-01")
    assert page.status_code == 422 and too_long in page.content.decode()
    page = client.get(URL + "?from=2026-05-01&to=2026-01-01")
    assert page.status_code == 422 and backwards in page.content.decode()
    assert client.get(URL + "?from=2026-13-01").status_code == 422
    answer = client.get(API, {"from": "2019-01-01", "to": "2026-01-01"})
    assert answer.status_code == 422 and too_long in answer.json()["detail"]
    assert client.get(API, {"from": "1999-01-01", "to": "1999-02-01"}).status_code == 422
    assert client.get(API, {"from": "x" * 40}).status_code == 422
    assert client.get(URL + "?from=2021-01-01&to=2026-01-01").status_code == 200  # 5 years
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    answer = client.get(API, {"from": "2026-05-01", "to": "2026-01-01"})
    assert answer.json()["detail"] == ["The period must start before it ends."]


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as done:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(done)


def test_the_same_queries_however_many_mediators(demo, court, world):
    client = Client()
    client.force_login(demo["chenzhi"])
    urls = [URL + "?from=2022-01-01&to=2026-12-31", API + "?from=2022-01-01&to=2026-12-31"]
    grow(court, demo["zhangsan"], mediators=6, mediations=30, holder=hutao_entry())
    before = [queries_of(client, url) for url in urls]
    with CaptureQueriesContext(connection) as one:
        few = figures([court], datetime.date(2020, 1, 1), YEAR[1])
    grow(court, demo["zhangsan"], mediators=12, mediations=60, holder=hutao_entry())
    assert [queries_of(client, url) for url in urls] == before
    with CaptureQueriesContext(connection) as again:
        more = figures([court], datetime.date(2020, 1, 1), YEAR[1])
    assert len(one) == len(again) == 3
    assert len(more.by_mediator) > len(few.by_mediator)


def test_the_performance_record_counts_the_outcomes(demo, court, world):
    hutao, sr = hutao_entry(), saren()
    with CaptureQueriesContext(connection) as one:
        record = performance([hutao.pk, sr.pk])
    assert len(one) == 1
    # 胡涛: 2025's settled one, two of 2026 ended and the referred case under way
    assert (record[hutao.pk].taken, record[hutao.pk].ended) == (4, 3)
    assert (record[hutao.pk].confirmed, record[hutao.pk].broken) == (1, 0)
    assert record[hutao.pk].rating == 4.5
    assert (record[sr.pk].confirmed, record[sr.pk].broken, record[sr.pk].rating) == (0, 1, 3.0)
    grow(court, demo["zhangsan"], mediators=10, mediations=40, holder=hutao)
    ids = list(Mediator.objects.filter(court=court).values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as again:
        performance(ids)
    assert len(again) == 1
    client = Client()
    client.force_login(demo["lixia"])
    page = client.get(f"/mediation/mediators/{sr.pk}/").content.decode()
    assert "3.0" in page
    roster = client.get("/mediation/?q=萨仁").content.decode()
    assert "评分 3.0" in roster or "rating 3.0" in roster
