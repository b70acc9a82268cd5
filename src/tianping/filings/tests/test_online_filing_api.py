"""Online filing through /api/v1/filings: the same actions, the same rules as the pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tianping.accounts.tokens import issue_token
from tianping.filings import actions
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing

pytestmark = pytest.mark.django_db

API = "/api/v1/filings"
PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PARTIES = [
    {"role": "plaintiff", "name": "张三", "id_number": "152502198503120022"},
    {
        "role": "defendant",
        "name": "李四",
        "id_number": "110105199001011232",
        "phone": "13800000000",
    },
]
CLAIMS = {"claims": "判令被告归还借款2万元", "facts": "2025年被告借款未还", "amount": "20000"}


def bearer(user) -> Client:
    """A client calling with USER's token, answers in English."""
    client = Client(headers={"Authorization": f"Bearer {issue_token(user, name='test')}"})
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def zhangsan(demo):
    return bearer(demo["zhangsan"])


def create(client) -> str:
    response = client.post(API, {"court_code": "内2502"}, content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()["code"]


def complete(client, code):
    client.put(f"{API}/{code}/parties", PARTIES, content_type="application/json")
    client.patch(f"{API}/{code}", CLAIMS, content_type="application/json")


def test_create_fill_and_submit(zhangsan):
    code = create(zhangsan)
    response = zhangsan.put(f"{API}/{code}/parties", PARTIES, content_type="application/json")
    parties = response.json()["parties"]
    assert [p["masked_id_number"] for p in parties] == ["152502********0022", "110105********1232"]
    body = zhangsan.patch(
        f"{API}/{code}", {**CLAIMS, "amount": "20,000"}, content_type="application/json"
    ).json()
    assert (body["claims"], body["amount"]) == (CLAIMS["claims"], "20000.00")
    upload = SimpleUploadedFile("借条.pdf", PDF)
    added = zhangsan.post(f"{API}/{code}/attachments", {"kind": "evidence", "file": upload})
    assert added.status_code == 201
    ref = added.json()["ref"]
    evidence = [{"name": "借条", "purpose": "证明借款", "attachment": ref}]
    zhangsan.put(f"{API}/{code}/evidence", evidence, content_type="application/json")
    submitted = zhangsan.post(f"{API}/{code}/submit", headers={"Idempotency-Key": "a1"})
    body = submitted.json()
    assert submitted.status_code == 200 and body["status"] == "submitted"
    kinds = [e["kind"] for e in body["events"]]
    assert body["review_due_on"] and kinds == ["drafted", "file_added", "submitted"]
    assert body["evidence"][0]["attachment"] == ref


def test_the_same_idempotency_key_gives_one_submission(zhangsan):
    code = create(zhangsan)
    complete(zhangsan, code)
    first = zhangsan.post(f"{API}/{code}/submit", headers={"Idempotency-Key": "k-1"})
    second = zhangsan.post(f"{API}/{code}/submit", headers={"Idempotency-Key": "k-1"})
    assert first.status_code == second.status_code == 200
    assert Filing.objects.get(code=code).events.filter(kind="submitted").count() == 1
    by_field = zhangsan.post(
        f"{API}/{code}/submit", {"submission_key": "k-1"}, content_type="application/json"
    )
    assert by_field.status_code == 200 and by_field.json()["code"] == code


def test_errors_of_the_actions_are_422_with_their_messages(zhangsan):
    code = create(zhangsan)
    same = [PARTIES[0], {**PARTIES[0], "role": "defendant"}]
    zhangsan.put(f"{API}/{code}/parties", same, content_type="application/json")
    zhangsan.patch(f"{API}/{code}", CLAIMS, content_type="application/json")
    response = zhangsan.post(f"{API}/{code}/submit")
    assert response.status_code == 422
    assert any("cannot be both plaintiff and defendant" in m for m in response.json()["detail"])
    fake = SimpleUploadedFile("scan.pdf", PNG)
    refused = zhangsan.post(f"{API}/{code}/attachments", {"kind": "evidence", "file": fake})
    assert refused.status_code == 422 and "scan.pdf" in refused.json()["detail"][0]


def test_representative_with_power_of_attorney(demo):
    lawyer = bearer(demo["lilawyer"])
    code = create(lawyer)
    complete(lawyer, code)
    form = {
        "party": 0,
        "kind": "lawyer",
        "name": "李律师",
        "licence_number": "11525201010123456",
        "authorisation": SimpleUploadedFile("委托书.pdf", PDF),
    }
    response = lawyer.post(f"{API}/{code}/representatives", form)
    assert response.status_code == 201, response.content
    rep = response.json()["representatives"][0]
    assert rep["party"] == 0 and rep["authorisation"]
    # replacing the parties keeps the representative with its party
    lawyer.put(
        f"{API}/{code}/parties",
        [{**PARTIES[0], "address": "锡林浩特"}, PARTIES[1]],
        content_type="application/json",
    )
    assert Filing.objects.get(code=code).representatives.get().party.address == "锡林浩特"
    assert lawyer.delete(f"{API}/{code}/representatives/0").json()["representatives"] == []


def test_a_representative_comes_with_the_power_of_attorney_or_not_at_all(demo):
    lawyer = bearer(demo["lilawyer"])
    code = create(lawyer)
    complete(lawyer, code)
    form = {"kind": "lawyer", "name": "李律师", "licence_number": "11525201010123456"}
    no_party = {**form, "party": 7, "authorisation": SimpleUploadedFile("委托书.pdf", PDF)}
    fake = {**form, "party": 0, "authorisation": SimpleUploadedFile("委托书.pdf", PNG)}
    assert lawyer.post(f"{API}/{code}/representatives", no_party).status_code == 422
    assert lawyer.post(f"{API}/{code}/representatives", fake).status_code == 422
    filing = Filing.objects.get(code=code)
    assert not filing.representatives.exists() and not filing.attachments.exists()
    assert lawyer.delete(f"{API}/{code}/representatives/3").status_code == 422


def test_correction_answer_and_list_say_what_is_next(demo, zhangsan):
    code = create(zhangsan)
    complete(zhangsan, code)
    zhangsan.post(f"{API}/{code}/submit")
    filing = Filing.objects.get(code=code)
    actions.request_correction(
        filing, actor=demo["lixia"], items=["补充借条"], respond_by=filing.review_due_on
    )
    detail = zhangsan.get(f"{API}/{code}").json()
    assert detail["open_notice"]["items"] == ["补充借条"]
    assert zhangsan.get(API).json()["items"][0]["next"]["to_correct"] == ["补充借条"]
    answered = zhangsan.post(
        f"{API}/{code}/correction", {"answer": "已补充"}, content_type="application/json"
    )
    assert answered.json()["status"] == "submitted" and answered.json()["open_notice"] is None


def test_withdraw_and_receipt_pdf(zhangsan):
    code = create(zhangsan)
    complete(zhangsan, code)
    zhangsan.post(f"{API}/{code}/submit")
    pdf = zhangsan.get(f"{API}/{code}/receipt.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert zhangsan.post(f"{API}/{code}/withdraw").json()["status"] == FilingStatus.WITHDRAWN


def test_anonymous_gets_401_staff_403_and_others_404(demo, zhangsan):
    code = create(zhangsan)
    assert Client().get(API).status_code == 401
    assert (
        Client().post(API, {"court_code": "内2502"}, content_type="application/json").status_code
        == 401
    )
    assert bearer(demo["lixia"]).get(API).status_code == 403
    other = bearer(demo["lilawyer"])
    assert other.get(f"{API}/{code}").status_code == 404
    assert (
        other.put(f"{API}/{code}/parties", PARTIES, content_type="application/json").status_code
        == 404
    )
    assert other.post(f"{API}/{code}/submit").status_code == 404
    assert other.get(API).json() == {"items": [], "next": None}


def test_a_wrong_upload_is_removed_from_the_draft_and_only_by_its_filer(zhangsan, demo):
    from tianping.filings.models import Filing

    code = create(zhangsan)
    upload = SimpleUploadedFile("错误文件.pdf", PDF)
    added = zhangsan.post(f"{API}/{code}/attachments", {"kind": "other", "file": upload})
    ref = added.json()["ref"]
    other = bearer(demo["lilawyer"])
    assert other.delete(f"{API}/{code}/attachments/{ref}").status_code == 404
    assert zhangsan.delete(f"{API}/{code}/attachments/{ref}").status_code == 204
    filing = Filing.objects.get(code=code)
    assert filing.attachments.count() == 0
    assert "file_removed" in [e.kind for e in filing.events.all()]
    assert zhangsan.delete(f"{API}/{code}/attachments/{ref}").status_code == 404
