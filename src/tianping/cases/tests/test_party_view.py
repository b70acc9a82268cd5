"""The parties' view: a litigant follows their own case, and only theirs."""

import html
import re

import pytest
from django.test import Client

from tianping.accounts.tokens import issue_token
from tianping.courts.models import Court
from tianping.demo.network import DEMO_PASSWORD
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.flows.filing import accept_filing

pytestmark = pytest.mark.django_db

PARTIES = [
    {
        "role": "plaintiff",
        "kind": "natural",
        "name": "张三",
        "doc_type": "resident_id",
        "id_number": "152502198503120022",
    },
    {
        "role": "defendant",
        "kind": "natural",
        "name": "李四",
        "doc_type": "resident_id",
        "id_number": "110105199001011232",
        "phone": "13800000000",
    },
]


def text(page: bytes) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.decode())).split())


def browser(user) -> Client:
    client = Client()
    client.post("/accounts/login/", {"username": user.username, "password": DEMO_PASSWORD})
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


@pytest.fixture
def case(demo):
    """Zhangsan's complaint, filed online and accepted by the filing clerk."""
    user = demo["zhangsan"]
    filing = actions.start_filing(
        actor=user, court=Court.objects.get(code="内2502"), channel=Channel.ONLINE, filer=user
    )
    actions.save_draft(filing, actor=user, claims="归还借款", facts="借款未还")
    actions.set_parties(filing, PARTIES, actor=user)
    filing = actions.submit_filing(filing, actor=user)
    return accept_filing(filing, actor=demo["lixia"])


def test_the_litigant_sees_number_judge_and_public_timeline(demo, case):
    client = browser(demo["zhangsan"])
    listing = text(client.get("/portal/cases/").content)
    assert case.number in listing and "王军" in listing
    page = text(client.get(f"/portal/cases/{case.code}/").content)
    assert case.number in page and "Judge 王军" in page and "Xilinhot People's Court" in page
    assert f"Filed as case {case.number}" in page and "Judge assigned: 王军" in page
    assert page.index("Filed as case") < page.index("Judge assigned")
    assert "152502********0022" in page and "152502198503120022" not in page
    assert "小额诉讼" not in page  # the triage reasons are internal (not a public event)
    assert "Watch for documents served on you" in page


def test_the_filing_list_links_to_the_case(demo, case):
    client = browser(demo["zhangsan"])
    page = client.get("/portal/filings/").content.decode()
    assert f"Filed as case {case.number}" in html.unescape(page)
    assert f"/portal/cases/{case.code}/" in page


def test_another_user_gets_the_same_404_as_for_a_missing_case(demo, case):
    other = browser(demo["lilawyer"])
    assert other.get(f"/portal/cases/{case.code}/").status_code == 404
    assert other.get("/portal/cases/NOSUCHCASE/").status_code == 404
    assert case.number not in text(other.get("/portal/cases/").content)


def test_staff_use_their_workspace_and_visitors_sign_in(demo, case):
    assert browser(demo["wangjun"]).get("/portal/cases/").status_code == 403
    assert Client().get(f"/portal/cases/{case.code}/").status_code == 302


def test_the_api_gives_the_same_view(demo, case):
    token = issue_token(demo["zhangsan"], name="test")
    client = Client(headers={"Authorization": f"Bearer {token}"})
    client.cookies["django_language"] = "en"
    cases = client.get("/api/v1/party-cases").json()["items"]
    assert [(c["number"], c["judge"]) for c in cases] == [(case.number, "王军")]
    body = client.get(f"/api/v1/party-cases/{case.code}").json()
    kinds = [e["kind"] for e in body["events"]]
    assert kinds[0] == "filed" and "assigned" in kinds and "triaged" not in kinds
    assert body["parties"][0]["masked_id_number"] == "152502********0022"
    other = Client(headers={"Authorization": f"Bearer {issue_token(demo['lilawyer'], name='t')}"})
    assert other.get(f"/api/v1/party-cases/{case.code}").status_code == 404
    assert Client().get("/api/v1/party-cases").status_code == 401


@pytest.mark.parametrize(("type_code", "procedure", "mode", "hint"), [
    ("民初", "ordinary", "judgment", "十五日内提起上诉"),
    ("民初", "summary", "dismissal", "十日内提起上诉"),
    ("民初", "small_claims", "judgment", None),  # 一审终审
    ("民终", "ordinary", "judgment", None),  # the second instance is final
    ("民特", "special", "ruling", None),
    ("民初", "ordinary", "withdrawal", None),
])
def test_the_next_step_tells_a_party_of_an_appeal_only_where_one_lies(
        type_code, procedure, mode, hint):
    import datetime

    from django.utils import translation

    from tianping.cases.models import Case
    from tianping.cases.reads import case_next

    case = Case(type_code=type_code, procedure=procedure, state="closed", closure_mode=mode,
                closed_on=datetime.date(2026, 11, 20))
    with translation.override("zh-hans"):
        text = case_next(case)
    assert "本案已于2026-11-20结案" in text
    if hint:
        assert hint in text
    else:
        assert "上诉" not in text
