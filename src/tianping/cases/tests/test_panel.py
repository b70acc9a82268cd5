"""Who tries the case (issue 12 part 1): a sole judge or a collegial panel with people's
assessors drawn at random (the draw kept and repeatable), seats changed with reasons, and
recusal asked by a party and decided by the right person, never by the member."""

import datetime
import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tianping.cases import actions_panel as panel
from tianping.cases.models_panel import Assessor, RecusalRequest, Seat

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def case(demo):
    from tianping.cases.actions import assign_by_hand
    from tianping.courts.models import Court
    from tianping.filings import actions
    from tianping.filings.choices import Channel
    from tianping.flows.filing import accept_filing

    filer = demo["zhangsan"]
    court = Court.objects.get(code="内2502")
    filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE,
                                  filer=filer)
    actions.save_draft(filing, actor=filer, claims="归还货款", facts="买卖合同")
    actions.set_parties(filing, [
        {"role": "plaintiff", "kind": "natural", "name": "张三", "doc_type": "resident_id",
         "id_number": "152502198503120022", "address": "锡林浩特市"},
        {"role": "defendant", "kind": "natural", "name": "李四", "doc_type": "resident_id",
         "id_number": "110105199001011232", "address": "北京市"}], actor=filer)
    case = accept_filing(actions.submit_filing(filing, actor=filer), actor=demo["lixia"])
    return assign_by_hand(case, actor=demo["liuqiang"], judge=demo["wangjun"],
                          reason="专业对口")


def test_a_panel_with_a_drawn_assessor_and_its_draw_kept(demo, case):
    seats = panel.compose_bench(case, actor=demo["liuqiang"], sole=False,
                                judges=[demo["liuqiang"], demo["wangjun"]], assessors=1,
                                assistant=demo["zhaomin"], clerk=demo["sunli"],
                                reason="案情较复杂", today=TODAY, seed=42)
    by_seat = {s.seat: s for s in seats}
    assert by_seat[Seat.PRESIDING].user == demo["liuqiang"]
    assert by_seat[Seat.JUDGE].user == demo["wangjun"]
    assert by_seat[Seat.ASSISTANT].user == demo["zhaomin"]
    assert by_seat[Seat.CLERK].user == demo["sunli"]
    assessor = by_seat[Seat.ASSESSOR]
    draw = assessor.draw
    # the draw can be checked: the same seed over the same pool gives the same assessor
    assert random.Random(int(draw["seed"])).sample(draw["pool"], 1) == [assessor.assessor_id]
    assert set(draw["pool"]) == set(Assessor.objects.filter(court=case.court, is_active=True)
                                    .values_list("pk", flat=True))
    assert case.events.filter(kind="bench_composed").exists()


def test_the_panel_rules(demo, case):
    compose = panel.compose_bench
    with pytest.raises(ValidationError):  # an even panel
        compose(case, actor=demo["liuqiang"], sole=False,
                judges=[demo["liuqiang"], demo["wangjun"]], today=TODAY)
    with pytest.raises(ValidationError):  # without the case's judge
        compose(case, actor=demo["liuqiang"], sole=False,
                judges=[demo["liuqiang"], demo["chenzhi"]], assessors=1, today=TODAY)
    with pytest.raises(ValidationError):  # a clerk on the bench
        compose(case, actor=demo["liuqiang"], sole=False,
                judges=[demo["sunli"], demo["wangjun"]], assessors=1, today=TODAY)
    with pytest.raises(ValidationError):  # more assessors than the list has
        compose(case, actor=demo["liuqiang"], sole=False, judges=[demo["wangjun"]],
                assessors=40, today=TODAY)
    with pytest.raises(PermissionDenied):  # the judge does not compose their own bench
        compose(case, actor=demo["wangjun"], sole=True, today=TODAY)
    case.procedure = "summary"
    case.save(update_fields=["procedure"])
    with pytest.raises(ValidationError, match="独任|sole|简易"):
        compose(case, actor=demo["liuqiang"], sole=False, judges=[demo["wangjun"]],
                assessors=2, today=TODAY)
    seats = compose(case, actor=demo["liuqiang"], sole=True, today=TODAY)
    assert [s.seat for s in seats] == [Seat.SOLE] and seats[0].user == demo["wangjun"]


