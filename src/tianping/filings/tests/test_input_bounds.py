"""How much a filing takes: the API has the bounds of the pages (one constant for both,
`filings.limits`), and the actions check again. A probe sent 500 parties through the API
(each receipt then took a minute to print) and a refusal of 700,000 characters (three
minutes), and an OFD that unpacked to 200 MB; the number of files had no bound."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tianping.courts.models import Court
from tianping.demo.network import DEMO_PASSWORD
from tianping.filings import actions
from tianping.filings.models import Filing
from tianping.filings.tests.test_online_filing_api import API, PDF, bearer, complete, create
from tianping.filings.tests.test_online_filing_pages import CLAIMS, start, step_url, text
from tianping.filings.tests.test_review_api import complaint, post
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF, make_filing
from tianping.filings.tests.test_window_filing import form
from tianping.lib.tests.test_zip_uploads import ofd

pytestmark = pytest.mark.django_db
REVIEW_API = "/api/v1/filing-review"
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


def messages(response) -> list[str]:
    return [e["ctx"]["error"] if isinstance(e, dict) else e for e in response.json()["detail"]]


def many_parties(count: int) -> list[dict]:
    return [{**PLAINTIFF, "name": f"原告{i}"} for i in range(count - 1)] + [DEFENDANT]


def test_the_api_takes_at_most_fifty_parties_and_evidence_rows_as_the_pages(demo):
    client = bearer(demo["zhangsan"])
    code = create(client)
    complete(client, code)
    response = client.put(f"{API}/{code}/parties", many_parties(51), content_type=JSON)
    assert response.status_code == 422
    assert messages(response) == ["At most 50 items (this has 51)."]
    assert Filing.objects.get(code=code).parties.count() == 2  # what was there stays
    fifty = client.put(f"{API}/{code}/parties", many_parties(50), content_type=JSON)
    assert fifty.status_code == 200
    rows = [{"name": f"证据{i}"} for i in range(51)]
    response = client.put(f"{API}/{code}/evidence", rows, content_type=JSON)
    assert response.status_code == 422 and not Filing.objects.get(code=code).evidence.exists()


def test_the_actions_check_the_bounds_again(demo):
    filer = demo["zhangsan"]
    court = Court.objects.get(code="内2502")
    draft = actions.start_filing(actor=filer, court=court, channel="online", filer=filer)
    with pytest.raises(ValidationError, match="at most 50 parties"):
        actions.set_parties(draft, many_parties(51), actor=filer)
    rows = [{"name": f"证据{i}"} for i in range(51)]
    with pytest.raises(ValidationError, match="has at most 50 items"):
        actions.save_evidence(draft, rows, actor=filer)
    filing = make_filing(demo)
    with pytest.raises(ValidationError, match="At most 10000 characters"):
        actions.propose_refusal(filing, actor=demo["lixia"], basis="cpl_122", reasons="理由" * 5001)


def test_window_and_cross_region_take_at_most_fifty_parties(clerk):
    body = complaint(parties=many_parties(51))
    for url, court in [("window", "内2502"), ("cross-region", "内2501")]:
        response = post(clerk, f"{REVIEW_API}/{url}", {**body, "court": court})
        assert response.status_code == 422, url
        assert messages(response) == ["At most 50 items (this has 51)."]
    page = clerk.post("/filing-review/window/new/", form(parties=many_parties(51), hand_in="1"))
    assert "A filing names at most 50 parties." in text(page.content)
    assert not Filing.objects.exists()


def test_a_refusal_of_700000_characters_is_refused_on_the_page_and_in_the_api(clerk, demo):
    filing = make_filing(demo)
    reasons = "不符合起诉条件。" * 87_500  # 700,000 characters
    body = {"basis": "cpl_122", "reasons": reasons}
    response = post(clerk, f"{REVIEW_API}/{filing.code}/propose-refusal", body)
    assert response.status_code == 422
    assert messages(response) == ["At most 10000 characters (this has 700000)."]
    page = clerk.post(f"/filing-review/{filing.code}/refuse/", body)
    assert page.status_code == 200
    assert "at most 10000 characters (it has 700000)" in text(page.content)
    filing.refresh_from_db()
    assert filing.status == "submitted" and filing.refusal_reasons == ""


def test_correction_notices_and_answers_are_bounded(clerk, demo):
    filing = make_filing(demo)
    url = f"{REVIEW_API}/{filing.code}/request-correction"
    many = post(clerk, url, {"items": [f"补充{i}" for i in range(31)]})
    assert many.status_code == 422 and messages(many) == ["At most 30 items (this has 31)."]
    long = post(clerk, url, {"items": ["补" * 501]})
    assert long.status_code == 422 and messages(long) == ["At most 500 characters (this has 501)."]
    assert post(clerk, url, {"items": ["补充证据"]}).status_code == 200
    client = bearer(demo["zhangsan"])
    answer = client.post(
        f"{API}/{filing.code}/correction", {"answer": "已" * 5001}, content_type=JSON
    )
    assert answer.status_code == 422
    assert Filing.objects.get(pk=filing.pk).status == "correction_requested"


def test_claims_and_facts_have_the_same_bound_on_the_page_and_in_the_api(demo, zhangsan):
    client = bearer(demo["zhangsan"])
    code = create(client)
    response = client.patch(f"{API}/{code}", {"facts": "事" * 20_001}, content_type=JSON)
    assert response.status_code == 422
    assert messages(response) == ["At most 20000 characters (this has 20001)."]
    draft = start(zhangsan)
    page = zhangsan.post(step_url(draft, "claims"), {**CLAIMS, "claims": "请" * 5001})
    assert "at most 5000 characters (it has 5001)" in text(page.content)
    assert Filing.objects.get(code=draft).claims == ""


def test_a_zip_bomb_is_refused_on_the_page_and_in_the_api(demo, zhangsan):
    bomb = ofd(zeros_mb=200)
    message = "证据.ofd would unpack to more than 100 MB: it is refused."
    code = start(zhangsan)
    page = zhangsan.post(
        f"/portal/filings/{code}/upload/",
        {"kind": "evidence", "file": SimpleUploadedFile("证据.ofd", bomb)},
    )
    assert message in text(page.content)
    client = bearer(demo["zhangsan"])
    api = client.post(
        f"{API}/{code}/attachments", {"file": SimpleUploadedFile("证据.ofd", bomb)}
    )
    assert api.status_code == 422 and api.json()["detail"] == [message]
    assert not Filing.objects.get(code=code).attachments.exists()


def test_a_filing_holds_at_most_the_files_the_setting_allows(demo, zhangsan, clerk, settings):
    settings.FILING_MAX_FILES = 2
    client = bearer(demo["zhangsan"])
    code = create(client)

    def upload(name):
        return client.post(f"{API}/{code}/attachments", {"file": SimpleUploadedFile(name, PDF)})

    assert upload("1.pdf").status_code == upload("2.pdf").status_code == 201
    third = upload("3.pdf")
    message = "A filing holds at most 2 files: remove one before adding another."
    assert third.status_code == 422 and third.json()["detail"] == [message]
    page = zhangsan.post(
        f"/portal/filings/{code}/upload/",
        {"kind": "evidence", "file": SimpleUploadedFile("4.pdf", PDF)},
    )
    assert message in text(page.content)
    assert Filing.objects.get(code=code).attachments.count() == 2
    # and at the court: several papers at once count together
    filing = make_filing(demo)
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(3)]
    response = clerk.post(f"{REVIEW_API}/{filing.code}/attachments", {"files": files})
    assert response.status_code == 422 and response.json()["detail"] == [message]
    assert not filing.attachments.exists()
