"""The wizard's review step and the receipt show a defendant known only by telephone and
address as entered, not "—"."""

import pytest

from tianping.filings.tests.test_online_filing_pages import (
    PLAINTIFF_ID,
    fill_draft,
    party,
    review_key,
    start,
    step_url,
    text,
)

pytestmark = pytest.mark.django_db

NO_NUMBER = {
    **party(0, "plaintiff", "张三", PLAINTIFF_ID),
    **party(1, "defendant", "李四", "", phone="13800000000", address="北京市朝阳区某路1号"),
}


@pytest.fixture
def zhangsan(client, demo, login):
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    return login(demo["zhangsan"])


def test_the_review_step_shows_the_defendant_s_telephone_and_address(zhangsan):
    code = start(zhangsan)
    fill_draft(zhangsan, code, NO_NUMBER)
    review = text(zhangsan.get(step_url(code, "review")).content)
    card = review[review.index("被告") :]
    card = card[: card.index("原告") if "原告" in card else 200]
    assert "电话：13800000000" in card and "地址：北京市朝阳区某路1号" in card
    assert "— " not in card[:60]


def test_the_receipt_names_the_document_number_on_a_phone(zhangsan):
    code = start(zhangsan)
    fill_draft(zhangsan, code, NO_NUMBER)
    zhangsan.post(f"/portal/filings/{code}/submit/", {"submission_key": review_key(zhangsan, code)})
    receipt = zhangsan.get(f"/portal/filings/{code}/receipt/").content.decode()
    # the parties' table stacks on a phone, each number with its caption
    assert 'class="receipt-parties"' in receipt and "证件号码：" in text(receipt)
