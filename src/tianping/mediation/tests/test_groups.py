"""Group disputes (issue 11, part 6): many applicants against one respondent imported from a
workbook (every row checked, nothing created unless all are good), one filing and one
numbered mediation each, the migrant-wage green channel for all; batch steps over every
member or those chosen; who may import and see a group; the API's equivalents."""

import datetime
import io
import time
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from stdnum.cn import ric

from tianping.courts.models import Court
from tianping.filings.choices import FilingStatus
from tianping.filings.models import Filing
from tianping.flows import mediation_groups as flow
from tianping.mediation import groups
from tianping.mediation.choices import MediationStatus
from tianping.mediation.models import Mediation, MediationGroup, MediationSession, Mediator, Station

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 2)
HEADERS = ["姓名", "公民身份号码", "手机号码", "住址", "请求金额（元）", "事实和理由"]
EMPLOYER = {"name": "锡林浩特市恒达建筑工程有限公司", "kind": "legal",
            "id_number": "91152502MA0N2D4L8U", "address": "锡林浩特市额尔敦路8号",
            "phone": "04798888888"}


def id_number(n: int) -> str:
    body = f"152502{1970 + n % 30}{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def rows(count: int, start: int = 0) -> list[list]:
    return [[f"工人{n}", id_number(n), f"139{n:08d}", "内蒙古锡林浩特市宝力根苏木",
             f"{8000 + n}.50", ""] for n in range(start, start + count)]


