"""Window filing (窗口立案): a clerk enters a walk-in's complaint, hands it in or files at once."""

import pytest

from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.models import Filing
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF, page

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(client, demo, login):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return login(demo["lixia"])


def form(channel="circuit", parties=(PLAINTIFF, DEFENDANT), **extra) -> dict:
    data = {
        "court": "内2502",
        "channel": channel,
        "kind": "civil",
        "cause": "",
        "claims": "判令被告支付工资8000元",
        "amount": "8000",
        "facts": "原告在被告处务工，被告拖欠工资。",
        "is_migrant_wages": "on",
        **extra,
    }
    for name in ("role", "kind", "name", "doc_type", "id_number", "phone", "address"):
        data[f"party_{name}"] = [p.get(name, "") for p in parties]
    return data


def test_handing_in_gives_a_dated_receipt_and_lands_in_the_queue(clerk):
    # when the clerk hands in a walk-in's complaint taken on circuit
    response = clerk.post("/filing-review/window/new/", form(hand_in="1"))
    # then a submitted filing records the channel and the clerk who entered it
    filing = Filing.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/{filing.code}/receipt/")
    assert filing.status == FilingStatus.SUBMITTED and filing.channel == Channel.CIRCUIT
    assert filing.filer is None and filing.entered_by.username == "lixia"
    assert [p.name for p in filing.parties.all()] == ["张三", "李四"]
    receipt = page(clerk.get(response.url))
    assert filing.code in receipt and filing.review_due_on.isoformat() in receipt
    queue = page(clerk.get("/filing-review/"))
    assert filing.code in queue and "Circuit (巡回)" in queue
    assert "Green channel: migrant workers' wages" in queue


def test_filing_on_the_spot_gives_the_case(clerk, demo):
    response = clerk.post("/filing-review/window/new/", form(channel="window", file_now="1"))
    filing = Filing.objects.get()
    assert filing.status == FilingStatus.ACCEPTED
    html = page(clerk.get(response.url))
    assert filing.case.number in html and "acceptance-notice.pdf" in html


def test_errors_keep_what_was_typed_and_hand_in_nothing(clerk):
    bad = {**DEFENDANT, "id_number": "110105199001011239"}
    response = clerk.post("/filing-review/window/new/", form(parties=(PLAINTIFF, bad)))
    html = page(response)
    assert response.status_code == 200 and "李四" in html
    assert "110105199001011239" in html and "原告在被告处务工" in html
    assert "Nothing was handed in" in html
    assert not Filing.objects.exists()


def test_online_is_not_a_window_channel(clerk):
    response = clerk.post("/filing-review/window/new/", form(channel="online"))
    assert response.status_code == 200 and not Filing.objects.exists()


def test_the_same_form_sent_twice_hands_in_once(clerk):
    data = form(key="k-123")
    clerk.post("/filing-review/window/new/", data)
    clerk.post("/filing-review/window/new/", data)
    assert Filing.objects.count() == 1


def test_a_party_row_can_be_added(clerk):
    row = page(clerk.get("/filing-review/rows/party/", HTTP_HX_REQUEST="true"))
    assert 'name="party_name"' in row and 'value="third_party" selected' in row
    # without JavaScript the form comes back with one more row and nothing handed in
    html = page(clerk.post("/filing-review/window/new/", form(add_party="1")))
    assert html.count('name="party_name"') == 3 and not Filing.objects.exists()


def test_a_judge_cannot_file_at_the_window(client, demo, login):
    judge = login(demo["wangjun"])
    assert judge.get("/filing-review/window/new/").status_code == 403
    assert judge.post("/filing-review/window/new/", form()).status_code == 403


def test_the_cause_comes_from_the_civil_causes_in_force(clerk):
    from django.utils import timezone

    from tianping.catalog.models import CatalogVersion

    # given a version of the civil causes in force today
    version = CatalogVersion.objects.create(
        kind="civil-causes", label="test", source="test", valid_from=timezone.localdate()
    )
    version.entries.create(code="9001", name="民间借贷纠纷")
    # when the clerk picks it, and when a code is unknown
    clerk.post("/filing-review/window/new/", form(cause="9001"))
    unknown = clerk.post("/filing-review/window/new/", form(cause="0000"))
    # then the filing has its cause, and the unknown code is named
    assert Filing.objects.get().cause.name == "民间借贷纠纷"
    assert "Unknown cause of action: 0000." in page(unknown)


def test_filing_at_a_service_point_records_the_service_point(clerk):
    from tianping.courts.models import ServicePoint

    point = ServicePoint.objects.get(name="宝力根苏木诉讼服务点")
    clerk.post(
        "/filing-review/window/new/", form(channel="circuit", service_point=point.pk, hand_in="1")
    )
    filing = Filing.objects.get()
    assert (filing.channel, filing.service_point) == ("circuit", point)
    assert "宝力根苏木诉讼服务点" in page(clerk.get(f"/filing-review/{filing.code}/"))


def test_the_window_takes_papers_and_a_representative_with_the_power_of_attorney(clerk):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

    def upload(name):
        return SimpleUploadedFile(name, pdf, content_type="application/pdf")

    rep = {"rep_party": "1", "rep_kind": "lawyer", "rep_name": "王律师",
           "rep_licence_number": "11501201810123456", "rep_law_firm": "锡林律师事务所"}
    # without the power of attorney the representative is refused and nothing handed in
    page = clerk.post("/filing-review/window/new/", form(hand_in="1", **rep))
    assert "Upload the power of attorney" in page.content.decode()
    assert not Filing.objects.exists()
    # with it, the complaint, the representative and the papers are handed in together
    data = form(hand_in="1", upload_kind="complaint", **rep)
    data["files"] = [upload("起诉状.pdf")]
    data["rep_authorisation_0"] = upload("授权委托书.pdf")
    response = clerk.post("/filing-review/window/new/", data)
    filing = Filing.objects.get()
    assert response.status_code == 302
    kinds = sorted(a.kind for a in filing.attachments.all())
    assert kinds == ["authorisation", "complaint"]
    [named] = filing.representatives.select_related("party", "authorisation")
    assert (named.name, named.party.name) == ("王律师", "张三")
    assert named.authorisation.original_name == "授权委托书.pdf"


def test_the_window_offers_the_green_channel_in_the_words_of_online_filing(clerk):
    page = clerk.get("/filing-review/window/new/").content.decode()
    assert "Migrant workers&#x27; unpaid wages" in page or "Migrant workers' unpaid wages" in page
    assert "Case of a small or private enterprise" in page
