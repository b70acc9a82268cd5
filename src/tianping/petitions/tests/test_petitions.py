"""Petition actions: the due dates by the rules, 诉访分离, the extension approved by the
president (never by whoever asked), repeats, a petitioner's sight, masked identity."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tianping.courts.holidays import court_calendar
from tianping.courts.models import Court
from tianping.law.periods import compute_period
from tianping.petitions import actions, queries
from tianping.petitions.choices import Status
from tianping.petitions.models import AppendOnly, PetitionEvent
from tianping.petitions.tests.helpers import online_petition, zhangsans_case

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def people(demo):
    return demo


@pytest.fixture
def case(people):
    return zhangsans_case(people["zhangsan"], people["wangjun"])


def _due(start, days):
    court = Court.objects.get(code="内2502")
    return compute_period(start, court_calendar(court=court), days=days).expires_on


def test_acceptance_and_reply_due_dates_follow_the_rules(people, case):
    p = online_petition(people["zhangsan"], case)
    assert p.acceptance_due_on == _due(TODAY, 15) and p.due_on == p.acceptance_due_on
    assert p.petitioner == people["zhangsan"] and p.channel == "online"
    p = actions.classify(p, actor=people["fangyu"], decision="accept", today=TODAY)
    assert p.status == Status.ACCEPTED and p.reply_due_on == _due(TODAY, 60)
    # the case's timeline has it, internal
    event = case.events.get(kind="petition_accepted")
    assert not event.is_public and event.details["petition"] == p.code


def test_a_litigation_matter_is_routed_and_not_counted(client, people, case):
    p = online_petition(people["zhangsan"], case)
    p = actions.classify(p, actor=people["fangyu"], decision="route", route="appeal",
                         today=TODAY)
    assert p.status == Status.ROUTED and p.due_on is None
    client.force_login(people["zhangsan"])
    page = client.get(reverse("petitions:my_detail", args=[p.code])).content.decode()
    assert "上诉期" in page  # where to file it, in the reader's language
    assert people["zhangsan"].notifications.filter(kind="petition.routed").exists()
    proper = online_petition(people["zhangsan"], matter="另一事项")
    court = Court.objects.get(code="内2502")
    counts = queries.counts(court, TODAY, TODAY)
    assert counts["registered"] == 1  # the routed one is not a petition
    assert proper.status == Status.REGISTERED


def test_only_the_courts_handlers_classify(people, case):
    p = online_petition(people["zhangsan"], case)
    for who in ("zhangsan", "wangjun", "lixia"):
        with pytest.raises(PermissionDenied):
            actions.classify(p, actor=people[who], decision="accept", today=TODAY)


def test_extension_by_the_president_never_by_whoever_asked(people, case):
    p = online_petition(people["zhangsan"], case)
    p = actions.classify(p, actor=people["fangyu"], decision="accept", today=TODAY)
    p = actions.assign(p, actor=people["fangyu"], handler=people["chenzhi"])
    p = actions.ask_extension(p, actor=people["chenzhi"], reason="需调查")
    with pytest.raises(PermissionDenied):  # the president asked: he may not approve
        actions.decide_extension(p, actor=people["chenzhi"], grant=True)
    with pytest.raises(PermissionDenied):  # not a president
        actions.decide_extension(p, actor=people["fangyu"], grant=True)
    q = online_petition(people["zhangsan"], case, matter="二")
    q = actions.classify(q, actor=people["fangyu"], decision="accept", today=TODAY)
    q = actions.ask_extension(q, actor=people["fangyu"], reason="需调查")
    q = actions.decide_extension(q, actor=people["chenzhi"], grant=True)
    assert q.reply_due_on == _due(TODAY, 90) and q.extension_granted


def test_reply_rating_review_and_recheck(people, case):
    p = online_petition(people["zhangsan"], case)
    p = actions.classify(p, actor=people["fangyu"], decision="accept", today=TODAY)
    upload = SimpleUploadedFile("答复.pdf", PDF, content_type="application/pdf")
    p = actions.reply(p, actor=people["fangyu"], text="已督促执行", attachment=upload,
                      today=TODAY)
    assert p.status == Status.REPLIED and p.reply_file_name == "答复.pdf"
    with pytest.raises(PermissionDenied):
        actions.rate(p, actor=people["fangyu"], satisfaction="satisfied")
    p = actions.rate(p, actor=people["zhangsan"], satisfaction="not_satisfied", comment="慢")
    later = TODAY + datetime.timedelta(days=5)
    p = actions.ask_review(p, actor=people["zhangsan"], reasons="不服", today=later)
    assert p.status == Status.REVIEW and p.review_due_on == _due(later, 30)
    with pytest.raises(PermissionDenied):  # who replied does not review
        actions.record_review(p, actor=people["fangyu"], result="维持", today=later)
    p = actions.record_review(p, actor=people["chenzhi"], result="维持", today=later)
    p = actions.ask_review(p, actor=people["zhangsan"], reasons="仍不服", today=later)
    assert p.status == Status.RECHECK and p.recheck_due_on == _due(later, 30)
    court = Court.objects.get(code="内2502")
    assert queries.counts(court, TODAY, TODAY)["replied_in_time"] == 1


def test_review_asked_too_late_is_refused(people, case):
    p = online_petition(people["zhangsan"], case)
    p = actions.classify(p, actor=people["fangyu"], decision="accept", today=TODAY)
    p = actions.reply(p, actor=people["fangyu"], text="答复", today=TODAY)
    with pytest.raises(ValidationError):
        actions.ask_review(p, actor=people["zhangsan"], reasons="不服",
                           today=TODAY + datetime.timedelta(days=60))


def test_repeat_petitions_are_linked_and_counted(people, case):
    first = online_petition(people["zhangsan"], case)
    second = online_petition(people["zhangsan"], case, matter="又一次")
    assert list(second.earlier.all()) == [first]
    other = online_petition(people["zhangsan"], matter="无关")
    assert not other.earlier.exists()
    actions.link(other, actor=people["fangyu"], earlier_code=first.code)
    court = Court.objects.get(code="内2502")
    assert queries.counts(court, TODAY, TODAY)["repeats"] == 2
    row = queries.queue_page(people["fangyu"], "open", TODAY).items
    assert {p.code: p.n_earlier for p in row}[second.code] == 1
    assert queries.per_hundred(2, 40) == 5


def test_a_petitioner_sees_only_theirs(client, people, case):
    mine = online_petition(people["zhangsan"], case)
    other = actions.register_petition(
        actor=people["fangyu"], court=Court.objects.get(code="内2502"), channel="visit",
        name="王五", id_number="110105199001011232", matter="某事", requests="某请求",
        today=TODAY)
    client.force_login(people["zhangsan"])
    assert client.get(reverse("petitions:my_detail", args=[mine.code])).status_code == 200
    assert client.get(reverse("petitions:my_detail", args=[other.code])).status_code == 404
    assert other.code not in client.get(reverse("petitions:mine")).content.decode()


def test_identity_checked_and_masked(client, people):
    court = Court.objects.get(code="内2502")
    with pytest.raises(ValidationError):
        actions.register_petition(actor=people["fangyu"], court=court, channel="visit",
                                  name="王五", id_number="110105199001011231", matter="事",
                                  requests="求", today=TODAY)
    p = actions.register_petition(actor=people["fangyu"], court=court, channel="letter",
                                  name="王五", id_number="110105199001011232", matter="事",
                                  requests="求", today=TODAY)
    client.force_login(people["fangyu"])
    body = client.get(reverse("petitions:detail", args=[p.code])).content.decode()
    assert "110105199001011232" not in body and "1232" in body


def test_events_are_append_only(people, case):
    p = online_petition(people["zhangsan"], case)
    event = PetitionEvent.objects.filter(petition=p).first()
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        PetitionEvent.objects.filter(petition=p).update(kind="x")
    with pytest.raises(AppendOnly):
        PetitionEvent.objects.filter(petition=p).delete()


def test_reception_days_are_booked_within_their_places(people):
    court = Court.objects.get(code="内2502")
    with pytest.raises(PermissionDenied):
        actions.add_reception(actor=people["fangyu"], court=court, leader=people["chenzhi"],
                              day=TODAY, starts_at=datetime.time(9), ends_at=datetime.time(11),
                              place="接待室", today=TODAY)
    day = actions.add_reception(actor=people["chenzhi"], court=court, leader=people["chenzhi"],
                                day=TODAY, starts_at=datetime.time(9),
                                ends_at=datetime.time(11), place="接待室", capacity=1,
                                today=TODAY)
    actions.book(day, actor=people["zhangsan"], today=TODAY)
    from django.contrib.auth import get_user_model

    other = get_user_model().objects.create_user("wangwu", password="x-Tianping-2026",
                                                 kind="litigant", full_name="王五")
    with pytest.raises(ValidationError):
        actions.book(day, actor=other, today=TODAY)
    p = online_petition(people["zhangsan"])
    booking = actions.receive(day, actor=people["fangyu"], petition=p, note="已接待")
    assert booking.status == "received" and p.events.filter(kind="received").exists()


def test_the_queue_puts_the_overdue_first_and_flags_them(client, people, case):
    court = Court.objects.get(code="内2502")
    late = actions.register_petition(actor=people["fangyu"], court=court, channel="letter",
                                     name="巴特尔", matter="事", requests="求",
                                     received_on=TODAY - datetime.timedelta(days=40),
                                     today=TODAY)
    fresh = online_petition(people["zhangsan"], case)
    rows = queries.queue_page(people["fangyu"], "open", TODAY).items
    assert [p.code for p in rows][:2] == [late.code, fresh.code]
    assert [p.code for p in queries.queue_page(people["fangyu"], "overdue", TODAY).items] == [
        late.code]
    client.force_login(people["fangyu"])
    body = client.get(reverse("petitions:detail", args=[late.code])).content.decode()
    assert "已逾期" in body or "overdue" in body
    body = client.get(reverse("petitions:queue") + "?channel=online").content.decode()
    assert fresh.code in body and late.code not in body


def test_the_case_pages_show_the_petitions(client, people, case):
    from tianping.cases.models import CaseParty

    mine = online_petition(people["zhangsan"], case)
    from django.contrib.auth import get_user_model

    lisi = get_user_model().objects.create_user("lisi", password="x-Tianping-2026",
                                                kind="litigant", full_name="李四")
    CaseParty.objects.create(case=case, role="defendant", kind="natural", name="李四",
                             position=1, user=lisi)
    his = online_petition(lisi, case, matter="原告滥诉")
    client.force_login(people["zhangsan"])
    body = client.get(reverse("party_cases:detail", args=[case.code])).content.decode()
    assert mine.code in body and his.code not in body
    client.force_login(people["wangjun"])  # the judge: count and status, no link
    body = client.get(reverse("cases:detail", args=[case.code])).content.decode()
    assert mine.code in body and his.code in body
    assert reverse("petitions:detail", args=[mine.code]) not in body
    client.force_login(people["fangyu"])
    body = client.get(reverse("cases:detail", args=[case.code])).content.decode()
    assert reverse("petitions:detail", args=[mine.code]) in body


def test_files_are_checked_and_bounded(people, case):
    p = online_petition(people["zhangsan"], case)
    with pytest.raises(ValidationError):
        actions.add_files(p, actor=people["zhangsan"], files=[
            SimpleUploadedFile("假.pdf", b"not a pdf", content_type="application/pdf")])
    actions.add_files(p, actor=people["zhangsan"], files=[
        SimpleUploadedFile(f"{i}.pdf", PDF, content_type="application/pdf") for i in range(5)])
    with pytest.raises(ValidationError):
        actions.add_files(p, actor=people["zhangsan"], files=[
            SimpleUploadedFile("6.pdf", PDF, content_type="application/pdf")])
    with pytest.raises(PermissionDenied):
        actions.add_files(p, actor=people["wangjun"], files=[
            SimpleUploadedFile("7.pdf", PDF, content_type="application/pdf")])
    assert p.files.count() == 5
