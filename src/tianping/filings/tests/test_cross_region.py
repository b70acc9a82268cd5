"""Cross-region filing (跨域立案): the assisting court takes the papers, the court with
jurisdiction reviews and decides, and both see where it stands."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.models import Filing
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF, clerk_at, page
from tianping.filings.tests.test_window_filing import form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def complaint_pdf(name="起诉状.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%complaint\n", content_type="application/pdf")


def papers(**extra) -> dict:
    data = form(parties=(PLAINTIFF, DEFENDANT), court="内2501", assisting_court="内2502")
    data.pop("channel")
    return {**data, "upload_kind": "complaint", "files": [complaint_pdf()], **extra}


def test_assisting_court_forwards_and_the_court_with_jurisdiction_files(english, demo, login):
    # given lixia (锡林浩特) takes papers for 二连浩特 and forwards them at once
    assisting = login(demo["lixia"])
    response = assisting.post("/filing-review/cross-region/new/", papers(forward="1"))
    filing = Filing.objects.get()
    assert response.status_code == 302
    assert (filing.status, filing.channel) == (FilingStatus.SUBMITTED, Channel.CROSS_REGION)
    assert filing.court.code == "内2501" and filing.assisting_court.code == "内2502"
    assert filing.attachments.get().original_name == "起诉状.pdf"
    # when the clerk of the court with jurisdiction opens the queue
    english.post("/accounts/logout/")
    jurisdiction = login(clerk_at(demo, "内2501"))
    queue = page(jurisdiction.get("/filing-review/"))
    # then the filing is there, marked as cross-region, with its papers
    assert filing.code in queue and "Cross-region from 锡林浩特市人民法院" in queue
    download = jurisdiction.get(
        f"/filing-review/{filing.code}/files/{filing.attachments.get().pk}/"
    )
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # when that clerk files the case
    confirmed = {"seen": "submitted", "confirm": "on"}
    jurisdiction.post(f"/filing-review/{filing.code}/accept/", confirmed)
    filing.refresh_from_db()
    assert filing.case.number.startswith("（") and "内2501民初" in filing.case.number
    # then the assisting court's list shows it filed, with the number
    english.post("/accounts/logout/")
    listing = page(login(demo["lixia"]).get("/filing-review/cross-region/"))
    assert filing.code in listing and "Filed as a case" in listing
    assert filing.case.number in listing


def test_papers_kept_at_the_assisting_court_are_forwarded_later(english, filing_clerk, login):
    assisting = login(filing_clerk)
    assisting.post("/filing-review/cross-region/new/", papers(keep="1"))
    filing = Filing.objects.get()
    assert filing.status == FilingStatus.AT_ASSISTING_COURT
    detail = page(assisting.get(f"/filing-review/{filing.code}/"))
    assert "Checked: forward to the court with jurisdiction" in detail
    listing = page(assisting.get("/filing-review/cross-region/"))
    assert "Being checked by the assisting court" in listing
    response = assisting.post(f"/filing-review/{filing.code}/forward/", {"seen": filing.status})
    assert response.status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED and filing.review_due_on is not None


def test_an_incomplete_filing_is_not_taken_in(english, filing_clerk, login):
    assisting = login(filing_clerk)
    data = papers(forward="1")
    data.update({f"party_{k}": [v] for k, v in PLAINTIFF.items()})  # no defendant
    response = assisting.post("/filing-review/cross-region/new/", data)
    assert "Name at least one defendant or respondent." in page(response)
    assert not Filing.objects.exists()


def test_the_court_with_jurisdiction_cannot_be_this_court(english, filing_clerk, login):
    assisting = login(filing_clerk)
    response = assisting.post("/filing-review/cross-region/new/", papers(court="内2502"))
    # this court is not offered: choosing it anyway is refused
    assert "Select a valid choice" in page(response) and not Filing.objects.exists()


def test_the_court_list_offers_first_instance_courts_other_than_this_one(
    english, filing_clerk, demo, login
):
    from tianping.courts.models import Court
    from tianping.filings import actions

    html = page(login(filing_clerk).get("/filing-review/cross-region/new/"))
    court_select = html[html.index('name="court"'):]
    court_select = court_select[: court_select.index("</select>")]
    assert 'value="内2501"' in court_select  # a basic court elsewhere
    assert 'value="内2502"' not in court_select  # this court
    assert 'value="内"' not in court_select  # the high court hears no ordinary complaint here
    # the action refuses it too (the API takes any court code)
    with pytest.raises(ValidationError, match="first instance"):
        actions.receive_for_other_court(
            actor=filing_clerk, assisting_court=Court.objects.get(code="内2502"),
            court=Court.objects.get(code="内"), claims="归还借款", facts="借款未还",
        )
