"""A verified lawyer's desk: the filings and cases they represent, with client, cause and
parties, a search, and the dates to watch; nobody else's."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel
from tianping.filings.tests.test_review_pages import DEFENDANT, PLAINTIFF
from tianping.flows.filing import accept_filing

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def lawyers_filing(demo, claims="判令被告归还借款2万元"):
    lawyer = demo["lilawyer"]
    court = Court.objects.get(code="内2502")
    filing = actions.start_filing(actor=lawyer, court=court, channel=Channel.ONLINE, filer=lawyer)
    actions.save_draft(filing, actor=lawyer, amount=Decimal("20000"), claims=claims,
                       facts="2025年被告借款未还")
    actions.set_parties(filing, [PLAINTIFF, {**DEFENDANT, "address": "北京市"}], actor=lawyer)
    actions.add_representative(
        filing, actor=lawyer, party=0, kind="lawyer", name="李律师", user=lawyer,
        licence_number=lawyer.lawyer_profile.licence_number, law_firm="内蒙古草原律师事务所",
        authorisation=SimpleUploadedFile("委托书.pdf", PDF),
    )
    return actions.submit_filing(filing, actor=lawyer, today=timezone.localdate())


def test_the_desk_lists_cases_and_filings_with_client_and_dates(demo, client, login):
    pending = lawyers_filing(demo)
    actions.request_correction(pending, actor=demo["lixia"], items=["补充证据"],
                               respond_by=pending.review_due_on)
    case = accept_filing(lawyers_filing(demo), actor=demo["lixia"])
    login(demo["lilawyer"])

    page = client.get("/portal/lawyer/").content.decode()

    assert case.number in page and pending.code in page
    assert "张三" in page and "李四" in page  # client and opponent
    assert "补正" in page  # answer the correction notice by ...
    limit = case.time_limit.expires_on.isoformat()
    assert limit in page
    found = client.get("/portal/lawyer/", {"q": case.number}).content.decode()
    assert case.number in found and pending.code not in found
    nothing = client.get("/portal/lawyer/", {"q": "王五"}).content.decode()
    assert case.number not in nothing and pending.code not in nothing


def test_only_a_verified_lawyer_has_a_desk(demo, client, login):
    login(demo["zhangsan"])
    assert client.get("/portal/lawyer/").status_code == 403


def test_another_persons_case_is_not_on_the_desk(demo, client, login):
    from tianping.filings.tests.test_review_pages import PLAINTIFF as P

    filer = demo["zhangsan"]
    court = Court.objects.get(code="内2502")
    filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE, filer=filer)
    actions.save_draft(filing, actor=filer, amount=Decimal("20000"), claims="还钱", facts="借款")
    actions.set_parties(filing, [P, {**DEFENDANT, "address": "北京市"}], actor=filer)
    filing = actions.submit_filing(filing, actor=filer, today=timezone.localdate())
    login(demo["lilawyer"])
    assert filing.code not in client.get("/portal/lawyer/").content.decode()
