"""The court's check of the lawyers who registered, through the API
(/api/v1/lawyer-registrations), and a refused lawyer who corrects the registration and
applies again, on the page and through the API (/api/v1/profile/lawyer-application)."""

import json

import pytest

from tianping.accounts import registration
from tianping.accounts.models import LawyerApplication, User
from tianping.audit.models import AuditEntry
from tianping.courts.lawyers import decide_application
from tianping.courts.models import Court

pytestmark = pytest.mark.django_db

PASSWORD = "Grassland-2027!x"
LICENCE = "11501201910123456"
CORRECTED = "11501201910123457"
REASON = "执业证号查无此人"


def post(client, url, body=None):
    data = json.dumps(body or {}, ensure_ascii=False)
    return client.post(url, data, content_type="application/json")


@pytest.fixture
def applicant(demo_network):
    return registration.register(
        full_name="巴图孟和", phone="13912345678", email="", id_type="resident_id",
        id_number="110105199001011232", password=PASSWORD,
        lawyer={"licence_number": LICENCE, "law_firm": "草原律师事务所",
                "court": Court.objects.get(code="内2502")},
    )


@pytest.fixture
def refused(applicant, filing_clerk):
    decide_application(applicant.lawyer_application, actor=filing_clerk, verify=False,
                       reason=REASON)
    return User.objects.get(pk=applicant.pk)


def test_the_filing_clerk_lists_and_verifies_through_the_api(client, applicant, filing_clerk):
    client.force_login(filing_clerk)
    page = client.get("/api/v1/lawyer-registrations").json()
    [row] = page["items"]
    assert (row["licence_number"], row["court"]) == (LICENCE, "内2502")
    assert row["full_name"] == "巴图孟和"
    assert row["id_number"] == applicant.masked_id_number and page["next"] is None
    response = post(client, f"/api/v1/lawyer-registrations/{row['id']}/decision",
                    {"decision": "verify"})
    assert response.status_code == 200 and response.json()["status"] == "verified"
    applicant.refresh_from_db()
    assert applicant.kind == "lawyer"
    assert applicant.lawyer_profile.licence_number == LICENCE
    assert AuditEntry.objects.filter(action="lawyer.verified", actor=filing_clerk).exists()
    assert client.get("/api/v1/lawyer-registrations").json()["items"] == []
    client.force_login(applicant)
    [message] = client.get("/api/v1/messages").json()["items"]
    assert "核验" in message["text"] and "可以代理" in message["text"]


def test_refusing_needs_a_reason_which_the_lawyer_reads(client, applicant, filing_clerk):
    client.force_login(filing_clerk)
    url = f"/api/v1/lawyer-registrations/{applicant.lawyer_application.pk}/decision"
    without = post(client, url, {"decision": "refuse"})
    assert without.status_code == 422
    assert post(client, url, {"decision": "refuse", "reason": REASON}).status_code == 200
    assert post(client, url, {"decision": "verify"}).status_code == 404  # decided already

    client.force_login(applicant)
    mine = client.get("/api/v1/profile").json()["lawyer_application"]
    assert (mine["status"], mine["reason"], mine["may_apply_again"]) == ("refused", REASON, True)
    assert REASON in client.get("/accounts/profile/").content.decode()
    [message] = client.get("/api/v1/messages").json()["items"]
    assert REASON in message["text"]


@pytest.mark.parametrize("who", ["zhangsan", "wangjun", "chenzhi", "sarula", "lilawyer"])
def test_nobody_but_the_courts_clerk_or_administrator_verifies(client, applicant, demo, who):
    client.force_login(demo[who])
    assert client.get("/api/v1/lawyer-registrations").status_code == 403
    url = f"/api/v1/lawyer-registrations/{applicant.lawyer_application.pk}/decision"
    assert post(client, url, {"decision": "verify"}).status_code == 403
    applicant.refresh_from_db()
    assert applicant.kind == "litigant"
    assert applicant.lawyer_application.status == "pending"


def test_a_refused_lawyer_applies_again_through_the_api_and_waits_again(client, refused,
                                                                       filing_clerk):
    client.force_login(refused)
    response = post(client, "/api/v1/profile/lawyer-application", {
        "licence_number": CORRECTED, "law_firm": "锡林郭勒盟草原律师事务所", "court": "内2502"})
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["reason"]) == ("pending", "")
    assert post(client, "/api/v1/profile/lawyer-application", {  # one waits at a time
        "licence_number": CORRECTED, "law_firm": "所", "court": "内2502"}).status_code == 422

    # the refusal stays on record: its row, its audit entry, and the new one's
    assert list(LawyerApplication.objects.filter(user=refused).values_list("status", flat=True)
                ) == ["refused", "pending"]
    assert AuditEntry.objects.filter(action="lawyer.refused", object_id=str(refused.pk)).exists()
    entry = AuditEntry.objects.get(action="lawyer.applied_again", actor=refused)
    assert entry.changes["refusal_reason"] == REASON

    client.force_login(filing_clerk)
    [row] = client.get("/api/v1/lawyer-registrations").json()["items"]
    assert (row["licence_number"], row["status"]) == (CORRECTED, "pending")
    assert [r["reason"] for r in row["earlier_refusals"]] == [REASON]
    page = client.get("/courts/lawyers/").content.decode()
    assert CORRECTED in page and REASON in page
    post(client, f"/api/v1/lawyer-registrations/{row['id']}/decision", {"decision": "verify"})
    refused.refresh_from_db()
    assert refused.kind == "lawyer" and refused.lawyer_profile.licence_number == CORRECTED


def test_a_refused_lawyer_applies_again_on_the_page(client, refused):
    client.force_login(refused)
    profile = client.get("/accounts/profile/").content.decode()
    assert REASON in profile and "/accounts/profile/lawyer/apply-again/" in profile
    form = client.get("/accounts/profile/lawyer/apply-again/").content.decode()
    assert REASON in form and LICENCE in form  # the refused details, to correct
    wrong = client.post("/accounts/profile/lawyer/apply-again/", {
        "licence_number": "1150", "law_firm": "草原律师事务所", "court": "内2502"})
    assert "律师执业证号为 17 位数字。" in wrong.content.decode()
    assert LawyerApplication.objects.filter(user=refused).count() == 1
    response = client.post("/accounts/profile/lawyer/apply-again/", {
        "licence_number": CORRECTED, "law_firm": "草原律师事务所", "court": "内2502"})
    assert response.status_code == 302
    assert refused.lawyer_application.status == "pending"
    after = client.get("/accounts/profile/").content.decode()
    assert "/accounts/profile/lawyer/apply-again/" not in after
    assert client.get("/accounts/profile/lawyer/apply-again/").status_code == 302


def test_only_a_refused_registration_is_sent_again(client, applicant, litigant):
    for who in (applicant, litigant):  # one waits; one never applied
        client.force_login(who)
        response = post(client, "/api/v1/profile/lawyer-application", {
            "licence_number": CORRECTED, "law_firm": "所", "court": "内2502"})
        assert response.status_code == 422
    assert LawyerApplication.objects.count() == 1


def test_applying_again_with_another_lawyers_licence_is_refused(client, refused, lawyer):
    client.force_login(refused)
    held = lawyer.lawyer_profile.licence_number
    response = post(client, "/api/v1/profile/lawyer-application", {
        "licence_number": held, "law_firm": "所", "court": "内2502"})
    assert response.status_code == 422
    assert refused.lawyer_application.status == "refused"
