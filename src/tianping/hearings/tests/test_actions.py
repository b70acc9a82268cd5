"""Scheduling, clashes, the defence period, postponements, cancelling, holding (on SQLite
the action checks the bookings in its transaction)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.cases.models import CaseMember
from tianping.cases.models_panel import Seat
from tianping.courts.models import CalendarDay
from tianping.hearings import actions
from tianping.hearings.models import Booking, Hearing
from tianping.hearings.tests.helpers import a_case, at, next_working_day, room

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def book(case, actor, day, start=9, end=11, **place):
    place = place or {"place_kind": "courtroom", "courtroom": room()}
    return actions.schedule(case, actor=actor, starts_at=at(day, start), ends_at=at(day, end),
                            **place)


def other_judge():
    from tianping.courts.models import Court, Membership

    user = get_user_model().objects.create_user("judge2", kind="staff", full_name="包青")
    Membership.objects.create(user=user, court=Court.objects.get(code="内2502"), role="judge")
    return user


def test_the_judge_schedules_a_hearing_booked_for_room_judge_and_seats(judge, court_clerk):
    case = a_case(judge)
    CaseMember.objects.create(case=case, seat=Seat.CLERK, user=court_clerk,
                              since=case.filed_on, added_by=judge)
    day = next_working_day(3)
    hearing = book(case, judge, day)

    assert hearing.status == "scheduled" and not hearing.is_evening
    assert set(Booking.objects.filter(hearing=hearing).values_list("resource", flat=True)) == {
        f"room:{room().pk}", f"user:{judge.pk}", f"user:{court_clerk.pk}"}
    assert [p["name"] for p in hearing.people] == ["王军", "孙丽"]
    event = case.events.get(kind="hearing_scheduled")
    assert event.details["place"] == "第一审判庭"


def test_a_clerk_on_the_case_schedules_a_clerk_of_another_case_may_not(judge, court_clerk):
    case = a_case(judge)
    with pytest.raises(PermissionDenied):
        book(case, court_clerk, next_working_day(3))
    CaseMember.objects.create(case=case, seat=Seat.CLERK, user=court_clerk,
                              since=case.filed_on, added_by=judge)
    assert book(case, court_clerk, next_working_day(3)).scheduled_by == court_clerk


def test_the_same_room_at_the_same_time_is_refused_naming_the_clash(judge):
    day = next_working_day(3)
    book(a_case(judge), judge, day)
    second = a_case(other_judge())

    with pytest.raises(ValidationError) as refused:
        book(second, second.judge, day, 10, 12)

    assert "第一审判庭" in str(refused.value) and "09:00" in str(refused.value)
    assert not second.hearings.exists()
    # the next hours are free
    assert book(second, second.judge, day, 11, 12).status == "scheduled"


def test_the_same_judge_in_two_rooms_at_once_is_refused(judge):
    day = next_working_day(3)
    book(a_case(judge), judge, day)
    with pytest.raises(ValidationError, match="王军"):
        book(a_case(judge), judge, day, 10, 11,
             place_kind="courtroom", courtroom=room("第二审判庭"))


def test_a_people_s_assessor_is_booked_too(judge):
    from tianping.cases.models import Assessor
    from tianping.courts.models import Court

    assessor = Assessor.objects.create(court=Court.objects.get(code="内2502"), name="其其格",
                                       appointed_on=datetime.date(2024, 1, 1))
    first, second = a_case(judge), a_case(other_judge())
    for case in (first, second):
        CaseMember.objects.create(case=case, seat=Seat.ASSESSOR, assessor=assessor,
                                  since=case.filed_on, added_by=judge)
    day = next_working_day(3)
    book(first, judge, day)
    with pytest.raises(ValidationError, match="其其格"):
        book(second, second.judge, day, 10, 11, place_kind="online",
             link="https://meet.example.org/x")


def test_a_cancelled_hearing_frees_its_room(judge):
    day = next_working_day(3)
    hearing = book(a_case(judge), judge, day)
    actions.cancel(hearing, actor=judge, reason="原告撤诉")
    assert book(a_case(judge), judge, day).status == "scheduled"


def test_before_the_defence_period_ends_refused_with_the_first_day(judge):
    case = a_case(judge, filed_on=timezone.localdate())
    first = timezone.localdate() + datetime.timedelta(days=23)
    with pytest.raises(ValidationError, match=first.isoformat()):
        book(case, judge, 10)
    assert book(case, judge, 23).status == "scheduled"
    # a pronouncement is not bound by it
    assert book(case, judge, 2, 14, 15, place_kind="online", kind="pronouncement",
                link="https://meet.example.org/p").kind == "pronouncement"


def test_a_waiver_under_the_summary_procedure_only(judge):
    ordinary = a_case(judge, filed_on=timezone.localdate())
    with pytest.raises(ValidationError, match="summary procedure"):
        book(ordinary, judge, 5, waiver="双方当庭放弃答辩期", place_kind="online",
             link="https://meet.example.org/a")
    summary = a_case(judge, filed_on=timezone.localdate(), procedure="summary")
    hearing = book(summary, judge, 5, waiver="双方书面放弃答辩期", place_kind="online",
                   link="https://meet.example.org/a")
    assert hearing.waiver == "双方书面放弃答辩期"
    assert summary.events.get(kind="hearing_scheduled").details["waiver"] == "双方书面放弃答辩期"


def test_a_given_service_date_moves_the_earliest_day(judge):
    case = a_case(judge, filed_on=timezone.localdate())
    served = timezone.localdate() - datetime.timedelta(days=10)
    assert actions.earliest_day(case, served) == served + datetime.timedelta(days=18)


def test_the_service_record_of_the_notice_to_respond_moves_the_earliest_day(judge):
    from tianping.service import actions as service

    case = a_case(judge, filed_on=timezone.localdate() - datetime.timedelta(days=30))
    estimate = actions.earliest_day(case)
    assert estimate == case.filed_on + datetime.timedelta(days=5 + 15 + 3)
    defendant = case.parties.get(role="defendant")
    defendant.address = "锡林浩特市额尔敦路1号"
    defendant.save()
    posted = timezone.localdate() - datetime.timedelta(days=4)
    served = service.serve(case, party=defendant, channels=["postal"], key="k1", actor=judge,
                           document_name="response-notice", title="应诉通知书",
                           tracking_number="1100000001", posted_on=posted)
    assert actions.earliest_day(case) == estimate  # posted, not yet received
    receipt_on = timezone.localdate() - datetime.timedelta(days=1)
    service.record_postal_receipt(served.attempts.get(), receipt_on=receipt_on, actor=judge)
    # 15 days to answer from the day on the receipt, the summons 3 days before
    assert actions.earliest_day(case) == receipt_on + datetime.timedelta(days=18)
    with pytest.raises(ValidationError, match=(receipt_on + datetime.timedelta(days=18))
                       .isoformat()):
        book(case, judge, 10)


@pytest.mark.parametrize(("place", "field"), [
    ({"place_kind": "online", "link": "http://meet.example.org"}, "link"),
    ({"place_kind": "circuit", "address": "嘎查村委会"}, "address"),
    ({"place_kind": "courtroom"}, "courtroom"),
    ({"place_kind": "moon"}, "place_kind"),
])
def test_each_place_needs_its_details(judge, place, field):
    with pytest.raises(ValidationError) as refused:
        book(a_case(judge), judge, next_working_day(3), **place)
    assert field in refused.value.message_dict


def test_times_in_the_past_backwards_or_too_long_are_refused(judge):
    case = a_case(judge)
    for start, end in [(at(-1, 9), at(-1, 10)), (at(3, 11), at(3, 10)), (at(3, 8), at(4, 9))]:
        with pytest.raises(ValidationError):
            actions.schedule(case, actor=judge, starts_at=start, ends_at=end,
                             place_kind="online", link="https://meet.example.org/a")


def test_evening_and_rest_day_flags(judge):
    day = next_working_day(3)
    evening = book(a_case(judge), judge, day, 19, 21)
    assert evening.is_evening and not evening.is_holiday
    rest = timezone.localdate() + datetime.timedelta(days=day + 1)
    CalendarDay.objects.create(court=evening.case.court, day=rest, is_rest_day=True, name="那达慕")
    holiday = book(a_case(judge), judge, day + 1)
    assert holiday.is_holiday and not holiday.is_evening


def test_circuit_hearing_held_with_attendance(judge):
    day = next_working_day(3)
    hearing = book(a_case(judge), judge, day, place_kind="circuit",
                   address="巴彦宝力格嘎查村委会", township="宝力根苏木")
    Hearing.objects.filter(pk=hearing.pk).update(starts_at=at(-1, 9), ends_at=at(-1, 11))
    hearing.refresh_from_db()
    with pytest.raises(ValidationError, match="attended"):
        actions.record_held(hearing, actor=judge)
    held = actions.record_held(hearing, actor=judge, attendees=36, record=SimpleUploadedFile(
        "笔录.pdf", PDF, content_type="application/pdf"))
    assert held.status == "held" and held.attendees == 36 and held.record_sha256
    assert held.case.events.get(kind="hearing_held").details["attendees"] == 36
    assert not Booking.objects.filter(hearing=held, active=True).exists()


def test_a_record_must_be_a_real_document(judge):
    hearing = book(a_case(judge), judge, next_working_day(3))
    Hearing.objects.filter(pk=hearing.pk).update(starts_at=at(-1, 9), ends_at=at(-1, 11))
    hearing.refresh_from_db()
    held = actions.record_held(hearing, actor=judge)
    with pytest.raises(ValidationError):
        actions.add_record(held, actor=judge, record=SimpleUploadedFile(
            "笔录.pdf", b"not a pdf", content_type="application/pdf"))
    added = actions.add_record(held, actor=judge, record=SimpleUploadedFile(
        "笔录.pdf", PDF, content_type="application/pdf"))
    assert added.record_name == "笔录.pdf"


def test_a_hearing_not_yet_started_cannot_be_held(judge):
    hearing = book(a_case(judge), judge, next_working_day(3))
    with pytest.raises(ValidationError):
        actions.record_held(hearing, actor=judge)


def test_postponed_twice_then_refused_under_the_ordinary_procedure(judge):
    case = a_case(judge)
    day = next_working_day(3)
    hearing = book(case, judge, day)
    for n in range(2):
        hearing = actions.postpone(hearing, actor=judge, reason="被告申请延期", caused_by="party",
                                   starts_at=at(day + 7 * (n + 1), 9),
                                   ends_at=at(day + 7 * (n + 1), 11))
    assert hearing.postponed_from.postponed_from.status == "postponed"
    assert hearing.postponed_from.caused_by == "party"
    with pytest.raises(ValidationError, match="2"):
        actions.postpone(hearing, actor=judge, reason="再次申请", caused_by="party",
                         starts_at=at(day + 21, 9), ends_at=at(day + 21, 11))
    event = case.events.filter(kind="hearing_postponed").last()
    assert event.details["caused_by"] == "party" and event.details["reason"] == "被告申请延期"


def test_summary_procedure_postpones_once(judge):
    day = next_working_day(3)
    hearing = book(a_case(judge, procedure="summary"), judge, day)
    hearing = actions.postpone(hearing, actor=judge, reason="法院原因", caused_by="court",
                               starts_at=at(day + 7, 9), ends_at=at(day + 7, 11))
    with pytest.raises(ValidationError):
        actions.postpone(hearing, actor=judge, reason="再次", caused_by="court",
                         starts_at=at(day + 14, 9), ends_at=at(day + 14, 11))


def test_postponed_more_than_a_month_only_by_force_majeure_or_consent(judge):
    day = next_working_day(3)
    hearing = book(a_case(judge), judge, day)
    far = day + 40
    with pytest.raises(ValidationError, match="one month"):
        actions.postpone(hearing, actor=judge, reason="鉴定", caused_by="other",
                         starts_at=at(far, 9), ends_at=at(far, 11))
    new = actions.postpone(hearing, actor=judge, reason="鉴定", caused_by="other",
                           starts_at=at(far, 9), ends_at=at(far, 11), exception="consent")
    assert new.starts_at == at(far, 9)


def test_a_postponement_needs_a_reason_and_who_caused_it(judge):
    hearing = book(a_case(judge), judge, next_working_day(3))
    with pytest.raises(ValidationError) as refused:
        actions.postpone(hearing, actor=judge, reason=" ", caused_by="nobody",
                         starts_at=at(20, 9), ends_at=at(20, 11))
    assert {"reason", "caused_by"} <= set(refused.value.message_dict)
