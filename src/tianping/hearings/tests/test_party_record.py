"""A party of the case (and a party's agent with an account) downloads the hearing record
(庭审笔录) from the party case page; the read is audited; anyone else gets a 404, staff
use their own page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from tianping.audit.models import AuditEntry
from tianping.cases.models import CaseRepresentative
from tianping.hearings import actions
from tianping.hearings.models import Hearing
from tianping.hearings.tests.helpers import a_case, at, next_working_day, room

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def held(judge, litigant, lawyer):
    case = a_case(judge)
    plaintiff = case.parties.get(role="plaintiff")
    plaintiff.user = litigant
    plaintiff.save()
    CaseRepresentative.objects.create(case=case, party=case.parties.get(role="defendant"),
                                      kind="lawyer", name="李律师", user=lawyer)
    days = next_working_day(20)
    hearing = actions.schedule(case, actor=judge, starts_at=at(days, 9), ends_at=at(days, 10),
                               place_kind="courtroom", courtroom=room())
    past = timezone.now() - datetime.timedelta(hours=2)
    Hearing.objects.filter(pk=hearing.pk).update(starts_at=past,
                                                 ends_at=past + datetime.timedelta(hours=1))
    hearing.refresh_from_db()
    actions.record_held(hearing, actor=judge, record=SimpleUploadedFile(
        "笔录.pdf", PDF, content_type="application/pdf"))
    return case, hearing


def test_the_parties_and_their_lawyer_download_the_record(held, litigant, lawyer):
    case, hearing = held
    client = Client()
    for person in (litigant, lawyer):
        client.force_login(person)
        page = client.get(f"/portal/cases/{case.code}/")
        url = f"/hearings/{hearing.code}/record/mine/"
        assert page.status_code == 200 and url in page.content.decode()
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert AuditEntry.objects.filter(action="case.hearing_record_read",
                                         actor=person).count() == 1


def test_no_one_else_reads_it(held, other_litigant, judge):
    _case, hearing = held
    client = Client()
    client.force_login(other_litigant)
    assert client.get(f"/hearings/{hearing.code}/record/mine/").status_code == 404
    client.force_login(judge)  # staff read it on the hearing's page
    assert client.get(f"/hearings/{hearing.code}/record/mine/").status_code == 403
    assert client.get(f"/hearings/{hearing.code}/record/file/").status_code == 200


def test_no_record_yet_is_a_404(judge, litigant):
    case = a_case(judge)
    plaintiff = case.parties.get(role="plaintiff")
    plaintiff.user = litigant
    plaintiff.save()
    days = next_working_day(20)
    hearing = actions.schedule(case, actor=judge, starts_at=at(days, 9), ends_at=at(days, 10),
                               place_kind="courtroom", courtroom=room())
    client = Client()
    client.force_login(litigant)
    assert client.get(f"/hearings/{hearing.code}/record/mine/").status_code == 404
