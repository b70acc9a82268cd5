"""What a filing takes in is cleaned the same way on the pages and in the API: no NUL or
control characters (PostgreSQL refused them with an error 500, SQLite stored them),
identity numbers as one person is one number (full-width digits made one person both
plaintiff and defendant), and a date to correct by within the window the court sets."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tianping.demo.network import DEMO_PASSWORD
from tianping.filings.choices import FilingStatus
from tianping.filings.models import CorrectionNotice, Filing
from tianping.filings.tests.test_online_filing_api import API, bearer, complete, create
from tianping.filings.tests.test_online_filing_pages import (
    CLAIMS,
    TWO_PARTIES,
    party,
    start,
    step_url,
    text,
)
from tianping.filings.tests.test_review_api import complaint, post
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF, make_filing
from tianping.filings.tests.test_window_filing import form

pytestmark = pytest.mark.django_db
REVIEW_API = "/api/v1/filing-review"
FULL_WIDTH_ID = "１５２５０２　１９８５０３１２００２２"  # 152502198503120022, typed in full width
JSON = "application/json"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def clerk(client, demo, login):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return login(demo["lixia"])


@pytest.fixture
def zhangsan(demo):
    """The litigant in a browser of their own, pages in English."""
    client = Client()
    client.post("/accounts/login/", {"username": "zhangsan", "password": DEMO_PASSWORD})
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def no_nul(filing: Filing) -> list[str]:
    texts = [filing.claims, filing.facts, filing.refusal_reasons]
    texts += [p.name for p in filing.parties.all()] + [p.address for p in filing.parties.all()]
    texts += [e.name for e in filing.evidence.all()]
    texts += [str(n.items) + n.answer for n in filing.corrections.all()]
    return [t for t in texts if "\x00" in t or "\x07" in t]


def test_nul_never_reaches_a_filing_through_the_online_api(demo, filing_clerk):
    client = bearer(demo["zhangsan"])
    code = create(client)
    parties = [
        {"role": "plaintiff", "name": "张\x00三", "id_number": "152502198503120022"},
        {"role": "defendant", "name": "李四", "id_number": "110105199001011232",
         "address": "北京\x00\x07市"},
    ]
    assert client.put(f"{API}/{code}/parties", parties, content_type=JSON).status_code == 200
    body = {"claims": "归还\x00借款", "facts": "借款\x00未还", "amount": "100"}
    assert client.patch(f"{API}/{code}", body, content_type=JSON).status_code == 200
    evidence = [{"name": "借\x00条"}]
    assert client.put(f"{API}/{code}/evidence", evidence, content_type=JSON).status_code == 200
    submitted = client.post(f"{API}/{code}/submit", headers={"Idempotency-Key": "k\x00"})
    assert submitted.status_code == 200
    filing = Filing.objects.get(code=code)
    assert (filing.claims, filing.parties.all()[0].name) == ("归还借款", "张三")
    assert filing.parties.all()[1].address == "北京市" and no_nul(filing) == []


def test_nul_never_reaches_a_filing_through_the_review_api(clerk, demo):
    body = complaint(court="内2502", claims="支付\x00工资")
    body["parties"] = [{**PLAINTIFF, "name": "张\x00三"}, DEFENDANT]
    assert post(clerk, f"{REVIEW_API}/window", body).status_code == 201
    filing = make_filing(demo)
    correction = {"items": ["补充\x00证据"]}
    response = post(clerk, f"{REVIEW_API}/{filing.code}/request-correction", correction)
    assert response.status_code == 200
    other = make_filing(demo)
    reasons = {"basis": "cpl_127", "reasons": "不属于人民法院\x00受理范围的案件。"}
    assert post(clerk, f"{REVIEW_API}/{other.code}/propose-refusal", reasons).status_code == 200
    assert "\x00" not in other.refusals.get().reasons
    assert all(no_nul(f) == [] for f in Filing.objects.all())
    assert CorrectionNotice.objects.get().items == ["补充证据"]


def test_nul_never_reaches_a_filing_through_the_pages(zhangsan):
    code = start(zhangsan)
    rows = {**TWO_PARTIES, "party-1-address": "北京\x00市", "party-1-name": "李\x00四"}
    zhangsan.post(f"/portal/filings/{code}/parties/save/", rows)  # the autosave keeps as typed
    zhangsan.post(step_url(code, "claims"), {**CLAIMS, "claims": "归还\x00借款"})
    filing = Filing.objects.get(code=code)
    assert filing.claims == "归还借款" and filing.parties.all()[1].name == "李四"
    assert no_nul(filing) == []


def test_a_full_width_identity_number_is_the_same_person_in_the_api(demo):
    client = bearer(demo["zhangsan"])
    code = create(client)
    complete(client, code)
    same = [
        {"role": "plaintiff", "name": "张三", "id_number": FULL_WIDTH_ID},
        {"role": "defendant", "name": "张三丰", "id_number": "152502198503120022"},
    ]
    stored = client.put(f"{API}/{code}/parties", same, content_type=JSON).json()["parties"]
    assert stored[0]["id_number"] == "152502198503120022"  # stored as one number
    response = client.post(f"{API}/{code}/submit")
    assert response.status_code == 422
    assert "张三丰 cannot be both plaintiff and defendant." in response.json()["detail"]
    assert Filing.objects.get(code=code).status == FilingStatus.DRAFT


def test_a_full_width_identity_number_is_the_same_person_on_the_pages(zhangsan):
    code = start(zhangsan)
    rows = {
        **party(0, "plaintiff", "张三", FULL_WIDTH_ID),
        **party(1, "defendant", "张三丰", "152502198503120022"),
    }
    zhangsan.post(step_url(code, "parties"), rows)
    zhangsan.post(step_url(code, "claims"), CLAIMS)
    review = text(zhangsan.get(step_url(code, "review")).content)
    assert "张三丰 cannot be both plaintiff and defendant." in review
    response = zhangsan.post(f"/portal/filings/{code}/submit/")
    assert "cannot be both plaintiff and defendant" in text(response.content)
    filing = Filing.objects.get(code=code)
    assert filing.status == FilingStatus.DRAFT
    assert [p.id_number for p in filing.parties.all()] == ["152502198503120022"] * 2


def test_a_full_width_identity_number_at_the_window_is_the_same_person(clerk):
    twin = {**DEFENDANT, "id_number": "152502198503120022"}
    plaintiff = {**PLAINTIFF, "id_number": FULL_WIDTH_ID}
    response = clerk.post("/filing-review/window/new/", form(parties=(plaintiff, twin)))
    assert "李四 cannot be both plaintiff and defendant." in text(response.content)
    body = complaint(court="内2502", parties=[plaintiff, twin])
    api = post(clerk, f"{REVIEW_API}/window", body)
    assert api.status_code == 422 and not Filing.objects.exists()


def days(n: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


@pytest.mark.parametrize("respond_by", ["1900-01-01", "9999-12-31", days(0), days(31)])
def test_a_date_to_correct_by_outside_the_window_is_refused(clerk, demo, respond_by):
    filing = make_filing(demo)
    body = {"items": ["补充证据"], "respond_by": respond_by}
    response = post(clerk, f"{REVIEW_API}/{filing.code}/request-correction", body)
    window = f"between {days(1)} and {days(30)}"
    assert response.status_code == 422 and window in response.json()["detail"][0]
    page = clerk.post(
        f"/filing-review/{filing.code}/correction/",
        {"item": ["补充证据"], "respond_by": respond_by, "seen": "submitted"},
    )
    assert page.status_code == 200 and window in text(page.content)
    assert not CorrectionNotice.objects.exists()


def test_the_window_for_corrections_is_a_setting(clerk, demo, settings):
    settings.FILING_CORRECTION_MAX_DAYS = 40
    filing = make_filing(demo)
    body = {"items": ["补充证据"], "respond_by": days(40)}
    response = post(clerk, f"{REVIEW_API}/{filing.code}/request-correction", body)
    assert response.status_code == 200
    assert CorrectionNotice.objects.get().respond_by.isoformat() == days(40)


def test_nul_in_an_address_or_a_filter_is_not_found_rather_than_an_error(demo, client, login):
    """On PostgreSQL, comparing with a text holding NUL fails: these were errors 500."""
    api = bearer(demo["zhangsan"])
    assert api.get(f"{API}/AB%00CD").status_code == 404
    assert login(demo["zhangsan"]).get("/portal/filings/AB%00CD/").status_code == 404
    client.post("/accounts/logout/")
    clerk = login(demo["lixia"])
    assert clerk.get("/filing-review/AB%00CD/").status_code == 404
    assert clerk.get(f"{REVIEW_API}/AB%00CD").status_code == 404
    assert clerk.get(f"{REVIEW_API}/queue?court=%00").status_code == 404
    queue = clerk.get(f"{REVIEW_API}/queue?status=sub%00mitted&channel=%00")
    assert queue.status_code == 200 and queue.json()["items"] == []