def test_a_seat_changes_with_its_reason_and_history(demo, case):
    seats = panel.compose_bench(case, actor=demo["liuqiang"], sole=False,
                                judges=[demo["wangjun"]], assessors=2, today=TODAY, seed=7)
    assessor = next(s for s in seats if s.seat == Seat.ASSESSOR)
    with pytest.raises(ValidationError):
        panel.replace_seat(assessor, actor=demo["liuqiang"], reason="", today=TODAY)
    new = panel.replace_seat(assessor, actor=demo["liuqiang"], reason="陪审员出差",
                             today=TODAY, seed=8)
    sitting = {s.assessor_id for s in panel.current_seats(case) if s.assessor_id}
    assert new.assessor_id in sitting and assessor.assessor_id not in sitting
    assert len(sitting) == 2
    assessor.refresh_from_db()
    assert assessor.until == TODAY
    assert case.members.count() == 4  # the history stays


def test_recusal_is_asked_by_a_party_and_decided_by_the_president(demo, case):
    seats = panel.compose_bench(case, actor=demo["liuqiang"], sole=False,
                                judges=[demo["liuqiang"], demo["wangjun"]], assessors=1,
                                clerk=demo["sunli"], today=TODAY, seed=3)
    judge = next(s for s in seats if s.user == demo["wangjun"])
    clerk = next(s for s in seats if s.seat == Seat.CLERK)
    with pytest.raises(PermissionDenied):  # not a party
        panel.request_recusal(case, judge, actor=demo["lixia"], grounds="有利害关系")
    with pytest.raises(ValidationError):
        panel.request_recusal(case, judge, actor=demo["zhangsan"], grounds="")
    asked = panel.request_recusal(case, judge, actor=demo["zhangsan"],
                                  grounds="审判员与被告系近亲属")
    with pytest.raises(ValidationError):  # one at a time
        panel.request_recusal(case, judge, actor=demo["zhangsan"], grounds="同上")
    for who in ("wangjun", "liuqiang"):  # the member themself; a division head
        with pytest.raises(PermissionDenied):
            panel.decide_recusal(asked, actor=demo[who], granted=False, reasons="无依据")
    with pytest.raises(ValidationError):  # a refusal gives reasons
        panel.decide_recusal(asked, actor=demo["chenzhi"], granted=False)
    panel.decide_recusal(asked, actor=demo["chenzhi"], granted=True, today=TODAY)
    judge.refresh_from_db()
    assert judge.until == TODAY
    # the clerk's recusal is for the presiding judge
    on_clerk = panel.request_recusal(case, clerk, actor=demo["zhangsan"], grounds="曾作证人")
    with pytest.raises(PermissionDenied):
        panel.decide_recusal(on_clerk, actor=demo["sunli"], granted=False, reasons="x")
    done = panel.decide_recusal(on_clerk, actor=demo["liuqiang"], granted=False,
                                reasons="理由不成立", today=TODAY)
    assert done.status == RecusalRequest.Status.REFUSED
    assert [e.kind for e in case.events.all()][-1] == "recusal_decided"


def test_whoever_sits_on_the_bench_sees_the_case_and_no_longer_once_replaced(demo, case):
    from django.contrib.auth import get_user_model

    from tianping.cases.permissions import cases_visible_to
    from tianping.courts.models import Court, Membership

    clerk = get_user_model().objects.create_user("clerk2", kind="staff", full_name="乌兰")
    Membership.objects.create(user=clerk, court=Court.objects.get(code="内2502"),
                              role="court_clerk")  # in no team of the case, no division
    assert not cases_visible_to(clerk).filter(pk=case.pk).exists()
    seats = panel.compose_bench(case, actor=demo["liuqiang"], sole=True, clerk=clerk,
                                today=TODAY)
    assert cases_visible_to(clerk).filter(pk=case.pk).exists()
    seat = next(s for s in seats if s.seat == Seat.CLERK)
    panel.replace_seat(seat, actor=demo["liuqiang"], user=demo["sunli"], reason="工作调整",
                       today=TODAY)
    assert not cases_visible_to(clerk).filter(pk=case.pk).exists()
