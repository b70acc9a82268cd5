"""Online filing in the portal: a litigant fills in the wizard, gets a receipt, follows it."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tianping.demo.network import DEMO_PASSWORD
from tianping.filings import actions
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PLAINTIFF_ID = "152502198503120022"
DEFENDANT_ID = "110105199001011232"


def text(page) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    page = page.decode() if isinstance(page, bytes) else page
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def party(i, role, name, number, **extra) -> dict:
    fields = {
        "role": role,
        "kind": "natural",
        "name": name,
        "doc_type": "resident_id",
        "id_number": number,
        "phone": "",
        "address": "",
        "legal_representative": "",
        **extra,
    }
    return {f"party-{i}-{k}": v for k, v in fields.items()}


TWO_PARTIES = {
    **party(0, "plaintiff", "张三", PLAINTIFF_ID),
    **party(1, "defendant", "李四", DEFENDANT_ID, phone="13800000000"),
}
CLAIMS = {"claims": "判令被告归还借款2万元", "amount": "20,000", "facts": "2025年被告借款未还"}


@pytest.fixture
def english(demo):
    """A browser of its own for USER, signed in, pages in English."""

    def _as(user):
        client = Client()
        response = client.post(
            "/accounts/login/", {"username": user.username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        return client

    return _as


@pytest.fixture
def zhangsan(demo, english):
    return english(demo["zhangsan"])


def start(client, kind="civil") -> str:
    response = client.post("/portal/filings/new/", {"court": "内2502", "kind": kind})
    assert response.status_code == 302
    return response["Location"].rstrip("/").rsplit("/", 1)[-1]


def step_url(code, step):
    return f"/portal/filings/{code}/{step}/"


def fill_draft(client, code, parties=TWO_PARTIES):
    client.post(step_url(code, "parties"), {**parties, "go": "representatives"})
    client.post(step_url(code, "claims"), {**CLAIMS, "go": "evidence"})


def review_key(client, code) -> str:
    page = client.get(step_url(code, "review")).content.decode()
    return re.search(r'name="submission_key" value="([^"]+)"', page)[1]


def test_the_wizard_ends_with_a_submitted_filing_and_a_receipt_with_masked_ids(zhangsan):
    # given a litigant starts a filing and goes through every step
    code = start(zhangsan)
    assert zhangsan.get(f"/portal/filings/{code}/")["Location"] == step_url(code, "parties")
    fill_draft(zhangsan, code)
    upload = SimpleUploadedFile("借条.pdf", PDF, "application/pdf")
    zhangsan.post(f"/portal/filings/{code}/upload/", {"kind": "evidence", "file": upload})
    ref = Filing.objects.get(code=code).attachments.get().file.name.rsplit("/", 1)[-1]
    zhangsan.post(
        step_url(code, "evidence"),
        {
            "evidence-0-name": "借条",
            "evidence-0-purpose": "证明借款事实",
            "evidence-0-attachment": ref,
            "go": "review",
        },
    )
    review = text(zhangsan.get(step_url(code, "review")).content)
    assert "借条" in review and "20,000.00 yuan" in review
    # when they submit
    response = zhangsan.post(
        f"/portal/filings/{code}/submit/", {"submission_key": review_key(zhangsan, code)}
    )
    # then the filing is under review and the receipt shows the number with masked IDs
    assert response["Location"] == f"/portal/filings/{code}/receipt/"
    filing = Filing.objects.get(code=code)
    assert filing.status == FilingStatus.SUBMITTED and filing.evidence.get().attachment
    receipt = zhangsan.get(response["Location"]).content.decode()
    assert code in receipt and "Xilinhot People&#x27;s Court" in receipt
    assert "152502********0022" in receipt and "110105********1232" in receipt
    assert PLAINTIFF_ID not in receipt and DEFENDANT_ID not in receipt
    assert filing.review_due_on.isoformat() in receipt


def test_the_draft_is_kept_when_the_browser_is_closed(demo_network, zhangsan):
    # given a litigant typed into two steps (autosaved) and closed the browser
    code = start(zhangsan)
    saved = zhangsan.post(f"/portal/filings/{code}/parties/save/", TWO_PARTIES)
    assert "Saved at" in text(saved.content)
    zhangsan.post(f"/portal/filings/{code}/claims/save/", CLAIMS)
    # when they sign in again on another browser
    other = Client()
    other.post("/accounts/login/", {"username": "zhangsan", "password": DEMO_PASSWORD})
    # then everything is there
    parties = other.get(step_url(code, "parties")).content.decode()
    assert DEFENDANT_ID in parties and "李四" in parties
    claims = other.get(step_url(code, "claims")).content.decode()
    assert "判令被告归还借款2万元" in claims and 'value="20,000.00"' in claims
    assert code in other.get("/portal/filings/").content.decode()


def test_a_defendant_identical_to_the_plaintiff_is_refused_and_nothing_is_lost(zhangsan):
    code = start(zhangsan)
    same = {
        **party(0, "plaintiff", "张三", PLAINTIFF_ID),
        **party(1, "defendant", "张三", PLAINTIFF_ID, phone="13800000000"),
    }
    fill_draft(zhangsan, code, same)
    response = zhangsan.post(
        f"/portal/filings/{code}/submit/", {"submission_key": review_key(zhangsan, code)}
    )
    page = text(response.content)
    assert response.status_code == 200
    assert "张三 cannot be both plaintiff and defendant." in page
    assert f'href="{step_url(code, "parties")}"' in response.content.decode()
    filing = Filing.objects.get(code=code)
    assert filing.status == FilingStatus.DRAFT and filing.parties.count() == 2
    assert filing.claims == CLAIMS["claims"]


def test_an_invalid_identity_number_is_named_as_the_user_leaves_the_field(zhangsan):
    code = start(zhangsan)
    bad = party(1, "defendant", "李四", "110105199001011239", phone="13800000000")
    response = zhangsan.post("/portal/filings/check-identity/", {**bad, "row": "1"})
    assert "李四: The check digit" in text(response.content)
    good = zhangsan.post("/portal/filings/check-identity/", {**TWO_PARTIES, "row": "1"})
    assert "The number is valid." in text(good.content)
    # and at submission the error names the party, with the data kept
    fill_draft(zhangsan, code, {**party(0, "plaintiff", "张三", PLAINTIFF_ID), **bad})
    page = text(zhangsan.post(f"/portal/filings/{code}/submit/").content)
    assert "李四: The check digit" in page
    assert Filing.objects.get(code=code).parties.get(name="李四").id_number.endswith("9")


def test_a_pdf_that_is_really_a_png_is_refused_naming_the_file(zhangsan):
    code = start(zhangsan)
    upload = SimpleUploadedFile("合同.pdf", PNG, "application/pdf")
    response = zhangsan.post(
        f"/portal/filings/{code}/upload/",
        {"kind": "evidence", "file": upload},
        headers={"HX-Request": "true"},
    )
    assert "合同.pdf claims to be .pdf but its content is image/png." in text(response.content)
    assert not Filing.objects.get(code=code).attachments.exists()


def test_a_file_over_the_limit_is_refused(zhangsan, settings):
    settings.MAX_UPLOAD_MB = 1
    code = start(zhangsan)
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * int(1.1 * 1024 * 1024))
    response = zhangsan.post(
        f"/portal/filings/{code}/upload/", {"kind": "evidence", "file": upload}
    )
    assert "big.pdf is larger than 1 MB." in text(response.content)
    assert not Filing.objects.get(code=code).attachments.exists()


def test_submitting_twice_gives_one_filing(zhangsan):
    code = start(zhangsan)
    fill_draft(zhangsan, code)
    key = review_key(zhangsan, code)
    first = zhangsan.post(f"/portal/filings/{code}/submit/", {"submission_key": key})
    second = zhangsan.post(f"/portal/filings/{code}/submit/", {"submission_key": key})
    assert first["Location"] == second["Location"] == f"/portal/filings/{code}/receipt/"
    filing = Filing.objects.get(code=code)
    assert filing.events.filter(kind="submitted").count() == 1
    assert Filing.objects.filter(filer=filing.filer).count() == 1


def test_rows_are_added_and_removed_and_representatives_stay_with_their_party(demo, english):
    lawyer = english(demo["lilawyer"])
    code = start(lawyer)
    lawyer.post(step_url(code, "parties"), TWO_PARTIES)
    page = lawyer.get(step_url(code, "representatives")).content.decode()
    assert "11525201010123456" in page  # the lawyer's own details are offered
    upload = SimpleUploadedFile("委托书.pdf", PDF)
    lawyer.post(
        f"/portal/filings/{code}/representatives/",
        {
            "party": 0,
            "kind": "lawyer",
            "name": "李律师",
            "licence_number": "11525201010123456",
            "law_firm": "内蒙古草原律师事务所",
            "authorisation": upload,
        },
    )
    # when a third party is added, and the defendant removed (htmx)
    rows = {**TWO_PARTIES, "party-0-was": "0", "party-1-was": "1"}
    added = lawyer.post(
        step_url(code, "parties"), {**rows, "op": "add"}, headers={"HX-Request": "true"}
    )
    assert "Party 3" in text(added.content) and "<html" not in added.content.decode()
    lawyer.post(
        step_url(code, "parties"), {**rows, "op": "remove-1"}, headers={"HX-Request": "true"}
    )
    # then the plaintiff keeps its lawyer
    filing = Filing.objects.get(code=code)
    assert [p.name for p in filing.parties.all()] == ["张三"]
    rep = filing.representatives.get()
    assert (rep.party.name, rep.user, rep.authorisation.original_name) == (
        "张三",
        demo["lilawyer"],
        "委托书.pdf",
    )
    # and removing the representative leaves the party
    lawyer.post(f"/portal/filings/{code}/representatives/", {"remove": "0"})
    assert not filing.representatives.exists() and filing.parties.count() == 1


def test_invalid_amount_is_reported_and_kept_as_typed(zhangsan):
    code = start(zhangsan)
    response = zhangsan.post(
        step_url(code, "claims"), {**CLAIMS, "amount": "两万", "go": "evidence"}
    )
    assert response.status_code == 200
    assert "The amount must be a number of yuan." in text(response.content)
    assert 'value="两万"' in response.content.decode()
    assert Filing.objects.get(code=code).claims == CLAIMS["claims"]


def test_my_filings_say_what_is_expected_next(
    filing_clerk, zhangsan, django_assert_max_num_queries
):
    draft = start(zhangsan)
    code = start(zhangsan)
    fill_draft(zhangsan, code)
    zhangsan.post(f"/portal/filings/{code}/submit/")
    filing = Filing.objects.get(code=code)
    actions.request_correction(
        filing, actor=filing_clerk, items=["补充借条复印件"], respond_by=filing.review_due_on
    )
    with django_assert_max_num_queries(12):
        page = text(zhangsan.get("/portal/filings/").content)
    assert "Finish the draft and submit it." in page and draft in page
    assert f"Corrections requested: answer by {filing.review_due_on}" in page
    assert "补充借条复印件" in page


def test_a_correction_is_answered_after_editing_the_parties(filing_clerk, zhangsan):
    code = start(zhangsan)
    fill_draft(zhangsan, code)
    zhangsan.post(f"/portal/filings/{code}/submit/")
    filing = Filing.objects.get(code=code)
    actions.request_correction(
        filing, actor=filing_clerk, items=["补充被告住址"], respond_by=filing.review_due_on
    )
    assert "补充被告住址" in text(zhangsan.get(f"/portal/filings/{code}/correction/").content)
    with_address = {**TWO_PARTIES, "party-1-address": "北京市朝阳区"}
    zhangsan.post(f"/portal/filings/{code}/parties/save/", with_address)
    response = zhangsan.post(f"/portal/filings/{code}/correction/", {"answer": "已补充住址"})
    assert response.status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    assert filing.parties.get(name="李四").address == "北京市朝阳区"
    assert filing.corrections.get().answer == "已补充住址"


def test_another_user_gets_404_on_the_filing(lawyer, zhangsan, english):
    code = start(zhangsan)
    fill_draft(zhangsan, code)
    zhangsan.post(f"/portal/filings/{code}/submit/")
    other = english(lawyer)
    for url in ["", "parties/", "receipt/", "receipt.pdf", "correction/"]:
        assert other.get(f"/portal/filings/{code}/{url}").status_code == 404, url
    assert other.post(f"/portal/filings/{code}/parties/save/", TWO_PARTIES).status_code == 404


def test_court_staff_and_anonymous_visitors_cannot_file(filing_clerk, login):
    assert Client().get("/portal/filings/new/").status_code == 302
    assert login(filing_clerk).get("/portal/filings/new/").status_code == 403


def test_the_receipt_pdf_is_a_pdf(zhangsan):
    code = start(zhangsan)
    fill_draft(zhangsan, code)
    zhangsan.post(f"/portal/filings/{code}/submit/")
    response = zhangsan.get(f"/portal/filings/{code}/receipt.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_withdrawing_a_filing(zhangsan):
    code = start(zhangsan)
    zhangsan.post(f"/portal/filings/{code}/withdraw/")
    assert Filing.objects.get(code=code).status == FilingStatus.WITHDRAWN


def test_going_back_and_forth_keeps_everything(zhangsan):
    code = start(zhangsan)
    zhangsan.post(
        step_url(code, "court"), {"kind": "civil", "is_migrant_wages": "on", "go": "parties"}
    )
    zhangsan.post(step_url(code, "parties"), {**TWO_PARTIES, "go": "court"})
    court = zhangsan.get(step_url(code, "court")).content.decode()
    assert re.search(r'name="is_migrant_wages"[^>]*checked', court)
    parties = zhangsan.get(step_url(code, "parties")).content.decode()
    assert DEFENDANT_ID in parties and PLAINTIFF_ID in parties
    unknown = zhangsan.post(f"/portal/filings/{code}/claims/save/", {**CLAIMS, "cause": "X9"})
    assert "Choose the cause of action from the list." in text(unknown.content)
    assert Filing.objects.get(code=code).claims == CLAIMS["claims"]


def test_the_cause_comes_from_the_catalog_in_force(zhangsan):
    from tianping.catalog.models import CatalogEntry, CatalogVersion

    version = CatalogVersion.objects.create(kind="civil-causes", label="2025", source="法〔2025〕")
    CatalogEntry.objects.create(version=version, code="108.3", name="民间借贷纠纷")
    code = start(zhangsan)
    zhangsan.post(f"/portal/filings/{code}/claims/save/", {**CLAIMS, "cause": "108.3"})
    assert Filing.objects.get(code=code).cause.name == "民间借贷纠纷"
    page = zhangsan.get(step_url(code, "claims")).content.decode()
    assert 'value="108.3 民间借贷纠纷"' in page


def test_a_wrong_upload_is_removed_from_the_evidence_step(zhangsan):
    code = start(zhangsan)
    zhangsan.post(
        f"/portal/filings/{code}/upload/",
        {"kind": "other", "file": SimpleUploadedFile("错的.pdf", PDF)},
    )
    item = Filing.objects.get(code=code).attachments.get()
    ref = item.file.name.rsplit("/", 1)[-1]
    page = zhangsan.get(step_url(code, "evidence")).content.decode()
    assert f"/portal/filings/{code}/files/{ref}/remove/" in page
    response = zhangsan.post(f"/portal/filings/{code}/files/{ref}/remove/", follow=True)
    assert "错的.pdf has been removed" in text(response.content.decode())
    assert not Filing.objects.get(code=code).attachments.exists()