def workbook(data: list[list], headers=HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in data:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read(content: bytes, name: str = "工人.xlsx") -> groups.Reading:
    return groups.read_workbook(io.BytesIO(content), name=name, size=len(content), today=TODAY)


@pytest.fixture
def court(demo):
    return Court.objects.get(code="内2502")


def imported(demo, court, count=3, **kwargs):
    reading = read(workbook(rows(count)))
    assert reading.ok, reading.problems
    return flow.import_group(actor=demo["lixia"], court=court, title="恒达建筑欠薪",
                             respondent=EMPLOYER, applicants=reading.applicants, today=TODAY,
                             **kwargs)


# The workbook


def test_the_template_round_trips_with_its_headers():
    content = groups.template_workbook()
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert [c.value for c in sheet[1]] == HEADERS
    reading = read(content)
    assert reading.applicants == [] and [p.message for p in reading.problems] == [
        "The workbook has no applicants: fill in one row for each, under the headers."]
    book = load_workbook(io.BytesIO(content))
    for row in rows(2):
        book.worksheets[0].append(row)
    out = io.BytesIO()
    book.save(out)
    again = read(out.getvalue())
    assert again.ok and [a.name for a in again.applicants] == ["工人0", "工人1"]
    assert again.applicants[0].amount == Decimal("8000.50")
    assert again.applicants[0].id_number == id_number(0)


def test_wrong_columns_are_one_error_naming_them():
    reading = read(workbook(rows(1), headers=["姓名", "身份证", "电话", "住址", "金额"]))
    [problem] = reading.problems
    assert problem.row == 1 and reading.applicants == []
    assert "公民身份号码" in problem.message and "手机号码" in problem.message
    assert "身份证" in problem.message  # not known


def test_bad_rows_each_give_their_error_with_row_and_column():
    data = rows(5)
    data[0][1] = "152502197001010010"  # bad check digit
    data[1][0] = ""  # no name
    data[2][4] = "1200.125"  # three decimals
    data[3][4] = -300  # negative
    data[4][2] = "1234"  # not a mobile number
    reading = read(workbook(data))
    found = {(p.row, p.column) for p in reading.problems}
    assert found == {(2, "Identity number"), (3, "Name"), (4, "Amount claimed (yuan)"),
                     (5, "Amount claimed (yuan)"), (6, "Mobile phone")}
    messages = {p.row: p.message for p in reading.problems}
    assert "check digit" in messages[2] and "two decimal places" in messages[4]
    assert "negative" in messages[5]


def test_duplicate_identity_numbers_are_named_with_the_first_row():
    data = rows(3)
    data[2][1] = data[0][1]
    reading = read(workbook(data))
    [problem] = reading.problems
    assert problem.row == 4 and "row 2" in problem.message


def test_what_is_not_a_workbook_is_refused_by_its_content():
    assert "not an Excel workbook" in read(b"%PDF-1.4 ...", "a.xlsx").problems[0].message
    assert "not an Excel workbook" in read(workbook(rows(1)), "a.pdf").problems[0].message
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("xl/workbook.xml", "<x/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    assert "too much data" in read(bomb.getvalue()).problems[0].message


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(groups, "MAX_ROWS", 3)
    reading = read(workbook(rows(4)))
    assert reading.applicants == [] and "more than 3" in reading.problems[0].message


def test_the_respondent_is_checked_like_a_filing_party():
    problems = groups.respondent_problems({**EMPLOYER, "id_number": "91152502MA0N2D4L8X",
                                           "kind": "natural"})
    assert set(problems) == {"id_number", "kind"}
    assert groups.respondent_problems(EMPLOYER) == {}


# Importing


def test_a_group_of_120_imports_each_a_filing_and_a_numbered_mediation(demo, court):
    started = time.monotonic()
    group = imported(demo, court, count=120)
    took = time.monotonic() - started
    print(f"\n120 applicants imported in {took:.1f} s")
    mediations = list(group.mediations.select_related("filing").order_by("id"))
    assert len(mediations) == 120
    numbers = {m.number for m in mediations}
    assert len(numbers) == 120 and all("民诉前调" in n for n in numbers)
    for m in mediations:
        assert m.status == MediationStatus.AWAITING_APPOINTMENT
        assert m.filing.status == FilingStatus.IN_MEDIATION and m.filing.is_migrant_wages
        assert [p.role for p in m.filing.parties.order_by("position")] == [
            "applicant", "respondent"]
    first = mediations[0].filing
    assert first.amount == Decimal("8000.50") and "8,000.50元" in first.claims
    assert first.parties.get(role="respondent").id_number == EMPLOYER["id_number"]


def test_nothing_is_created_when_a_member_fails(demo, court):
    reading = read(workbook(rows(2)))
    before = (Filing.objects.count(), Mediation.objects.count(), MediationGroup.objects.count())
    with pytest.raises(Exception):  # noqa: B017 (whatever the refusal, nothing stays)
        flow.import_group(actor=demo["lixia"], court=court, title="x",
                          respondent={**EMPLOYER, "id_number": "bad"},
                          applicants=reading.applicants, today=TODAY)
    after = (Filing.objects.count(), Mediation.objects.count(), MediationGroup.objects.count())
    assert before == after


def test_only_the_courts_filing_division_imports(demo, court):
    from django.core.exceptions import PermissionDenied

    reading = read(workbook(rows(1)))
    for who in ("zhangsan", "wangjun", "hutao", "sarula"):
        with pytest.raises(PermissionDenied):
            flow.import_group(actor=demo[who], court=court, title="x", respondent=EMPLOYER,
                              applicants=reading.applicants, today=TODAY)


# Batch steps


def invited(court):
    """A mediator of the roster without an account: the filing division answers for them."""
    return Mediator.objects.filter(court=court, user__isnull=True,
                                   delisted_on__isnull=True).first()


def test_one_mediator_and_one_session_for_the_whole_group(demo, court):
    group = imported(demo, court, count=6)
    mediator = invited(court)
    with pytest.raises(Exception) as refused:  # over capacity for six: a reason is needed
        flow.appoint(group, mediator, actor=demo["lixia"], today=TODAY)
    if "override" in str(refused.value):
        outcome = flow.appoint(group, mediator, actor=demo["lixia"], override="群体纠纷统一调解",
                               today=TODAY)
    else:  # pragma: no cover (a roster entry with room for all)
        raise refused.value
    assert len(outcome.done) == 6 and outcome.failed == []
    outcome = flow.accept(group, actor=demo["lixia"], today=TODAY)
    assert len(outcome.done) == 6
    room = Station.objects.filter(court=court, kind="room").first()
    start = timezone.make_aware(datetime.datetime(2026, 3, 4, 9))
    outcome = flow.schedule(group, actor=demo["lixia"], starts_at=start,
                            ends_at=start + datetime.timedelta(hours=2), mode="room",
                            station=room)
    assert len(outcome.done) == 6 and outcome.failed == []
    assert MediationSession.objects.filter(station=room, starts_at=start).count() == 6
    # another mediation is still refused the room at that hour
    from tianping.mediation.tests.test_mediations import under_way

    other = under_way(demo, court, today=TODAY)
    from django.core.exceptions import ValidationError

    from tianping.mediation import actions_mediations as actions

    with pytest.raises(ValidationError):
        actions.schedule_session(other, actor=demo["hutao"], starts_at=start,
                                 ends_at=start + datetime.timedelta(hours=1), mode="room",
                                 station=room)


def test_a_member_refused_does_not_stop_the_others(demo, court):
    group = imported(demo, court, count=3)
    mediator = invited(court)
    flow.appoint(group, mediator, actor=demo["lixia"], override="统一调解", today=TODAY)
    first = group.mediations.order_by("id").first()
    from tianping.mediation import actions_mediations as actions

    actions.accept(first, actor=demo["lixia"], today=TODAY)
    outcome = flow.accept(group, actor=demo["lixia"], today=TODAY)
    assert len(outcome.done) == 2 and [m.pk for m, _msgs in outcome.failed] == [first.pk]
    outcome = flow.end_without_agreement(group, actor=demo["lixia"], reason="disagreement",
                                         report="分歧较大", codes=[first.code])
    assert len(outcome.done) == 1
    first.refresh_from_db()
    assert first.status == MediationStatus.FAILED
    assert first.filing.status == FilingStatus.SUBMITTED


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_group_of_120_is_mediated_and_confirmed_in_one_pass(demo, court):
    clerk = demo["lixia"]
    group = imported(demo, court, count=120)
    flow.appoint(group, invited(court), actor=clerk, override="群体纠纷统一调解")
    assert len(flow.accept(group, actor=clerk).done) == 120
    start = timezone.now() + datetime.timedelta(days=1)
    outcome = flow.schedule(group, actor=clerk, starts_at=start,
                            ends_at=start + datetime.timedelta(hours=3), mode="online",
                            link="https://meeting.court.example/room/group")
    assert len(outcome.done) == 120
    assert len(flow.draft_agreements(group, actor=clerk, template="wages").done) == 120
    scan = SimpleUploadedFile("签字协议.pdf", PDF, content_type="application/pdf")
    outcome = flow.sign_on_paper(group, actor=clerk, scan=scan, joins_confirmation=True)
    assert outcome.failed == [] and len(outcome.done) == 120
    outcome = flow.apply_for_confirmation(group, actor=clerk)
    assert outcome.failed == [] and len(outcome.done) == 120
    rows = flow.member_rows(group)
    assert {r["agreement_state"] for r in rows} == {"confirmation"}
    progress = {p["step"]: (p["done"], p["left"]) for p in groups.progress(rows)}
    assert progress["confirmation"] == (120, 0) and progress["ended"] == (120, 0)
    agreement = rows[0]["agreement"]
    assert agreement.amount == Decimal("8000.50") and agreement.request.kind == (
        "judicial_confirmation")


# Pages


def upload(content: bytes, name: str = "工人.xlsx"):
    return SimpleUploadedFile(name, content, content_type=(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))


def form_data(content: bytes, **extra) -> dict:
    return {"court": "内2502", "title": "恒达建筑欠薪", "cause": "",
            "respondent_name": EMPLOYER["name"], "respondent_kind": "legal",
            "respondent_id_number": EMPLOYER["id_number"],
            "respondent_address": EMPLOYER["address"], "respondent_phone": EMPLOYER["phone"],
            "is_migrant_wages": "on", "workbook": upload(content), **extra}


def test_the_import_page_shows_each_problem_and_keeps_what_was_typed(client, demo):
    client.force_login(demo["lixia"])
    data = rows(2)
    data[1][1] = "152502197001010010"
    response = client.post("/mediation/groups/new/", form_data(workbook(data)))
    assert response.status_code == 400
    text = response.content.decode()
    assert "<td>3</td>" in text and 'id="problems"' in text
    assert EMPLOYER["name"] in text  # kept
    assert MediationGroup.objects.count() == 0
    response = client.post("/mediation/groups/new/", form_data(workbook(rows(3))))
    assert response.status_code == 302
    group = MediationGroup.objects.get()
    assert group.mediations.count() == 3 and group.is_migrant_wages
    page = client.get(f"/mediation/groups/{group.code}/")
    assert page.status_code == 200 and "工人2" in page.content.decode()


def test_the_template_downloads_for_the_filing_division(client, demo):
    client.force_login(demo["lixia"])
    response = client.get("/mediation/groups/template.xlsx")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).worksheets[0]["A1"].value == "姓名"
    client.force_login(demo["zhangsan"])
    assert client.get("/mediation/groups/template.xlsx").status_code == 403


def test_another_courts_filing_staff_and_a_litigant_neither_import_nor_see(client, demo, court):
    group = imported(demo, court)
    for who in ("tuya", "zhangsan", "sarula"):
        client.force_login(demo[who])
        assert client.get(f"/mediation/groups/{group.code}/").status_code == 404
        assert client.get(f"/api/v1/mediation/groups/{group.code}").status_code == 404
        assert client.post(f"/mediation/groups/{group.code}/accept/").status_code == 404
    client.force_login(demo["zhangsan"])
    assert client.get("/mediation/groups/new/").status_code == 403
    client.force_login(demo["tuya"])  # her own court's form: 内2502 is not offered
    response = client.post("/mediation/groups/new/", form_data(workbook(rows(1))))
    assert response.status_code == 400 and MediationGroup.objects.count() == 1


def test_batch_steps_on_the_page_for_all_or_the_ticked(client, demo, court):
    group = imported(demo, court, count=4)
    client.force_login(demo["lixia"])
    mediator = invited(court)
    url = f"/mediation/groups/{group.code}/"
    response = client.post(url + "appoint/", {"appoint-mediator": mediator.pk,
                                               "appoint-override": "统一调解"})
    assert response.status_code == 302
    codes = [m.code for m in flow.members(group)]
    response = client.post(url + "accept/", {"members": codes[:2]})
    assert response.status_code == 302
    statuses = [m.status for m in flow.members(group)]
    assert statuses == ["in_progress", "in_progress", "appointed", "appointed"]
    response = client.post(url + "accept/", {})  # all: two already accepted are named
    assert response.status_code == 200
    assert response.content.decode().count("/mediation/m/") >= 2
    assert client.get(url).status_code == 200


# API


def test_the_api_imports_with_per_row_errors_and_takes_the_steps(client, demo, court):
    client.force_login(demo["lixia"])
    data = rows(3)
    data[0][4] = "12.345"
    data[2][1] = data[1][1]
    fields = {k: v for k, v in form_data(workbook(data)).items() if k != "is_migrant_wages"}
    response = client.post("/api/v1/mediation/groups", fields)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert sorted(p["row"] for p in detail) == [2, 4] and all(p["column"] for p in detail)
    assert MediationGroup.objects.count() == 0
    fields["workbook"] = upload(workbook(rows(3)))
    response = client.post("/api/v1/mediation/groups", fields)
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["members"]) == 3 and body["is_migrant_wages"]
    assert all("民诉前调" in m["number"] for m in body["members"])
    code = body["code"]
    response = client.post(f"/api/v1/mediation/groups/{code}/appoint",
                           {"mediator": invited(court).pk, "override": "统一调解"},
                           content_type="application/json")
    assert response.status_code == 200 and len(response.json()["done"]) == 3
    response = client.post(f"/api/v1/mediation/groups/{code}/accept", {},
                           content_type="application/json")
    assert response.status_code == 200 and len(response.json()["done"]) == 3
    room = Station.objects.filter(court=court, kind="room").first()
    response = client.post(f"/api/v1/mediation/groups/{code}/sessions", {
        "starts_at": "2030-03-04T09:00:00+08:00", "ends_at": "2030-03-04T11:00:00+08:00",
        "mode": "room", "station": room.pk}, content_type="application/json")
    assert response.status_code == 200 and len(response.json()["done"]) == 3
    progress = {p["step"]: p["done"] for p in response.json()["group"]["progress"]}
    assert progress["scheduled"] == 3
    response = client.post(f"/api/v1/mediation/groups/{code}/end",
                           {"reason": "disagreement", "members": []},
                           content_type="application/json")
    assert response.status_code == 422
    assert client.get(f"/api/v1/mediation/groups/{code}").json()["code"] == code
    client.force_login(demo["tuya"])
    assert client.post("/api/v1/mediation/groups", {**fields, "workbook": upload(
        workbook(rows(1)))}).status_code == 404


def test_the_demo_group_is_in_mediation(demo):
    from tianping.demo.mediation_groups import MEMBERS, load_demo_mediation_groups

    assert load_demo_mediation_groups() == MEMBERS and load_demo_mediation_groups() == 0
    group = MediationGroup.objects.get()
    assert group.is_migrant_wages and group.mediations.count() == MEMBERS
    assert set(group.mediations.values_list("status", flat=True)) == {"in_progress"}
