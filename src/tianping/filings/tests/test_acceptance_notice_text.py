"""The notice of acceptance (受理案件通知书) as a reader sees it: amounts in yuan with two
decimals, Chinese punctuation in Chinese, and the two notices it says are served with it
(诉讼权利义务告知书, 诉讼风险告知书) enclosed, each on its own page."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from tianping.catalog.fees import compute_fee
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel, FilingKind
from tianping.flows.filing import accept_filing
from tianping.lib.pdf import render_html
from tianping.lib.testing.browser import problems

pytestmark = pytest.mark.django_db

PARTIES = [
    {"role": "plaintiff", "kind": "natural", "name": "张三", "doc_type": "resident_id",
     "id_number": "152502198503120022"},
    {"role": "defendant", "kind": "natural", "name": "李四", "doc_type": "resident_id",
     "id_number": "110105199001011232", "address": "北京市"},
]


@pytest.fixture
def case(demo):
    filer = demo["zhangsan"]
    filing = actions.start_filing(
        actor=filer, court=Court.objects.get(code="内2502"), channel=Channel.ONLINE, filer=filer
    )
    actions.save_draft(
        filing, actor=filer, kind=FilingKind.CIVIL, claims="判令被告归还借款", facts="借款未还",
        amount=Decimal("123456.7"),
    )
    actions.set_parties(filing, PARTIES, actor=filer)
    filing = actions.submit_filing(filing, actor=filer, today=timezone.localdate())
    return accept_filing(filing, actor=demo["lixia"], today=timezone.localdate())


def _notice(case, language):
    fee = compute_fee("property", case.amount, summary=case.procedure != "ordinary")
    context = {
        "case": case, "fee": fee, "filing": case.filing,
        "claimants": case.filing.parties_in({"plaintiff"}),
        "opponents": case.filing.parties_in({"defendant"}),
    }
    with translation.override(language):
        html = render_html("filings/documents/acceptance_notice.html", context)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split("<body>")[1]))


def test_the_notice_reads_well_in_chinese_and_encloses_both_notices(case):
    text = _notice(case, "zh-hans")
    assert "123,456.70 元" in text and not re.search(r"\d\.\d{3,}", text)
    assert "张三：" in text and "）. " not in text and "） （" not in text
    assert "诉讼权利义务告知书" in text and "诉讼风险告知书" in text
    assert "第五十二条" in text and "按撤诉处理" in text
    assert problems(text, "zh-hans") == []


def test_the_notice_in_english_encloses_the_english_notices(case):
    text = _notice(case, "en")
    assert "Notice of litigation rights and duties" in text and "Notice of litigation risks" in text
    assert "123,456.70 yuan" in text and "张三: " in text


def test_the_defendants_notice_to_respond_is_served_by_the_clerk(case, client, login, demo):
    # given the clerk who filed the case
    login(demo["lixia"])
    # when
    page = client.get(f"/filing-review/{case.filing.code}/").content.decode()
    response = client.get(f"/filing-review/{case.filing.code}/response-notice.pdf")
    # then
    assert "response-notice.pdf" in page
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_notice_to_respond_names_the_defendant_and_the_fifteen_days(case):
    context = {
        "case": case, "filing": case.filing,
        "claimants": case.filing.parties_in({"plaintiff"}),
        "opponents": case.filing.parties_in({"defendant"}),
    }
    with translation.override("zh-hans"):
        html = render_html("filings/documents/response_notice.html", context)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split("<body>")[1]))
    assert "应诉通知书" in text and "李四：" in text and "张三诉你" in text
    assert "十五日内" in text and "诉讼风险告知书" in text
    assert problems(text, "zh-hans") == []
