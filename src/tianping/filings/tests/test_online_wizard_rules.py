"""The rules of the online filing wizard: who must give an identity number, how a
defendant is reached, the evidence rows, the courts offered, deleting a draft."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.audit.models import AuditEntry
from tianping.courts.choices import CourtLevel
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.actions.drafting import delete_draft
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.filings.online.reads import filing_courts
from tianping.filings.validation import completeness_errors, party_errors

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)
PLAINTIFF = {
    "role": "plaintiff",
    "kind": "natural",
    "name": "张三",
    "doc_type": "resident_id",
    "id_number": "152502198503120022",
}
ONLY_NAME_AND_PHONE = {
    "role": "defendant",
    "kind": "natural",
    "name": "李四",
    "doc_type": "resident_id",
    "phone": "13800000000",
}
PDF = b"%PDF-1.4\n%%EOF\n"


# -- parties -------------------------------------------------------------------------


def test_a_defendant_known_by_name_and_telephone_is_enough():
    assert party_errors([PLAINTIFF, ONLY_NAME_AND_PHONE], today=TODAY) == []


def test_a_claimant_still_gives_the_identity_number():
    errors = party_errors([{**PLAINTIFF, "id_number": ""}, ONLY_NAME_AND_PHONE], today=TODAY)
    assert errors == ["张三: The document number is empty."]


@pytest.mark.parametrize("role", ["defendant", "third_party"])
def test_a_number_given_for_a_defendant_or_third_party_is_checked(role):
    party = {**ONLY_NAME_AND_PHONE, "role": role, "id_number": "110105199001011239"}
    [error] = party_errors([PLAINTIFF, party], today=TODAY)
    assert error.startswith("李四: The check digit")


def test_two_parties_without_numbers_are_not_the_same_person():
    third = {**ONLY_NAME_AND_PHONE, "role": "third_party", "name": "王五"}
    assert party_errors([PLAINTIFF, ONLY_NAME_AND_PHONE, third], today=TODAY) == []


def draft(demo, **fields):
    filer = demo["zhangsan"]
    court = Court.objects.get(code="内2502")
    filing = actions.start_filing(
        actor=filer, court=court, channel="online", filer=filer, **fields
    )
    actions.save_draft(filing, actor=filer, claims="归还借款", facts="借款未还")
    return filing


def test_an_online_defendant_needs_an_address_or_a_telephone(demo):
    filing = draft(demo)
    unreachable = {**ONLY_NAME_AND_PHONE, "phone": ""}
    errors = completeness_errors(filing, [PLAINTIFF, unreachable])
    assert errors == ["李四: give the address or the telephone of the defendant."]
    with_address = {**unreachable, "address": "北京市朝阳区"}
    assert completeness_errors(filing, [PLAINTIFF, with_address]) == []


def test_a_defendant_without_a_number_reaches_the_case(demo, filing_clerk):
    from tianping.flows.filing import accept_filing

    filing = draft(demo)
    actions.save_parties(filing, [PLAINTIFF, ONLY_NAME_AND_PHONE], actor=demo["zhangsan"])
    filing = actions.submit_filing(filing, actor=demo["zhangsan"])
    case = accept_filing(filing, actor=filing_clerk)
    defendant = case.parties.get(role="defendant")
    assert (defendant.name, defendant.id_number, defendant.phone) == ("李四", "", "13800000000")
    assert defendant.masked_id_number == ""


def test_the_api_takes_a_defendant_without_a_number(demo, login):
    client = login(demo["zhangsan"])
    filing = draft(demo)
    url = f"/api/v1/filings/{filing.code}"
    parties = [PLAINTIFF, ONLY_NAME_AND_PHONE]
    assert client.put(f"{url}/parties", parties, content_type="application/json").status_code == 200
    assert client.patch(url, {"amount": "1.5万"}, content_type="application/json").json()[
        "amount"
    ] in ("15000", "15000.00")
    response = client.post(f"{url}/submit")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted"


def test_a_wrong_number_is_shown_when_the_step_is_visited_again(demo, login):
    client = login(demo["zhangsan"])
    filing = draft(demo)
    bad = {**ONLY_NAME_AND_PHONE, "id_number": "110105199001011239"}
    actions.save_parties(filing, [PLAINTIFF, bad], actor=demo["zhangsan"])
    page = client.get(f"/portal/filings/{filing.code}/parties/").content.decode()
    assert re.search(r'class="id-check wide"[^>]*><span class="bad">李四', page)
    assert page.count('<span class="bad">') == 1  # the plaintiff's number is good


# -- evidence rows ---------------------------------------------------------------------


def test_evidence_rows_are_added_and_removed(demo, login):
    client = login(demo["zhangsan"])
    filing = draft(demo)
    url = f"/portal/filings/{filing.code}/evidence/"
    htmx = {"HX-Request": "true"}
    typed = {"evidence-0-name": "借条", "evidence-1-name": "转账记录", "evidence-2-name": "短信"}
    added = client.post(url, {**typed, "op": "add"}, headers=htmx).content.decode()
    assert added.count("<fieldset") == 4 and "<html" not in added
    client.post(url, {**typed, "op": "remove-1"}, headers=htmx)
    assert [e.name for e in filing.evidence.all()] == ["借条", "短信"]
    # the row buttons carry their own op: nothing above them sends another
    page = client.get(url).content.decode()
    assert '<div id="rows">' in page and page.count("hx-vals") == 1


# -- courts ------------------------------------------------------------------------------


def test_the_courts_offered_hear_first_instance_the_filers_province_first(demo):
    supreme = Court.objects.get(code="最高法")
    high = Court.objects.create(code="京", name="北京市高级人民法院", level=CourtLevel.HIGH,
                                parent=supreme)
    middle = Court.objects.create(code="京01", name="北京市第一中级人民法院",
                                  level=CourtLevel.INTERMEDIATE, parent=high)
    Court.objects.create(code="京0105", name="北京市朝阳区人民法院", level=CourtLevel.BASIC,
                         parent=middle)
    zhangsan = demo["zhangsan"]  # 152502...: Inner Mongolia
    codes = [c.code for c in filing_courts(zhangsan)]
    assert codes == ["内25", "内2501", "内2502", "京01", "京0105"]
    zhangsan.id_number = "110105199001011232"  # Beijing
    assert [c.code for c in filing_courts(zhangsan)][:2] == ["京01", "京0105"]
    zhangsan.id_number = ""
    assert [c.code for c in filing_courts(zhangsan)] == sorted(codes)


def test_a_high_court_is_not_offered_on_the_start_page_nor_in_the_api(demo, login):
    client = login(demo["zhangsan"])
    page = client.get("/portal/filings/new/").content.decode()
    assert 'value="内2502"' in page and 'value="内"' not in page
    response = client.post("/api/v1/filings", {"court_code": "内"}, content_type="application/json")
    assert response.status_code == 422


# -- deleting a draft --------------------------------------------------------------------


def test_a_draft_is_deleted_with_its_papers_and_an_audit_entry(
    demo, login, django_capture_on_commit_callbacks
):
    client = login(demo["zhangsan"])
    filing = draft(demo)
    actions.save_parties(filing, [PLAINTIFF, ONLY_NAME_AND_PHONE], actor=demo["zhangsan"])
    upload = SimpleUploadedFile("借条.pdf", PDF)
    item = actions.attach_file(filing, upload, actor=demo["zhangsan"], kind="evidence")
    storage, name = item.file.storage, item.file.name
    asked = client.get(f"/portal/filings/{filing.code}/delete/").content.decode()
    assert 'method="post"' in asked and filing.code in asked  # asked first
    with django_capture_on_commit_callbacks(execute=True):  # the stored file goes after commit
        response = client.post(f"/portal/filings/{filing.code}/delete/")
    assert response.status_code == 302 and response["Location"] == "/portal/filings/"
    filing.refresh_from_db()
    assert filing.status == FilingStatus.WITHDRAWN and filing.claims == ""
    assert not filing.parties.exists() and not filing.attachments.exists()
    assert not storage.exists(name)
    assert AuditEntry.objects.filter(action="filing.draft_deleted").count() == 1
    assert filing.code not in client.get("/portal/filings/").content.decode()
    listed = client.get("/api/v1/filings").json()["items"]
    assert filing.code not in [x["code"] for x in listed]


def test_only_the_filer_deletes_and_only_a_draft(demo, login, lawyer):
    filing = draft(demo)
    with pytest.raises(PermissionDenied):
        delete_draft(filing, actor=lawyer)
    actions.save_parties(filing, [PLAINTIFF, ONLY_NAME_AND_PHONE], actor=demo["zhangsan"])
    filing = actions.submit_filing(filing, actor=demo["zhangsan"])
    with pytest.raises(ValidationError):
        delete_draft(filing, actor=demo["zhangsan"])
    client = login(demo["zhangsan"])
    assert client.delete(f"/api/v1/filings/{filing.code}").status_code == 422
    assert Filing.objects.get(pk=filing.pk).status == FilingStatus.SUBMITTED


def test_the_api_deletes_a_draft(demo, login):
    filing = draft(demo)
    client = login(demo["zhangsan"])
    assert client.delete(f"/api/v1/filings/{filing.code}").status_code == 204
    assert Filing.objects.get(pk=filing.pk).status == FilingStatus.WITHDRAWN
