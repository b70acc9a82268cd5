"""The pages and the API: schedule from the case page, the hearing's acts, the calendars,
the parties' view and the public notice board."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tianping.hearings import actions
from tianping.hearings.models import Hearing
from tianping.hearings.tests.helpers import a_case, at, next_working_day, room

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def scheduled(judge, day=None, **extra):
    day = day or next_working_day(3)
    return actions.schedule(a_case(judge), actor=judge, starts_at=at(day, 9),
                            ends_at=at(day, 11), place_kind="courtroom", courtroom=room(),
                            **extra)


def test_the_judge_schedules_from_the_case_page(client, judge):
    case = a_case(judge)
    client.force_login(judge)
    page = client.get(f"/cases/{case.code}/").content.decode()
    assert f"/hearings/cases/{case.code}/new/" in page
    day = next_working_day(3)
    response = client.post(f"/hearings/cases/{case.code}/new/", {
        "kind": "hearing", "starts_at": local(at(day, 9)), "ends_at": local(at(day, 11)),
        "place_kind": "courtroom", "courtroom": room().pk, "is_public": "on"})
    hearing = case.hearings.get()
    assert response.status_code == 302 and response["Location"] == f"/hearings/{hearing.code}/"
    assert "第一审判庭" in client.get(f"/cases/{case.code}/").content.decode()


def test_a_clash_is_shown_on_the_form(client, judge):
    first = scheduled(judge)
    case = a_case(judge)
    client.force_login(judge)
    response = client.post(f"/hearings/cases/{case.code}/new/", {
        "kind": "hearing", "starts_at": local(first.starts_at), "ends_at": local(first.ends_at),
        "place_kind": "online", "link": "https://meet.example.org/x"})
    assert response.status_code == 400 and "王军" in response.content.decode()


def test_a_judge_without_a_seat_cannot_schedule(client, judge, court_clerk):
    case = a_case(judge)
    client.force_login(court_clerk)
    assert client.get(f"/hearings/cases/{case.code}/new/").status_code in (403, 404)


def test_postpone_cancel_and_hold_on_the_page(client, judge):
    hearing = scheduled(judge)
    client.force_login(judge)
    page = client.get(f"/hearings/{hearing.code}/").content.decode()
    assert "postpone" in page and "cancel" in page
    day = next_working_day(10)
    response = client.post(f"/hearings/{hearing.code}/postpone/", {
        "reason": "被告申请延期", "caused_by": "party", "starts_at": local(at(day, 9)),
        "ends_at": local(at(day, 11))})
    new = Hearing.objects.get(postponed_from=hearing)
    assert response["Location"] == f"/hearings/{new.code}/"
    Hearing.objects.filter(pk=new.pk).update(starts_at=at(-1, 9), ends_at=at(-1, 11))
    response = client.post(f"/hearings/{new.code}/held/", {
        "record": SimpleUploadedFile("笔录.pdf", PDF, content_type="application/pdf")})
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.status == "held" and new.record
    assert client.get(f"/hearings/{new.code}/record/file/").status_code == 200
    other = scheduled(judge)
    response = client.post(f"/hearings/{other.code}/cancel/", {"reason": ""})
    assert response.status_code == 400


def test_the_calendars_of_a_room_and_a_judge(client, judge, court_clerk):
    hearing = scheduled(judge)
    week = timezone.localtime(hearing.starts_at).date().isoformat()
    client.force_login(judge)
    assert client.get("/hearings/").status_code == 200
    page = client.get(f"/hearings/rooms/{room().pk}/?week={week}").content.decode()
    assert hearing.case.number in page
    page = client.get(f"/hearings/judges/{judge.pk}/?week={week}").content.decode()
    assert hearing.case.number in page
    # a clerk of the court not on the case sees the time taken, not the case
    client.force_login(court_clerk)
    page = client.get(f"/hearings/rooms/{room().pk}/?week={week}").content.decode()
    assert hearing.case.number not in page and "09:00" in page


def test_another_court_sees_neither_calendar(client, judge, judge_of_other_court):
    client.force_login(judge_of_other_court)
    assert client.get(f"/hearings/rooms/{room().pk}/").status_code == 404
    assert client.get(f"/hearings/judges/{judge.pk}/").status_code == 404


def test_the_party_sees_time_and_place_on_the_portal(client, judge, litigant):
    hearing = actions.schedule(a_case(judge), actor=judge, starts_at=at(next_working_day(3), 9),
                               ends_at=at(next_working_day(3), 10), place_kind="online",
                               link="https://meet.example.org/room-7")
    hearing.case.parties.filter(role="plaintiff").update(user=litigant)
    client.force_login(litigant)
    page = client.get(f"/portal/cases/{hearing.case.code}/").content.decode()
    assert "https://meet.example.org/room-7" in page
    assert client.get(f"/hearings/{hearing.code}/").status_code in (403, 404)


def test_the_public_notice_board_shows_public_hearings_without_identity_numbers(client, judge):
    public = scheduled(judge)
    private = scheduled(judge, day=next_working_day(3) + 1, is_public=False)
    page = client.get("/notices/").content.decode()
    assert public.case.number in page and private.case.number not in page
    assert "张三" in page and "152502198503120022" not in page
    answer = client.get("/api/v1/hearings/notices").json()
    numbers = [item["case_number"] for item in answer["items"]]
    assert public.case.number in numbers and private.case.number not in numbers
    assert {"role": "plaintiff", "name": "张三"} in answer["items"][0]["parties"]


def test_the_notice_board_pages_through_its_hearings(client, judge):
    day = next_working_day(3)
    for hour in (8, 10, 12):
        actions.schedule(a_case(judge), actor=judge, starts_at=at(day, hour),
                         ends_at=at(day, hour + 1), place_kind="online",
                         link="https://meet.example.org/x")
    first = client.get("/api/v1/hearings/notices?limit=2").json()
    rest = client.get(f"/api/v1/hearings/notices?limit=2&after={first['next']}").json()
    assert len(first["items"]) == 2 and len(rest["items"]) >= 1
    assert first["items"][1]["starts_at"] < rest["items"][0]["starts_at"]


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_api_schedules_postpones_holds_and_cancels(client, judge):
    case = a_case(judge)
    client.force_login(judge)
    day = next_working_day(3)
    answer = post(client, f"/api/v1/hearings/cases/{case.code}", {
        "kind": "hearing", "starts_at": at(day, 9).isoformat(),
        "ends_at": at(day, 11).isoformat(), "place_kind": "circuit",
        "address": "嘎查村委会", "township": "宝力根苏木"})
    assert answer.status_code == 201, answer.content
    code = answer.json()["code"]
    clash = post(client, f"/api/v1/hearings/cases/{a_case(judge).code}", {
        "starts_at": at(day, 10).isoformat(), "ends_at": at(day, 12).isoformat(),
        "place_kind": "online", "link": "https://meet.example.org/x"})
    assert clash.status_code == 422 and "王军" in json.dumps(clash.json(), ensure_ascii=False)
    moved = post(client, f"/api/v1/hearings/{code}/postpone", {
        "reason": "法院原因", "caused_by": "court", "starts_at": at(day + 7, 9).isoformat(),
        "ends_at": at(day + 7, 11).isoformat()})
    assert moved.status_code == 201 and moved.json()["postponed_from"] == code
    new = moved.json()["code"]
    Hearing.objects.filter(code=new).update(starts_at=at(-1, 9), ends_at=at(-1, 11))
    assert post(client, f"/api/v1/hearings/{new}/held", {}).status_code == 422  # attendees
    held = post(client, f"/api/v1/hearings/{new}/held", {"attendees": 41})
    assert held.json()["attendees"] == 41
    record = client.post(f"/api/v1/hearings/{new}/record", {
        "record": SimpleUploadedFile("笔录.pdf", PDF, content_type="application/pdf")})
    assert record.status_code == 200 and record.json()["has_record"]
    listed = client.get(f"/api/v1/hearings/cases/{case.code}").json()["items"]
    assert sorted(h["status"] for h in listed) == ["held", "postponed"]
    week = client.get(f"/api/v1/hearings/judges/{judge.pk}/week?week={at(day, 9).date()}")
    assert week.status_code == 200 and len(week.json()["days"]) == 7
    rooms = client.get(f"/api/v1/hearings/rooms/{room().pk}/week")
    assert rooms.status_code == 200


def test_the_api_refuses_naive_times(client, judge):
    client.force_login(judge)
    answer = post(client, f"/api/v1/hearings/cases/{a_case(judge).code}", {
        "starts_at": "2030-01-07T09:00:00", "ends_at": "2030-01-07T10:00:00",
        "place_kind": "online", "link": "https://meet.example.org/x"})
    assert answer.status_code == 422


def test_a_courtroom_with_hearings_is_not_deleted(client, judge, demo):
    hearing = scheduled(judge)
    client.force_login(demo["admin"])
    response = client.post(f"/courts/内2502/administration/courtrooms/{room().pk}/delete/",
                           follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Hearing.objects.filter(pk=hearing.pk, courtroom=room()).exists()


def test_a_week_far_out_of_range_is_refused_by_the_api(client, judge):
    client.force_login(judge)
    for week in ("0001-01-01", "9999-12-31"):
        answer = client.get(f"/api/v1/hearings/judges/{judge.pk}/week?week={week}")
        assert answer.status_code == 422
    assert client.get(f"/hearings/judges/{judge.pk}/?week=9999-12-31").status_code == 200
