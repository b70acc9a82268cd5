"""The filer's choice on mediation (分调裁审): recommended by the court's rules, consented or
declined in the wizard, at the window or at review; recorded, never delaying filing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tianping.audit.models import AuditEntry
from tianping.catalog.models import CatalogEntry, CatalogVersion
from tianping.courts.models import Court
from tianping.filings import actions
from tianping.filings.choices import Channel, FilingStatus
from tianping.filings.models import Filing
from tianping.filings.queries import filings_consented_to_mediation, mediation_recommendation
from tianping.filings.tests.test_journey_actions import DEFENDANT, PLAINTIFF

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 2)


@pytest.fixture
def court(demo):
    return Court.objects.get(code="内2502")


@pytest.fixture
def causes(demo):
    version = CatalogVersion.objects.create(kind="civil-causes", label="2025", source="法〔2025〕")
    make = lambda code, name, parent="": CatalogEntry.objects.create(  # noqa: E731
        version=version, code=code, name=name, parent_code=parent
    )
    make("第二部分", "婚姻家庭、继承纠纷")
    make("二", "婚姻家庭纠纷", "第二部分")
    return {"divorce": make("29", "离婚纠纷", "二"), "sale": make("88", "买卖合同纠纷")}


def draft(demo, court, cause, amount="20000"):
    user = demo["zhangsan"]
    filing = actions.start_filing(actor=user, court=court, channel=Channel.ONLINE, filer=user)
    actions.save_draft(
        filing, actor=user, claims="判令离婚", facts="感情破裂", amount=Decimal(amount), cause=cause
    )
    actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=user)
    return Filing.objects.get(pk=filing.pk)


def test_the_demo_court_recommends_mediation_for_a_family_dispute(demo, court, causes):
    found = mediation_recommendation(draft(demo, court, causes["divorce"]))
    assert found.recommended and found.rule.name == "婚姻家庭纠纷"
    assert mediation_recommendation(draft(demo, court, causes["sale"])) is None


def test_consenting_is_recorded_with_its_reason_and_handing_in_is_unchanged(demo, court, causes):
    consenting = draft(demo, court, causes["divorce"])
    consenting = actions.record_mediation_choice(
        consenting, choice="consented", actor=demo["zhangsan"]
    )
    assert consenting.mediation_choice == "consented"
    assert consenting.mediation_choice_by == demo["zhangsan"]
    assert consenting.mediation_recommended["rule"] == "婚姻家庭纠纷"
    assert consenting.mediation_recommended["reasons"][0]["code"] == "rule"
    event = consenting.events.get(kind="mediation_consented")
    assert event.details["rule"] == "婚姻家庭纠纷"
    assert AuditEntry.objects.filter(action="filing.mediation_consented").exists()
    declining = actions.record_mediation_choice(
        draft(demo, court, causes["divorce"]), choice="declined", actor=demo["zhangsan"]
    )
    silent = draft(demo, court, causes["divorce"])
    handed_in = [
        actions.submit_filing(f, actor=demo["zhangsan"], today=TODAY)
        for f in (consenting, declining, silent)
    ]
    assert {f.status for f in handed_in} == {FilingStatus.SUBMITTED}
    assert {f.review_due_on for f in handed_in} == {datetime.date(2026, 11, 9)}
    assert list(filings_consented_to_mediation(court)) == [handed_in[0]]


def test_no_choice_without_a_recommendation_and_only_by_those_allowed(demo, court, causes):
    sale = draft(demo, court, causes["sale"])
    with pytest.raises(ValidationError):
        actions.record_mediation_choice(sale, choice="consented", actor=demo["zhangsan"])
    family = draft(demo, court, causes["divorce"])
    with pytest.raises(ValidationError):
        actions.record_mediation_choice(family, choice="maybe", actor=demo["zhangsan"])
    for outsider in (demo["lixia"], demo["lisi"] if "lisi" in demo else demo["wangjun"]):
        with pytest.raises(PermissionDenied):  # a draft is the filer's alone
            actions.record_mediation_choice(family, choice="declined", actor=outsider)
    handed_in = actions.submit_filing(family, actor=demo["zhangsan"], today=TODAY)
    with pytest.raises(PermissionDenied):  # under review: the filing division records it
        actions.record_mediation_choice(handed_in, choice="declined", actor=demo["zhangsan"])
    with pytest.raises(PermissionDenied):  # another court's clerk
        actions.record_mediation_choice(handed_in, choice="declined", actor=demo["tuya"])
    recorded = actions.record_mediation_choice(
        handed_in, choice="declined", actor=demo["lixia"]
    )
    assert recorded.mediation_choice_by == demo["lixia"]
    assert recorded.review_due_on == handed_in.review_due_on
    assert recorded.status == FilingStatus.SUBMITTED


def english_client(user) -> Client:
    client = Client()
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def test_the_wizard_shows_the_recommendation_and_takes_the_choice(demo, court, causes):
    filing = draft(demo, court, causes["divorce"])
    client = english_client(demo["zhangsan"])
    page = client.get(f"/portal/filings/{filing.code}/review/").content.decode()
    assert "Mediation first is recommended" in page
    assert "A family or marriage dispute: mediation first is recommended" in page
    response = client.post(
        f"/portal/filings/{filing.code}/mediation-choice/", {"choice": "consented"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/portal/filings/{filing.code}/review/")
    page = client.get(response["Location"]).content.decode()
    assert "Agreed to mediate first" in page and "Submit the filing" in page
    # and a stranger's post changes nothing
    stranger = english_client(demo["lixia"])
    assert stranger.post(
        f"/portal/filings/{filing.code}/mediation-choice/", {"choice": "declined"}
    ).status_code in (403, 404)
    assert Filing.objects.get(pk=filing.pk).mediation_choice == "consented"


def test_the_clerk_records_the_choice_on_the_review_page(demo, court, causes):
    filing = actions.submit_filing(
        draft(demo, court, causes["divorce"]), actor=demo["zhangsan"], today=TODAY
    )
    clerk = english_client(demo["lixia"])
    page = clerk.get(f"/filing-review/{filing.code}/").content.decode()
    assert "Mediation first is recommended" in page and "The party agrees to mediate first" in page
    response = clerk.post(f"/filing-review/{filing.code}/mediation-choice/", {"choice": "declined"})
    assert response.status_code == 302
    filing.refresh_from_db()
    assert (filing.mediation_choice, filing.status) == ("declined", FilingStatus.SUBMITTED)
    page = clerk.get(f"/filing-review/{filing.code}/").content.decode()
    assert "Declined mediation" in page


def test_the_window_form_records_the_party_s_answer(demo, court, causes):
    complaint = {
        "actor": demo["lixia"],
        "acted_for": None,
        "court": court,
        "channel": Channel.WINDOW,
        "parties": [PLAINTIFF, DEFENDANT],
        "fields": {"claims": "判令离婚", "facts": "感情破裂", "cause": causes["divorce"]},
        "today": TODAY,
    }
    filing = actions.hand_in_at_window(**complaint, mediation_choice="consented")
    assert filing.status == FilingStatus.SUBMITTED and filing.mediation_choice == "consented"
    assert filing.events.filter(kind="mediation_consented").exists()
    sale = {**complaint, "fields": {**complaint["fields"], "cause": causes["sale"]}}
    plain = actions.hand_in_at_window(**sale, mediation_choice="consented")
    assert plain.status == FilingStatus.SUBMITTED and plain.mediation_choice == ""


def test_the_api_shows_and_takes_the_choice(demo, court, causes):
    filing = draft(demo, court, causes["divorce"])
    litigant = Client()
    litigant.force_login(demo["zhangsan"])
    body = litigant.get(f"/api/v1/filings/{filing.code}").json()
    assert body["mediation"]["recommended"] is True and body["mediation"]["can_choose"] is True
    answer = litigant.post(
        f"/api/v1/filings/{filing.code}/mediation-choice",
        {"choice": "consented"},
        content_type="application/json",
    )
    assert answer.status_code == 200 and answer.json()["mediation"]["choice"] == "consented"
    bad = litigant.post(
        f"/api/v1/filings/{filing.code}/mediation-choice",
        {"choice": "later"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    actions.submit_filing(Filing.objects.get(pk=filing.pk), actor=demo["zhangsan"], today=TODAY)
    clerk = Client()
    clerk.force_login(demo["lixia"])
    seen = clerk.get(f"/api/v1/filing-review/{filing.code}").json()
    assert seen["mediation"]["choice"] == "consented" and seen["mediation"]["can_choose"]
    changed = clerk.post(
        f"/api/v1/filing-review/{filing.code}/mediation-choice",
        {"choice": "declined"},
        content_type="application/json",
    )
    assert changed.status_code == 200 and changed.json()["mediation"]["choice"] == "declined"
    other = Client()
    other.force_login(demo["tuya"])
    assert (
        other.post(
            f"/api/v1/filing-review/{filing.code}/mediation-choice",
            {"choice": "consented"},
            content_type="application/json",
        ).status_code
        == 404
    )
