"""Judicial aid in the fee (司法救助: 缓交、减交、免交, 《诉讼费用交纳办法》 arts. 44–51):
a party applies, the court decides, the fee follows; and the day the notice was received
moves the due date. Pages and API call the same actions."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tianping.accounts.tokens import issue_token
from tianping.courts.models import Court, Division, Membership
from tianping.law import fee_relief as rules
from tianping.payments import actions
from tianping.payments.actions import due_date
from tianping.payments.models import FeeDue, FeeRelief, FeeStatus, ReliefStatus
from tianping.payments.queries import is_overdue, overdue_case_ids
from tianping.payments.tests.test_fees_due import browser, filed, text

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% proof of hardship\n%%EOF\n"
TODAY = datetime.date(2026, 3, 4)


def plaintiff(case):
    return case.parties.get(role="plaintiff")


def apply(demo, case, ground, **extra):
    fee = FeeDue.objects.get(case=case)
    return actions.apply_for_relief(
        fee, actor=demo["zhangsan"], ground=ground, statement="无固定收入，无力交纳",
        applicant=plaintiff(case), **extra,
    )


def decide(demo, relief, grant=True, who="chenzhi", **extra):
    return actions.decide_relief(
        relief, actor=demo[who], grant=grant, reasons=extra.pop("reasons", ""), today=TODAY,
        **extra,
    )


# The rules, pure


def test_each_ground_names_its_article_and_the_aid_it_gives():
    assert {g.article for g in rules.grounds_for(rules.WAIVE)} == {45}
    assert {g.article for g in rules.grounds_for(rules.REDUCE)} == {46}
    assert {g.article for g in rules.grounds_for(rules.DEFER)} == {47}
    assert [g.item for g in rules.grounds_for(rules.WAIVE)] == [1, 2, 3, 4, 5]
    assert rules.check_application("defer", "maintenance", natural_person=True)  # art. 45 ground
    assert rules.check_application("waive", "maintenance", natural_person=True) == []
    # art. 44: waiver for natural persons only
    assert rules.check_application("waive", "maintenance", natural_person=False)
    assert rules.check_application("reduce", "welfare_body", natural_person=False) == []


@pytest.mark.parametrize(
    ("amount", "percent", "after"),
    [
        ("1384.58", 30, "969.21"),  # 415.374 -> 415.37 off
        ("692.29", 50, "346.14"),  # 346.145 -> 346.15 off (half up)
        ("50", 99, "0.50"),
        ("0.01", 30, "0.01"),  # 0.003 -> 0.00 off
    ],
)
def test_a_reduction_is_exact_to_the_fen(amount, percent, after):
    reduction = rules.reduce_fee(Decimal(amount), percent)
    assert reduction.amount_after == Decimal(after)
    assert reduction.reduced_by + reduction.amount_after == Decimal(amount)
    assert reduction.steps[0].text.endswith("art. 46).")


@pytest.mark.parametrize("percent", [0, 29, 100])
def test_a_reduction_is_at_least_thirty_per_cent_and_not_everything(percent):
    with pytest.raises(ValueError):
        rules.reduce_fee(Decimal("100"), percent)


# Applying and deciding


def test_a_waiver_granted_settles_the_fee_and_the_party_is_told(demo):
    case = filed(demo)
    relief = apply(demo, case, "maintenance")
    assert relief.kind == "waive" and relief.status == ReliefStatus.PENDING
    assert case.events.filter(kind="fee_relief_applied").count() == 1
    decide(demo, relief, reasons="追索抚育费，符合第四十五条第二项")
    fee = FeeDue.objects.get(case=case)
    assert fee.status == FeeStatus.WAIVED and fee.payable == Decimal("0.00")
    assert not is_overdue(fee, datetime.date(2027, 1, 1))
    event = case.events.get(kind="fee_relief_granted")
    assert event.is_public and event.details["relief_kind"] == "waive"
    with pytest.raises(ValidationError):  # nothing left to pay
        actions.record_payment(
            fee, actor=demo["lixia"], amount=Decimal("1"), paid_on=TODAY, receipt="R"
        )


def test_a_reduction_granted_leaves_the_reduced_amount_due_in_seven_days(demo):
    case = filed(demo)
    fee = FeeDue.objects.get(case=case)
    relief = apply(demo, case, "disaster", percent=40)
    decide(demo, relief, percent=50)
    fee.refresh_from_db()
    assert fee.status == FeeStatus.REDUCED and fee.reduced_amount == rules.reduce_fee(
        fee.amount, 50
    ).amount_after
    assert fee.due_on == due_date(case, TODAY)
    relief.refresh_from_db()
    assert relief.granted_percent == 50
    # unpaid past the new date: flagged again
    assert is_overdue(fee, fee.due_on + datetime.timedelta(days=1))
    assert overdue_case_ids([case.pk], fee.due_on + datetime.timedelta(days=1)) == {case.pk}


def test_a_deferral_to_a_date_and_until_the_judgment(demo):
    case = filed(demo)
    relief = apply(demo, case, "injury_victim")
    decide(demo, relief, deferred_until=datetime.date(2026, 9, 1))
    fee = FeeDue.objects.get(case=case)
    assert fee.status == FeeStatus.DEFERRED and fee.deferred_until == datetime.date(2026, 9, 1)
    assert not is_overdue(fee, datetime.date(2026, 8, 31))
    assert is_overdue(fee, datetime.date(2026, 9, 2))
    other = filed(demo)
    decide(demo, apply(demo, other, "legal_aid"))
    fee = FeeDue.objects.get(case=other)
    assert fee.status == FeeStatus.DEFERRED and fee.deferred_until is None
    assert not is_overdue(fee, datetime.date(2030, 1, 1))  # until the judgment


def test_a_refusal_needs_its_reasons_and_gives_seven_more_days(demo):
    case = filed(demo)  # due 2026-03-09
    relief = apply(demo, case, "other_waive")
    with pytest.raises(ValidationError):
        decide(demo, relief, grant=False)  # art. 48: reasons in writing
    late = datetime.date(2026, 3, 20)
    actions.decide_relief(
        relief, actor=demo["chenzhi"], grant=False, reasons="未提交经济困难证明", today=late
    )
    fee = FeeDue.objects.get(case=case)
    assert fee.status == FeeStatus.DUE and fee.due_on == due_date(case, late)
    event = case.events.get(kind="fee_relief_refused")
    assert event.details["reasons"] == "未提交经济困难证明"


def test_while_an_application_waits_the_case_is_not_flagged_and_no_second_one(demo):
    case = filed(demo)  # due in March 2026, long past
    fee = FeeDue.objects.get(case=case)
    later = datetime.date(2026, 6, 1)
    assert overdue_case_ids([case.pk], later) == {case.pk}
    apply(demo, case, "subsistence")
    assert overdue_case_ids([case.pk], later) == set() and not is_overdue(fee, later)
    with pytest.raises(ValidationError):
        apply(demo, case, "legal_aid")
    with pytest.raises(ValidationError):  # a payment waits for the decision
        actions.record_payment(fee, actor=demo["lixia"], amount=fee.amount, paid_on=TODAY,
                               receipt="R")


def test_bad_applications_are_refused_with_reasons(demo):
    case = filed(demo)
    with pytest.raises(ValidationError):  # a ground of no article
        apply(demo, case, "rich")
    with pytest.raises(ValidationError):  # under 30 per cent
        apply(demo, case, "disaster", percent=20)
    company = case.parties.get(role="defendant")
    company.kind = "legal_person"
    company.save(update_fields=["kind"])
    fee = FeeDue.objects.get(case=case)
    with pytest.raises(ValidationError) as caught:  # art. 44: natural persons only
        actions.apply_for_relief(fee, actor=demo["lixia"], ground="maintenance",
                                 statement="x", applicant=company)
    assert "art. 44" in " ".join(caught.value.messages)


def test_who_applies_and_who_decides(demo):
    case = filed(demo)
    fee = FeeDue.objects.get(case=case)
    # a stranger's case, a judge: no application
    for outsider in (demo["wangjun"], demo["lilawyer"]):
        with pytest.raises(PermissionDenied):
            actions.apply_for_relief(fee, actor=outsider, ground="legal_aid", statement="x",
                                     applicant=plaintiff(case))
    # the filing clerk enters one made at the window ...
    relief = actions.apply_for_relief(fee, actor=demo["lixia"], ground="legal_aid",
                                      statement="窗口申请", applicant=plaintiff(case))
    # ... and decides nothing: not a decider, and not her own entry
    with pytest.raises(PermissionDenied):
        decide(demo, relief, who="lixia")
    # a trial division's head is not the court's decider; a judge neither
    for who in ("liuqiang", "wangjun"):
        with pytest.raises(PermissionDenied):
            decide(demo, relief, who=who)
    # the head of the filing division decides
    court = Court.objects.get(code="内2502")
    division = Division.objects.get(court=court, kind="filing")
    head = demo["lixia"].__class__.objects.create_user("lian", password="x", kind="staff")
    Membership.objects.create(user=head, court=court, role="division_head", division=division)
    actions.decide_relief(relief, actor=head, grant=True, reasons="", today=TODAY)
    assert FeeRelief.objects.get(pk=relief.pk).status == ReliefStatus.GRANTED


def test_the_president_who_entered_an_application_does_not_decide_it(demo):
    case = filed(demo)
    fee = FeeDue.objects.get(case=case)
    relief = actions.apply_for_relief(fee, actor=demo["chenzhi"], ground="legal_aid",
                                      statement="窗口申请", applicant=plaintiff(case))
    with pytest.raises(PermissionDenied):
        decide(demo, relief, who="chenzhi")


def test_the_notice_received_day_moves_the_due_date(demo):
    case = filed(demo)  # notice given 2026-03-02
    fee = FeeDue.objects.get(case=case)
    fee = actions.record_notice_received(
        fee, actor=demo["lixia"], received_on=datetime.date(2026, 3, 6),
        today=datetime.date(2026, 3, 10),
    )
    assert fee.received_on == datetime.date(2026, 3, 6)
    assert fee.due_on == datetime.date(2026, 3, 13)  # seven days from Saturday 03-07
    for bad in (datetime.date(2026, 3, 1), datetime.date(2026, 3, 20)):  # before notice, future
        with pytest.raises(ValidationError):
            actions.record_notice_received(fee, actor=demo["lixia"], received_on=bad,
                                           today=datetime.date(2026, 3, 10))
    with pytest.raises(PermissionDenied):
        actions.record_notice_received(fee, actor=demo["wangjun"],
                                       received_on=datetime.date(2026, 3, 6), today=TODAY)


# Pages and API


def test_the_party_applies_on_the_page_with_proof_and_the_president_decides(demo):
    case = filed(demo)
    party = browser(demo["zhangsan"])
    page = text(party.get(f"/portal/cases/{case.code}/").content)
    assert "Apply to defer, reduce or be exempted" in page
    form = party.get(f"/case-fees/cases/{case.code}/relief/").content.decode()
    assert "art. 45 item 2" in form and 'name="proof"' in form
    response = party.post(
        f"/case-fees/cases/{case.code}/relief/",
        {
            "applicant": plaintiff(case).pk,
            "ground": "subsistence",
            "statement": "领取最低生活保障金，无其他收入",
            "proof": SimpleUploadedFile("低保证.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, text(response.content)[:2000]
    relief = FeeRelief.objects.get(fee__case=case)
    assert relief.kind == "waive" and relief.proof_name == "低保证.pdf"
    page = text(party.get(f"/portal/cases/{case.code}/").content)
    assert "Awaiting the court's decision" in page and "art. 45 item 3" in page

    president = browser(demo["chenzhi"])
    staff_page = president.get(f"/case-fees/cases/{case.code}/").content.decode()
    assert "Decide the application for fee relief" in staff_page
    proof = president.get(f"/case-fees/cases/{case.code}/relief/{relief.code}/proof/")
    assert proof.status_code == 200 and b"".join(proof.streaming_content) == PDF
    response = president.post(
        f"/case-fees/cases/{case.code}/", {"op": "decide", "grant": "yes", "reasons": ""}
    )
    assert response.status_code == 302
    assert FeeDue.objects.get(case=case).status == FeeStatus.WAIVED
    page = text(party.get(f"/portal/cases/{case.code}/").content)
    assert "Waived" in page and "Granted" in page


def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_lost(demo):
    case = filed(demo)
    party = browser(demo["zhangsan"])
    response = party.post(
        f"/case-fees/cases/{case.code}/relief/",
        {
            "applicant": plaintiff(case).pk,
            "ground": "subsistence",
            "statement": "领取最低生活保障金",
            "proof": SimpleUploadedFile("证明.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert response.status_code == 200
    page = text(response.content)
    assert "is not a PDF" in page and "领取最低生活保障金" in page
    assert not FeeRelief.objects.filter(fee__case=case).exists()


def test_another_litigant_cannot_reach_the_application_page(demo):
    case = filed(demo)
    stranger = browser(demo["lilawyer"])
    assert stranger.get(f"/case-fees/cases/{case.code}/relief/").status_code == 404


def test_the_api_applies_and_decides_the_same_way(demo):
    case = filed(demo)

    def client_of(user):
        auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user, name='t')}"}
        return Client(), auth

    party, party_auth = client_of(demo["zhangsan"])
    base = f"/api/v1/case-fees/cases/{case.code}"
    response = party.post(
        base + "/reliefs", {"ground": "disaster", "statement": "受灾", "percent": 30},
        content_type="application/json", **party_auth,
    )
    assert response.status_code == 201, response.content
    code = response.json()["code"]
    assert response.json()["kind"] == "reduce" and response.json()["applicant"] == "张三"
    # the party cannot decide their own application
    response = party.post(base + f"/reliefs/{code}/decision", {"grant": True},
                          content_type="application/json", **party_auth)
    assert response.status_code == 403
    president, auth = client_of(demo["chenzhi"])
    response = president.post(base + f"/reliefs/{code}/decision", {"grant": True, "percent": 30},
                              content_type="application/json", **auth)
    assert response.status_code == 200, response.content
    body = president.get(base, **auth).json()
    fee = FeeDue.objects.get(case=case)
    assert body["status"] == "reduced" and body["payable"] == f"{fee.reduced_amount:.2f}"
    assert body["reliefs"][0]["status"] == "granted"
    clerk, clerk_auth = client_of(demo["lixia"])
    response = clerk.post(base + "/notice-received", {"received_on": str(fee.notified_on)},
                          content_type="application/json", **clerk_auth)
    assert response.status_code == 200, response.content


def test_the_presidents_workspace_counts_applications_and_lists_them(demo):
    case = filed(demo)
    president = browser(demo["chenzhi"])
    apply(demo, case, "maintenance")
    home = text(president.get("/workspace/").content)
    assert "Applications for fee relief to decide" in home
    listing = text(president.get("/case-fees/reliefs/").content)
    assert case.number in listing and "Waiver" in listing and "张三" in listing
    # a clerk has nothing to decide: no list for her
    assert browser(demo["lixia"]).get("/case-fees/reliefs/").status_code == 403


def test_a_reduction_without_its_percentage_is_refused_everywhere(demo):
    case = filed(demo)
    missing = "A reduction must say how much is asked"
    # the action
    with pytest.raises(ValidationError) as caught:
        apply(demo, case, "disaster")
    assert missing in " ".join(caught.value.messages)
    # the page: the message at the field, and what was entered kept
    party = browser(demo["zhangsan"])
    response = party.post(
        f"/case-fees/cases/{case.code}/relief/",
        {"applicant": plaintiff(case).pk, "ground": "disaster", "statement": "房屋受灾，无力交纳"},
    )
    assert response.status_code == 200
    page = text(response.content)
    assert missing in page and "房屋受灾，无力交纳" in page
    assert 'value="disaster" selected' in response.content.decode()
    # the API: in Chinese by default, in English for an English reader
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(demo['zhangsan'], name='t')}"}
    api = Client()
    url = f"/api/v1/case-fees/cases/{case.code}/reliefs"
    body = {"ground": "disaster", "statement": "受灾"}
    response = api.post(url, body, content_type="application/json", **auth)
    assert response.status_code in (400, 422) and "减交比例" in str(response.json())
    api.cookies["django_language"] = "en"
    response = api.post(url, body, content_type="application/json", **auth)
    assert response.status_code in (400, 422) and missing in response.content.decode()
    assert not FeeRelief.objects.filter(fee__case=case).exists()
