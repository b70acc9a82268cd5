"""Pre-filing mediation (issue 11, part 3): applying with the papers entered once, the
court appointing within its clock, the mediator accepting, the other side's answer,
sessions, extension by agreement, and a failure handing the same filing to review."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from tianping.courts.models import Court
from tianping.filings import actions as filing_actions
from tianping.filings.choices import Channel, FilingStatus
from tianping.flows.mediation import answer_invitation, apply_for_mediation, end_mediation
from tianping.mediation import actions_mediations as actions
from tianping.mediation.choices import MediationStatus
from tianping.mediation.models import Mediation, Mediator, Station
from tianping.mediation.permissions import mediations_visible_to
from tianping.mediation.queries import performance
from tianping.mediation.recommend import recommend

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 3, 2)
PLAINTIFF = {"role": "plaintiff", "kind": "natural", "name": "张三", "doc_type": "resident_id",
             "id_number": "152502198503120022", "address": "锡林浩特市宝力根苏木"}
DEFENDANT = {"role": "defendant", "kind": "natural", "name": "李四", "doc_type": "resident_id",
             "id_number": "110105199001011232", "phone": "13800000000"}


@pytest.fixture
def court(demo):
    return Court.objects.get(code="内2502")


def draft(demo, court, **fields):
    user = demo["zhangsan"]
    filing = filing_actions.start_filing(actor=user, court=court, channel=Channel.ONLINE,
                                         filer=user)
    values = {"claims": "判令被告归还借款两万元", "facts": "被告于2025年借款未还",
              "amount": Decimal("20000"), **fields}
    filing_actions.save_draft(filing, actor=user, **values)
    filing_actions.set_parties(filing, [PLAINTIFF, DEFENDANT], actor=user)
    return filing


def hutao_entry():
    return Mediator.objects.get(user__username="hutao")


def applied(demo, court, today=MONDAY):
    return apply_for_mediation(draft(demo, court), actor=demo["zhangsan"], today=today)


def under_way(demo, court, today=MONDAY):
    m = actions.appoint(applied(demo, court, today), hutao_entry(), actor=demo["lixia"],
                        today=today, override="测试：指定本院调解员")
    return actions.accept(m, actor=demo["hutao"], today=today)


def test_applying_registers_a_numbered_mediation_and_holds_the_filing(demo, court):
    m = applied(demo, court)
    assert m.number.startswith("（2026）内2502民诉前调") and m.number.endswith("号")
    assert m.status == MediationStatus.AWAITING_APPOINTMENT
    assert m.appoint_due_on == datetime.date(2026, 3, 5)  # 3 working days after Monday
    assert m.filing.status == FilingStatus.IN_MEDIATION and m.filing.review_due_on is None
    assert [e.kind for e in m.events.all()] == ["registered"]
    assert m.filing.events.filter(kind="sent_to_mediation").exists()
    again = applied(demo, court)
    def serial(number):
        return int(number.split("民诉前调")[1][:-1])

    assert serial(again.number) == serial(m.number) + 1


def test_an_incomplete_draft_cannot_go_to_mediation_and_keeps_what_was_entered(demo, court):
    filing = draft(demo, court)
    filing_actions.set_parties(filing, [PLAINTIFF], actor=demo["zhangsan"])
    with pytest.raises(ValidationError):
        apply_for_mediation(filing, actor=demo["zhangsan"], today=MONDAY)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.DRAFT and filing.claims == "判令被告归还借款两万元"
    assert not Mediation.objects.filter(filing=filing).exists()


def test_only_the_filer_applies_and_only_the_filing_division_appoints(demo, court):
    filing = draft(demo, court)
    with pytest.raises(PermissionDenied):
        apply_for_mediation(filing, actor=demo["lilawyer"], today=MONDAY)
    m = apply_for_mediation(filing, actor=demo["zhangsan"], today=MONDAY)
    for who in ("wangjun", "hutao", "zhangsan"):
        with pytest.raises(PermissionDenied):
            actions.appoint(m, hutao_entry(), actor=demo[who], today=MONDAY, override="x")


def test_the_recommendation_puts_the_speciality_first_and_warns_before_appointing(demo, court):
    m = applied(demo, court)
    finance = [r for r in recommend(court, speciality="finance", today=MONDAY)]
    assert finance and "finance" in finance[0].mediator.speciality_codes
    family_only = Mediator.objects.filter(court=court, delisted_on__isnull=True).exclude(
        specialities__contains=",finance,").first()
    m.speciality = "finance"
    Mediation.objects.filter(pk=m.pk).update(speciality="finance")
    with pytest.raises(ValidationError) as refused:
        actions.appoint(m, family_only, actor=demo["lixia"], today=MONDAY)
    assert "override" in refused.value.message_dict
    m.refresh_from_db()
    assert m.status == MediationStatus.AWAITING_APPOINTMENT
    done = actions.appoint(m, family_only, actor=demo["lixia"], today=MONDAY,
                           override="当事人均讲蒙古语")
    assert done.status == MediationStatus.APPOINTED and done.mediator == family_only
    event = done.events.get(kind="appointed")
    assert event.details["warnings"] == ["speciality"]


def test_a_mediator_over_capacity_is_warned(demo, court):
    Mediator.objects.filter(pk=hutao_entry().pk).update(capacity=1)
    entry = hutao_entry()
    first = applied(demo, court)
    actions.appoint(first, entry, actor=demo["lixia"], today=MONDAY, override="x")
    second = applied(demo, court)
    with pytest.raises(ValidationError) as refused:
        actions.appoint(second, entry, actor=demo["lixia"], today=MONDAY)
    assert any("1" in text for text in refused.value.message_dict["override"])


def test_the_mediator_accepts_and_the_thirty_days_run_from_acceptance(demo, court):
    m = actions.appoint(applied(demo, court), hutao_entry(), actor=demo["lixia"],
                        today=MONDAY, override="x")
    assert m.accept_due_on == datetime.date(2026, 3, 5)
    with pytest.raises(PermissionDenied):
        actions.accept(m, actor=demo["lixia"], today=MONDAY)
    m = actions.accept(m, actor=demo["hutao"], today=datetime.date(2026, 3, 4))
    assert m.status == MediationStatus.IN_PROGRESS
    assert m.ends_on == datetime.date(2026, 4, 3)
    assert m.clock_steps["period"][0]["params"] == {"clock": "pre_filing"}


def test_a_declining_mediator_goes_and_the_court_appoints_again(demo, court):
    m = actions.appoint(applied(demo, court), hutao_entry(), actor=demo["lixia"],
                        today=MONDAY, override="x")
    with pytest.raises(ValidationError):
        actions.decline(m, actor=demo["hutao"], reason="  ")
    m = actions.decline(m, actor=demo["hutao"], reason="与当事人系亲属，应当回避")
    assert m.status == MediationStatus.AWAITING_APPOINTMENT and m.mediator is None


def test_a_refusal_by_the_other_side_ends_it_and_the_filing_goes_to_review(demo, court,
                                                                          other_litigant):
    m = under_way(demo, court)
    defendant = m.filing.parties.get(role="defendant")
    defendant.user = other_litigant
    defendant.save()
    with pytest.raises(PermissionDenied):  # the plaintiff's answer is not theirs to give
        answer_invitation(m, m.filing.parties.get(role="plaintiff"), actor=other_litigant,
                          answer="refused")
    answer_invitation(m, defendant, actor=other_litigant, answer="refused", note="不同意调解",
                      today=datetime.date(2026, 3, 6))
    m.refresh_from_db()
    assert m.status == MediationStatus.FAILED and m.failure_reason == "refused"
    filing = m.filing
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    assert filing.review_due_on == datetime.date(2026, 3, 13)  # 7 days from Friday 03-06
    with pytest.raises(ValidationError):
        answer_invitation(m, defendant, actor=other_litigant, answer="accepted")


def test_a_failed_mediation_hands_the_same_papers_to_review(demo, court):
    m = under_way(demo, court)
    before = list(m.filing.parties.values_list("role", "name", "id_number"))
    end_mediation(m, actor=demo["hutao"], outcome="failed", reason="disagreement",
                  report="双方对还款期限分歧较大", undisputed_facts="被告于2025年向原告借款两万元",
                  today=datetime.date(2026, 3, 20))
    m.refresh_from_db()
    filing = m.filing
    filing.refresh_from_db()
    assert m.status == MediationStatus.FAILED and m.undisputed_facts.startswith("被告")
    assert filing.status == FilingStatus.SUBMITTED
    assert list(filing.parties.values_list("role", "name", "id_number")) == before
    assert filing.claims == "判令被告归还借款两万元" and filing.amount == Decimal("20000")
    assert [e.kind for e in m.events.all()][-2:] == ["failed", "returned_to_filing"]
    with pytest.raises(ValidationError):  # a second ending of the same mediation
        end_mediation(m, actor=demo["lixia"], outcome="failed", reason="other")


def test_an_agreement_settles_the_dispute_without_a_filing(demo, court):
    m = under_way(demo, court)
    end_mediation(m, actor=demo["hutao"], outcome="settled", report="达成分期还款协议",
                  today=datetime.date(2026, 3, 10))
    m.filing.refresh_from_db()
    assert m.filing.status == FilingStatus.SETTLED_IN_MEDIATION
    figures = performance([hutao_entry().pk])[hutao_entry().pk]
    assert (figures.taken, figures.succeeded, figures.average_days) == (1, 1, 8.0)


def test_the_applicant_withdraws(demo, court):
    m = applied(demo, court)
    with pytest.raises(PermissionDenied):
        end_mediation(m, actor=demo["lixia"], outcome="withdrawn")
    end_mediation(m, actor=demo["zhangsan"], outcome="withdrawn")
    m.refresh_from_db()
    m.filing.refresh_from_db()
    assert m.status == MediationStatus.WITHDRAWN
    assert m.filing.status == FilingStatus.WITHDRAWN


def at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_room_is_never_booked_twice_and_online_needs_its_link(demo, court):
    room = Station.objects.create(court=court, name="第一调解室", kind="room")
    first, second = under_way(demo, court), under_way(demo, court)
    actions.schedule_session(first, actor=demo["hutao"], starts_at=at(MONDAY, 9),
                             ends_at=at(MONDAY, 11), mode="room", station=room)
    with pytest.raises(ValidationError) as clash:
        actions.schedule_session(second, actor=demo["hutao"], starts_at=at(MONDAY, 10),
                                 ends_at=at(MONDAY, 12), mode="room", station=room)
    assert "第一调解室" in clash.value.message_dict["station"][0]
    actions.schedule_session(second, actor=demo["hutao"], starts_at=at(MONDAY, 11),
                             ends_at=at(MONDAY, 12), mode="room", station=room)
    with pytest.raises(ValidationError) as bad:
        actions.schedule_session(second, actor=demo["hutao"], starts_at=at(MONDAY, 14),
                                 ends_at=at(MONDAY, 15), mode="online", link="javascript:x")
    assert "link" in bad.value.message_dict


def test_an_online_session_held_counts_as_online(demo, court):
    m = under_way(demo, court)
    session = actions.schedule_session(m, actor=demo["hutao"], starts_at=at(MONDAY, 9),
                                       ends_at=at(MONDAY, 10), mode="online",
                                       link="https://meet.example.org/abc")
    ids = list(m.filing.parties.values_list("pk", flat=True))
    with pytest.raises(ValidationError):
        actions.record_session(session, actor=demo["hutao"], attended=[], record="笔录")
    actions.record_session(session, actor=demo["hutao"], attended=ids, record="双方到场陈述")
    m.refresh_from_db()
    assert m.held_online and m.events.filter(kind="session_held").exists()


def test_the_period_is_extended_only_when_every_party_agrees(demo, court):
    m = under_way(demo, court)
    ids = list(m.filing.parties.values_list("pk", flat=True))
    with pytest.raises(ValidationError):
        actions.extend(m, actor=demo["hutao"], days=10, agreed_parties=ids[:1])
    m = actions.extend(m, actor=demo["hutao"], days=10, agreed_parties=ids, note="电话确认")
    assert m.ends_on == datetime.date(2026, 4, 13) and m.agreed_days == 10


def test_who_sees_which_mediation(demo, court, other_litigant):
    mine = under_way(demo, court)
    waiting = applied(demo, court)
    assert set(mediations_visible_to(demo["hutao"])) == {mine}
    assert {mine, waiting} <= set(mediations_visible_to(demo["lixia"]))
    assert {mine, waiting} <= set(mediations_visible_to(demo["zhangsan"]))
    assert not mediations_visible_to(other_litigant).exists()
    assert not mediations_visible_to(demo["nasen"]).exists()  # no 工商联 mediator on these
    assert not mediations_visible_to(demo["wangjun"]).exists()
    client = Client()
    client.force_login(other_litigant)
    assert client.get(f"/mediation/m/{mine.code}/").status_code == 404


def test_the_pages_take_a_litigant_from_application_to_a_failed_mediation(demo, court):
    filing = draft(demo, court)
    litigant, clerk, mediator = Client(), Client(), Client()
    litigant.force_login(demo["zhangsan"])
    clerk.force_login(demo["lixia"])
    mediator.force_login(demo["hutao"])
    page = litigant.get("/mediation/apply/").content.decode()
    assert filing.code in page
    response = litigant.post("/mediation/apply/", {"filing": filing.code, "mediator": ""})
    m = Mediation.objects.get(filing=filing)
    assert response.status_code == 302 and response.url == f"/mediation/m/{m.code}/"
    page = clerk.get(f"/mediation/m/{m.code}/").content.decode()
    assert f"/mediation/m/{m.code}/appoint/" in page
    response = clerk.post(f"/mediation/m/{m.code}/appoint/",
                          {"mediator": hutao_entry().pk, "override": ""})
    if response.status_code == 400:  # a warning: the page keeps the choice and asks why
        assert str(hutao_entry().pk) in response.content.decode()
        response = clerk.post(f"/mediation/m/{m.code}/appoint/",
                              {"mediator": hutao_entry().pk, "override": "本院专职调解员"})
    assert response.status_code == 302
    assert mediator.post(f"/mediation/m/{m.code}/accept/").status_code == 302
    response = mediator.post(f"/mediation/m/{m.code}/end/", {
        "outcome": "failed", "reason": "", "report": "分歧大"})
    assert response.status_code == 400 and "分歧大" in response.content.decode()
    response = mediator.post(f"/mediation/m/{m.code}/end/", {
        "outcome": "failed", "reason": "disagreement", "report": "分歧大",
        "undisputed_facts": "借款事实无争议"})
    assert response.status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    page = litigant.get(f"/mediation/m/{m.code}/").content.decode()
    assert "借款事实无争议" in page and m.number in page


def test_the_sweep_warns_once_of_each_clock(demo, court):
    from tianping.mediation.sweep import sweep
    from tianping.notifications.models import Notification

    waiting = applied(demo, court)  # to appoint by Thursday 03-05
    going = under_way(demo, court)  # ends 04-01
    assert sweep(MONDAY) == 1
    told = Notification.objects.filter(kind="mediation.clock")
    assert told.filter(user=demo["lixia"], params__code=waiting.code).count() == 1
    assert sweep(MONDAY) == 0
    assert sweep(datetime.date(2026, 3, 30)) == 1
    assert told.filter(user=demo["hutao"], params__code=going.code,
                       params__clock="period").count() == 1
    going = actions.extend(going, actor=demo["hutao"], days=5,
                           agreed_parties=list(going.filing.parties.values_list("pk", flat=True)))
    assert going.ends_on == datetime.date(2026, 4, 7)  # 04-06 is the Qingming holiday
    assert sweep(datetime.date(2026, 4, 3)) == 0  # 4 days away
    assert sweep(datetime.date(2026, 4, 4)) == 1  # the new end date is warned of again


def test_the_kind_of_dispute_comes_from_the_cause_or_its_ancestors():
    from types import SimpleNamespace

    assert actions.speciality_of(SimpleNamespace(name="民间借贷纠纷", path="")) == "finance"
    child = SimpleNamespace(name="离婚后财产纠纷",
                            path="第二部分 婚姻家庭、继承纠纷 › 婚姻家庭纠纷")
    assert actions.speciality_of(child) == "family"
    wages = SimpleNamespace(name="追索劳动报酬纠纷", path="第七部分 › 劳动争议 › 劳动合同纠纷")
    assert actions.speciality_of(wages) == "labour"
    assert actions.speciality_of(None) == ""


def test_the_filing_pages_lead_to_the_mediation_and_back(demo, court):
    m = under_way(demo, court)
    litigant, clerk = Client(), Client()
    litigant.force_login(demo["zhangsan"])
    clerk.force_login(demo["lixia"])
    page = litigant.get(f"/portal/filings/{m.filing.code}/").content.decode()
    assert f"/mediation/m/{m.code}/" in page and m.number in page
    end_mediation(m, actor=demo["hutao"], outcome="failed", reason="no_contact",
                  report="多次联系被告未果", undisputed_facts="")
    review = clerk.get(f"/filing-review/{m.filing.code}/").content.decode()
    assert "多次联系被告未果" in review and f"/mediation/m/{m.code}/" in review


def test_a_consenting_filer_s_filing_goes_from_review_to_a_mediator(demo, court):
    from tianping.filings.actions.steering import record_mediation_choice

    filing = filing_actions.submit_filing(draft(demo, court), actor=demo["zhangsan"],
                                          today=MONDAY)
    clerk = Client()
    clerk.force_login(demo["lixia"])
    assert "/mediation/filings/" not in clerk.get(f"/filing-review/{filing.code}/").content.decode()
    response = clerk.post(f"/mediation/filings/{filing.code}/refer/")
    assert response.status_code == 302 and not Mediation.objects.filter(filing=filing).exists()
    from tianping.filings.models import MediationSteeringRule

    MediationSteeringRule.objects.create(court=court, priority=1, name="借款纠纷",
                                         reason="借款纠纷建议先行调解")
    record_mediation_choice(filing, choice="consented", actor=demo["lixia"])
    page = clerk.get(f"/filing-review/{filing.code}/").content.decode()
    assert f"/mediation/filings/{filing.code}/refer/" in page
    assert clerk.post(f"/mediation/filings/{filing.code}/refer/").status_code == 302
    m = Mediation.objects.get(filing=filing)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.IN_MEDIATION and filing.review_due_on is None
    assert m.status == MediationStatus.AWAITING_APPOINTMENT


def test_the_tabs_read_in_the_reader_s_language_and_a_decliner_goes_back_to_the_list(demo,
                                                                                    court):
    clerk = Client()
    clerk.force_login(demo["lixia"])
    clerk.cookies["django_language"] = "en"
    assert "Awaiting a mediator" in clerk.get("/mediation/mediations/").content.decode()
    clerk.cookies["django_language"] = "zh-hans"
    assert "Awaiting a mediator" not in clerk.get("/mediation/mediations/").content.decode()
    m = actions.appoint(applied(demo, court), hutao_entry(), actor=demo["lixia"],
                        today=MONDAY, override="x")
    mediator = Client()
    mediator.force_login(demo["hutao"])
    response = mediator.post(f"/mediation/m/{m.code}/decline/", {"reason": "需要回避"})
    assert response.status_code == 302 and response.url == "/mediation/mediations/"


def test_the_clerk_who_sent_a_filing_to_mediation_cannot_withdraw_the_party_s_application(
        demo, court):
    from tianping.mediation.permissions import can_withdraw

    m = applied(demo, court)
    assert can_withdraw(demo["zhangsan"], m) and not can_withdraw(demo["lixia"], m)
